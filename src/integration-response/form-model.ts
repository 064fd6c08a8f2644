// The editor's form values and their conversion to and from the PutIntegrationResponse body. Pure: no React, no
// DOM, so the verdict parity test (Node) and the review step can use it too. AWS rules are never decided here:
// they come from src/rules.
import {
  formatMappingSource,
  parseMappingSource,
  responseHeaderKey,
  responseHeaderName,
  type MappingSource,
} from '@/rules/mapping-expression';
import type { ContentHandling, IntegrationResponse, IntegrationResponseInput } from '@/rules/types';

export type ContentHandlingChoice = 'PASSTHROUGH' | ContentHandling;

/** `expression` keeps an AWS expression verbatim (one the rules cannot parse, or one typed by hand). */
export type MappingSourceKind = MappingSource['kind'] | 'expression';

export interface MappingRow {
  /** Header name without `method.response.header.`. */
  header: string;
  kind: MappingSourceKind;
  /** Static text (unquoted), header name, JSONPath without `$` ('' = whole body), variable name, or raw expression. */
  value: string;
}

export interface TemplateRow {
  contentType: string;
  template: string;
}

export interface EditorFormValues {
  /** '' = the default response. */
  selectionPattern: string;
  contentHandling: ContentHandlingChoice;
  templates: TemplateRow[];
  mappings: MappingRow[];
}

export const emptyFormValues: EditorFormValues = {
  selectionPattern: '',
  contentHandling: 'PASSTHROUGH',
  templates: [],
  mappings: [],
};

export function mappingRowToSource(row: MappingRow): MappingSource | null {
  switch (row.kind) {
    case 'static':
      return { kind: 'static', value: row.value };
    case 'body':
      return { kind: 'body', path: row.value };
    case 'header':
    case 'multivalueheader':
    case 'stageVariable':
    case 'context':
      return { kind: row.kind, name: row.value };
    case 'expression':
      return parseMappingSource(row.value);
  }
}

/** The raw AWS expression for one row, as it goes into `responseParameters`. */
export function mappingRowExpression(row: MappingRow): string {
  if (row.kind === 'expression') return row.value;
  const source = mappingRowToSource(row);
  return source ? formatMappingSource(source) : row.value;
}

export function mappingRowFromExpression(header: string, expression: string): MappingRow {
  const source = parseMappingSource(expression);
  if (!source) return { header, kind: 'expression', value: expression };
  switch (source.kind) {
    case 'static':
      return { header, kind: 'static', value: source.value };
    case 'body':
      return { header, kind: 'body', value: source.path };
    default:
      return { header, kind: source.kind, value: source.name };
  }
}

/** Kinds whose value names something: empty is never a valid expression. */
const requiredValueLabels: Partial<Record<MappingSourceKind, string>> = {
  header: 'Enter the integration response header name',
  multivalueheader: 'Enter the integration response header name',
  stageVariable: 'Enter the stage variable name',
  context: 'Enter the context variable name, for example requestId',
  expression: 'Enter the AWS mapping expression',
};

/**
 * The row after its Source changes to `kind`. The value is kept only where it means the same thing under the new
 * source: the same header (single value or all values), the AWS expression a row stands for, or an expression that
 * is already of the new kind. Anything else (static text `30` becoming the context variable `context.30`) is
 * cleared, and the form then asks for a value.
 */
export function changeMappingKind(row: MappingRow, kind: MappingSourceKind): MappingRow {
  if (kind === row.kind) return row;
  const cleared: MappingRow = { ...row, kind, value: '' };
  if (kind === 'expression') {
    const named = row.kind !== 'static' && row.kind !== 'body';
    return named && row.value === '' ? cleared : { ...row, kind, value: mappingRowExpression(row) };
  }
  if (row.kind === 'expression') {
    const parsed = mappingRowFromExpression(row.header, row.value);
    return parsed.kind === kind ? parsed : cleared;
  }
  const sameHeader =
    (row.kind === 'header' && kind === 'multivalueheader') || (row.kind === 'multivalueheader' && kind === 'header');
  return sameHeader ? { ...row, kind } : cleared;
}

