// Conformance over real HTTP: CreateDeployment, GetDeployments, GetDeployment, DeleteDeployment, CreateStage,
// GetStages, GetStage, UpdateStage, DeleteStage (docs/aws/deployments-stages.md: expected answers recorded from
// AWS in LocalStack's AWS-validated snapshots test_apigateway_common TestDeployments/TestStages).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Call, Harness } from './conformance-harness';
import { client, expectAwsError, fixture, items, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;

beforeAll(async () => {
  h = await startHarness();
  call = client(h.base);
});
afterAll(() => h.close());

/** An api with GET /pets on a MOCK integration, ready to deploy. */
async function deployable(name: string) {
  const f = await fixture(call, name);
  await call('PUT', `${f.m}/integration`, {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  return f;
}

const stageShape = (deploymentId: string, stageName: string) => ({
  deploymentId,
  stageName,
  cacheClusterEnabled: false,
  cacheClusterStatus: 'NOT_AVAILABLE',
  methodSettings: {},
  tracingEnabled: false,
  createdDate: expect.any(Number),
  lastUpdatedDate: expect.any(Number),
});

describe('deployments', () => {
  test('CreateDeployment with stageName creates the stage; DeleteDeployment is refused while it serves', async () => {
    const f = await deployable('dep-basic');
    const created = await call('POST', `/restapis/${f.api}/deployments`, { stageName: 's1', description: 'first' });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      description: 'first',
      createdDate: expect.any(Number),
    });
    const id = str(created, 'id');

    const got = await call('GET', `/restapis/${f.api}/deployments/${id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created.json);
    const stages = await call('GET', `/restapis/${f.api}/stages`);
    expect(stages.json).toEqual({ item: [stageShape(id, 's1')] });

    expectAwsError(
      await call('DELETE', `/restapis/${f.api}/deployments/${id}`),
      400,
      'BadRequestException',
      'Active stages pointing to this deployment must be moved or deleted',
    );
    expect((await call('DELETE', `/restapis/${f.api}/stages/s1`)).status).toBe(202);
    expect((await call('DELETE', `/restapis/${f.api}/deployments/${id}`)).status).toBe(202);
    expect(items(await call('GET', `/restapis/${f.api}/stages`))).toEqual([]);
    expect(items(await call('GET', `/restapis/${f.api}/deployments`))).toEqual([]);
  });

  test('redeploying to a stage repoints it; the old deployment can then be deleted', async () => {
    const f = await deployable('dep-repoint');
    const first = str(await call('POST', `/restapis/${f.api}/deployments`, {}), 'id');
    expect((await call('POST', `/restapis/${f.api}/stages`, { stageName: 's1', deploymentId: first })).status).toBe(
      201,
    );
    const second = str(
      await call('POST', `/restapis/${f.api}/deployments`, { stageName: 's1', variables: { v: 'a' } }),
      'id',
    );
    const stage = await call('GET', `/restapis/${f.api}/stages/s1`);
    expect(stage.json).toMatchObject({ deploymentId: second, variables: { v: 'a' } });
    expect((await call('DELETE', `/restapis/${f.api}/deployments/${first}`)).status).toBe(202);
    expectAwsError(
      await call('DELETE', `/restapis/${f.api}/deployments/${second}`),
      400,
      'BadRequestException',
      'Active stages pointing to this deployment must be moved or deleted',
    );
    const list = items(await call('GET', `/restapis/${f.api}/deployments`));
    expect(list.map((d) => d.id)).toEqual([second]);
  });

  test('AWS refuses to deploy an API without methods, or with a method without integration; nothing is created', async () => {
    const api = await call('POST', '/restapis', { name: 'dep-empty' });
    const apiId = str(api, 'id');
    expectAwsError(
      await call('POST', `/restapis/${apiId}/deployments`, { stageName: 's1' }),
      400,
      'BadRequestException',
      "The REST API doesn't contain any methods",
    );
    const f = await fixture(call, 'dep-no-integration');
    expectAwsError(
      await call('POST', `/restapis/${f.api}/deployments`, { stageName: 's1' }),
      400,
      'BadRequestException',
      'No integration defined for method',
    );
    expect(items(await call('GET', `/restapis/${f.api}/stages`))).toEqual([]);
    expect(items(await call('GET', `/restapis/${f.api}/deployments`))).toEqual([]);
  });

  test('bad stage names and variables are refused before anything is stored', async () => {
    const f = await deployable('dep-bad-input');
    expectAwsError(
      await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'bad name' }),
      400,
      'BadRequestException',
      'Stage name only allows a-zA-Z0-9_',
    );
    expectAwsError(
      await call('POST', `/restapis/${f.api}/deployments`, { stageName: 's1', variables: { v: '' } }),
      400,
      'BadRequestException',
      /^Invalid stage variable value: \. {2}Please use values with alphanumeric characters/,
    );
    expectAwsError(
      await call('POST', `/restapis/${f.api}/deployments`, { description: 5 }),
      400,
      'SerializationException',
      /./,
    );
    expect(items(await call('GET', `/restapis/${f.api}/deployments`))).toEqual([]);
  });

  test('unknown ids get AWS’s not-found answers', async () => {
    const f = await deployable('dep-missing');
    expectAwsError(
      await call('GET', `/restapis/${f.api}/deployments/nope00`),
      404,
      'NotFoundException',
      'Invalid Deployment identifier specified',
    );
    expectAwsError(
      await call('DELETE', `/restapis/${f.api}/deployments/nope00`),
      404,
      'NotFoundException',
      'Invalid Deployment identifier specified',
    );
    expectAwsError(
      await call('POST', `/restapis/nope000000/deployments`, {}),
      404,
      'NotFoundException',
      'Invalid API identifier specified 123456789012:nope000000',
    );
  });

  test('a deployment is a snapshot: a later edit changes nothing the stage serves', async () => {
    const f = await deployable('dep-snapshot');
    const id = str(await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'prod' }), 'id');
    await call('PUT', `${f.m}/integration`, {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 404}' },
    });
    const snapshot = h.store.getDeploymentSnapshot('us-east-1', f.api, id);
    const method = snapshot?.resources.find((r) => r.path === '/pets')?.methods[0];
    expect(method?.methodIntegration?.requestTemplates).toEqual({ 'application/json': '{"statusCode": 200}' });
  });
});

describe('stages', () => {
  test('CreateStage, GetStages with the deploymentId filter, GetStage', async () => {
    const f = await deployable('stage-basic');
    const d1 = str(await call('POST', `/restapis/${f.api}/deployments`, {}), 'id');
    const d2 = str(await call('POST', `/restapis/${f.api}/deployments`, {}), 'id');
    const created = await call('POST', `/restapis/${f.api}/stages`, {
      stageName: 'stage1',
      deploymentId: d1,
      description: 'my stage',
      documentationVersion: 'v123',
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      ...stageShape(d1, 'stage1'),
      description: 'my stage',
      documentationVersion: 'v123',
    });
    await call('POST', `/restapis/${f.api}/stages`, { stageName: 'stage2', deploymentId: d2 });
    expect(items(await call('GET', `/restapis/${f.api}/stages`)).map((s) => s.stageName)).toEqual(['stage1', 'stage2']);
    expect(items(await call('GET', `/restapis/${f.api}/stages?deploymentId=${d2}`)).map((s) => s.stageName)).toEqual([
      'stage2',
    ]);
    expect((await call('GET', `/restapis/${f.api}/stages/stage1`)).json).toEqual(created.json);
    expectAwsError(
      await call('POST', `/restapis/${f.api}/stages`, { stageName: 'stage1', deploymentId: d1 }),
      409,
      'ConflictException',
      'Stage already exists',
    );
    expectAwsError(
      await call('GET', `/restapis/${f.api}/stages/nope`),
      404,
      'NotFoundException',
      'Invalid Stage identifier specified',
    );
    expectAwsError(
      await call('POST', `/restapis/${f.api}/stages`, {}),
      400,
      'ValidationException',
      "2 validation errors detected: Value null at 'createStageInput.stageName' failed to satisfy constraint: Member must not be null; Value null at 'createStageInput.deploymentId' failed to satisfy constraint: Member must not be null",
    );
  });

  test('UpdateStage: description, variables and method settings as AWS recorded them', async () => {
    const f = await deployable('stage-update');
    const d1 = str(await call('POST', `/restapis/${f.api}/deployments`, {}), 'id');
    await call('POST', `/restapis/${f.api}/stages`, { stageName: 's1', deploymentId: d1 });
    const patch = (patchOperations: unknown[]) => call('PATCH', `/restapis/${f.api}/stages/s1`, { patchOperations });
    const updated = await patch([
      { op: 'replace', path: '/description', value: 'stage new' },
      { op: 'replace', path: '/variables/var1', value: 'test' },
      { op: 'replace', path: '/variables/var2', value: 'test2' },
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '123' },
      { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
      { op: 'replace', path: '/tracingEnabled', value: 'true' },
      { op: 'replace', path: '/test/GET/throttling/burstLimit', value: '124' },
    ]);
    expect(updated.status).toBe(200);
    const setting = (burst: number) => ({
      cacheDataEncrypted: false,
      cacheTtlInSeconds: 300,
      cachingEnabled: true,
      dataTraceEnabled: false,
      metricsEnabled: false,
      requireAuthorizationForCacheControl: true,
      throttlingBurstLimit: burst,
      throttlingRateLimit: 10000,
      unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
    });
    expect(updated.json).toMatchObject({
      description: 'stage new',
      tracingEnabled: true,
      variables: { var1: 'test', var2: 'test2' },
      methodSettings: { '*/*': setting(123), 'test/GET': setting(124) },
    });
    // Changing */* later leaves test/GET's own values alone (recorded).
    const again = await patch([{ op: 'replace', path: '/*/*/throttling/burstLimit', value: '100' }]);
    expect(again.json).toMatchObject({ methodSettings: { '*/*': setting(100), 'test/GET': setting(124) } });
    expect((await call('GET', `/restapis/${f.api}/stages/s1`)).json).toEqual(again.json);

    const removed = await patch([{ op: 'remove', path: '/*/*' }]);
    expect(Object.keys(removed.json.methodSettings as object)).toEqual(['test/GET']);
    expectAwsError(
      await patch([{ op: 'remove', path: '/*/*' }]),
      400,
      'BadRequestException',
      'Cannot remove method setting */* because there is no method setting for this method ',
    );

    const d2 = str(await call('POST', `/restapis/${f.api}/deployments`, {}), 'id');
    expect((await patch([{ op: 'replace', path: '/deploymentId', value: d2 }])).json).toMatchObject({
      deploymentId: d2,
    });
  });

  test('UpdateStage refuses unknown paths and deployments with AWS’s texts, and changes nothing', async () => {
    const f = await deployable('stage-update-bad');
    const d1 = str(await call('POST', `/restapis/${f.api}/deployments`, {}), 'id');
    await call('POST', `/restapis/${f.api}/stages`, { stageName: 's1', deploymentId: d1, description: 'keep' });
    const before = (await call('GET', `/restapis/${f.api}/stages/s1`)).json;
    const patch = (patchOperations: unknown[]) => call('PATCH', `/restapis/${f.api}/stages/s1`, { patchOperations });
    const refusal = await patch([
      { op: 'replace', path: '/description', value: 'changed' },
      { op: 'replace', path: '/documentation_version', value: '123' },
    ]);
    expectAwsError(
      refusal,
      400,
      'BadRequestException',
      'Invalid method setting path: /documentation_version. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]',
    );
    expectAwsError(
      await patch([{ op: 'replace', path: '/tags/tag1', value: 'v' }]),
      400,
      'BadRequestException',
      /^Invalid method setting path: \/tags\/tag1\. /,
    );
    expectAwsError(
      await patch([{ op: 'replace', path: '/deploymentId', value: 'nope00' }]),
      400,
      'BadRequestException',
      'Deployment id does not exist',
    );
    expectAwsError(
      await patch([{ op: 'wrong', path: '/description', value: 'x' }]),
      400,
      'ValidationException',
      "1 validation error detected: Value 'wrong' at 'updateStageInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    );
    expect((await call('GET', `/restapis/${f.api}/stages/s1`)).json).toEqual(before);
    expectAwsError(
      await call('PATCH', `/restapis/${f.api}/stages/nope`, { patchOperations: [] }),
      404,
      'NotFoundException',
      'Invalid Stage identifier specified',
    );
  });

  test('DeleteRestApi removes its deployments and stages', async () => {
    const f = await deployable('stage-api-gone');
    await call('POST', `/restapis/${f.api}/deployments`, { stageName: 's1' });
    expect((await call('DELETE', `/restapis/${f.api}`)).status).toBe(202);
    expect(h.store.listStages('us-east-1', f.api)).toEqual([]);
    expect(h.store.listDeployments('us-east-1', f.api, '', 25).items).toEqual([]);
  });
});

describe('GetExport', () => {
  test('exports what the stage serves (the deployment snapshot), with and without extensions, JSON or YAML', async () => {
    const f = await deployable('export-api');
    await call('PUT', `${f.m}/responses/200`, { responseParameters: { 'method.response.header.X-Id': false } });
    await call('PUT', `${f.m}/integration/responses/200`, {
      responseTemplates: { 'application/json': '{"ok": true}' },
      responseParameters: { 'method.response.header.X-Id': "'1'" },
    });
    await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'local' });
    // Edited after the deployment: the export must not show it.
    await call('PUT', `${f.m}/integration/responses/200`, {
      responseTemplates: { 'application/json': '{"ok": false}' },
    });

    const plain = await call('GET', `/restapis/${f.api}/stages/local/exports/oas30`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/octet-stream');
    expect(plain.headers.get('content-disposition')).toMatch(
      /^attachment; filename="oas30_\d{4}-\d{2}-\d{2}T[\d:]+Z\.json"$/,
    );
    expect(plain.json).toEqual({
      openapi: '3.0.1',
      info: { title: 'export-api', version: expect.any(String) },
      servers: [
        {
          url: `https://${f.api}.execute-api.us-east-1.amazonaws.com/{basePath}`,
          variables: { basePath: { default: 'local' } },
        },
      ],
      paths: {
        '/pets': {
          get: {
            responses: {
              '200': { description: '200 response', headers: { 'X-Id': { schema: { type: 'string' } } }, content: {} },
            },
          },
        },
      },
      components: {},
    });

    const swagger = await call(
      'GET',
      `/restapis/${f.api}/stages/local/exports/swagger?parameters%5Bextensions%5D=integrations`,
    );
    expect(swagger.json).toMatchObject({
      swagger: '2.0',
      host: `${f.api}.execute-api.us-east-1.amazonaws.com`,
      basePath: '/local',
    });
    const paths = swagger.json.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/pets']?.get?.['x-amazon-apigateway-integration']).toEqual({
      type: 'mock',
      responses: {
        default: {
          statusCode: '200',
          responseParameters: { 'method.response.header.X-Id': "'1'" },
          responseTemplates: { 'application/json': '{"ok": true}' },
        },
      },
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
    });

    const yaml = await call('GET', `/restapis/${f.api}/stages/local/exports/oas30`, undefined, {
      accept: 'application/yaml',
    });
    expect(yaml.headers.get('content-type')).toBe('application/yaml');
    expect(yaml.text).toMatch(/^"openapi": "3\.0\.1"\n"info":\n {2}"title": "export-api"\n/);
    expect(yaml.text).toContain('"components": {}\n');

    expectAwsError(
      await call('GET', `/restapis/${f.api}/stages/nope/exports/oas30`),
      404,
      'NotFoundException',
      'Invalid Stage identifier specified',
    );
  });
});

