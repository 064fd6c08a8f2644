// The first page's answers (the list of RestApis, and one RestApi) checked by hand instead of with zod: these are
// the only answers the list of APIs reads, and zod (its schemas and their builder) then stays out of the entry that
// every page loads first, arriving with the first answer that needs it (client.ts). The checks accept and reject
// exactly what restApiSchema and restApiPageSchema in models.ts accept and reject, with the same output and the same
// error (the first problem's field and expected type); rest-api-check.test.ts holds them against each other.
import { formatPath, throwUnparseable } from './aws-errors';
import type { RestApi } from './models';
import type { Page } from './paging';

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

function fail(path: Path, expected: string): never {
  const field = formatPath(path);
  return throwUnparseable(`Unexpected response shape at "${field}": expected ${expected}`, field, 200, undefined);
}

function object(v: unknown, path: Path): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'object');
  return v as Obj;
}

function string(v: unknown, path: Path): string {
  return typeof v === 'string' ? v : fail(path, 'string');
}

function number(v: unknown, path: Path): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'number');
}

function array<T>(v: unknown, path: Path, item: (v: unknown, path: Path) => T): T[] {
  if (!Array.isArray(v)) return fail(path, 'array');
  return v.map((x, i) => item(x, [...path, i]));
}

/**
 * models.ts's `opt`: a key that is absent stays absent, `null` (moto's "unset") becomes `undefined`, anything else
 * must pass `check`.
 */
function opt<T>(input: Obj, key: string, out: Obj, path: Path, check: (v: unknown, path: Path) => T): void {
  if (!(key in input)) return;
  const v = input[key];
  out[key] = v === null || v === undefined ? undefined : check(v, [...path, key]);
}

const strings = (v: unknown, path: Path) => array(v, path, string);

function restApi(v: unknown, path: Path): RestApi {
  const input = object(v, path);
  const out: Obj = { id: string(input.id, [...path, 'id']), name: string(input.name, [...path, 'name']) };
  opt(input, 'description', out, path, string);
  opt(input, 'version', out, path, string);
  opt(input, 'createdDate', out, path, number);
  opt(input, 'endpointConfiguration', out, path, (e, p) => {
    const config = object(e, p);
    const types: Obj = {};
    opt(config, 'types', types, p, strings);
    return types;
  });
  opt(input, 'rootResourceId', out, path, string);
  opt(input, 'binaryMediaTypes', out, path, strings);
  return out as RestApi;
}

/** GetRestApi's answer, as `restApiSchema()` parses it. */
export function checkRestApi(raw: unknown): RestApi {
  return restApi(raw, []);
}

/** A page of GetRestApis (`item`, or SDK-style `items`, and `position`), as `restApiPageSchema()` parses it. */
export function checkRestApiPage(raw: unknown): Page<RestApi> {
  const input = object(raw, []);
  const page: Obj = {};
  opt(input, 'item', page, [], (v, p) => array(v, p, restApi));
  opt(input, 'items', page, [], (v, p) => array(v, p, restApi));
  opt(input, 'position', page, [], string);
  return {
    items: (page.item as RestApi[] | undefined) ?? (page.items as RestApi[] | undefined) ?? [],
    position: page.position as string | undefined,
  };
}
