// selectionPattern semantics: a Java regex matched against the whole Lambda errorMessage (Lambda, non-proxy) or the
// back end's HTTP status code (HTTP, AWS, MOCK); an empty or absent pattern marks the default response
// (docs/aws/selection-patterns.md).

import { analyzeJavaPattern } from './java-regex';
import { mappingValueWarnings } from './mapping-expression';
import type { IntegrationResponse, IntegrationResponseInput, IntegrationType, RuleWarning } from './types';

export function translateJavaPattern(
  pattern: string,
): { ok: true; regex: RegExp; notes: string[] } | { ok: false; error: string } {
  const r = analyzeJavaPattern(pattern);
  return r.ok ? { ok: true, regex: r.regex, notes: r.notes } : r;
}

/** Java `Pattern.matches` semantics. A pattern that can't be compiled never matches. */
export function matchesWhole(pattern: string, input: string): boolean {
  const r = analyzeJavaPattern(pattern);
  return r.ok && r.regex.test(input);
}

export type BackendOutcome =
  { kind: 'lambda'; errorMessage: string /* '' for success */ } | { kind: 'status'; statusCode: string };

function isDefault(pattern: string | undefined): boolean {
  return pattern === undefined || pattern === '';
}

// Status codes are three digits, so code-unit order is numeric order (and avoids localeCompare, whose first call in
// a page loads ICU's collation data).
function byStatusCode(a: IntegrationResponse, b: IntegrationResponse): number {
  return a.statusCode < b.statusCode ? -1 : a.statusCode > b.statusCode ? 1 : 0;
}

/**
 * Which integration response handles a back-end outcome. A Lambda success has an empty errorMessage, so a pattern
 * that matches '' (such as `.*`) takes it instead of the default, as AWS documents.
 *
 * When several patterns match, AWS does not document which wins. We pick the lowest status code (the order in which
 * AWS lists a method's integration responses), and the editor warns about overlaps (`shadowed`), so users are told
 * not to depend on it. Likewise for several defaults.
 */
export function selectIntegrationResponse(
  responses: IntegrationResponse[],
  outcome: BackendOutcome,
):
  | { statusCode: string; via: 'pattern'; /** Other responses whose pattern matches too. */ alsoMatched: string[] }
  | { statusCode: string; via: 'default' }
  | { statusCode: null; reason: string } {
  const subject = outcome.kind === 'lambda' ? outcome.errorMessage : outcome.statusCode;
  const sorted = [...responses].sort(byStatusCode);
  const [matched, ...alsoMatched] = sorted.filter(
    (r) => !isDefault(r.selectionPattern) && matchesWhole(r.selectionPattern ?? '', subject),
  );
  if (matched)
    return { statusCode: matched.statusCode, via: 'pattern', alsoMatched: alsoMatched.map((r) => r.statusCode) };
  const fallback = sorted.find((r) => isDefault(r.selectionPattern));
  if (fallback) return { statusCode: fallback.statusCode, via: 'default' };
  const what =
    outcome.kind === 'lambda'
      ? outcome.errorMessage === ''
        ? 'The Lambda call succeeded (empty error message)'
        : `The Lambda error message ${JSON.stringify(outcome.errorMessage)}`
      : `Back-end status code ${outcome.statusCode}`;
  return {
    statusCode: null,
    reason: `${what} matches no selection pattern and there is no default integration response, so API Gateway answers 500 (execution log: "Execution failed due to configuration error: No match for output mapping and no default output mapping specified").`,
  };
}

const STATUS_CODES: string[] = Array.from({ length: 500 }, (_, k) => String(100 + k));

/** Single-line Lambda error messages of very different shapes: a pattern matching all of them matches "anything". */
const LAMBDA_PROBES = [
  'a',
  'Error',
  'Invalid input',
  '[400] Bad Request',
  'Not found: 404',
  '{"code":500}',
  '500',
  ' ',
  'Ünïcödé ✓',
];

const MULTILINE_PROBES = ['Error\n    at handler (index.js:1:1)', 'four hundred\nline two', 'a\r\nb'];

function matchedCodes(pattern: string): Set<string> {
  return new Set(STATUS_CODES.filter((code) => matchesWhole(pattern, code)));
}

function matchesAnyMessage(pattern: string): boolean {
  return LAMBDA_PROBES.every((p) => matchesWhole(pattern, p));
}

function describeSubject(subject: string, isLambda: boolean): string {
  if (!isLambda) return `status code ${subject}`;
  return subject === '' ? 'an empty error message (a successful call)' : `the error message ${JSON.stringify(subject)}`;
}

