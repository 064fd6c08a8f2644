// The integration-response read/write path against a real moto_server, through the project's forwarding route
// (as the browser would use it: same origin, signature computed for the moto URL). Where moto deviates from AWS
// (UpdateIntegrationResponse is not implemented → HTML 500), the client must cope with a typed error.
import { serve } from '@hono/node-server';
import { AwsClient } from 'aws4fetch';
import { Hono } from 'hono';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createForwardApp, defaultForwardAllowlist } from '../../server/forward';
import { ApiError } from './api-error';
import type { ApiGatewayClient } from './client';
import { createApiGatewayClient } from './client';

const motoAvailable = spawnSync('sh', ['-c', 'command -v moto_server']).status === 0;
if (!motoAvailable) console.warn('moto.node.test.ts: moto_server is not on PATH; these tests are skipped.');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let moto: ChildProcess | undefined;
let forwardServer: ReturnType<typeof serve> | undefined;
let motoUrl = '';
let client: ApiGatewayClient;
let apiId = '';
let rootId = '';

const setup = new AwsClient({
  accessKeyId: 'test',
  secretAccessKey: 'test',
  service: 'apigateway',
  region: 'us-east-1',
  retries: 0,
});

async function motoCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await setup.fetch(`${motoUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`moto setup ${method} ${path} → ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  if (!motoAvailable) return;
  const port = await freePort();
  motoUrl = `http://127.0.0.1:${port}`;
  moto = spawn('moto_server', ['-p', String(port), '-H', '127.0.0.1'], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${motoUrl}/moto-api/`);
      await r.arrayBuffer();
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('moto_server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 150));
  }

  const app = new Hono();
  // moto listens on a random port here, so it is added the way a user adds theirs (`--forward-allow`).
  app.route('/__forward', createForwardApp({ allowlist: [...defaultForwardAllowlist, `127.0.0.1:${port}`] }));
  const forwardPort = await new Promise<number>((resolve) => {
    forwardServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  client = createApiGatewayClient({
    endpoint: motoUrl,
    region: 'us-east-1',
    forwardThrough: `http://127.0.0.1:${forwardPort}/__forward`,
    retryBaseMs: 5,
  });

  const api = await motoCall<{ id: string }>('POST', '/restapis', { name: 'moto-studio' });
  apiId = api.id;
  const resources = await motoCall<{ item: { id: string; path: string }[] }>('GET', `/restapis/${apiId}/resources`);
  rootId = resources.item.find((r) => r.path === '/')?.id ?? '';
  const base = `/restapis/${apiId}/resources/${rootId}/methods/GET`;
  await motoCall('PUT', base, { authorizationType: 'NONE' });
  await motoCall('PUT', `${base}/responses/200`, { responseParameters: { 'method.response.header.X-Id': false } });
  await motoCall('PUT', `${base}/integration`, {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
}, 60_000);

afterAll(async () => {
  if (forwardServer) await new Promise<void>((r) => forwardServer?.close(() => r()));
  if (moto?.pid !== undefined && moto.exitCode === null) {
    const exited = new Promise<void>((r) => moto?.once('exit', () => r()));
    moto.kill('SIGTERM');
    await exited;
  }
});

