// Conformance over real HTTP: CreateRestApi/GetRestApis/GetRestApi/DeleteRestApi and the resource operations,
// checked against the shapes and texts in docs/aws/control-plane.md and docs/aws/wire-format.md (paging).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Call, Harness } from './conformance-harness';
import { client, expectAwsError, fixture, items, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;
const FIXED_MS = 1_764_000_000_123;

beforeAll(async () => {
  h = await startHarness({ now: () => FIXED_MS });
  call = client(h.base);
});
afterAll(() => h.close());

describe('rest apis', () => {
  test('CreateRestApi with only a name returns 201 and AWS defaults, with unset fields omitted', async () => {
    const r = await call('POST', '/restapis', { name: 'only-name', binaryMediaTypes: [] });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      name: 'only-name',
      createdDate: 1_764_000_000,
      rootResourceId: expect.stringMatching(/^[a-z0-9]{10}$/),
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
    });
    expect(r.text).not.toContain('null');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('CreateRestApi echoes optional fields that were set', async () => {
    const r = await call('POST', '/restapis', {
      name: 'full',
      description: 'd',
      version: 'v1',
      binaryMediaTypes: ['image/png'],
      minimumCompressionSize: 0,
      apiKeySource: 'AUTHORIZER',
      endpointConfiguration: { types: ['REGIONAL'] },
      tags: { team: 'x' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      description: 'd',
      version: 'v1',
      binaryMediaTypes: ['image/png'],
      minimumCompressionSize: 0,
      apiKeySource: 'AUTHORIZER',
      endpointConfiguration: { types: ['REGIONAL'] },
      tags: { team: 'x' },
    });
  });

  test('CreateRestApi rejects what AWS rejects', async () => {
    expectAwsError(
      await call('POST', '/restapis', { name: 'x', description: '' }),
      400,
      'BadRequestException',
      'Description cannot be an empty string',
    );
    expectAwsError(
      await call('POST', '/restapis', { name: 'x', minimumCompressionSize: -1 }),
      400,
      'BadRequestException',
      'Invalid minimum compression size, must be between 0 and 10485760',
    );
    expectAwsError(
      await call('POST', '/restapis', { name: 'x', apiKeySource: 'COOKIE' }),
      400,
      'ValidationException',
      "1 validation error detected: Value 'COOKIE' at 'createRestApiInput.apiKeySource' failed to satisfy constraint: Member must satisfy enum value set: [HEADER, AUTHORIZER]",
    );
    expectAwsError(
      await call('POST', '/restapis', {}),
      400,
      'ValidationException',
      "1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: Member must not be null",
    );
    expectAwsError(
      await call('POST', '/restapis', { name: 42 }),
      400,
      'SerializationException',
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    );
  });

  test('GetRestApi returns the created api; a wrong-case id is 404 with the account in the message', async () => {
    const created = await call('POST', '/restapis', { name: 'get-me' });
    const got = await call('GET', `/restapis/${str(created, 'id')}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
    const upper = str(created, 'id').toUpperCase();
    expectAwsError(
      await call('GET', `/restapis/${upper}`),
      404,
      'NotFoundException',
      `Invalid API identifier specified 123456789012:${upper}`,
    );
  });

  test('GetRestApis pages with limit/position and omits position on the last page', async () => {
    const local = await startHarness();
    try {
      const c = client(local.base);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(str(await c('POST', '/restapis', { name: `api-${i}` }), 'id'));
      const p1 = await c('GET', '/restapis?limit=2');
      expect(p1.status).toBe(200);
      expect(items(p1)).toHaveLength(2);
      expect(typeof p1.json.position).toBe('string');
      const p2 = await c('GET', `/restapis?limit=2&position=${encodeURIComponent(str(p1, 'position'))}`);
      const p3 = await c('GET', `/restapis?limit=2&position=${encodeURIComponent(str(p2, 'position'))}`);
      expect(items(p3)).toHaveLength(1);
      expect(p3.json).not.toHaveProperty('position');
      const seen = [...items(p1), ...items(p2), ...items(p3)].map((a) => a.id);
      expect(new Set(seen)).toEqual(new Set(ids));
      const all = await c('GET', '/restapis');
      expect(items(all)).toHaveLength(5);
      expect(all.json).not.toHaveProperty('position');
      expectAwsError(
        await c('GET', '/restapis?position=%21%21'),
        400,
        'BadRequestException',
        'Invalid position parameter specified',
      );
    } finally {
      await local.close();
    }
  });

  test('DeleteRestApi answers 202 and removes the api; a second delete is 404', async () => {
    const created = await call('POST', '/restapis', { name: 'doomed' });
    const id = str(created, 'id');
    const del = await call('DELETE', `/restapis/${id}`);
    expect(del.status).toBe(202);
    expect(del.text).toBe('');
    expectAwsError(
      await call('GET', `/restapis/${id}`),
      404,
      'NotFoundException',
      `Invalid API identifier specified 123456789012:${id}`,
    );
    expectAwsError(
      await call('DELETE', `/restapis/${id}`),
      404,
      'NotFoundException',
      `Invalid API identifier specified 123456789012:${id}`,
    );
    expectAwsError(
      await call('GET', `/restapis/${id}/resources`),
      404,
      'NotFoundException',
      `Invalid API identifier specified 123456789012:${id}`,
    );
  });
});

describe('resources', () => {
  test('CreateResource returns 201 with id/parentId/path/pathPart; the root has only id and path', async () => {
    const api = await call('POST', '/restapis', { name: 'res' });
    const apiId = str(api, 'id');
    const root = str(api, 'rootResourceId');
    const pets = await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: 'pets' });
    expect(pets.status).toBe(201);
    expect(pets.json).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      parentId: root,
      pathPart: 'pets',
      path: '/pets',
    });
    const child = await call('POST', `/restapis/${apiId}/resources/${str(pets, 'id')}`, { pathPart: '{petId}' });
    expect(child.json).toMatchObject({ path: '/pets/{petId}', parentId: str(pets, 'id') });
    const rootGet = await call('GET', `/restapis/${apiId}/resources/${root}`);
    expect(rootGet.status).toBe(200);
    expect(rootGet.json).toEqual({ id: root, path: '/' });
  });

  test('CreateResource errors: unknown parent, duplicate, second variable sibling, child of greedy', async () => {
    const api = await call('POST', '/restapis', { name: 'res-errors' });
    const apiId = str(api, 'id');
    const root = str(api, 'rootResourceId');
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/nope00`, { pathPart: 'x' }),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('POST', `/restapis/zzzzzzzzzz/resources/${root}`, { pathPart: 'x' }),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: 'pets' });
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: 'pets' }),
      409,
      'ConflictException',
      'Another resource with the same parent already has this name: pets',
    );
    const proxy = await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: '{proxy+}' });
    expect(proxy.status).toBe(201);
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: '{id}' }),
      400,
      'BadRequestException',
      'A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed',
    );
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/${str(proxy, 'id')}`, { pathPart: 'x' }),
      400,
      'BadRequestException',
      'Cannot create a child of a resource with a greedy path variable: {proxy+}',
    );
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/${root}`, {}),
      400,
      'ValidationException',
      "1 validation error detected: Value null at 'createResourceInput.pathPart' failed to satisfy constraint: Member must not be null",
    );
  });

  test('GetResources lists verbs as empty objects without embed and full methods with embed=methods', async () => {
    const f = await fixture(call, 'embed');
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    await call('PUT', `${f.m}/integration/responses/200`, { selectionPattern: '' });
    await call('PUT', `${f.m}/responses/200`, {});
    const plain = await call('GET', `/restapis/${f.api}/resources`);
    expect(plain.status).toBe(200);
    const byPath = Object.fromEntries(items(plain).map((r) => [r.path, r]));
    expect(byPath['/pets']).toEqual({
      id: f.pets,
      parentId: f.root,
      pathPart: 'pets',
      path: '/pets',
      resourceMethods: { GET: {} },
    });
    expect(byPath['/']).toEqual({ id: f.root, path: '/' });
    const embedded = await call('GET', `/restapis/${f.api}/resources?embed=methods`);
    const pets = items(embedded).find((r) => r.path === '/pets');
    expect(pets?.resourceMethods).toEqual({
      GET: {
        httpMethod: 'GET',
        authorizationType: 'NONE',
        apiKeyRequired: false,
        methodResponses: { '200': { statusCode: '200' } },
        methodIntegration: {
          type: 'MOCK',
          passthroughBehavior: 'WHEN_NO_MATCH',
          timeoutInMillis: 29000,
          cacheNamespace: f.pets,
          cacheKeyParameters: [],
          integrationResponses: { '200': { statusCode: '200', selectionPattern: '' } },
        },
      },
    });
  });

  test('GetResources pages 25 by default, up to 500, in id order, with an opaque position', async () => {
    const api = await call('POST', '/restapis', { name: 'many' });
    const apiId = str(api, 'id');
    const root = str(api, 'rootResourceId');
    for (let i = 0; i < 29; i++) await call('POST', `/restapis/${apiId}/resources/${root}`, { pathPart: `r${i}` });
    const first = await call('GET', `/restapis/${apiId}/resources`);
    expect(items(first)).toHaveLength(25);
    const second = await call(
      'GET',
      `/restapis/${apiId}/resources?position=${encodeURIComponent(str(first, 'position'))}`,
    );
    expect(items(second)).toHaveLength(5);
    expect(second.json).not.toHaveProperty('position');
    const ids = [...items(first), ...items(second)].map((r) => String(r.id));
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(30);
    const big = await call('GET', `/restapis/${apiId}/resources?limit=1000`);
    expect(items(big)).toHaveLength(30);
    const one = await call('GET', `/restapis/${apiId}/resources?limit=1`);
    expect(items(one)).toHaveLength(1);
    expect(one.json).toHaveProperty('position');
  });

  test('GetResource 404s and DeleteResource removes the whole subtree with 202', async () => {
    const f = await fixture(call, 'delete-tree');
    const child = await call('POST', `/restapis/${f.api}/resources/${f.pets}`, { pathPart: '{petId}' });
    const childId = str(child, 'id');
    expectAwsError(
      await call('GET', `/restapis/${f.api}/resources/nope00`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    const del = await call('DELETE', `/restapis/${f.api}/resources/${f.pets}`);
    expect(del.status).toBe(202);
    expectAwsError(
      await call('GET', `/restapis/${f.api}/resources/${childId}`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(await call('GET', f.m), 404, 'NotFoundException', 'Invalid Resource identifier specified');
    const left = await call('GET', `/restapis/${f.api}/resources`);
    expect(items(left).map((r) => r.path)).toEqual(['/']);
    expectAwsError(
      await call('DELETE', `/restapis/${f.api}/resources/${f.pets}`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
  });
});
