import type { Resource } from '@/api/models';

export type ResourceEntry = {
  id: string;
  path: string;
  /** Lower-cased path, precomputed so filtering is one substring test per row. */
  lower: string;
  depth: number;
  hasChildren: boolean;
  methods: string[];
};

// Sorting by the path with '/' mapped to the lowest character compares segment by segment, which keeps every
// subtree contiguous ('/pets', '/pets/{petId}', '/pets-old'), so collapsing can skip a run of rows.
function treeKey(path: string): string {
  return path.replaceAll('/', '\u0000');
}

const methodOrder = ['ANY', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
function compareMethods(a: string, b: string): number {
  const ia = methodOrder.indexOf(a);
  const ib = methodOrder.indexOf(b);
  return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib) || a.localeCompare(b);
}

/** Done once per listing: sort, depth, children flag, methods. */
export function buildResourceIndex(resources: Resource[]): ResourceEntry[] {
  const keyed = resources.map((r) => ({ r, key: treeKey(r.path) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entries: ResourceEntry[] = keyed.map(({ r }) => ({
    id: r.id,
    path: r.path,
    lower: r.path.toLowerCase(),
    depth: r.path === '/' ? 0 : r.path.split('/').length - 1,
    hasChildren: false,
    methods: Object.keys(r.resourceMethods ?? {}).sort(compareMethods),
  }));
  for (let i = 0; i < entries.length - 1; i++) {
    const cur = entries[i];
    const next = entries[i + 1];
    if (cur && next) cur.hasChildren = cur.path === '/' || next.path.startsWith(`${cur.path}/`);
  }
  return entries;
}

/**
 * Rows to show. With a filter: every path containing it (a flat list, cheap enough per keystroke for 10,000
 * paths). Without: the tree, skipping the subtrees of collapsed paths.
 */
export function visibleResourceRows(
  index: ResourceEntry[],
  filter: string,
  collapsed: ReadonlySet<string>,
): ResourceEntry[] {
  const needle = filter.trim().toLowerCase();
  if (needle) {
    const out: ResourceEntry[] = [];
    for (const e of index) if (e.lower.includes(needle)) out.push(e);
    return out;
  }
  if (collapsed.size === 0) return index;
  const out: ResourceEntry[] = [];
  let skipPrefix: string | null = null;
  for (const e of index) {
    if (skipPrefix !== null && e.path.startsWith(skipPrefix)) continue;
    skipPrefix = null;
    out.push(e);
    if (e.hasChildren && collapsed.has(e.path)) skipPrefix = e.path === '/' ? '/' : `${e.path}/`;
  }
  return out;
}
