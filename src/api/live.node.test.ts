// The client's deploy, stage and test-invoke calls against the real embedded emulator (seeded demo), over HTTP.
import { describe, expect, test } from 'vitest';
import { seededPetStoreForFile } from '../../test-support/seeded-pet-store';
import { ApiError } from './api-error';

const petStore = seededPetStoreForFile();

describe('deploy, stages, test invoke', () => {
  test('createDeployment creates the stage; getStages lists it, filtered by deployment', async () => {
    const { client, apiId } = petStore();
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
    const { client, apiId, healthId } = petStore();
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
    const { client, apiId } = petStore();
    const e = await client.createDeployment({ restApiId: apiId }, { stageName: 'bad name' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ kind: 'aws', errorType: 'BadRequestException', status: 400 });
  });
});
