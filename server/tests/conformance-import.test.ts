// Conformance over real HTTP: ImportRestApi and PutRestApi, against docs/aws/import.md (LocalStack's
// test_apigateway_import tests, recorded against AWS, and AWS's answers quoted in public issues), and the round
// trip import → CreateDeployment → GetExport → import.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../seed-demo';
import { createEmulatorApp } from '../app';
import type { Call, Harness, Reply } from './conformance-harness';
import { client, expectAwsError, items, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;
const FIXED_MS = 1_764_000_000_123;

const fixturePath = (name: string) => new URL(`../../test-support/openapi/${name}`, import.meta.url);
const SWAGGER_JSON = readFileSync(fixturePath('pet-store.swagger.json'), 'utf8');
const OAS30_YAML = readFileSync(fixturePath('pet-store.oas30.yaml'), 'utf8');

beforeAll(async () => {
  h = await startHarness({ now: () => FIXED_MS });
  call = client(h.base);
});
afterAll(() => h.close());

const yamlHeaders = { 'content-type': 'application/yaml' };

async function importApi(body: string, query = '', headers: Record<string, string> = {}): Promise<Reply> {
  return call('POST', `/restapis?mode=import${query}`, body, headers);
}

async function apiCount(): Promise<number> {
  return items(await call('GET', '/restapis?limit=500')).length;
}

async function resourcesByPath(apiId: string): Promise<Map<string, Record<string, unknown>>> {
  const list = items(await call('GET', `/restapis/${apiId}/resources?limit=500`));
  return new Map(list.map((r) => [String(r.path), r]));
}

async function method(apiId: string, path: string, verb: string): Promise<Record<string, unknown>> {
  const r = (await resourcesByPath(apiId)).get(path);
  return (await call('GET', `/restapis/${apiId}/resources/${String(r?.id)}/methods/${verb}`)).json;
}

/** A definition whose GET /pets maps a header that its method response does not declare. */
function undeclaredHeaderDefinition(title: string): string {
  return JSON.stringify({
    swagger: '2.0',
    info: { title, version: '1' },
    paths: {
      '/ok': {
        get: {
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': { type: 'mock', responses: { default: { statusCode: '200' } } },
        },
      },
      '/pets': {
        get: {
          responses: { '302': { description: 'redirect' } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            responses: {
              'https://.*': {
                statusCode: '302',
                responseParameters: { 'method.response.header.Location': 'integration.response.body.errorMessage' },
              },
            },
          },
        },
      },
    },
  });
}

describe('ImportRestApi', () => {
  test('imports a Swagger 2 JSON definition: 201 RestApi, resources with parents, methods, integration responses', async () => {
    const r = await importApi(SWAGGER_JSON);
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      name: 'ImportedPetStore',
      description: expect.stringContaining('PetStore example') as unknown,
      version: '1.0',
      createdDate: 1_764_000_000,
      rootResourceId: expect.stringMatching(/^[a-z0-9]{10}$/),
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      binaryMediaTypes: ['image/png', 'image/jpeg'],
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
    });
    const id = str(r, 'id');
    const resources = await resourcesByPath(id);
    expect([...resources.keys()].sort()).toEqual(['/', '/pets', '/pets/{petId}']);
    expect(resources.get('/pets')?.resourceMethods).toEqual({ GET: {}, OPTIONS: {}, POST: {} });
    expect(resources.get('/pets/{petId}')?.parentId).toBe(resources.get('/pets')?.id);

    const listPets = await method(id, '/pets', 'GET');
    expect(listPets).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      operationName: 'ListPets',
      requestParameters: { 'method.request.querystring.page': false, 'method.request.querystring.type': false },
      methodResponses: {
        '200': {
          statusCode: '200',
          responseModels: { 'application/json': 'Pets' },
          responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false },
        },
        '404': { statusCode: '404' },
        '500': { statusCode: '500' },
      },
      methodIntegration: {
        type: 'HTTP',
        httpMethod: 'GET',
        uri: 'http://petstore.execute-api.us-east-1.amazonaws.com/petstore/pets',
        connectionType: 'INTERNET',
        passthroughBehavior: 'WHEN_NO_MATCH',
        timeoutInMillis: 29000,
        cacheNamespace: resources.get('/pets')?.id,
        cacheKeyParameters: [],
        requestParameters: {
          'integration.request.querystring.page': 'method.request.querystring.page',
          'integration.request.querystring.type': 'method.request.querystring.type',
        },
        integrationResponses: {
          '200': {
            statusCode: '200',
            responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
          },
          '404': {
            statusCode: '404',
            selectionPattern: '404',
            responseTemplates: { 'application/json': '{"message": "No pets found"}' },
          },
          '500': {
            statusCode: '500',
            selectionPattern: '5\\d{2}',
            responseTemplates: { 'application/json': expect.stringContaining('The pet store failed') as unknown },
          },
        },
      },
    });
    const root = await method(id, '/', 'GET');
    expect(root.methodIntegration).toMatchObject({
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: { '200': { responseParameters: { 'method.response.header.Content-Type': "'text/html'" } } },
    });
    expect(root.methodIntegration).not.toHaveProperty('connectionType');
    const getPet = await method(id, '/pets/{petId}', 'GET');
    expect(getPet.requestParameters).toEqual({ 'method.request.path.petId': true });
    expect(getPet.methodIntegration).toMatchObject({
      integrationResponses: {
        '404': { selectionPattern: '.*not found.*', contentHandling: 'CONVERT_TO_TEXT' },
      },
    });
    const createPet = await method(id, '/pets', 'POST');
    expect(createPet).toMatchObject({ requestModels: { 'application/json': 'NewPet' } });
    expect(createPet.methodIntegration).toMatchObject({ timeoutInMillis: 10000 });
  });

  test('imports an OpenAPI 3 YAML definition, with YAML integer status codes and an ANY method', async () => {
    const r = await importApi(OAS30_YAML, '', yamlHeaders);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name: 'ImportedPetStoreOas3', version: '2.0', binaryMediaTypes: ['image/png'] });
    expect(r.json).not.toHaveProperty('warnings');
    const id = str(r, 'id');
    const resources = await resourcesByPath(id);
    expect(resources.get('/pets/{petId}')?.resourceMethods).toEqual({ ANY: {}, GET: {} });
    const root = await method(id, '/', 'GET');
    expect(root.methodResponses).toEqual({
      '200': { statusCode: '200', responseParameters: { 'method.response.header.Content-Type': false } },
    });
    expect(root.methodIntegration).toMatchObject({ integrationResponses: { '200': { statusCode: '200' } } });
    const any = await method(id, '/pets/{petId}', 'ANY');
    expect(any.methodIntegration).toMatchObject({ type: 'AWS_PROXY', httpMethod: 'POST' });
    const getPet = await method(id, '/pets/{petId}', 'GET');
    expect(getPet.methodResponses).toMatchObject({ '404': { responseModels: { 'application/json': 'Error' } } });
  });

  test('endpointConfigurationTypes and basepath=prepend|split from the parameters', async () => {
    const regional = await importApi(SWAGGER_JSON, '&endpointConfigurationTypes=REGIONAL');
    expect(regional.json.endpointConfiguration).toEqual({ types: ['REGIONAL'], ipAddressType: 'ipv4' });
    const prepend = await importApi(OAS30_YAML, '&basepath=prepend', yamlHeaders);
    expect([...(await resourcesByPath(str(prepend, 'id'))).keys()].sort()).toEqual([
      '/',
      '/test',
      '/test/pets',
      '/test/pets/{petId}',
    ]);
    const split = await importApi(OAS30_YAML, '&basepath=split', yamlHeaders);
    expect([...(await resourcesByPath(str(split, 'id'))).keys()].sort()).toEqual(['/', '/pets', '/pets/{petId}']);
  });

  test('a body that is not an OpenAPI definition: 400 "Invalid OpenAPI input.", nothing created', async () => {
    const before = await apiCount();
    for (const body of ["{'key:value}", 'test:\n  value:\n    - "unclosed', '{"not": "openapi"}', '[1, 2]', '']) {
      expectAwsError(await importApi(body), 400, 'BadRequestException', 'Invalid OpenAPI input.');
    }
    expect(await apiCount()).toBe(before);
  });

  test('a definition that breaks the integration response rules: AWS\'s "Errors found during import", nothing created', async () => {
    const before = await apiCount();
    expectAwsError(
      await importApi(undeclaredHeaderDefinition('bad-mapping')),
      400,
      'BadRequestException',
      "Errors found during import:\n\tUnable to put integration response on 'GET' for resource at path '/pets': " +
        'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.Location]',
    );
    expect(await apiCount()).toBe(before);
  });

  test('an integration AWS refuses is named with its method and path', async () => {
    const body = JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'bad-arn', version: '1' },
      paths: {
        '/track': {
          post: {
            responses: {},
            'x-amazon-apigateway-integration': {
              type: 'aws',
              httpMethod: 'POST',
              uri: 'arn:aws:apigateway:us-east-1:lambda:functions/x',
            },
          },
        },
      },
    });
    expectAwsError(
      await importApi(body),
      400,
      'BadRequestException',
      "Errors found during import:\n\tUnable to put integration on 'POST' for resource at path '/track': AWS ARN for integration must contain path or action",
    );
  });

  test('an import that fails while storing (two variable siblings) leaves no API behind', async () => {
    const before = await apiCount();
    const ok = { responses: {}, 'x-amazon-apigateway-integration': { type: 'mock' } };
    const body = JSON.stringify({
      swagger: '2.0',
      info: { title: 'siblings', version: '1' },
      paths: { '/a': { get: ok }, '/a/{x}': { get: ok }, '/a/{y}': { get: ok } },
    });
    expectAwsError(
      await importApi(body),
      400,
      'BadRequestException',
      /^Errors found during import:\n\tUnable to create resource at path '\/a\/\{y\}': A sibling \(\{x\}\)/,
    );
    expect(await apiCount()).toBe(before);
  });

  test('warnings are answered with the RestApi; failonwarnings=true refuses the import and creates nothing', async () => {
    const body = JSON.stringify({
      swagger: '2.0',
      info: { title: 'warned', version: '1' },
      paths: { '/w': { get: { responses: { default: { description: 'other' } } } } },
    });
    const warned = await importApi(body);
    expect(warned.status).toBe(201);
    expect(warned.json.warnings).toEqual([expect.stringContaining("'default'")]);
    const before = await apiCount();
    expectAwsError(
      await importApi(body, '&failonwarnings=true'),
      400,
      'BadRequestException',
      /^Warnings found during import:/,
    );
    expect(await apiCount()).toBe(before);
  });
});

