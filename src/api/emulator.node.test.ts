// Every client function against the real embedded emulator (the CLI users run), over HTTP.
import { AwsClient } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import { ApiError } from './api-error';
import type { ApiGatewayClient } from './client';
import { createApiGatewayClient } from './client';

let emulator: EmulatorProcess;
let client: ApiGatewayClient;
let apiId = '';
let rootId = '';
let childIds: string[] = [];

const setup = new AwsClient({
  accessKeyId: 'test',
  secretAccessKey: 'test',
  service: 'apigateway',
  region: 'us-east-1',
  retries: 0,
});

async function raw<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await setup.fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`setup ${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
}

beforeAll(async () => {
  emulator = await startEmulator();
  client = createApiGatewayClient({ endpoint: emulator.baseUrl, region: 'us-east-1', retryBaseMs: 5 });
  const api = await raw<{ id: string; rootResourceId?: string }>('POST', '/restapis', {
    name: 'studio-test',
    description: 'for the client',
  });
  apiId = api.id;
  const resources = await raw<{ item: { id: string; path: string }[] }>('GET', `/restapis/${apiId}/resources`);
  rootId = resources.item.find((r) => r.path === '/')?.id ?? '';
  childIds = [];
  for (const part of ['a', 'b', 'c', 'd']) {
    const r = await raw<{ id: string }>('POST', `/restapis/${apiId}/resources/${rootId}`, { pathPart: part });
    childIds.push(r.id);
  }
  const base = `/restapis/${apiId}/resources/${rootId}/methods/GET`;
  await raw('PUT', base, { authorizationType: 'NONE' });
  await raw('PUT', `${base}/responses/200`, { responseParameters: { 'method.response.header.X-Id': false } });
  await raw('PUT', `${base}/responses/400`, {});
  await raw('PUT', `${base}/integration`, {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
});

describe('reads', () => {
  test('getRestApis / getAllRestApis / getRestApi', async () => {
    const page = await client.getRestApis({ limit: 25 });
    expect(page.items.map((a) => a.id)).toContain(apiId);
    const all = await client.getAllRestApis();
    expect(all.find((a) => a.id === apiId)).toMatchObject({ name: 'studio-test', description: 'for the client' });
    const one = await client.getRestApi({ restApiId: apiId });
    expect(one.id).toBe(apiId);
    expect(typeof one.createdDate).toBe('number');
  });

  test('getResources pages with limit/position; getAllResources follows every page', async () => {
    const first = await client.getResources({ restApiId: apiId }, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.position).toBeTruthy();
    const progress: number[] = [];
    const all = await client.getAllResources(
      { restApiId: apiId },
      { embedMethods: true, onProgress: (n) => progress.push(n) },
    );
    expect(all).toHaveLength(5);
    expect(progress.at(-1)).toBe(5);
    expect(all.find((r) => r.id === rootId)?.resourceMethods?.GET?.methodIntegration?.type).toBe('MOCK');
    expect(new Set(all.map((r) => r.path))).toEqual(new Set(['/', '/a', '/b', '/c', '/d']));
  });

  test('getResource / getMethod / getMethodResponse / getIntegration', async () => {
    const child = await client.getResource({ restApiId: apiId, resourceId: childIds[0] ?? '' });
    expect(child).toMatchObject({ path: '/a', pathPart: 'a', parentId: rootId });
    const method = await client.getMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' });
    expect(method).toMatchObject({ httpMethod: 'GET', authorizationType: 'NONE' });
    expect(Object.keys(method.methodResponses ?? {}).sort()).toEqual(['200', '400']);
    const mr = await client.getMethodResponse({
      restApiId: apiId,
      resourceId: rootId,
      httpMethod: 'GET',
      statusCode: '200',
    });
    expect(mr).toEqual({ statusCode: '200', responseParameters: { 'method.response.header.X-Id': false } });
    const integration = await client.getIntegration({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' });
    expect(integration.type).toBe('MOCK');
  });
});

describe('writes', () => {
  test('put / get / update / delete an integration response', async () => {
    const put = await client.putIntegrationResponse(
      { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '400' },
      {
        selectionPattern: '4\\d{2}',
        responseTemplates: { 'application/json': '{"error": $input.json(\'$.message\')}', 'text/plain': '' },
      },
    );
    expect(put).toEqual({
      statusCode: '400',
      selectionPattern: '4\\d{2}',
      responseTemplates: { 'application/json': '{"error": $input.json(\'$.message\')}', 'text/plain': null },
    });
    expect(
      await client.getIntegrationResponse({
        restApiId: apiId,
        resourceId: rootId,
        httpMethod: 'GET',
        statusCode: '400',
      }),
    ).toEqual(put);

    const updated = await client.updateIntegrationResponse(
      { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '400' },
      [
        { op: 'replace', path: '/selectionPattern', value: '400' },
        { op: 'add', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
      ],
    );
    expect(updated).toMatchObject({ statusCode: '400', selectionPattern: '400', contentHandling: 'CONVERT_TO_TEXT' });

    const method = await client.getMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' });
    expect(method.methodIntegration?.integrationResponses?.['400']?.selectionPattern).toBe('400');

    await expect(
      client.deleteIntegrationResponse({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '400' }),
    ).resolves.toBeUndefined();
    const gone = await rejection(
      client.getIntegrationResponse({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '400' }),
    );
    expect(gone).toMatchObject({
      kind: 'aws',
      errorType: 'NotFoundException',
      status: 404,
      message: 'Invalid Response status code specified',
    });
  });

  test('put / update a method response', async () => {
    const put = await client.putMethodResponse(
      { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '500' },
      {
        responseModels: { 'application/json': 'Error' },
      },
    );
    expect(put).toMatchObject({ statusCode: '500', responseModels: { 'application/json': 'Error' } });
    const updated = await client.updateMethodResponse(
      { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '500' },
      [{ op: 'add', path: '/responseParameters/method.response.header.X-Trace', value: 'true' }],
    );
    expect(updated.responseParameters).toEqual({ 'method.response.header.X-Trace': true });
  });
});

describe('AWS errors come back typed', () => {
  test('unknown api → NotFoundException', async () => {
    const e = await rejection(client.getRestApi({ restApiId: 'nosuchapi1' }));
    expect(e).toMatchObject({ kind: 'aws', errorType: 'NotFoundException', status: 404, retryable: false });
    expect(e.message).toContain('Invalid API identifier specified');
  });

  test('unknown resource → NotFoundException', async () => {
    const e = await rejection(client.getMethod({ restApiId: apiId, resourceId: 'nosuch', httpMethod: 'GET' }));
    expect(e).toMatchObject({ errorType: 'NotFoundException', message: 'Invalid Resource identifier specified' });
  });

  test('an invalid status code is rejected before any existence check', async () => {
    const e = await rejection(
      client.putIntegrationResponse({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '600' }, {}),
    );
    expect(e).toMatchObject({ kind: 'aws', status: 400 });
    expect(['ValidationException', 'BadRequestException']).toContain(e.errorType);
  });

  test('an invalid contentHandling is rejected', async () => {
    const e = await rejection(
      client.putIntegrationResponse(
        { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '200' },
        {
          contentHandling: 'CONVERT_TO_JSON' as 'CONVERT_TO_TEXT',
        },
      ),
    );
    expect(e).toMatchObject({ kind: 'aws', status: 400 });
  });

  test('regions are separate: the api is not visible from another region', async () => {
    const eu = createApiGatewayClient({ endpoint: emulator.baseUrl, region: 'eu-west-1' });
    const e = await rejection(eu.getRestApi({ restApiId: apiId }));
    expect(e.errorType).toBe('NotFoundException');
  });
});

describe('ImportRestApi and GetExport as files', () => {
  const yaml = [
    'openapi: 3.0.1',
    'info:',
    '  title: imported-by-client',
    '  version: "1"',
    'paths:',
    '  /items:',
    '    get:',
    '      responses:',
    '        "200":',
    '          description: ok',
    '      x-amazon-apigateway-integration:',
    '        type: mock',
    '        responses:',
    '          default:',
    '            statusCode: "200"',
    '',
  ].join('\n');

  test('importRestApi sends the file as it is (signed, YAML Content-Type) and getExportFile reads it back as JSON or YAML', async () => {
    const api = await client.importRestApi({ text: yaml, contentType: 'application/yaml' });
    expect(api).toMatchObject({ name: 'imported-by-client' });
    expect(api.warnings).toBeUndefined();
    const ref = { restApiId: api.id, stageName: 'files' };
    await client.createDeployment(ref, { stageName: 'files' });
    const json = await client.getExportFile(ref, { exportType: 'oas30', format: 'json' });
    expect(JSON.parse(json)).toMatchObject({ openapi: '3.0.1', paths: { '/items': { get: {} } } });
    const swaggerYaml = await client.getExportFile(ref, { exportType: 'swagger', format: 'yaml' });
    expect(swaggerYaml).toMatch(/^"swagger": "2\.0"$/m);
    expect(swaggerYaml).toContain('"x-amazon-apigateway-integration"');
  });

  test('a file that is not OpenAPI is an AWS error with AWS’s message', async () => {
    const e = await rejection(client.importRestApi({ text: 'not: [openapi', contentType: 'application/yaml' }));
    expect([e.kind, e.errorType, e.status, e.message]).toEqual([
      'aws',
      'BadRequestException',
      400,
      'Invalid OpenAPI input.',
    ]);
  });
});