/**
 * Form → PutIntegrationResponse body. Omitted rather than empty where AWS treats both alike, so the stored
 * response reads like one created by hand:
 * - an empty selection pattern (the default response) is left out;
 * - Passthrough is the absence of `contentHandling`;
 * - no template rows → no `responseTemplates`; an empty template is sent as null (what AWS stores for "" too);
 * - rows without a header are left out (the form reports them; they cannot be expressed as a key).
 * With duplicate keys the last row wins, as a JSON object would; the form reports duplicates.
 */
export function formToPutBody(values: EditorFormValues): IntegrationResponseInput {
  const body: IntegrationResponseInput = {};
  if (values.selectionPattern !== '') body.selectionPattern = values.selectionPattern;
  const mappings = values.mappings.filter((row) => row.header.trim() !== '');
  if (mappings.length > 0) {
    body.responseParameters = Object.fromEntries(
      mappings.map((row) => [responseHeaderKey(row.header), mappingRowExpression(row)]),
    );
  }
  if (values.templates.length > 0) {
    body.responseTemplates = Object.fromEntries(
      values.templates.map((row) => [row.contentType, row.template === '' ? null : row.template]),
    );
  }
  if (values.contentHandling !== 'PASSTHROUGH') body.contentHandling = values.contentHandling;
  return body;
}

const storedContentHandlings: readonly ContentHandling[] = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'];

/** Stored integration response (or nothing, for a new one) → form values. */
export function integrationResponseToForm(
  response: IntegrationResponseInput | IntegrationResponse | undefined,
): EditorFormValues {
  if (!response) return { ...emptyFormValues, templates: [], mappings: [] };
  return {
    selectionPattern: response.selectionPattern ?? '',
    // AWS stores only the two values; a value only another server (moto) would keep is shown as passthrough.
    contentHandling: storedContentHandlings.find((v) => v === response.contentHandling) ?? 'PASSTHROUGH',
    templates: Object.entries(response.responseTemplates ?? {}).map(([contentType, template]) => ({
      contentType,
      template: template ?? '',
    })),
    mappings: Object.entries(response.responseParameters ?? {}).map(([key, expression]) =>
      mappingRowFromExpression(responseHeaderName(key), expression),
    ),
  };
}

/** Form-only problems: things a JSON object cannot express, so AWS never sees them. Keyed by form field path. */
export function formStructureErrors(values: EditorFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const seenTypes = new Map<string, number>();
  values.templates.forEach((row, index) => {
    const first = seenTypes.get(row.contentType);
    if (first !== undefined) {
      errors[`templates.${index}.contentType`] =
        `There is already a template for ${row.contentType || 'an empty content type'}`;
    } else seenTypes.set(row.contentType, index);
  });
  const seenHeaders = new Map<string, number>();
  values.mappings.forEach((row, index) => {
    if (row.header.trim() === '') {
      errors[`mappings.${index}.header`] = 'Choose the response header to map to';
      return;
    }
    // Header names are case-insensitive on the wire, but AWS keys are case-sensitive strings; flag exact duplicates only.
    if (seenHeaders.has(row.header))
      errors[`mappings.${index}.header`] = `${row.header} is already mapped in another row`;
    else seenHeaders.set(row.header, index);
  });
  values.mappings.forEach((row, index) => {
    const required = requiredValueLabels[row.kind];
    if (required && row.value.trim() === '') errors[`mappings.${index}.value`] = required;
  });
  return errors;
}

/** True when two form states would send the same body (used for "unsaved changes"). */
export function sameBody(a: EditorFormValues, b: EditorFormValues): boolean {
  return (
    a.templates.length === b.templates.length &&
    a.mappings.length === b.mappings.length &&
    sameJson(formToPutBody(a), formToPutBody(b))
  );
}

/** Deep equality of JSON values, ignoring key order: runs on every keystroke, so no serialising of templates. */
function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((item, i) => sameJson(item, y[i]));
  }
  const xr = x as Record<string, unknown>;
  const yr = y as Record<string, unknown>;
  const xKeys = Object.keys(xr).filter((k) => xr[k] !== undefined);
  const yKeys = Object.keys(yr).filter((k) => yr[k] !== undefined);
  if (xKeys.length !== yKeys.length) return false;
  return xKeys.every((k) => Object.hasOwn(yr, k) && sameJson(xr[k], yr[k]));
}
