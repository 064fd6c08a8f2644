// The stage comparison fed by the real emulator over HTTP: the client's GetExport of a stage against the API's
// current configuration, before and after an edit and a redeploy.
import { expect, test } from 'vitest';
import { seededPetStoreForFile } from '../../test-support/seeded-pet-store';
import { compareStage, methodsOfResources, responseDiffOf } from './stage-diff';

const petStore = seededPetStoreForFile();

async function compare(stageName: string) {
  const { client, apiId } = petStore();
  const [resources, doc] = await Promise.all([
    client.getAllResources({ restApiId: apiId }, { embedMethods: true }),
    client.getStageExport({ restApiId: apiId, stageName }),
  ]);
  return compareStage(methodsOfResources(resources), doc);
}

test('a fresh deployment matches; a sent edit differs until the next deployment', async () => {
  const { client, apiId, healthId } = petStore();
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
  const { client, apiId } = petStore();
  await expect(client.getStageExport({ restApiId: apiId, stageName: 'nope' })).rejects.toMatchObject({
    kind: 'aws',
    errorType: 'NotFoundException',
    status: 404,
  });
});
