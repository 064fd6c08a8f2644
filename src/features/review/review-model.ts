// What the review step compares and shows. Pure: no React, no fetch.
import type { IntegrationResponse, IntegrationResponseInput } from '@/rules/types';
import { responseHeaderName as headerName } from '@/rules/mapping-expression';
import { compareCodeUnits } from '@/rules/text-order';
import type { DiffLine } from './text-diff';
import { diffLines, hasChanges } from './text-diff';

/** The object AWS stores for a PUT body: the body plus the status code, with "" templates stored as null. */
export function storedShape(statusCode: string, body: IntegrationResponseInput): IntegrationResponse {
  const out: IntegrationResponse = { statusCode, ...body };
  if (body.responseTemplates) {
    out.responseTemplates = Object.fromEntries(
      Object.entries(body.responseTemplates).map(([k, v]) => [k, v === '' ? null : v]),
    );
  }
  return out;
}

function sortedEntries<T>(map: Record<string, T> | undefined): [string, T][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => compareCodeUnits(a, b));
}

/**
 * A comparable form of a stored integration response. Differences that mean nothing are removed: moto drops an
 * empty selection pattern and always sends `responseTemplates: {}`, AWS echoes `""` and `{}` when they were sent.
 */
export function canonical(response: IntegrationResponse | IntegrationResponseInput | null | undefined): string {
  if (!response) return 'absent';
  const templates = sortedEntries(response.responseTemplates).map(([k, v]) => [k, v === '' ? null : v]);
  return JSON.stringify({
    selectionPattern: response.selectionPattern || null,
    contentHandling: response.contentHandling ?? null,
    responseParameters: sortedEntries(response.responseParameters),
    responseTemplates: templates,
  });
}

/** The first candidate that is known. `null` is a known value ("did not exist"), so `??` would be wrong here. */
export function firstKnown<T>(...candidates: (T | undefined)[]): T | undefined {
  return candidates.find((c) => c !== undefined);
}

export function sameVersion(
  a: IntegrationResponse | null | undefined,
  b: IntegrationResponse | null | undefined,
): boolean {
  return canonical(a) === canonical(b);
}

export type FieldRef =
  | { kind: 'selectionPattern' }
  | { kind: 'contentHandling' }
  | { kind: 'header'; name: string }
  | { kind: 'headers' }
  | { kind: 'template'; contentType: string }
  | { kind: 'templates' };

