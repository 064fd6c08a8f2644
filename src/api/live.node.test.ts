// The client's deploy, stage and test-invoke calls against the real embedded emulator (seeded demo), over HTTP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSeededPetStore, stopSeededPetStore } from '../../test-support/seeded-pet-store';
import type { SeededPetStore } from '../../test-support/seeded-pet-store';
import { ApiError } from './api-error';
import type { ApiGatewayClient } from './client';

let store: SeededPetStore | undefined;
let client: ApiGatewayClient;
let apiId = '';
let healthId = '';

beforeAll(async () => {
  store = await startSeededPetStore();
  ({ client, apiId, healthId } = store);
}, 60_000);

afterAll(() => stopSeededPetStore(store));

describe('deploy, stages, test invoke', () => {
  test('createDeployment creates the stage; getStages lists it, filtered by deployment', async () => {
    const dep = await client.createDeployment(
      { restApiId: apiId },
      { stageName: 'live', description: 'from the client' },
    );
    expect(dep).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      description: 'from the client',
      createdDate: expect.any(Number),
    });
    const stages = await client.getStages({ restApiId: apiId });
    expect(stages).toEqual([
      { stageName: 'live', deploymentId: dep.id, createdDate: expect.any(Number), lastUpdatedDate: expect.any(Number) },
    ]);
    expect(await client.getStages({ restApiId: apiId }, { deploymentId: 'other0' })).toEqual([]);
  });

  test('testInvokeMethod returns status, headers, body, log and latency', async () => {
    const r = await client.testInvokeMethod(
      { restApiId: apiId, resourceId: healthId, httpMethod: 'GET' },
      { pathWithQueryString: '/health/db' },
    );
    expect(r).toEqual({
      status: 200,
      body: '{"check": "db", "status": "ok"}',
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      multiValueHeaders: { 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] },
      log: expect.stringContaining('Method completed with status: 200'),
      latency: expect.any(Number),
    });
  });

  test('AWS errors come back as ApiError with AWS’s type and message', async () => {
    const e = await client.createDeployment({ restApiId: apiId }, { stageName: 'bad name' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'aws', errorType: 'BadRequestException', status: 400 });
  });
});
