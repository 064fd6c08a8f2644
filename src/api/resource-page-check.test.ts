// The sliced check of a GetResources page against the schema it stands in for: on the same inputs, both accept with
// the same output, or both refuse with the same error; and it lets the browser in between resources.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { parseWith } from './aws-errors';
import * as schemas from './models';
import { nextTask } from './next-task';
import { checkResourcePage } from './resource-page-check';

// Counted, not waited for: which task runs first after a yield (a timer, a message) is not the check's to promise.
vi.mock('./next-task', () => ({ nextTask: vi.fn(() => Promise.resolve()) }));

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; field: string | undefined };

async function outcome(fn: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    expect(e.kind).toBe('unparseable');
    return { ok: false, message: e.message, field: e.field };
  }
}

const root = { id: 'r00t', path: '/', resourceMethods: { GET: {} } };
const pets = {
  id: 'p3ts',
  parentId: 'r00t',
  pathPart: 'pets',
  path: '/pets',
  resourceMethods: {
    GET: {
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      requestParameters: { 'method.request.querystring.page': false },
      methodResponses: { '200': { statusCode: '200', responseParameters: { 'method.response.header.X': true } } },
      methodIntegration: {
        type: 'HTTP',
        httpMethod: 'GET',
        uri: 'http://petstore.example.com/petstore/pets',
        requestTemplates: { 'application/json': null },
        timeoutInMillis: 29000,
        integrationResponses: {
          '200': {
            statusCode: '200',
            selectionPattern: null,
            responseParameters: { 'method.response.header.X': "'x'" },
            responseTemplates: { 'application/json': '$input.json("$")' },
          },
        },
      },
    },
    OPTIONS: { httpMethod: 'OPTIONS', methodIntegration: {} },
  },
};

/** Values of every JSON kind (and undefined, which a key can hold in a JS object). */
const oddValues: unknown[] = [undefined, null, '', 'x', 0, 1.5, true, [], ['x'], {}, { type: 'MOCK' }, { a: 1 }];

function resourceVariants(): unknown[] {
  const out: unknown[] = [root, pets, {}, null, [], 'x', 7];
  const get = pets.resourceMethods.GET;
  const integration = get.methodIntegration;
  const response = integration.integrationResponses['200'];
  const withGet = (g: unknown) => ({ ...pets, resourceMethods: { ...pets.resourceMethods, GET: g } });
  for (const v of oddValues) {
    for (const key of ['id', 'parentId', 'pathPart', 'path', 'resourceMethods', 'extra'])
      out.push({ ...pets, [key]: v });
    out.push({ ...pets, resourceMethods: { GET: v } });
    for (const key of ['httpMethod', 'authorizationType', 'apiKeyRequired', 'requestParameters', 'methodResponses'])
      out.push(withGet({ ...get, [key]: v }));
    out.push(withGet({ ...get, methodIntegration: v }));
    for (const key of ['type', 'uri', 'requestTemplates', 'timeoutInMillis', 'integrationResponses'])
      out.push(withGet({ ...get, methodIntegration: { ...integration, [key]: v } }));
    for (const key of ['statusCode', 'selectionPattern', 'responseParameters', 'responseTemplates'])
      out.push(
        withGet({
          ...get,
          methodIntegration: { ...integration, integrationResponses: { '200': { ...response, [key]: v } } },
        }),
      );
  }
  return out;
}

function pageVariants(): unknown[] {
  const out: unknown[] = [{}, null, [], 'x', 3, { item: null }, { items: [pets] }, { item: [], items: [pets] }];
  for (const r of resourceVariants()) {
    out.push({ item: [root, r, pets], position: 'p2' });
    out.push({ items: [r] });
    out.push({ item: [r], items: 'not a list' });
    out.push({ item: [root], items: [r] });
  }
  for (const v of oddValues) {
    out.push({ item: v });
    out.push({ items: v });
    out.push({ item: [root, pets], position: v });
    out.push({ item: [{ ...pets, path: 7 }], position: v });
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('a page of resources, checked one resource at a time', () => {
  it('accepts and refuses exactly as resourcePageSchema does, with the same output and the same error', async () => {
    const variants = pageVariants();
    expect(variants.length).toBeGreaterThan(400);
    for (const raw of variants) {
      const sliced = await outcome(() => checkResourcePage(schemas, raw));
      const whole = await outcome(() => parseWith(schemas.resourcePageSchema(), raw, 200, undefined));
      expect(sliced, JSON.stringify(raw)).toStrictEqual(whole);
    }
  });

  it('lets the browser in between resources once a slice has run its time', async () => {
    // Every reading of the clock is 10 ms later: building the schema and each resource end a slice.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    vi.mocked(nextTask).mockClear();
    const page = await checkResourcePage(schemas, { item: [root, pets] });
    expect(page.items.map((r) => r.path)).toEqual(['/', '/pets']);
    expect(nextTask).toHaveBeenCalledTimes(3);
  });

  it('does not yield while a slice has time left', async () => {
    vi.spyOn(performance, 'now').mockReturnValue(0);
    vi.mocked(nextTask).mockClear();
    await checkResourcePage(schemas, { item: [root, pets] });
    expect(nextTask).not.toHaveBeenCalled();
  });
});