export function fieldId(ref: FieldRef): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}`);
  switch (ref.kind) {
    case 'header':
      return `review-header-${safe(ref.name)}`;
    case 'template':
      return `review-template-${safe(ref.contentType)}`;
    default:
      return `review-${ref.kind}`;
  }
}

export type Change = 'unchanged' | 'added' | 'removed' | 'changed';

export interface ReviewRow {
  field: FieldRef;
  label: string;
  /** Display text; null = not set. */
  before: string | null;
  after: string | null;
  change: Change;
  /** Line diff, for templates. */
  lines?: DiffLine[];
}

function changeOf(before: string | null, after: string | null): Change {
  if (before === after) return 'unchanged';
  if (before === null) return 'added';
  if (after === null) return 'removed';
  return 'changed';
}

/**
 * Field-by-field rows: what is stored now (`before`, null for a new response) against what the PUT will store.
 * Every field of the PUT appears, changed or not, because the PUT replaces the whole object.
 */
export function reviewRows(before: IntegrationResponse | null, after: IntegrationResponse): ReviewRow[] {
  const rows: ReviewRow[] = [];
  const pattern = (r: IntegrationResponse | null) => (r?.selectionPattern ? r.selectionPattern : null);
  rows.push({
    field: { kind: 'selectionPattern' },
    label: 'Selection pattern',
    before: pattern(before),
    after: pattern(after),
    change: before === null ? 'added' : changeOf(pattern(before), pattern(after)),
  });
  const handling = (r: IntegrationResponse | null) => r?.contentHandling ?? null;
  rows.push({
    field: { kind: 'contentHandling' },
    label: 'Content handling',
    before: handling(before),
    after: handling(after),
    change: before === null ? 'added' : changeOf(handling(before), handling(after)),
  });

  const headerKeys = [
    ...new Set([...Object.keys(before?.responseParameters ?? {}), ...Object.keys(after.responseParameters ?? {})]),
  ].sort();
  for (const key of headerKeys) {
    const b = before?.responseParameters?.[key] ?? null;
    const a = after.responseParameters?.[key] ?? null;
    rows.push({
      field: { kind: 'header', name: headerName(key) },
      label: `Header ${headerName(key)}`,
      before: b,
      after: a,
      change: changeOf(b, a),
    });
  }
  if (headerKeys.length === 0) {
    rows.push({ field: { kind: 'headers' }, label: 'Header mappings', before: null, after: null, change: 'unchanged' });
  }

  const types = [
    ...new Set([...Object.keys(before?.responseTemplates ?? {}), ...Object.keys(after.responseTemplates ?? {})]),
  ].sort();
  for (const contentType of types) {
    const hadKey = before?.responseTemplates !== undefined && contentType in before.responseTemplates;
    const hasKey = after.responseTemplates !== undefined && contentType in after.responseTemplates;
    const b = hadKey ? (before?.responseTemplates?.[contentType] ?? '') : null;
    const a = hasKey ? (after.responseTemplates?.[contentType] ?? '') : null;
    const lines = diffLines(b, a);
    const change: Change = !hadKey ? 'added' : !hasKey ? 'removed' : hasChanges(lines) ? 'changed' : 'unchanged';
    rows.push({
      field: { kind: 'template', contentType },
      label: `Template ${contentType}`,
      before: b,
      after: a,
      change,
      lines,
    });
  }
  if (types.length === 0) {
    rows.push({
      field: { kind: 'templates' },
      label: 'Mapping templates',
      before: null,
      after: null,
      change: 'unchanged',
    });
  }
  return rows;
}

// RFC 7230 token characters: a header name in an AWS message ends at the first character outside them.
const HEADER_IN_MESSAGE = /method\.response\.header\.([!#$%&'*+.^_`|~0-9A-Za-z-]+)/g;

/** The fields an AWS error message is about, so the message can be shown next to them. */
export function fieldsForError(message: string, body: IntegrationResponseInput): FieldRef[] {
  const refs: FieldRef[] = [];
  const seen = new Set<string>();
  const add = (ref: FieldRef) => {
    const id = fieldId(ref);
    if (!seen.has(id)) {
      seen.add(id);
      refs.push(ref);
    }
  };
  for (const match of message.matchAll(HEADER_IN_MESSAGE)) {
    // A trailing dot ends the sentence, not the header name.
    const name = (match[1] ?? '').replace(/\.+$/, '');
    if (name) add({ kind: 'header', name });
  }
  // `[Invalid mapping expression specified: "<value>"]` (quotes in some AWS texts, not in others) names the value,
  // not the header: find the rows using it.
  for (const match of message.matchAll(/\[Invalid mapping expression specified: "?(.*?)"?\]/g)) {
    for (const [key, value] of Object.entries(body.responseParameters ?? {})) {
      if (value === match[1]) add({ kind: 'header', name: headerName(key) });
    }
  }
  if (/No method response exists/i.test(message)) add({ kind: 'headers' });
  const contentType = /content type specified: ([^\]\s,;]+)/i.exec(message);
  if (contentType?.[1] && body.responseTemplates && contentType[1] in body.responseTemplates) {
    add({ kind: 'template', contentType: contentType[1] });
  } else if (/content[ -]?type|responseTemplates/i.test(message)) {
    const types = Object.keys(body.responseTemplates ?? {});
    if (types.length > 0) for (const t of types) add({ kind: 'template', contentType: t });
    else add({ kind: 'templates' });
  }
  if (/selectionPattern|selection pattern/i.test(message)) add({ kind: 'selectionPattern' });
  if (/contentHandling|content handling/i.test(message)) add({ kind: 'contentHandling' });
  return refs;
}
