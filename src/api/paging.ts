// Collections come in pages (`position` → next page); the app wants all of them.

export type Page<T> = { items: T[]; position?: string };

/** Upper bound on pages per listing, in case a server keeps answering with new positions forever. */
const MAX_PAGES = 10_000;

/** Every item of a paged listing, keyed by id: servers that ignore `position` repeat pages harmlessly. */
export async function collectAll<T>(
  fetchPage: (position: string | undefined) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  onProgress: ((loaded: number) => void) | undefined,
): Promise<T[]> {
  const seenPositions = new Set<string>();
  const items = new Map<string, T>();
  let position: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await fetchPage(position);
    for (const item of page.items) items.set(keyOf(item), item);
    onProgress?.(items.size);
    if (!page.position || seenPositions.has(page.position)) break;
    seenPositions.add(page.position);
    position = page.position;
  }
  return [...items.values()];
}