describe('PutRestApi', () => {
  test("merge (the default) adds the definition's methods, keeps the others and merges binary media types; 200", async () => {
    const created = await call('POST', '/restapis', { name: 'target', binaryMediaTypes: ['image/heif'] });
    const id = str(created, 'id');
    await call('POST', `/restapis/${id}/resources/${str(created, 'rootResourceId')}`, { pathPart: 'kept' });
    const r = await call('PUT', `/restapis/${id}`, SWAGGER_JSON);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      id,
      name: 'ImportedPetStore',
      version: '1.0',
      binaryMediaTypes: ['image/heif', 'image/png', 'image/jpeg'],
      rootResourceId: str(created, 'rootResourceId'),
    });
    expect([...(await resourcesByPath(id)).keys()].sort()).toEqual(['/', '/kept', '/pets', '/pets/{petId}']);
    expect((await call('GET', `/restapis/${id}`)).json).toEqual(r.json);
  });

  test('overwrite replaces resources, methods and binary media types; stages stay', async () => {
    const first = await importApi(SWAGGER_JSON);
    const id = str(first, 'id');
    await call('POST', `/restapis/${id}/deployments`, { stageName: 'keep' });
    const body = JSON.stringify({
      swagger: '2.0',
      info: { title: 'replaced', version: '9' },
      paths: { '/only': { get: { responses: {}, 'x-amazon-apigateway-integration': { type: 'mock' } } } },
      'x-amazon-apigateway-binary-media-types': ['image/gif'],
    });
    const r = await call('PUT', `/restapis/${id}?mode=overwrite`, body);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: 'replaced', version: '9', binaryMediaTypes: ['image/gif'] });
    expect(r.json).not.toHaveProperty('description');
    expect([...(await resourcesByPath(id)).keys()].sort()).toEqual(['/', '/only']);
    expect((await resourcesByPath(id)).get('/')?.resourceMethods).toBeUndefined();
    expect((await call('GET', `/restapis/${id}/stages/keep`)).status).toBe(200);
  });

  test("a refused put changes nothing; the definition is checked before the API's existence", async () => {
    const first = await importApi(SWAGGER_JSON);
    const id = str(first, 'id');
    const before = await call('GET', `/restapis/${id}/resources?embed=methods&limit=500`);
    const refused = await call('PUT', `/restapis/${id}?mode=overwrite`, undeclaredHeaderDefinition('never'));
    expectAwsError(refused, 400, 'BadRequestException', /^Errors found during import:/);
    expect((await call('GET', `/restapis/${id}/resources?embed=methods&limit=500`)).json).toEqual(before.json);
    expect((await call('GET', `/restapis/${id}`)).json.name).toBe('ImportedPetStore');

    expectAwsError(
      await call('PUT', '/restapis/nosuchapi1', "{'key:value}"),
      400,
      'BadRequestException',
      'Invalid OpenAPI input.',
    );
    expectAwsError(
      await call('PUT', '/restapis/nosuchapi1', SWAGGER_JSON),
      404,
      'NotFoundException',
      'Invalid API identifier specified 123456789012:nosuchapi1',
    );
    expectAwsError(
      await call('PUT', `/restapis/${id}?mode=replace`, SWAGGER_JSON),
      400,
      'ValidationException',
      "1 validation error detected: Value 'replace' at 'putRestApiInput.mode' failed to satisfy constraint: Member must satisfy enum value set: [merge, overwrite]",
    );
  });
});

