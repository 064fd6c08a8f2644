// A page of GetResources checked one resource at a time, letting the browser in every few milliseconds, instead of
// in one call of `resourcePageSchema()`: with `embed=methods` each resource carries its methods, integrations and
// templates, and PetStore's page (32 kB) was one task of ~50 ms at 4× CPU slowdown, plus the garbage collection
// after it, on the overview's page load. Same schemas, same output, same error: a page that fails anywhere is
// parsed again whole by `resourcePageSchema()`, which throws what it always did.
import { parseWith } from './aws-errors';
import { nextTask } from './next-task';
import type * as Schemas from './models';
import type { Resource } from './models';
import type { Page } from './paging';

/** How long the check may run before it lets the browser in (a phone is about 4× slower than this machine). */
const SLICE_MS = 5;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** As `resourcePageSchema()` parses it (`item`, or SDK-style `items`, and `position`). */
export async function checkResourcePage(schemas: typeof Schemas, raw: unknown): Promise<Page<Resource>> {
  const whole = () => parseWith(schemas.resourcePageSchema(), raw, 200, undefined);
  if (!isObject(raw)) return whole();
  // models.ts's `opt`: absent, null and undefined are "unset"; anything else must be what the schema says.
  const unset = (v: unknown) => v === null || v === undefined;
  const { item, items, position } = raw;
  if (!(unset(item) || Array.isArray(item)) || !(unset(items) || Array.isArray(items))) return whole();
  if (!(unset(position) || typeof position === 'string')) return whole();
  let sliceStart = performance.now();
  const endOfSlice = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextTask();
    sliceStart = performance.now();
  };
  // Built on first use (models.ts), which is a slice of its own on a page load.
  const resource = schemas.resourceSchema();
  await endOfSlice();
  // The schema checks both lists (in this order) and keeps `item` when it is there.
  const lists = [item, items].filter((l): l is unknown[] => Array.isArray(l));
  const parsed: Resource[][] = [];
  for (const list of lists) {
    const out: Resource[] = [];
    for (const element of list) {
      const result = resource.safeParse(element);
      if (!result.success) return whole();
      out.push(result.data);
      await endOfSlice();
    }
    parsed.push(out);
  }
  return { items: parsed[0] ?? [], position: unset(position) ? undefined : (position as string) };
}
