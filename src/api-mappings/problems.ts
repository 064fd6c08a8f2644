// Problems of one overview row, decided by the same rules the editor uses (src/rules, src/preview), worded for
// a table cell. AWS's own rejection texts are long; the row says what is wrong and where.
import type { IntegrationResponse, Method } from '@/api/models';
import { validateIntegrationResponseAgainstMethod } from '@/rules/integration-response';
import { parseResponseHeaderKey } from '@/rules/mapping-expression';
import { isLambdaIntegration, isProxyIntegrationType } from '@/rules/integration-kind';
import { integrationResponseWarnings } from '@/rules/selection-pattern';
import type { RuleViolation, RuleWarning } from '@/rules/types';
import { checkJsonOutput, contentTypeExpectsJson } from '@/preview/json-check';
import { renderTemplate } from '@/preview/render-template';

export type ProblemSeverity = 'error' | 'warning';

export interface RowProblem {
  code: string;
  severity: ProblemSeverity;
  message: string;
}

/** Short names for the problem filter, keyed by RowProblem.code. */
export const problemLabels: Record<string, string> = {
  'no-integration': 'No integration',
  'no-integration-responses': 'No integration responses',
  'proxy-stray-response': 'Ignored by a proxy integration',
  'missing-method-response': 'Missing method response',
  'undeclared-header': 'Undeclared header mapping',
  'invalid-header-key': 'Invalid header mapping key',
  'invalid-mapping-source': 'Invalid header mapping value',
  'invalid-content-type': 'Invalid template content type',
  'template-too-large': 'Template too large',
  'no-default': 'No default response',
  shadowed: 'Shadowed selection pattern',
  overlap: 'Overlapping selection patterns',
  'js-regex-literal': 'JavaScript regex syntax in a pattern',
  'quoted-static-value': 'Quotes inside a static header value',
  'catch-all': 'Catch-all selection pattern',
  'java-regex': 'Selection pattern not portable to Java',
  multiline: 'Pattern misses multi-line errors',
  'status-pattern-shape': 'Pattern matches no status code',
  'invalid-json-output': 'Template output is not JSON',
  'template-error': 'Template does not render',
};

// The rules' warnings are written for the editor, next to the field; a table cell needs the gist. Unknown codes
// keep the rule's own text.
function fromWarning(w: RuleWarning, statusCode: string, pattern: string): RowProblem {
  switch (w.code) {
    case 'no-default':
      return {
        code: w.code,
        severity: 'warning',
        message: 'The method has no default response: an outcome no pattern matches fails with 500.',
      };
    case 'shadowed': {
      const other = w.otherStatusCode;
      return {
        code: w.code,
        severity: 'warning',
        message:
          pattern === ''
            ? `Two defaults: ${statusCode} and ${other ?? 'another'} both have an empty pattern.`
            : `Pattern ${pattern} is shadowed by ${other ?? 'another'} (matches everything it matches).`,
      };
    }
    case 'overlap': {
      const example = w.example ?? 'some outcomes';
      return {
        code: w.code,
        severity: 'warning',
        message: `Pattern ${pattern} and ${w.otherStatusCode ?? 'another'}'s both match ${example}: AWS documents no order between them.`,
      };
    }
    case 'multiline':
      return {
        code: w.code,
        severity: 'warning',
        message: `Pattern ${pattern} cannot match a multi-line error message: "." skips line breaks unless it starts with (?s).`,
      };
    case 'catch-all':
      return {
        code: w.code,
        severity: 'warning',
        message: `Pattern ${pattern} catches everything, successes included, so the default is never used.`,
      };
    default:
      return { code: w.code, severity: 'warning', message: w.message };
  }
}

function fromViolation(v: RuleViolation, statusCode: string): RowProblem {
  const key = v.field.startsWith('responseParameters.') ? v.field.slice('responseParameters.'.length) : '';
  const header = parseResponseHeaderKey(key) ?? key;
  const contentType = v.field.replace(/^responseTemplates\./, '');
  switch (v.code) {
    case 'undeclared-header':
      return {
        code: v.code,
        severity: 'error',
        message: `Header ${header} is mapped but method response ${statusCode} does not declare it.`,
      };
    case 'missing-method-response':
      return {
        code: v.code,
        severity: 'error',
        message: `No method response ${statusCode}: its header mappings are rejected by AWS and the response fails at run time.`,
      };
    case 'invalid-header-key':
      return { code: v.code, severity: 'error', message: `${key} is not a method.response.header.<name> key.` };
    case 'invalid-mapping-source':
      return {
        code: v.code,
        severity: 'error',
        message: `The value mapped to ${header} is not a valid source expression.`,
      };
    case 'invalid-content-type':
      return { code: v.code, severity: 'error', message: `Template key ${contentType} is not a content type.` };
    case 'template-too-large':
      return { code: v.code, severity: 'error', message: `The ${contentType} template is over 300 KB.` };
    default:
      return { code: 'rejected-by-aws', severity: 'error', message: v.message };
  }
}

