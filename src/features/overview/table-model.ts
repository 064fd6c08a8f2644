// Filtering and sorting of overview rows. Pure, so the 2,000-method case can be reasoned about (and tested)
// without a browser: one pass to filter, one sort.
import type { OverviewRow } from '@/api-mappings/rows';
import { comparePaths, compareStatusCodes, describeSelectionPattern } from '@/api-mappings/rows';
import { compareCodeUnits } from '@/rules/text-order';

export type ProblemFilter = 'all' | 'with-problems' | 'without-problems' | (string & { readonly __code?: never });

export interface RowFilter {
  /** Case-insensitive substring of the path. */
  path: string;
  /** '' = any verb. */
  httpMethod: string;
  /** Prefix match, so `4` finds every 4xx; '' = any; '-' = rows without an integration response. */
  statusCode: string;
  /** 'all', 'with-problems', 'without-problems', or one problem code. */
  problem: ProblemFilter;
}

export const emptyFilter: RowFilter = { path: '', httpMethod: '', statusCode: '', problem: 'all' };

export type SortKey = 'path' | 'method' | 'type' | 'status' | 'pattern' | 'problems';
export interface RowSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const defaultSort: RowSort = { key: 'path', dir: 'asc' };

export function filterRows(rows: readonly OverviewRow[], filter: RowFilter): OverviewRow[] {
  const path = filter.path.trim().toLowerCase();
  const status = filter.statusCode.trim();
  return rows.filter((r) => {
    if (path && !r.path.toLowerCase().includes(path)) return false;
    if (filter.httpMethod && r.httpMethod !== filter.httpMethod) return false;
    if (status === '-') {
      if (r.statusCode !== undefined) return false;
    } else if (status && !(r.statusCode ?? '').startsWith(status)) return false;
    switch (filter.problem) {
      case 'all':
        return true;
      case 'with-problems':
        return r.problems.length > 0;
      case 'without-problems':
        return r.problems.length === 0;
      default:
        return r.problems.some((p) => p.code === filter.problem);
    }
  });
}

const verbRank = ['ANY', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
function rankVerb(v: string): number {
  const i = verbRank.indexOf(v);
  return i === -1 ? verbRank.length : i;
}

function compareBy(key: SortKey, a: OverviewRow, b: OverviewRow): number {
  switch (key) {
    case 'path':
      return comparePaths(a.path, b.path);
    case 'method':
      return rankVerb(a.httpMethod) - rankVerb(b.httpMethod) || compareCodeUnits(a.httpMethod, b.httpMethod);
    case 'type':
      return compareCodeUnits(a.integrationType ?? '', b.integrationType ?? '');
    case 'status':
      return compareStatusCodes(a.statusCode ?? '', b.statusCode ?? '');
    case 'pattern':
      return describeSelectionPattern(a).localeCompare(describeSelectionPattern(b));
    case 'problems':
      return a.problems.length - b.problems.length;
  }
}

/** Sorts by the chosen column, then path → method → status code so equal keys keep a predictable order. */
export function sortRows(rows: readonly OverviewRow[], sort: RowSort): OverviewRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const tieBreak: SortKey[] = ['path', 'method', 'status'];
  return [...rows].sort((a, b) => {
    const primary = compareBy(sort.key, a, b) * sign;
    if (primary !== 0) return primary;
    for (const k of tieBreak) {
      const c = compareBy(k, a, b);
      if (c !== 0) return c;
    }
    return 0;
  });
}

export function methodsIn(rows: readonly OverviewRow[]): string[] {
  return [...new Set(rows.map((r) => r.httpMethod))].sort(
    (a, b) => rankVerb(a) - rankVerb(b) || compareCodeUnits(a, b),
  );
}
