// The hand checks of the first page's answers against the zod schemas they stand in for: on the same inputs, both
// accept with the same output, or both refuse with the same error (field and expected type).
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { parseWith } from './aws-errors';
import { restApiPageSchema, restApiSchema } from './models';
import { checkRestApi, checkRestApiPage } from './rest-api-check';

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; field: string | undefined };

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    expect(e.kind).toBe('unparseable');
    return { ok: false, message: e.message, field: e.field };
  }
}

const petStore = {
  id: 'a1b2c3d4e5',
  name: 'PetStore',
  description: 'Your first API',
  version: '1.0',
  createdDate: 1796406808,
  endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
  rootResourceId: 'r00t',
  binaryMediaTypes: ['image/png'],
  apiKeySource: 'HEADER',
  disableExecuteApiEndpoint: false,
};

/** Values of every JSON kind (and undefined, which a key can hold in a JS object). */
const oddValues: unknown[] = [
  undefined,
  null,
  '',
  'x',
  0,
  -1.5,
  true,
  false,
  [],
  ['EDGE'],
  [1],
  [null],
  {},
  { types: ['EDGE'] },
  { types: null },
  { types: 'EDGE' },
];

/** PetStore with one key (or a nested key) set to each odd value, and with each key removed. */
function restApiVariants(): unknown[] {
  const out: unknown[] = [petStore, {}, null, [], 'PetStore', 42];
  for (const key of [...Object.keys(petStore), 'extra']) {
    const { [key]: _removed, ...without } = petStore as Record<string, unknown>;
    out.push(without);
    for (const v of oddValues) out.push({ ...petStore, [key]: v });
  }
  for (const v of oddValues) out.push({ ...petStore, endpointConfiguration: { types: v } });
  return out;
}

function pageVariants(): unknown[] {
  const apis = restApiVariants();
  const out: unknown[] = [{}, null, [], 'x', { item: null }, { items: [petStore] }, { item: [], items: [petStore] }];
  for (const api of apis) {
    out.push({ item: [petStore, api], position: 'p2' });
    out.push({ items: [api] });
    out.push({ item: [api], items: 'not a list' });
  }
  for (const v of oddValues) {
    out.push({ item: v });
    out.push({ items: v });
    out.push({ item: [petStore], position: v });
  }
  return out;
}

describe('the first page’s answers, checked by hand', () => {
  it('accepts and refuses a RestApi exactly as restApiSchema does', () => {
    const variants = restApiVariants();
    expect(variants.length).toBeGreaterThan(150);
    for (const raw of variants) {
      const byHand = outcome(() => checkRestApi(raw));
      const byZod = outcome(() => parseWith(restApiSchema(), raw, 200, undefined));
      expect(byHand, JSON.stringify(raw)).toStrictEqual(byZod);
    }
  });

  it('accepts and refuses a page of RestApis exactly as restApiPageSchema does', () => {
    const variants = pageVariants();
    for (const raw of variants) {
      const byHand = outcome(() => checkRestApiPage(raw));
      const byZod = outcome(() => parseWith(restApiPageSchema(), raw, 200, undefined));
      expect(byHand, JSON.stringify(raw)).toStrictEqual(byZod);
    }
  });

  it('keeps what the app reads, drops the rest, and names the first wrong field', () => {
    expect(checkRestApiPage({ item: [{ ...petStore, createdDate: null }], position: 'next' })).toStrictEqual({
      items: [
        {
          id: 'a1b2c3d4e5',
          name: 'PetStore',
          description: 'Your first API',
          version: '1.0',
          createdDate: undefined,
          endpointConfiguration: { types: ['EDGE'] },
          rootResourceId: 'r00t',
          binaryMediaTypes: ['image/png'],
        },
      ],
      position: 'next',
    });
    expect(() =>
      checkRestApiPage({ item: [petStore, { ...petStore, endpointConfiguration: { types: [7] } }] }),
    ).toThrow('Unexpected response shape at "item[1].endpointConfiguration.types[0]": expected string');
  });
});
