// Conformance over real HTTP: UpdateRestApi, UpdateResource, UpdateMethod and UpdateIntegration. The expected
// answers are AWS's as recorded by LocalStack's AWS-validated tests (named per test; docs/aws/control-plane.md).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Call, Harness } from './conformance-harness';
import { client, expectAwsError, fixture, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;

beforeAll(async () => {
  h = await startHarness();
  call = client(h.base);
});
afterAll(() => h.close());

const patch = (ops: Array<Record<string, string>>) => ({ patchOperations: ops });

describe('UpdateRestApi', () => {
  // test_update_rest_api_operation_add_remove
  test('binaryMediaTypes is patched like a map keyed by media type; remove /description drops it', async () => {
    const api = await call('POST', '/restapis', { name: 'upd', description: 'this is my api' });
    const path = `/restapis/${str(api, 'id')}`;
    const added = await call(
      'PATCH',
      path,
      patch([
        { op: 'add', path: '/binaryMediaTypes/image~1png' },
        { op: 'add', path: '/binaryMediaTypes/image~1jpeg' },
      ]),
    );
    expect(added.status).toBe(200);
    expect(added.json.binaryMediaTypes).toEqual(['image/png', 'image/jpeg']);
    expect(added.json.description).toBe('this is my api');
    const replaced = await call(
      'PATCH',
      path,
      patch([{ op: 'replace', path: '/binaryMediaTypes/image~1png', value: 'image/gif' }]),
    );
    expect(replaced.json.binaryMediaTypes).toEqual(['image/jpeg', 'image/gif']);
    const removed = await call(
      'PATCH',
      path,
      patch([
        { op: 'remove', path: '/binaryMediaTypes/image~1gif' },
        { op: 'remove', path: '/description' },
      ]),
    );
    expect(removed.json.binaryMediaTypes).toEqual(['image/jpeg']);
    expect(removed.json).not.toHaveProperty('description');
    // GetRestApi agrees with the answer.
    expect((await call('GET', path)).json).toEqual(removed.json);
  });

  // test_update_rest_api_behaviour
  test('the bare /binaryMediaTypes path is refused for every operation; /binaryMediaTypes/- stores "-"', async () => {
    const api = await call('POST', '/restapis', { name: 'upd-bmt' });
    const path = `/restapis/${str(api, 'id')}`;
    expect(
      (await call('PATCH', path, patch([{ op: 'add', path: '/binaryMediaTypes/-', value: 'image/png' }]))).json
        .binaryMediaTypes,
    ).toEqual(['-']);
    for (const op of ['add', 'replace', 'remove']) {
      expectAwsError(
        await call('PATCH', path, patch([{ op, path: '/binaryMediaTypes', value: 'image/gif' }])),
        400,
        'BadRequestException',
        'Invalid patch path /binaryMediaTypes',
      );
    }
  });

  // test_update_rest_api_compression
  test('minimumCompressionSize: replace only, 0 to 10485760, an empty value turns it off', async () => {
    const api = await call('POST', '/restapis', { name: 'upd-compression' });
    const path = `/restapis/${str(api, 'id')}`;
    const set = async (value: string, op = 'replace') =>
      call('PATCH', path, patch([{ op, path: '/minimumCompressionSize', value }]));
    expect((await set('10')).json.minimumCompressionSize).toBe(10);
    expect((await set('')).json).not.toHaveProperty('minimumCompressionSize');
    expect((await set('0')).json.minimumCompressionSize).toBe(0);
    for (const bad of ['-1', 'test']) {
      expectAwsError(
        await set(bad),
        400,
        'BadRequestException',
        'Invalid minimum compression size, must be between 0 and 10485760',
      );
    }
    expectAwsError(
      await set('10', 'add'),
      400,
      'BadRequestException',
      'Invalid patch operation specified. Must be one of: [replace]',
    );
    // A refused request changed nothing.
    expect((await call('GET', path)).json.minimumCompressionSize).toBe(0);
  });

  // test_update_rest_api_ip_address_type
  test('endpoint type and IP address type, with their refusals', async () => {
    const api = await call('POST', '/restapis', { name: 'upd-endpoint' });
    const path = `/restapis/${str(api, 'id')}`;
    const moved = await call(
      'PATCH',
      path,
      patch([
        { op: 'replace', path: '/endpointConfiguration/types/0', value: 'EDGE' },
        { op: 'replace', path: '/endpointConfiguration/types/0', value: 'REGIONAL' },
        { op: 'replace', path: '/endpointConfiguration/types/0', value: 'PRIVATE' },
      ]),
    );
    expect(moved.json.endpointConfiguration).toEqual({ ipAddressType: 'dualstack', types: ['PRIVATE'] });
    const refusals: Array<[Record<string, string>, string]> = [
      [
        { op: 'replace', path: '/endpointConfiguration/ipAddressType', value: 'ipv4' },
        'Only dualstack ipAddressType is supported for Private APIs.',
      ],
      [
        { op: 'replace', path: '/endpointConfiguration/ipAddressType', value: 'wrong' },
        'ipAddressType must be either ipv4 or dualstack.',
      ],
      [
        { op: 'replace', path: '/endpointConfiguration/types/0', value: 'wrong' },
        'Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE',
      ],
      [
        { op: 'remove', path: '/endpointConfiguration/ipAddressType', value: 'dualstack' },
        'Invalid patch operation specified. Must be one of: [replace]',
      ],
      [
        { op: 'remove', path: '/endpointConfiguration/types/0', value: 'EDGE' },
        "Invalid patch operation specified. Must be 'add'|'remove'|'replace'",
      ],
    ];
    for (const [op, message] of refusals) {
      expectAwsError(await call('PATCH', path, patch([op])), 400, 'BadRequestException', message);
    }
  });

  // test_update_rest_api_invalid_api_id, test_update_rest_api_concatenation_of_errors
  test('an unknown API is a 404 naming the account; unknown operations are listed together first', async () => {
    expectAwsError(
      await call('PATCH', '/restapis/api_id', patch([{ op: 'replace', path: '/apiKeySource', value: 'AUTHORIZER' }])),
      404,
      'NotFoundException',
      'Invalid API identifier specified 123456789012:api_id',
    );
    const api = await call('POST', '/restapis', { name: 'upd-ops' });
    expectAwsError(
      await call(
        'PATCH',
        `/restapis/${str(api, 'id')}`,
        patch([
          { op: 'wrong', path: '/endpointConfiguration/ipAddressType', value: 'dualstack' },
          { op: 'wrong', path: '/endpointConfiguration/types/0', value: 'EDGE' },
        ]),
      ),
      400,
      'ValidationException',
      "2 validation errors detected: Value 'wrong' at 'updateRestApiInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]; Value 'wrong' at 'updateRestApiInput.patchOperations.2.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    );
  });

  test('name, description and apiKeySource are replaced', async () => {
    const api = await call('POST', '/restapis', { name: 'upd-name' });
    const updated = await call(
      'PATCH',
      `/restapis/${str(api, 'id')}`,
      patch([
        { op: 'replace', path: '/name', value: 'renamed' },
        { op: 'replace', path: '/description', value: 'now described' },
        { op: 'replace', path: '/apiKeySource', value: 'AUTHORIZER' },
      ]),
    );
    expect(updated.json).toMatchObject({ name: 'renamed', description: 'now described', apiKeySource: 'AUTHORIZER' });
  });
});

describe('UpdateResource', () => {
  // test_update_resource_behaviour
  test('moves and renames with AWS refusals; the descendants follow', async () => {
    const f = await fixture(call, 'upd-resource');
    const res = (id: string) => `/restapis/${f.api}/resources/${id}`;
    const replace = (path: string, value: string) => patch([{ op: 'replace', path, value }]);
    expectAwsError(
      await call('PATCH', res('fake-resource'), replace('/pathPart', 'dogs')),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PATCH', res(f.pets), replace('/invalid', 'dogs')),
      400,
      'BadRequestException',
      "Invalid patch path  '/invalid' specified for op 'replace'. Must be one of: [/parentId, /pathPart]",
    );
    expectAwsError(
      await call('PATCH', res(f.pets), replace('/parentId', 'fake-parent-id')),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    const sub = await call('POST', res(f.pets), { pathPart: 'subpets' });
    const child = await call('POST', res(str(sub, 'id')), { pathPart: 'pets' });
    expect(child.json.path).toBe('/pets/subpets/pets');
    expectAwsError(
      await call('PATCH', res(str(child, 'id')), replace('/parentId', f.root)),
      409,
      'ConflictException',
      'Another resource with the same parent already has this name: pets',
    );
    expectAwsError(
      await call('PATCH', res(f.pets), replace('/parentId', str(sub, 'id'))),
      400,
      'BadRequestException',
      'Resources cannot be cyclical.',
    );
    const moved = await call('PATCH', res(str(sub, 'id')), replace('/parentId', f.root));
    expect(moved.status).toBe(200);
    expect(moved.json).toEqual({ id: str(sub, 'id'), parentId: f.root, pathPart: 'subpets', path: '/subpets' });
    // Its child moved with it.
    expect((await call('GET', res(str(child, 'id')))).json.path).toBe('/subpets/pets');
    expectAwsError(
      await call('PATCH', res(str(sub, 'id')), replace('/pathPart', 'pets')),
      409,
      'ConflictException',
      'Another resource with the same parent already has this name: pets',
    );
    for (const op of ['remove', 'add']) {
      expectAwsError(
        await call('PATCH', res(str(sub, 'id')), patch([{ op, path: '/pathPart', value: 'added-pets' }])),
        400,
        'BadRequestException',
        `Invalid patch path  '/pathPart' specified for op '${op}'. Please choose supported operations`,
      );
    }
    const renamed = await call('PATCH', res(str(sub, 'id')), replace('/pathPart', 'cats'));
    expect(renamed.json.path).toBe('/cats');
    expect((await call('GET', res(str(child, 'id')))).json.path).toBe('/cats/pets');
  });

  // test_update_resource_on_root
  test('the root resource keeps its path part and parent', async () => {
    const f = await fixture(call, 'upd-root');
    const root = `/restapis/${f.api}/resources/${f.root}`;
    expectAwsError(
      await call('PATCH', root, patch([{ op: 'replace', path: '/pathPart', value: 'dogs' }])),
      400,
      'BadRequestException',
      'Root resource cannot update its pathPart.',
    );
    expectAwsError(
      await call('PATCH', root, patch([{ op: 'replace', path: '/parentId', value: f.root }])),
      400,
      'BadRequestException',
      'Root resource cannot update its parentId.',
    );
  });
});

describe('UpdateMethod', () => {
  // test_update_method
  test('request parameters and models are added, replaced and removed; scalars replaced', async () => {
    const f = await fixture(call, 'upd-method');
    const any = `/restapis/${f.api}/resources/${f.root}/methods/ANY`;
    await call('PUT', any, { authorizationType: 'NONE' });
    const added = await call(
      'PATCH',
      any,
      patch([
        { op: 'add', path: '/requestParameters/method.request.querystring.optional', value: 'true' },
        { op: 'add', path: '/requestModels/application~1json', value: 'Empty' },
      ]),
    );
    expect(added.json).toEqual({
      apiKeyRequired: false,
      authorizationType: 'NONE',
      httpMethod: 'ANY',
      requestModels: { 'application/json': 'Empty' },
      requestParameters: { 'method.request.querystring.optional': true },
    });
    const replaced = await call(
      'PATCH',
      any,
      patch([
        { op: 'replace', path: '/operationName', value: 'ReplacedOperationName' },
        { op: 'replace', path: '/apiKeyRequired', value: 'true' },
        { op: 'replace', path: '/authorizationType', value: 'AWS_IAM' },
        { op: 'replace', path: '/requestParameters/method.request.querystring.optional', value: 'false' },
      ]),
    );
    expect(replaced.json).toEqual({
      apiKeyRequired: true,
      authorizationType: 'AWS_IAM',
      httpMethod: 'ANY',
      operationName: 'ReplacedOperationName',
      requestModels: { 'application/json': 'Empty' },
      requestParameters: { 'method.request.querystring.optional': false },
    });
    const removed = await call(
      'PATCH',
      any,
      patch([
        { op: 'remove', path: '/requestParameters/method.request.querystring.optional', value: 'true' },
        { op: 'remove', path: '/requestModels/application~1json', value: 'Empty' },
      ]),
    );
    expect(removed.json).toEqual({
      apiKeyRequired: true,
      authorizationType: 'AWS_IAM',
      httpMethod: 'ANY',
      operationName: 'ReplacedOperationName',
    });
  });

  // test_update_method_validation
  test("AWS's refusals, in its order, and a refused request changes nothing", async () => {
    const f = await fixture(call, 'upd-method-errors');
    const method = (verb: string, api = f.api, res = f.root) => `/restapis/${api}/resources/${res}/methods/${verb}`;
    expectAwsError(
      await call('PATCH', method('ANY', 'fake-api'), patch([])),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PATCH', method('ANY', f.api, 'fake-resource-id'), patch([])),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PATCH', method('GET'), patch([{ op: 'replace', path: '/operationName', value: 'x' }])),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    await call('PUT', method('ANY'), { authorizationType: 'NONE', apiKeyRequired: true });
    const refusals: Array<[Record<string, string>, string]> = [
      [
        { op: 'add', path: '/operationName', value: 'operationName' },
        'Invalid patch operation specified. Must be one of: [replace]',
      ],
      [
        { op: 'add', path: '/requestValidatorId', value: 'wrong-id' },
        'Invalid patch operation specified. Must be one of: [replace]',
      ],
      [{ op: 'add', path: '/httpMethod', value: 'PUT' }, 'Invalid patch path /httpMethod'],
      [
        { op: 'replace', path: '/requestParameters', value: 'method.request.querystring.optional=false' },
        'Invalid patch path /requestParameters',
      ],
      [
        { op: 'add', path: '/requestModels/application/json', value: 'Empty' },
        'Invalid patch path /requestModels/application/json',
      ],
      [
        { op: 'replace', path: '/authorizationType', value: 'CUSTOM' },
        'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
      ],
      [
        { op: 'replace', path: '/requestValidatorId', value: 'abc123' },
        'Invalid Request Validator identifier specified',
      ],
    ];
    for (const [op, message] of refusals) {
      expectAwsError(await call('PATCH', method('ANY'), patch([op])), 400, 'BadRequestException', message);
    }
    expect((await call('GET', method('ANY'))).json).toEqual({
      apiKeyRequired: true,
      authorizationType: 'NONE',
      httpMethod: 'ANY',
    });
    // Java's Boolean.parseBoolean: anything but "true" is false; an authorizer id on a NONE method is ignored.
    const loose = await call(
      'PATCH',
      method('ANY'),
      patch([
        { op: 'replace', path: '/apiKeyRequired', value: 'whatever' },
        { op: 'replace', path: '/authorizerId', value: 'abc123' },
      ]),
    );
    expect(loose.json).toEqual({ apiKeyRequired: false, authorizationType: 'NONE', httpMethod: 'ANY' });
  });
});

describe('UpdateIntegration', () => {
  test('replaces the URI and timeout, patches request templates and parameters; GetIntegration agrees', async () => {
    const f = await fixture(call, 'upd-integration');
    const integration = `${f.m}/integration`;
    expectAwsError(
      await call('PATCH', integration, patch([{ op: 'replace', path: '/uri', value: 'https://x.example' }])),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
    await call('PUT', integration, { type: 'HTTP', httpMethod: 'GET', uri: 'https://backend.example/a' });
    await call('PUT', `${f.m}/responses/200`, {});
    await call('PUT', `${integration}/responses/200`, { selectionPattern: '' });
    const updated = await call(
      'PATCH',
      integration,
      patch([
        { op: 'replace', path: '/uri', value: 'https://backend.example/b' },
        { op: 'replace', path: '/timeoutInMillis', value: '5000' },
        { op: 'add', path: '/requestTemplates/application~1json', value: '{"id": "$input.params(\'id\')"}' },
        { op: 'add', path: '/requestParameters/integration.request.header.X-Id', value: "'fixed'" },
      ]),
    );
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      type: 'HTTP',
      uri: 'https://backend.example/b',
      timeoutInMillis: 5000,
      requestTemplates: { 'application/json': '{"id": "$input.params(\'id\')"}' },
      requestParameters: { 'integration.request.header.X-Id': "'fixed'" },
      // The integration responses stay.
      integrationResponses: { '200': { statusCode: '200', selectionPattern: '' } },
    });
    expect((await call('GET', integration)).json).toEqual(updated.json);
    expectAwsError(
      await call('PATCH', integration, patch([{ op: 'replace', path: '/type', value: 'MOCK' }])),
      400,
      'BadRequestException',
      'Invalid patch path /type',
    );
    expectAwsError(
      await call('PATCH', integration, patch([{ op: 'replace', path: '/timeoutInMillis', value: '30000' }])),
      400,
      'BadRequestException',
      'Timeout should be between 50 ms and 29000 ms',
    );
    const removed = await call(
      'PATCH',
      integration,
      patch([{ op: 'remove', path: '/requestTemplates/application~1json' }]),
    );
    expect(removed.json).not.toHaveProperty('requestTemplates');
  });
});
