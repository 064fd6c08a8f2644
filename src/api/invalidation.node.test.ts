// Writes invalidate exactly what they change: the entity, the method that embeds it and that api's resources
// listing. Nothing of another method, another api or another target (scope) is touched.
import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import {
  invalidateIntegrationResponse,
  invalidateMethodResponse,
  invalidateRestApiList,
  invalidateStage,
} from './invalidation';
import { apiGatewayKeys as k } from './query-keys';

const S = 'moto|http://127.0.0.1:5000|us-east-1';
const OTHER = 'embedded||us-east-1';
const ref = { restApiId: 'api1', resourceId: 'res1', httpMethod: 'GET', statusCode: '200' };

function seeded() {
  const qc = new QueryClient();
  const keys = {
    restApis: k.restApis(S),
    restApi: k.restApi(S, { restApiId: 'api1' }),
    resources: k.resources(S, { restApiId: 'api1' }),
    otherApiResources: k.resources(S, { restApiId: 'api2' }),
    method: k.method(S, { restApiId: 'api1', resourceId: 'res1', httpMethod: 'GET' }),
    otherMethod: k.method(S, { restApiId: 'api1', resourceId: 'res1', httpMethod: 'POST' }),
    ir: k.integrationResponse(S, { restApiId: 'api1', resourceId: 'res1', httpMethod: 'GET', statusCode: '200' }),
    siblingIr: k.integrationResponse(S, {
      restApiId: 'api1',
      resourceId: 'res1',
      httpMethod: 'GET',
      statusCode: '400',
    }),
    mr: k.methodResponse(S, { restApiId: 'api1', resourceId: 'res1', httpMethod: 'GET', statusCode: '200' }),
    otherScopeIr: k.integrationResponse(OTHER, {
      restApiId: 'api1',
      resourceId: 'res1',
      httpMethod: 'GET',
      statusCode: '200',
    }),
    otherScopeMethod: k.method(OTHER, { restApiId: 'api1', resourceId: 'res1', httpMethod: 'GET' }),
  };
  for (const key of Object.values(keys)) qc.setQueryData(key, { cached: true });
  const invalidated = () =>
    Object.entries(keys)
      .filter(([, key]) => qc.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { qc, invalidated };
}

test('every key starts with apigateway and the scope', () => {
  expect(
    k.integrationResponse(S, { restApiId: 'a', resourceId: 'r', httpMethod: 'GET', statusCode: '200' }).slice(0, 2),
  ).toEqual(['apigateway', S]);
  expect(k.restApis(S).slice(0, 2)).toEqual(['apigateway', S]);
  expect(k.all(S)).toEqual(['apigateway', S]);
});

test('an integration-response write invalidates that response, its method and the api listing only', async () => {
  const { qc, invalidated } = seeded();
  await invalidateIntegrationResponse(qc, S, ref);
  expect(invalidated()).toEqual(['ir', 'method', 'resources']);
});

test('a method-response write invalidates that response, its method and the api listing only', async () => {
  const { qc, invalidated } = seeded();
  await invalidateMethodResponse(qc, S, ref);
  expect(invalidated()).toEqual(['method', 'mr', 'resources']);
});

test('an imported API invalidates the list of APIs of that target only', async () => {
  const { qc, invalidated } = seeded();
  qc.setQueryData(k.restApis(OTHER), { cached: true });
  await invalidateRestApiList(qc, S);
  expect(invalidated()).toEqual(['restApis']);
  expect(qc.getQueryState(k.restApis(OTHER))?.isInvalidated).toBe(false);
});

test('a deployment to a stage invalidates the stage list and that stage’s export only', async () => {
  const qc = new QueryClient();
  const keys = {
    stages: k.stages(S, { restApiId: 'api1' }),
    otherApiStages: k.stages(S, { restApiId: 'api2' }),
    dev: k.stageExport(S, { restApiId: 'api1', stageName: 'dev' }),
    prod: k.stageExport(S, { restApiId: 'api1', stageName: 'prod' }),
    otherScopeDev: k.stageExport(OTHER, { restApiId: 'api1', stageName: 'dev' }),
    resources: k.resources(S, { restApiId: 'api1' }),
  };
  for (const key of Object.values(keys)) qc.setQueryData(key, { cached: true });
  await invalidateStage(qc, S, { restApiId: 'api1', stageName: 'dev' });
  expect(
    Object.entries(keys)
      .filter(([, key]) => qc.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort(),
  ).toEqual(['dev', 'stages']);
});
