// The dashboard's file of an API as it is now, against the real emulator: written while the API has no stage, it must
// say what the emulator's GetExport says once the same configuration is deployed, except for the stage's URL and the
// version date (what a stage's export has and the API alone has not). The configuration is written by a client nobody
// here wrote (@aws-sdk/client-api-gateway).
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, removeDir, type EmulatorProcess } from '../../test-support/emulator-process';
import { sdkClientFor } from '../../test-support/aws-sdk-client';
import { createApiGatewayClient, type ApiGatewayClient } from '@/api/client';
import type { ExportExtensions, ExportType } from '@/api/models';
import { toYaml } from '@/openapi/export-document';
import { exportApiAsItIsNow } from './api-export';

let emu: EmulatorProcess;
let sdk: APIGatewayClient;
let client: ApiGatewayClient;
let restApiId: string;

beforeAll(async () => {
  emu = await startEmulator();
  sdk = sdkClientFor(emu.baseUrl);
  client = createApiGatewayClient({ endpoint: emu.baseUrl, region: 'us-east-1' });
  const api = await sdk.send(
    new CreateRestApiCommand({ name: 'whole-api-export', description: 'Orders', binaryMediaTypes: ['image/png'] }),
  );
  restApiId = api.id ?? '';
  const root = api.rootResourceId ?? '';
  const orders = await sdk.send(new CreateResourceCommand({ restApiId, parentId: root, pathPart: 'orders' }));
  const order = await sdk.send(new CreateResourceCommand({ restApiId, parentId: orders.id ?? '', pathPart: '{id}' }));
  const resourceId = order.id ?? '';
  const get = { restApiId, resourceId, httpMethod: 'GET' };
  await sdk.send(
    new PutMethodCommand({
      ...get,
      authorizationType: 'NONE',
      requestParameters: { 'method.request.path.id': true, 'method.request.header.X-Trace': false },
    }),
  );
  await sdk.send(
    new PutIntegrationCommand({
      ...get,
      type: 'HTTP',
      integrationHttpMethod: 'GET',
      uri: 'https://example.com/orders/{id}',
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
      contentHandling: 'CONVERT_TO_TEXT',
      timeoutInMillis: 5000,
    }),
  );
  await sdk.send(
    new PutMethodResponseCommand({
      ...get,
      statusCode: '200',
      responseModels: { 'application/json': 'Empty' },
      responseParameters: { 'method.response.header.X-Order': false },
    }),
  );
  await sdk.send(new PutMethodResponseCommand({ ...get, statusCode: '404' }));
  await sdk.send(
    new PutIntegrationResponseCommand({
      ...get,
      statusCode: '200',
      responseParameters: { 'method.response.header.X-Order': 'integration.response.body.id' },
      responseTemplates: { 'application/json': '#set($o = $input.path("$"))\n{"id": "$o.id"}' },
    }),
  );
  await sdk.send(
    new PutIntegrationResponseCommand({
      ...get,
      statusCode: '404',
      selectionPattern: '.*not found.*',
      contentHandling: 'CONVERT_TO_TEXT',
    }),
  );
  // An ANY method on the root with a MOCK integration and nothing else.
  await sdk.send(new PutMethodCommand({ restApiId, resourceId: root, httpMethod: 'ANY', authorizationType: 'NONE' }));
  await sdk.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId: root,
      httpMethod: 'ANY',
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  );
}, 120_000);

afterAll(async () => {
  sdk?.destroy();
  await emu?.stop();
  if (emu) removeDir(emu.dataDir);
});

type Json = Record<string, unknown>;

/** A document without what only a stage's export has: its URL and the deployment's date as the version. */
function withoutStageParts(text: string): Json {
  const { servers: _servers, host: _host, basePath: _basePath, schemes: _schemes, ...rest } = JSON.parse(text) as Json;
  const { version: _version, ...info } = rest.info as Json;
  return { ...rest, info };
}

const variants: { exportType: ExportType; extensions: ExportExtensions }[] = [
  { exportType: 'oas30', extensions: 'integrations' },
  { exportType: 'oas30', extensions: 'apigateway' },
  { exportType: 'swagger', extensions: 'apigateway' },
  { exportType: 'swagger', extensions: 'none' },
];

describe('exportApiAsItIsNow', () => {
  test('with no stage, it writes the configuration; after a deployment, GetExport of the stage says the same but for the stage parts', async () => {
    const now = new Date('2026-12-04T10:00:00.000Z');
    const before = new Map<string, string>();
    for (const v of variants)
      before.set(
        `${v.exportType}/${v.extensions}`,
        await exportApiAsItIsNow(client, restApiId, { ...v, format: 'json', now }),
      );

    const oas = JSON.parse(before.get('oas30/integrations') ?? '{}') as Json;
    expect(oas).not.toHaveProperty('servers');
    expect(oas.info).toEqual({ title: 'whole-api-export', description: 'Orders', version: '2026-12-04T10:00:00Z' });
    expect(before.get('oas30/integrations')).toContain('.*not found.*');

    await sdk.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    for (const v of variants) {
      const stage = await client.getExportFile({ restApiId, stageName: 'prod' }, { ...v, format: 'json' });
      expect(stage).toMatch(v.exportType === 'oas30' ? /"servers"/ : /"basePath": "\/prod"/);
      const whole = before.get(`${v.exportType}/${v.extensions}`) ?? '';
      // As text, so the order of paths, verbs and keys agrees too.
      expect(JSON.stringify(withoutStageParts(whole), null, 2)).toBe(JSON.stringify(withoutStageParts(stage), null, 2));
    }
  });

  test('YAML is the same document as the JSON', async () => {
    const opts = { exportType: 'oas30', extensions: 'integrations', now: new Date(0) } as const;
    const yaml = await exportApiAsItIsNow(client, restApiId, { ...opts, format: 'yaml' });
    const json = await exportApiAsItIsNow(client, restApiId, { ...opts, format: 'json' });
    expect(yaml).toContain('".*not found.*":');
    expect(yaml).toBe(toYaml(JSON.parse(json)));
  });
});
