// What the search across APIs matches: the integration responses of one loaded API against a query, by selection
// pattern, mapping template text, header mapping, status code and problem. Pure, so the page, its tests and the
// bench decide the same way.
import type { IntegrationResponse } from '@/api/models';
import { responseHeaderName } from '@/rules/mapping-expression';
import type { MethodMapping } from './rows';
import type { SearchField, SearchQuery } from './search-query';
import { buildRows, methodKey } from './rows';

export interface SearchHit {
  /** Unique: the API, the method and the status code. */
  id: string;
  restApiId: string;
  restApiName: string;
  resourceId: string;
  path: string;
  httpMethod: string;
  statusCode: string;
  /** Where the text was found, e.g. "selection pattern", "template application/json", "header X-Trace". */
  matchedIn: string[];
  /** The problems the overview shows for this row, as their codes. */
  problems: string[];
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.text.trim() === '' && q.problem === '';
}

function textMatches(ir: IntegrationResponse, field: SearchField, needle: string): string[] {
  const found: string[] = [];
  const has = (s: string | undefined) => s !== undefined && s.toLowerCase().includes(needle);
  if ((field === 'any' || field === 'status') && ir.statusCode.startsWith(needle)) found.push('status code');
  if ((field === 'any' || field === 'pattern') && has(ir.selectionPattern)) found.push('selection pattern');
  if (field === 'any' || field === 'template') {
    for (const [contentType, template] of Object.entries(ir.responseTemplates ?? {})) {
      if (has(template ?? '')) found.push(`template ${contentType}`);
    }
  }
  if (field === 'any' || field === 'header') {
    for (const [key, source] of Object.entries(ir.responseParameters ?? {})) {
      const header = responseHeaderName(key);
      if (has(header) || has(source)) found.push(`header ${header}`);
    }
  }
  return found;
}

/** The integration responses of one API that the query finds, in the overview's order (path, verb, status code). */
export function searchApi(
  api: { id: string; name: string },
  methods: readonly MethodMapping[],
  q: SearchQuery,
): SearchHit[] {
  const needle = q.text.trim().toLowerCase();
  const byMethod = new Map(methods.map((m) => [methodKey(m.resourceId, m.httpMethod), m]));
  const hits: SearchHit[] = [];
  for (const row of buildRows(methods)) {
    if (row.statusCode === undefined) continue;
    const problems = row.problems.map((p) => p.code);
    if (q.problem === 'any' ? problems.length === 0 : q.problem !== '' && !problems.includes(q.problem)) continue;
    const ir = byMethod.get(methodKey(row.resourceId, row.httpMethod))?.method.methodIntegration
      ?.integrationResponses?.[row.statusCode];
    if (ir === undefined) continue;
    const matchedIn = needle === '' ? [] : textMatches(ir, q.field, needle);
    if (needle !== '' && matchedIn.length === 0) continue;
    hits.push({
      id: `${api.id} ${row.id}`,
      restApiId: api.id,
      restApiName: api.name,
      resourceId: row.resourceId,
      path: row.path,
      httpMethod: row.httpMethod,
      statusCode: row.statusCode,
      matchedIn,
      problems,
    });
  }
  return hits;
}