describe.skipIf(!motoAvailable)('moto_server through /__forward', () => {
  test('lists rest apis and resources despite moto nulls and text/html content type', async () => {
    const apis = await client.getAllRestApis();
    expect(apis.find((a) => a.id === apiId)?.name).toBe('moto-studio');
    const progress: number[] = [];
    const resources = await client.getAllResources(
      { restApiId: apiId },
      { embedMethods: true, onProgress: (n) => progress.push(n) },
    );
    const root = resources.find((r) => r.id === rootId);
    expect(root?.path).toBe('/');
    expect(root?.resourceMethods?.GET?.methodIntegration?.type).toBe('MOCK');
    // moto ignores paging and never sends a position: one request, everything loaded.
    expect(progress).toEqual([resources.length]);
  });

  test('Put → Get → GetMethod → Delete an integration response', async () => {
    const put = await client.putIntegrationResponse(
      { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '200' },
      {
        selectionPattern: '',
        responseParameters: { 'method.response.header.X-Id': "'abc'" },
        responseTemplates: { 'application/json': '{"ok": true}' },
      },
    );
    expect(put.statusCode).toBe('200');
    expect(put.responseTemplates).toEqual({ 'application/json': '{"ok": true}' });
    expect(put.responseParameters).toEqual({ 'method.response.header.X-Id': "'abc'" });
    // moto drops an empty selectionPattern from its answer; the client just reports it as unset.
    expect(put.selectionPattern ?? '').toBe('');

    const got = await client.getIntegrationResponse({
      restApiId: apiId,
      resourceId: rootId,
      httpMethod: 'GET',
      statusCode: '200',
    });
    expect(got).toMatchObject({ statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } });

    const method = await client.getMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' });
    expect(method.httpMethod).toBe('GET');
    expect(method.methodResponses?.['200']?.responseParameters).toEqual({ 'method.response.header.X-Id': false });
    expect(method.methodIntegration?.integrationResponses?.['200']?.responseParameters).toEqual({
      'method.response.header.X-Id': "'abc'",
    });

    await expect(
      client.deleteIntegrationResponse({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '200' }),
    ).resolves.toBeUndefined();
    const after = await client.getMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' });
    expect(after.methodIntegration?.integrationResponses?.['200']).toBeUndefined();
  });

  test('UpdateIntegrationResponse (not implemented by moto → HTML 500) is a typed, non-retried error', async () => {
    await client.putIntegrationResponse(
      { restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '200' },
      {},
    );
    const e = await client
      .updateIntegrationResponse({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET', statusCode: '200' }, [
        { op: 'replace', path: '/selectionPattern', value: '2\\d{2}' },
      ])
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'aws', status: 500, retryable: false });
  });

  test('an unknown api is a NotFoundException from moto', async () => {
    const e = await client
      .getIntegrationResponse({ restApiId: 'nosuchapi0', resourceId: rootId, httpMethod: 'GET', statusCode: '200' })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'aws', errorType: 'NotFoundException', status: 404 });
  });
});

// What the dashboard's Deploy, stage list, undeployed-changes comparison and Test invoke get from moto
// (docs/aws/moto.md, "Deployments, stages, export, test invoke").
describe.skipIf(!motoAvailable)('moto_server: deployments, stages, export, test invoke', () => {
  test('createDeployment to a stage, then getStages lists it (without dates)', async () => {
    const dep = await client.createDeployment({ restApiId: apiId }, { stageName: 'dev', description: 'first' });
    expect(dep).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      description: 'first',
      createdDate: expect.any(Number),
    });
    const again = await client.createDeployment({ restApiId: apiId }, { stageName: 'dev' });
    const stages = await client.getStages({ restApiId: apiId });
    // moto repoints the stage as AWS does, but its stage has no createdDate/lastUpdatedDate and an empty description.
    expect(stages).toEqual([{ stageName: 'dev', deploymentId: again.id, description: '', variables: {} }]);
  });

  test('createDeployment accepts a stage name AWS refuses', async () => {
    await expect(client.createDeployment({ restApiId: apiId }, { stageName: 'bad name' })).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  test('getStageExport parses moto’s export, which has no integrations to compare', async () => {
    const doc = await client.getStageExport({ restApiId: apiId, stageName: 'dev' });
    // Swagger 2.0 whatever was asked, verbs in upper case, and no x-amazon-apigateway-integration.
    expect(Object.keys(doc.paths?.['/'] ?? {})).toEqual(['GET']);
    expect(doc.paths?.['/']?.GET?.['x-amazon-apigateway-integration']).toBeUndefined();
    // It does not check the stage either.
    await expect(client.getStageExport({ restApiId: apiId, stageName: 'no_such_stage' })).resolves.toBeDefined();
  });

  test('testInvokeMethod is not implemented by moto: a typed, non-retried error', async () => {
    const e = await client.testInvokeMethod({ restApiId: apiId, resourceId: rootId, httpMethod: 'GET' }, {}).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'aws', status: 500, retryable: false });
  });

  test('an API without methods cannot be deployed, with AWS’s text', async () => {
    const empty = await motoCall<{ id: string }>('POST', '/restapis', { name: 'moto-empty' });
    await expect(client.createDeployment({ restApiId: empty.id }, { stageName: 'dev' })).rejects.toMatchObject({
      kind: 'aws',
      errorType: 'BadRequestException',
      message: "The REST API doesn't contain any methods",
    });
  });
});