/**
 * Text a pattern plausibly matches, read off its literal parts (`.*four hundred.*` → `four hundred`, `Invalid.+` →
 * `Invalidx`); null when the guess does not match it. Used only to find overlaps, which are then real: the
 * example is checked against both patterns.
 */
function exampleFor(pattern: string): string | null {
  const guess = pattern
    .replace(/^\(\?[a-zA-Z]+\)/, '')
    .replace(/\\d/g, '0')
    .replace(/\\s/g, ' ')
    .replace(/\\w/g, 'a')
    .replace(/\.\+|\.\{1,?\d*\}/g, 'x')
    .replace(/\.[*?]|\[[^\]]*\][*?]|[\^$]/g, '')
    .replace(/\\([^A-Za-z0-9])/g, '$1');
  return matchesWhole(pattern, guess) ? guess : null;
}

/** An outcome both patterns match, if one is found (status codes: all of them are tried). */
function commonExample(pattern: string, theirs: string, mine: Set<string> | null): string | null {
  if (mine) return [...mine].find((code) => matchesWhole(theirs, code)) ?? null;
  const candidates = ['', ...LAMBDA_PROBES, ...MULTILINE_PROBES, exampleFor(pattern), exampleFor(theirs)].filter(
    (c): c is string => c !== null,
  );
  return candidates.find((c) => matchesWhole(pattern, c) && matchesWhole(theirs, c)) ?? null;
}

export interface WarningContext {
  statusCode: string;
  input: IntegrationResponseInput;
  siblings: IntegrationResponse[];
  /** As the server reports it (any string: other servers store types AWS does not have). */
  integrationType?: IntegrationType | (string & {});
  isLambda: boolean;
}

/** Everything AWS accepts in this integration response that is likely not what was meant. */
export function integrationResponseWarnings(ctx: WarningContext): RuleWarning[] {
  return [...selectionPatternWarnings(ctx), ...mappingValueWarnings(ctx.input.responseParameters)];
}

const JS_FLAGS_JAVA_KNOWS = new Set(['i', 's', 'm']);

/**
 * A JavaScript regex literal such as `/invalid/i` typed as a selection pattern. AWS stores it and Java reads every
 * character as pattern text (`/` is not special in Java), so it never refuses it: it just matches only messages
 * that start with a slash. The suggestion moves the flags Java has into an inline group (`(?i)`) and drops the
 * others (`g`, `y`, `u`, `d`, `v` mean nothing for a whole-string match).
 */
export function jsRegexLiteralWarning(pattern: string, isLambda: boolean): RuleWarning | null {
  const m = /^\/([\s\S]+)\/([a-z]*)$/.exec(pattern);
  if (!m) return null;
  const body = m[1] ?? '';
  const flags = m[2] ?? '';
  const javaFlags = [...new Set(flags)].filter((f) => JS_FLAGS_JAVA_KNOWS.has(f)).join('');
  const suggestion = `${javaFlags ? `(?${javaFlags})` : ''}${body}`;
  const subject = isLambda ? 'error messages' : 'status codes';
  const flagText = flags ? ` and the "${flags}" after it` : '';
  return {
    code: 'js-regex-literal',
    field: 'selectionPattern',
    message: `This looks like a JavaScript regex literal. Java reads the slashes${flagText} as plain text, so it only matches ${subject} that start with "/" and end with "/${flags}". Write ${suggestion} instead${javaFlags.includes('i') ? ' ((?i) ignores case)' : ''}.`,
    fix: { label: `Use ${suggestion}`, value: suggestion },
  };
}

