// What the editor says AWS would answer, computed with the shared rules exactly as the emulator does: request-stage
// violations first (AWS reports them before any existence check), method-stage ones only when the request is clean.
import {
  awsVerdict,
  validateIntegrationResponseAgainstMethod,
  validateIntegrationResponseRequest,
} from '@/rules/integration-response';
import type { AwsErrorType, IntegrationResponseInput, MethodResponse, RuleViolation } from '@/rules/types';
import type { EditorFormValues } from '@/integration-response/form-model';
import { responseHeaderKey } from '@/rules/mapping-expression';

export interface EditorVerdict {
  /** Every violation the rules find (request and method stage), for inline display. */
  violations: RuleViolation[];
  /** The one error AWS would return, or null when AWS would answer 201. */
  verdict: { type: AwsErrorType; message: string } | null;
  /** The normalized body AWS would store when the request stage passes. */
  value?: IntegrationResponseInput;
}

export function computeEditorVerdict(
  statusCode: string,
  body: unknown,
  methodResponse: MethodResponse | undefined,
): EditorVerdict {
  const request = validateIntegrationResponseRequest(statusCode, body);
  const method = request.value ? validateIntegrationResponseAgainstMethod(request.value, methodResponse) : [];
  const violations = [...request.violations, ...method];
  const verdict = awsVerdict(request.violations.length > 0 ? request.violations : method);
  return { violations, verdict, value: request.value };
}

/**
 * Where a violation belongs in the form. Rule fields are body paths (`responseTemplates.application/json`); form
 * fields are row paths (`templates.0.contentType`). A violation with no matching row goes to the section.
 */
export function violationFormFields(violation: RuleViolation, values: EditorFormValues): string[] {
  const { field, message } = violation;
  if (field === 'selectionPattern' || field === 'contentHandling' || field === 'statusCode') return [field];
  if (field.startsWith('responseTemplates.')) {
    const contentType = field.slice('responseTemplates.'.length);
    const part = /content type specified/i.test(message) ? 'contentType' : 'template';
    const rows = values.templates.flatMap((row, index) =>
      row.contentType === contentType ? [`templates.${index}.${part}`] : [],
    );
    return rows.length > 0 ? rows : ['templates'];
  }
  if (field.startsWith('responseParameters.')) {
    const key = field.slice('responseParameters.'.length);
    // "Invalid mapping expression specified: <value>" concerns the source; the other texts concern the key.
    // Every text starts "Invalid mapping expression specified: Validation Result: ..."; the bracketed part tells which.
    const part = /errors : \[Invalid mapping expression specified: /.test(message) ? 'value' : 'header';
    const rows = values.mappings.flatMap((row, index) =>
      responseHeaderKey(row.header) === key ? [`mappings.${index}.${part}`] : [],
    );
    return rows.length > 0 ? rows : ['mappings'];
  }
  if (field === 'responseTemplates') return ['templates'];
  if (field === 'responseParameters') return ['mappings'];
  return ['form'];
}
