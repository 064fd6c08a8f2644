// The real AWS SDK for JavaScript v3 against the emulator: its deserializers and typed exceptions must accept
// what the emulator sends exactly as they accept AWS's responses.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import {
  APIGatewayServiceException,
  BadRequestException,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteIntegrationResponseCommand,
  DeleteRestApiCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  NotFoundException,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateIntegrationResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import { sdkClientFor } from '../../test-support/aws-sdk-client';
import type { EmulatorProcess } from '../../test-support/emulator-process';

/** The SDK adds `$metadata` to every output; the comparisons are about the modeled members only. */
function body<T extends { $metadata: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _meta, ...rest } = output;
  return rest;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('AWS SDK v3 (@aws-sdk/client-api-gateway) against the emulator', () => {
  let emu: EmulatorProcess;
  let client: APIGatewayClient;

  beforeAll(async () => {
    emu = await startEmulator();
    client = sdkClientFor(emu.baseUrl);
  });
  afterAll(async () => {
    client?.destroy();
    await emu?.stop();
    if (emu) removeDir(emu.dataDir);
  });

  test('runs the integration-response lifecycle with the outputs AWS would give', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'sdk-orders' }));
    expect(api.$metadata.httpStatusCode).toBe(201);
    expect(body(api)).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      name: 'sdk-orders',
      createdDate: expect.any(Date),
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
      rootResourceId: expect.stringMatching(/^[a-z0-9]{10}$/),
    });
    // epoch seconds on the wire; milliseconds there would put the date tens of thousands of years ahead.
    expect(Math.abs((api.createdDate?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
    const restApiId = api.id ?? '';
    const rootId = api.rootResourceId ?? '';

    expect(body(await client.send(new GetResourcesCommand({ restApiId })))).toEqual({
      items: [{ id: rootId, path: '/' }],
    });

    const orders = await client.send(new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: 'orders' }));
    expect(body(orders)).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      parentId: rootId,
      pathPart: 'orders',
      path: '/orders',
    });
    const resourceId = orders.id ?? '';
    const target = { restApiId, resourceId, httpMethod: 'GET' };

    expect(body(await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' })))).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
    });
    const declaredHeaders = {
      'method.response.header.X-Trace': false,
      'method.response.header.X-Static': true,
      'method.response.header.X-Body': false,
    };
    expect(
      body(
        await client.send(
          new PutMethodResponseCommand({ ...target, statusCode: '200', responseParameters: declaredHeaders }),
        ),
      ),
    ).toEqual({
      statusCode: '200',
      responseParameters: declaredHeaders,
    });

    const mock = body(
      await client.send(
        new PutIntegrationCommand({
          ...target,
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
        }),
      ),
    );
    expect(mock).toEqual({
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: resourceId,
      cacheKeyParameters: [],
    });
    await client.send(new PutMethodCommand({ ...target, httpMethod: 'POST', authorizationType: 'NONE' }));
    const http = await client.send(
      new PutIntegrationCommand({
        ...target,
        httpMethod: 'POST',
        type: 'HTTP',
        integrationHttpMethod: 'POST',
        uri: 'https://example.com/orders',
      }),
    );
    expect(http.$metadata.httpStatusCode).toBe(201);
    expect(body(http)).toEqual({
      type: 'HTTP',
      httpMethod: 'POST',
      uri: 'https://example.com/orders',
      connectionType: 'INTERNET',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: resourceId,
      cacheKeyParameters: [],
    });

    const stored = {
      statusCode: '200',
      selectionPattern: '2\\d{2}',
      responseTemplates: { 'application/json': '{"ok": true}', 'application/xml': '<ok>true</ok>' },
      responseParameters: {
        'method.response.header.X-Static': "'static'",
        'method.response.header.X-Trace': 'integration.response.header.X',
        'method.response.header.X-Body': 'integration.response.body.a.b',
      },
      contentHandling: 'CONVERT_TO_TEXT' as const,
    };
    const put = await client.send(new PutIntegrationResponseCommand({ ...target, ...stored }));
    expect(put.$metadata.httpStatusCode).toBe(201);
    expect(body(put)).toEqual(stored);
    expect(body(await client.send(new GetIntegrationResponseCommand({ ...target, statusCode: '200' })))).toEqual(
      stored,
    );

    const patched = await client.send(
      new UpdateIntegrationResponseCommand({
        ...target,
        statusCode: '200',
        patchOperations: [
          { op: 'add', path: '/responseTemplates/text~1html', value: '<p>ok</p>' },
          { op: 'remove', path: '/responseTemplates/application~1xml' },
          { op: 'remove', path: '/responseParameters/method.response.header.X-Body' },
          { op: 'replace', path: '/selectionPattern', value: '2\\d{2}|304' },
        ],
      }),
    );
    expect(patched.$metadata.httpStatusCode).toBe(200);
    const afterPatch = {
      statusCode: '200',
      selectionPattern: '2\\d{2}|304',
      responseTemplates: { 'application/json': '{"ok": true}', 'text/html': '<p>ok</p>' },
      responseParameters: {
        'method.response.header.X-Static': "'static'",
        'method.response.header.X-Trace': 'integration.response.header.X',
      },
      contentHandling: 'CONVERT_TO_TEXT',
    };
    expect(body(patched)).toEqual(afterPatch);

    expect(body(await client.send(new GetMethodCommand(target)))).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      methodResponses: { '200': { statusCode: '200', responseParameters: declaredHeaders } },
      methodIntegration: { ...mock, integrationResponses: { '200': afterPatch } },
    });

    const del = await client.send(new DeleteIntegrationResponseCommand({ ...target, statusCode: '200' }));
    expect(del.$metadata.httpStatusCode).toBe(204);

    const err = await rejection(client.send(new GetIntegrationResponseCommand({ ...target, statusCode: '200' })));
    expect(err).toBeInstanceOf(NotFoundException);
    expect((err as NotFoundException).message).toBe('Invalid Response status code specified');
    expect((err as NotFoundException).$metadata.httpStatusCode).toBe(404);

    const gone = await client.send(new DeleteRestApiCommand({ restApiId }));
    expect(gone.$metadata.httpStatusCode).toBe(202);
    const apiErr = await rejection(client.send(new GetRestApiCommand({ restApiId })));
    expect(apiErr).toBeInstanceOf(NotFoundException);
    expect((apiErr as NotFoundException).message).toMatch(
      new RegExp(`^Invalid API identifier specified \\d{12}:${restApiId}$`),
    );
  });

  test('surfaces rejected writes as the SDK exceptions with AWS messages', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'sdk-rejections' }));
    const target = { restApiId: api.id ?? '', resourceId: api.rootResourceId ?? '', httpMethod: 'GET' };
    await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ ...target, type: 'MOCK' }));
    await client.send(
      new PutMethodResponseCommand({
        ...target,
        statusCode: '200',
        responseParameters: { 'method.response.header.X-Trace': false },
      }),
    );

    const undeclared = await rejection(
      client.send(
        new PutIntegrationResponseCommand({
          ...target,
          statusCode: '200',
          responseParameters: { 'method.response.header.X-Undeclared': "'v'" },
        }),
      ),
    );
    expect(undeclared).toBeInstanceOf(BadRequestException);
    expect((undeclared as BadRequestException).message).toBe(
      'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Undeclared]',
    );

    // ValidationException is not in the API Gateway model, so the SDK gives its generic service exception
    // carrying the type name from the X-Amzn-ErrorType header.
    const badCode = await rejection(client.send(new PutIntegrationResponseCommand({ ...target, statusCode: '600' })));
    expect(badCode).toBeInstanceOf(APIGatewayServiceException);
    expect((badCode as APIGatewayServiceException).name).toBe('ValidationException');
    expect((badCode as APIGatewayServiceException).message).toBe(
      "1 validation error detected: Value '600' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    );

    const missing = await rejection(
      client.send(new PutIntegrationResponseCommand({ ...target, httpMethod: 'DELETE', statusCode: '200' })),
    );
    expect(missing).toBeInstanceOf(NotFoundException);
    expect((missing as NotFoundException).message).toBe('Invalid Method identifier specified');
  });
});