/** An export with what changes from one API or deployment to the next taken out. */
function stable(text: string): string {
  return text
    .replace(/[a-z0-9]{10}\.execute-api/g, 'API.execute-api')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'DATE');
}

async function deployAndExport(apiId: string, type: 'swagger' | 'oas30', yaml: boolean): Promise<string> {
  expect((await call('POST', `/restapis/${apiId}/deployments`, { stageName: 'rt' })).status).toBe(201);
  const r = await call('GET', `/restapis/${apiId}/stages/rt/exports/${type}?extensions=apigateway`, undefined, {
    accept: yaml ? 'application/yaml' : 'application/json',
  });
  expect(r.status).toBe(200);
  return r.text;
}

describe('round trip: import → CreateDeployment → GetExport → import', () => {
  const cases = [
    { type: 'swagger', yaml: false },
    { type: 'swagger', yaml: true },
    { type: 'oas30', yaml: false },
    { type: 'oas30', yaml: true },
  ] as const;
  for (const { type, yaml } of cases) {
    test(`${type} ${yaml ? 'YAML' : 'JSON'}: the second export equals the first, for the pet store fixtures`, async () => {
      for (const source of [SWAGGER_JSON, OAS30_YAML]) {
        const first = await importApi(source);
        const exported = await deployAndExport(str(first, 'id'), type, yaml);
        const second = await importApi(exported, '&failonwarnings=true');
        expect(second.status).toBe(201);
        expect(stable(await deployAndExport(str(second, 'id'), type, yaml))).toBe(stable(exported));
      }
    });
  }

  test("the demo data (npm start's seed) survives its own export and re-import, in all four forms", async () => {
    const seeded = createEmulatorApp({ store: h.store, now: () => FIXED_MS });
    const seed = await seedDemo(seeded);
    for (const apiId of [seed.petStoreApiId, seed.notificationsApiId])
      for (const { type, yaml } of cases) {
        const exported = await deployAndExport(apiId, type, yaml);
        const copy = await importApi(exported, '&failonwarnings=true');
        expect(copy.status).toBe(201);
        expect(stable(await deployAndExport(str(copy, 'id'), type, yaml))).toBe(stable(exported));
      }
  });
});