function selectionPatternWarnings(ctx: WarningContext): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const field = 'selectionPattern';
  const pattern = ctx.input.selectionPattern ?? '';
  const others = ctx.siblings.filter((s) => s.statusCode !== ctx.statusCode);
  const subject = ctx.isLambda ? 'Lambda error message' : 'back-end HTTP status code';

  if (!isDefault(pattern) && others.every((o) => !isDefault(o.selectionPattern))) {
    warnings.push({
      code: 'no-default',
      field,
      message: `None of this method's integration responses is the default (empty selection pattern). A ${subject} that matches no pattern makes API Gateway answer 500 "Internal server error".`,
    });
  }

  if (isDefault(pattern)) {
    for (const o of others.filter((x) => isDefault(x.selectionPattern))) {
      warnings.push({
        code: 'shadowed',
        field,
        otherStatusCode: o.statusCode,
        message: `The ${o.statusCode} integration response is also a default (empty selection pattern). Only one default is used, and AWS may refuse a second one (409 ConflictException "Integration response with selection pattern default already exists").`,
      });
    }
    return warnings;
  }

  const analysis = analyzeJavaPattern(pattern);
  if (!analysis.ok) {
    // UNVERIFIED whether AWS rejects an invalid pattern at PUT time (docs/aws/selection-patterns.md): it is accepted here, with a warning.
    warnings.push({
      code: 'java-regex',
      field,
      message: `This selection pattern can't be used as a Java regular expression here: ${analysis.error}. If Java can't compile it either, API Gateway stores it but it never matches.`,
    });
    return warnings;
  }
  for (const n of analysis.notes) warnings.push({ code: 'java-regex', field, message: n });
  const literal = jsRegexLiteralWarning(pattern, ctx.isLambda);
  if (literal) warnings.push(literal);

  // The default is whichever response has no selection pattern, whatever its status code (not necessarily 200).
  const fallback = others.find((o) => isDefault(o.selectionPattern))?.statusCode;
  const defaultNamed = fallback
    ? `the default integration response (${fallback}, the one with no selection pattern)`
    : '';
  if (ctx.isLambda && matchesWhole(pattern, '')) {
    warnings.push({
      code: 'catch-all',
      field,
      message: fallback
        ? `This pattern matches an empty error message, so it also catches every successful Lambda call: they get ${ctx.statusCode} instead of ${fallback} from ${defaultNamed}.`
        : `This pattern matches an empty error message, so it also catches every successful Lambda call: they get ${ctx.statusCode}.`,
    });
  } else if (!ctx.isLambda && matchedCodes(pattern).size === STATUS_CODES.length) {
    warnings.push({
      code: 'catch-all',
      field,
      message: fallback
        ? `This pattern matches every HTTP status code, so ${defaultNamed} is never used: every status code that no other pattern matches gets ${ctx.statusCode} instead of ${fallback}.`
        : `This pattern matches every HTTP status code, so it acts as the default: every status code that no other pattern matches gets ${ctx.statusCode}.`,
    });
  }

  const mine = ctx.isLambda ? null : matchedCodes(pattern);
  for (const o of others) {
    const theirs = o.selectionPattern ?? '';
    if (isDefault(theirs)) continue;
    let covered: boolean;
    if (theirs === pattern) covered = true;
    else if (mine) covered = mine.size > 0 && [...mine].every((code) => matchesWhole(theirs, code));
    else {
      // A pattern that can span lines is only covered by one that can too (e.g. `.+` does not cover `(?s).*x.*`).
      const spansLines = MULTILINE_PROBES.some((p) => matchesWhole(pattern, p));
      covered =
        matchesAnyMessage(theirs) &&
        (!matchesWhole(pattern, '') || matchesWhole(theirs, '')) &&
        (!spansLines || MULTILINE_PROBES.every((p) => matchesWhole(theirs, p)));
    }
    if (covered) {
      warnings.push({
        code: 'shadowed',
        field,
        otherStatusCode: o.statusCode,
        message: `Every ${subject} this pattern matches is also matched by the ${o.statusCode} integration response's pattern (${theirs}). AWS does not document which of the two is chosen.`,
      });
    }
  }

  for (const o of others) {
    const theirs = o.selectionPattern ?? '';
    if (isDefault(theirs) || warnings.some((w) => w.code === 'shadowed' && w.otherStatusCode === o.statusCode))
      continue;
    // Covered the other way round: the other response's row says "shadowed"; this one says where they meet.
    const example = commonExample(pattern, theirs, mine);
    if (example === null) continue;
    const described = describeSubject(example, ctx.isLambda);
    warnings.push({
      code: 'overlap',
      field,
      otherStatusCode: o.statusCode,
      example: described,
      message: `This pattern and the ${o.statusCode} integration response's pattern (${theirs}) both match ${described}. AWS documents no order among matching patterns, so which of the two answers it is not defined.`,
    });
  }

  if (ctx.isLambda && analysis.usesDot && !analysis.dotAll) {
    warnings.push({
      code: 'multiline',
      field,
      message: `"." does not match a line break, so this pattern can't match a multi-line Lambda error message (e.g. one with a stack trace). Start the pattern with (?s) to let "." match line breaks.`,
    });
  }

  if (!ctx.isLambda && mine && mine.size === 0) {
    warnings.push({
      code: 'status-pattern-shape',
      field,
      message: `For ${ctx.integrationType ?? 'non-Lambda'} integrations the selection pattern is matched against the back end's 3-digit HTTP status code (e.g. 4\\d{2}), not the response body, and this pattern matches no status code.`,
    });
  }
  return warnings;
}
