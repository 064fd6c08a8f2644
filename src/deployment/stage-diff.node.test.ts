// The stage comparison fed by the real emulator over HTTP: the client's GetExport of a stage against the API's
// current configuration, before and after an edit and a redeploy.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import type { ApiGatewayClient } from '@/api/client';
import { createApiGatewayClient } from '@/api/client';
import { compareStage, responseDiffOf } from './stage-diff';

let emulator: EmulatorProcess;
let client: ApiGatewayClient;
let apiId = '';
let healthId = '';

beforeAll(async () => {
  emulator = await startEmulator({ seed: true });
  client = createApiGatewayClient({ endpoint: emulator.baseUrl, region: 'us-east-1', retryBaseMs: 5 });
  apiId = (await client.getAllRestApis()).find((a) => a.name === 'PetStore')?.id ?? '';
  healthId = (await client.getAllResources({ restApiId: apiId })).find((r) => r.path === '/health/{check}')?.id ?? '';
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
  if (emulator) removeDir(emulator.dataDir);
});

async function compare(stageName: string) {
  const [resources, doc] = await Promise.all([
    client.getAllResources({ restApiId: apiId }, { embedMethods: true }),
    client.getStageExport({ restApiId: apiId, stageName }),
  ]);
  return compareStage(resources, doc);
}

test('a fresh deployment matches; a sent edit differs until the next deployment', async () => {
  await client.createDeployment({ restApiId: apiId }, { stageName: 'diff' });
  expect(await compare('diff')).toEqual({ comparable: true, methods: [] });

  const ref = { restApiId: apiId, resourceId: healthId, httpMethod: 'GET', statusCode: '200' };
  const before = await client.getIntegrationResponse(ref);
  await client.putIntegrationResponse(ref, {
    selectionPattern: before.selectionPattern,
    responseParameters: before.responseParameters,
    responseTemplates: { 'application/json': '{"edited": true}' },
  });
  const edited = await compare('diff');
  expect(responseDiffOf(edited, '/health/{check}', 'GET', '200')).toEqual({
    statusCode: '200',
    state: 'changed',
    changes: [
      {
        field: 'template',
        contentType: 'application/json',
        deployed: before.responseTemplates?.['application/json'],
        current: '{"edited": true}',
      },
    ],
  });
  expect(edited.comparable && edited.methods.length).toBe(1);

  await client.createDeployment({ restApiId: apiId }, { stageName: 'diff' });
  expect(await compare('diff')).toEqual({ comparable: true, methods: [] });
});

test('an unknown stage is AWS’s NotFoundException', async () => {
  await expect(client.getStageExport({ restApiId: apiId, stageName: 'nope' })).rejects.toMatchObject({
    kind: 'aws',
    errorType: 'NotFoundException',
    status: 404,
  });
});
