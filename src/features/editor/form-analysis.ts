// Everything the editor says about the current form values, in one pure pass: the body it would send, the AWS
// violations (with AWS's wording, placed on form fields), form-only problems, and the verdict.
import type { IntegrationResponseInput, MethodResponse } from '@/rules/types';
import { formStructureErrors, formToPutBody, type EditorFormValues } from '@/integration-response/form-model';
import { computeEditorVerdict, violationFormFields, type EditorVerdict } from './verdict';

export interface FieldMessage {
  /** Form field path: `selectionPattern`, `contentHandling`, `templates.0.contentType`, `mappings.1.value`, a section
   * (`templates`, `mappings`) or `statusCode` (the page itself). */
  field: string;
  message: string;
}

export interface FormAnalysis {
  body: IntegrationResponseInput;
  errors: FieldMessage[];
  verdict: EditorVerdict;
}

export interface AnalysisContext {
  statusCode: string;
  methodResponse: MethodResponse | undefined;
}

/** Order of the error summary: the order of the fields on the page. */
const fieldOrder = ['statusCode', 'selectionPattern', 'contentHandling', 'templates', 'mappings'];

function orderKey(field: string): [number, number, number] {
  const [section = '', index, part] = field.split('.');
  const rank = fieldOrder.indexOf(section);
  const partRank = part === 'contentType' || part === 'header' ? 0 : 1;
  return [rank < 0 ? fieldOrder.length : rank, index === undefined ? -1 : Number(index), partRank];
}

function compareFields(a: FieldMessage, b: FieldMessage): number {
  const ka = orderKey(a.field);
  const kb = orderKey(b.field);
  for (let i = 0; i < 3; i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function analyzeForm(values: EditorFormValues, ctx: AnalysisContext): FormAnalysis {
  const body = formToPutBody(values);
  const verdict = computeEditorVerdict(ctx.statusCode, body, ctx.methodResponse);
  const errors: FieldMessage[] = [];
  const seen = new Set<string>();
  const push = (field: string, message: string) => {
    const id = `${field}\u0000${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    errors.push({ field, message });
  };
  for (const [field, message] of Object.entries(formStructureErrors(values))) push(field, message);
  for (const violation of verdict.violations) {
    for (const field of violationFormFields(violation, values)) push(field, violation.message);
  }
  // A stable sort keeps AWS's own order among messages of one field.
  errors.sort(compareFields);
  return { body, errors, verdict };
}

export function messagesFor(messages: FieldMessage[], field: string): string[] {
  return messages.filter((m) => m.field === field).map((m) => m.message);
}
