import type { RestApi } from '@/api/models';

export type SortKey = 'name' | 'created';
export type Sort = { key: SortKey; dir: 'asc' | 'desc' };

/**
 * Case-insensitive, then by code unit. Not `localeCompare`: its first call in a page loads ICU's collation data,
 * measured at 25–50 ms on the bench machine, all of it on the cold load of this, the first page. API names are
 * identifiers people type, so code-unit order after lower-casing is the order they expect.
 */
function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function filterAndSortRestApis(apis: RestApi[], filter: string, sort: Sort): RestApi[] {
  const needle = filter.trim().toLowerCase();
  const filtered = needle
    ? apis.filter((a) => a.name.toLowerCase().includes(needle) || a.id.toLowerCase().includes(needle))
    : apis.slice();
  const sign = sort.dir === 'asc' ? 1 : -1;
  filtered.sort((a, b) => {
    const c =
      sort.key === 'name'
        ? compareNames(a.name, b.name) || compareNames(a.id, b.id)
        : (a.createdDate ?? 0) - (b.createdDate ?? 0);
    return c * sign;
  });
  return filtered;
}
