// The stage comparison fed by the real emulator over HTTP: the client's GetExport of a stage against the API's
// current configuration, before and after an edit and a redeploy.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSeededPetStore, stopSeededPetStore } from '../../test-support/seeded-pet-store';
import type { SeededPetStore } from '../../test-support/seeded-pet-store';
import type { ApiGatewayClient } from '@/api/client';
import { compareStage, methodsOfResources, responseDiffOf } from './stage-diff';

let store: SeededPetStore | undefined;
let client: ApiGatewayClient;
let apiId = '';
let healthId = '';

beforeAll(async () => {
  store = await startSeededPetStore();
  ({ client, apiId, healthId } = store);
}, 60_000);

afterAll(() => stopSeededPetStore(store));

async function compare(stageName: string) {
  const [resources, doc] = await Promise.all([
    client.getAllResources({ restApiId: apiId }, { embedMethods: true }),
    client.getStageExport({ restApiId: apiId, stageName }),
  ]);
  return compareStage(methodsOfResources(resources), doc);
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
