// Everything the editor says about the current form values, in one pure pass: the body it would send, the AWS
// violations (with AWS's wording, placed on form fields), form-only problems, and the verdict.
import { parseMappingSource, responseHeaderKey } from '@/rules/mapping-expression';
import type { IntegrationResponseInput, MethodResponse, RuleWarning } from '@/rules/types';
import { formStructureErrors, formToPutBody, type EditorFormValues } from '@/integration-response/form-model';
import { computeEditorVerdict, violationFormFields, type EditorVerdict } from './verdict';

export interface FieldMessage {
  /** Form field path: `selectionPattern`, `contentHandling`, `templates.0.contentType`, `mappings.1.value`, a section
   * (`templates`, `mappings`) or `statusCode` (the page itself). */
  field: string;
  message: string;
  /** For warnings: a one-click correction, the value the field would take. */
  fix?: { label: string; value: string };
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
  const structure = formStructureErrors(values);
  for (const [field, message] of Object.entries(structure)) push(field, message);
  for (const violation of verdict.violations) {
    // A field the form already asks to fill in needs no second, AWS-worded message about the same emptiness.
    for (const field of violationFormFields(violation, values))
      if (!(field in structure)) push(field, violation.message);
  }
  // A stable sort keeps AWS's own order among messages of one field.
  errors.sort(compareFields);
  return { body, errors, verdict };
}

export function messagesFor(messages: FieldMessage[], field: string): string[] {
  return messages.filter((m) => m.field === field).map((m) => m.message);
}

/** The messages of one field with their corrections, for FieldMessages' warnings. */
export function warningsFor(messages: FieldMessage[], field: string): { message: string; fix?: FieldMessage['fix'] }[] {
  return messages.filter((m) => m.field === field).map(({ message, fix }) => (fix ? { message, fix } : { message }));
}

/**
 * Where a rule warning belongs in the form, with its correction turned into the form field's value. Mapping
 * warnings concern a row's value; a static row holds its text without AWS's quotes.
 */
export function warningFormMessages(warning: RuleWarning, values: EditorFormValues): FieldMessage[] {
  const { field, message, fix } = warning;
  if (!field.startsWith('responseParameters.')) return [{ field, message, ...(fix ? { fix } : {}) }];
  const key = field.slice('responseParameters.'.length);
  const rows = values.mappings.flatMap((row, index) => (responseHeaderKey(row.header) === key ? [{ row, index }] : []));
  if (rows.length === 0) return [{ field: 'mappings', message }];
  return rows.map(({ row, index }) => {
    const source = fix ? parseMappingSource(fix.value) : null;
    const value = row.kind === 'static' && source?.kind === 'static' ? source.value : fix?.value;
    return {
      field: `mappings.${index}.value`,
      message,
      ...(fix && value !== undefined ? { fix: { label: fix.label, value } } : {}),
    };
  });
}