/**
 * Everything the editor would flag for `integrationResponse` of `method`, plus the method-level problems
 * (no integration, no integration responses, no default response), which are repeated on every row of the
 * method so that filtering by problem never hides a method.
 */
export function computeRowProblems(method: Method, integrationResponse: IntegrationResponse | undefined): RowProblem[] {
  const integration = method.methodIntegration;
  if (integration === undefined) {
    return [
      {
        code: 'no-integration',
        severity: 'warning',
        message: 'No integration: the method needs one before responses can be mapped.',
      },
    ];
  }
  const responses = Object.values(integration.integrationResponses ?? {});
  if (isProxyIntegrationType(integration.type)) {
    if (integrationResponse === undefined) return [];
    return [
      {
        code: 'proxy-stray-response',
        severity: 'warning',
        message: `${integration.type} passes the backend response through: this integration response is ignored.`,
      },
    ];
  }
  if (integrationResponse === undefined) {
    return [
      {
        code: 'no-integration-responses',
        severity: 'error',
        message: 'No integration response: every call fails with 500 (no output mapping).',
      },
    ];
  }

  const problems: RowProblem[] = [];
  const { statusCode } = integrationResponse;
  const methodResponse = method.methodResponses?.[statusCode];
  for (const v of validateIntegrationResponseAgainstMethod(integrationResponse, methodResponse)) {
    problems.push(fromViolation(v, statusCode));
  }
  if (methodResponse === undefined && !problems.some((p) => p.code === 'missing-method-response')) {
    problems.push({
      code: 'missing-method-response',
      severity: 'error',
      message: `No method response ${statusCode}: API Gateway fails at run time ("Output mapping refers to an invalid method response").`,
    });
  }
  const warnings = integrationResponseWarnings({
    statusCode,
    input: integrationResponse,
    siblings: responses,
    integrationType: integration.type,
    isLambda: isLambdaIntegration(integration),
  });
  for (const w of warnings) problems.push(fromWarning(w, statusCode, integrationResponse.selectionPattern ?? ''));
  problems.push(...templateProblems(integrationResponse));
  return dedupe(problems);
}

function dedupe(problems: RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}\n${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The sample back-end body the JSON check renders each template with: every plain JSONPath the template reads
 * (`$.a.b` in `$input.json(...)`/`$input.path(...)`) holds `[1]`. That prints as valid JSON whether the template
 * quotes it or not, and supports `.size()` and `#foreach`, so only templates whose own text breaks JSON are
 * flagged. An empty body `{}` would not do: every `$input.json('$.x')` renders as nothing on it, which is invalid
 * JSON but not the template's fault.
 */
export function sampleBodyFor(template: string): string {
  const root: Record<string, unknown> = {};
  for (const m of template.matchAll(/\$input\.(?:json|path)\(\s*['"]\$((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)['"]\s*\)/g)) {
    const keys = (m[1] ?? '').split('.').slice(1);
    let node = root;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const existing = node[key];
      if (last) {
        if (existing === undefined) node[key] = [1];
      } else {
        if (typeof existing !== 'object' || existing === null) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return JSON.stringify(root);
}

// Rendering is the costly part for big APIs, and the same template text often repeats across methods.
const templateVerdicts = new Map<string, RowProblem | null>();

function templateProblems(ir: IntegrationResponse): RowProblem[] {
  const out: RowProblem[] = [];
  for (const [contentType, template] of Object.entries(ir.responseTemplates ?? {})) {
    // A null template passes the body through unchanged: nothing of ours to check.
    if (template === null || template === '' || !contentTypeExpectsJson(contentType)) continue;
    const cacheKey = `${ir.statusCode}\u0000${contentType}\u0000${template}`;
    let verdict = templateVerdicts.get(cacheKey);
    if (verdict === undefined) {
      verdict = judgeTemplate(contentType, template, ir.statusCode);
      if (templateVerdicts.size > 5_000) templateVerdicts.clear();
      templateVerdicts.set(cacheKey, verdict);
    }
    if (verdict) out.push(verdict);
  }
  return out;
}

function judgeTemplate(contentType: string, template: string, statusCode: string): RowProblem | null {
  const rendered = renderTemplate(template, { body: sampleBodyFor(template), headers: {}, statusCode });
  if (!rendered.ok) {
    return {
      code: 'template-error',
      severity: 'warning',
      message: `The ${contentType} template does not render: ${rendered.error.message}`,
    };
  }
  const json = checkJsonOutput(rendered.output);
  if (json.valid) return null;
  return {
    code: 'invalid-json-output',
    severity: 'warning',
    message: `The ${contentType} template renders invalid JSON on the sample body (line ${json.line}, column ${json.column}: ${json.message}).`,
  };
}
