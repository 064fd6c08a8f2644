import type { RestApi } from '@/api/models';
import { compareIgnoringCase } from '@/rules/text-order';

export type SortKey = 'name' | 'created';
export type Sort = { key: SortKey; dir: 'asc' | 'desc' };

export function filterAndSortRestApis(apis: RestApi[], filter: string, sort: Sort): RestApi[] {
  const needle = filter.trim().toLowerCase();
  const filtered = needle
    ? apis.filter((a) => a.name.toLowerCase().includes(needle) || a.id.toLowerCase().includes(needle))
    : apis.slice();
  const sign = sort.dir === 'asc' ? 1 : -1;
  filtered.sort((a, b) => {
    const c =
      sort.key === 'name'
        ? compareIgnoringCase(a.name, b.name) || compareIgnoringCase(a.id, b.id)
        : (a.createdDate ?? 0) - (b.createdDate ?? 0);
    return c * sign;
  });
  return filtered;
}
