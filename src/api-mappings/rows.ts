// One flat row per (method, integration response) — the unit the overview table, its filters and its
// exports work on. A method with no integration response still gets one row so it never disappears.
import type { Method } from '@/api/models';
import { nextTask } from '@/api/next-task';
import { responseHeaderName } from '@/rules/mapping-expression';
import { compareCodeUnits, compareIgnoringCase } from '@/rules/text-order';
import type { RowProblem } from './problems';
import { computeRowProblems } from './problems';

/** One method of the API as loaded by loadApiMappings. */
export interface MethodMapping {
  resourceId: string;
  path: string;
  httpMethod: string;
  method: Method;
}

export interface HeaderMapping {
  /** The header name, e.g. `X-Request-Id` (from `method.response.header.X-Request-Id`). */
  header: string;
  /** The full key as AWS stores it. */
  key: string;
  source: string;
}

export interface DeclaredHeader {
  header: string;
  required: boolean;
}

export interface OverviewRow {
  /** Unique and stable: resourceId, method and status code. */
  id: string;
  resourceId: string;
  path: string;
  httpMethod: string;
  /** `undefined` when the method has no integration at all. */
  integrationType: string | undefined;
  /** `undefined` for the one row of a method without integration responses. */
  statusCode: string | undefined;
  selectionPattern: string | undefined;
  isDefault: boolean;
  contentHandling: string | undefined;
  templateContentTypes: string[];
  headerMappings: HeaderMapping[];
  /** Headers the method response for this status code declares; `undefined` when there is no method response. */
  declaredHeaders: DeclaredHeader[] | undefined;
  problems: RowProblem[];
}

/** Identifies one method of the API (resource + verb). */
export function methodKey(resourceId: string, httpMethod: string): string {
  return `${resourceId} ${httpMethod}`;
}

/** Code-point order, so `/pets/{petId}` sorts after `/pets/search` the same way in every locale. */
export function comparePaths(a: string, b: string): number {
  return compareCodeUnits(a, b);
}

/** Numeric order of status codes, so 200 < 400 < 500 whatever order the server sent them in. */
export function compareStatusCodes(a: string, b: string): number {
  // Shorter first, then code-unit order: numeric for digit strings, without localeCompare (whose first call in a
  // page loads ICU's collation data).
  return a.length - b.length || compareCodeUnits(a, b);
}

// A method's rows, kept while its MethodMapping lives: the overview rebuilds its rows each time more methods have
// loaded, and the problems of the ones already shown (template parsing included) need not be found again.
const rowsByMethod = new WeakMap<MethodMapping, OverviewRow[]>();

function cachedRowsOf(m: MethodMapping): OverviewRow[] {
  let own = rowsByMethod.get(m);
  if (!own) {
    own = rowsOf(m);
    rowsByMethod.set(m, own);
  }
  return own;
}

export function buildRows(methods: readonly MethodMapping[]): OverviewRow[] {
  const rows: OverviewRow[] = [];
  for (const m of methods) for (const r of cachedRowsOf(m)) rows.push(r);
  return rows;
}

/** How long one slice of prepareRows may run before it lets the browser in (a phone is about 4× slower). */
const SLICE_MS = 5;

/**
 * Builds the rows of these methods ahead of the render that shows them, a few methods at a time, letting the browser
 * in between slices; buildRows then finds them built. Finding a method's problems parses its templates: done inside
 * that render, PetStore's took one task of some 45 ms on a phone-speed CPU, during which the page could not answer.
 */
export async function prepareRows(methods: readonly MethodMapping[], signal?: AbortSignal): Promise<void> {
  let sliceStart = performance.now();
  for (const m of methods) {
    if (signal?.aborted) return;
    cachedRowsOf(m);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
}

function rowsOf(m: MethodMapping): OverviewRow[] {
  const rows: OverviewRow[] = [];
  const integration = m.method.methodIntegration;
  const responses = Object.values(integration?.integrationResponses ?? {}).sort((a, b) =>
    compareStatusCodes(a.statusCode, b.statusCode),
  );
  const base = {
    resourceId: m.resourceId,
    path: m.path,
    httpMethod: m.httpMethod,
    integrationType: integration?.type,
  };
  if (responses.length === 0) {
    rows.push({
      ...base,
      id: `${m.resourceId} ${m.httpMethod} -`,
      statusCode: undefined,
      selectionPattern: undefined,
      isDefault: false,
      contentHandling: undefined,
      templateContentTypes: [],
      headerMappings: [],
      declaredHeaders: undefined,
      problems: computeRowProblems(m.method, undefined),
    });
    return rows;
  }
  for (const ir of responses) {
    const methodResponse = m.method.methodResponses?.[ir.statusCode];
    rows.push({
      ...base,
      id: `${m.resourceId} ${m.httpMethod} ${ir.statusCode}`,
      statusCode: ir.statusCode,
      selectionPattern: ir.selectionPattern,
      isDefault: (ir.selectionPattern ?? '') === '',
      contentHandling: ir.contentHandling,
      templateContentTypes: Object.keys(ir.responseTemplates ?? {}).sort(),
      headerMappings: Object.entries(ir.responseParameters ?? {})
        .map(([key, source]) => ({ key, header: responseHeaderName(key), source }))
        .sort((a, b) => compareIgnoringCase(a.header, b.header)),
      declaredHeaders: methodResponse
        ? Object.entries(methodResponse.responseParameters ?? {})
            .map(([key, required]) => ({ header: responseHeaderName(key), required }))
            .sort((a, b) => compareIgnoringCase(a.header, b.header))
        : undefined,
      problems: computeRowProblems(m.method, ir),
    });
  }
  return rows;
}

/** The plain-text cell values shared by the table, the filters and both exports. */
export function describeSelectionPattern(row: OverviewRow): string {
  if (row.statusCode === undefined) return '';
  return row.isDefault ? 'default' : (row.selectionPattern ?? '');
}

export function describeHeaderMappings(row: OverviewRow): string {
  return row.headerMappings.map((h) => `${h.header} = ${h.source}`).join('; ');
}

export function describeDeclaredHeaders(row: OverviewRow): string {
  if (row.declaredHeaders === undefined) return row.statusCode === undefined ? '' : '(no method response)';
  return row.declaredHeaders.map((h) => (h.required ? `${h.header} (required)` : h.header)).join(', ');
}

export function describeProblems(row: OverviewRow): string {
  return row.problems.map((p) => p.message).join('; ');
}