describe('an interrupted deploy', () => {
  test('a failure after the deployment row is written rolls it back: no deployment, no stage pointing at one', async () => {
    const f = await deployable('dep-interrupted');
    const putStage = h.store.putStage.bind(h.store);
    h.store.putStage = () => {
      throw new Error('disk full');
    };
    try {
      const r = await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'prod' });
      expect(r.status).toBe(500);
    } finally {
      h.store.putStage = putStage;
    }
    expect(items(await call('GET', `/restapis/${f.api}/deployments`))).toEqual([]);
    expect(items(await call('GET', `/restapis/${f.api}/stages`))).toEqual([]);
    // And the next deploy works.
    expect((await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'prod' })).status).toBe(201);
  });

  test('an interrupted redeploy leaves the existing stage on its old deployment, which still exists', async () => {
    const f = await deployable('dep-interrupted-redeploy');
    const first = (await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'prod' })).json as { id: string };
    const putStage = h.store.putStage.bind(h.store);
    h.store.putStage = () => {
      throw new Error('disk full');
    };
    try {
      expect((await call('POST', `/restapis/${f.api}/deployments`, { stageName: 'prod' })).status).toBe(500);
    } finally {
      h.store.putStage = putStage;
    }
    const stages = items(await call('GET', `/restapis/${f.api}/stages`)) as { deploymentId: string }[];
    expect(stages.map((s) => s.deploymentId)).toEqual([first.id]);
    expect((items(await call('GET', `/restapis/${f.api}/deployments`)) as { id: string }[]).map((d) => d.id)).toEqual([
      first.id,
    ]);
    expect((await call('GET', `/restapis/${f.api}/stages/prod/exports/oas30`)).status).toBe(200);
  });
});
