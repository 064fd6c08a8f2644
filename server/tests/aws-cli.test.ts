// The real AWS CLI v1 against the emulator: if `aws apigateway ...` parses what the emulator sends, the wire
// format (collection key `item`, status codes, error header/body) is what botocore expects from AWS.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAwsCli, runAws, runAwsJson } from '../../test-support/aws-cli';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';

const cli = findAwsCli();
if (cli.path === null) {
  console.warn(`[aws-cli.test] SKIPPED: ${cli.reason}. Install it with "pip install awscli" to run these tests.`);
}

const notFoundStatusCode =
  'An error occurred (NotFoundException) when calling the GetIntegrationResponse operation: Invalid Response status code specified';

// The two tests use separate RestApis, so they run side by side: CLI start-up time dominates this file.
describe.skipIf(cli.path === null)('AWS CLI v1 against the emulator', { concurrent: true }, () => {
  let emu: EmulatorProcess;
  const aws = <T>(args: string[]): Promise<T> => runAwsJson<T>(emu.baseUrl, ['apigateway', ...args]);

  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(async () => {
    await emu?.stop();
    if (emu) removeDir(emu.dataDir);
  });

  // Each CLI call is a fresh Python process (~0.7 s of CPU, several seconds on a loaded machine), hence the long timeouts.
  test('runs the integration-response lifecycle and prints what AWS would print', { timeout: 300_000 }, async () => {
    const api = await aws<{ id: string; rootResourceId: string }>(['create-rest-api', '--name', 'cli-orders']);
    expect(api).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{10}$/),
      name: 'cli-orders',
      createdDate: expect.any(Number),
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
      rootResourceId: expect.stringMatching(/^[a-z0-9]{10}$/),
    });
    const apiId = api.id;

    const resources = await aws<unknown>(['get-resources', '--rest-api-id', apiId]);
    // botocore renames the wire key `item` to `items`; a wrong wire key would print {} here.
    expect(resources).toEqual({ items: [{ id: api.rootResourceId, path: '/' }] });

    const orders = await aws<{ id: string }>([
      'create-resource',
      '--rest-api-id',
      apiId,
      '--parent-id',
      api.rootResourceId,
      '--path-part',
      'orders',
    ]);
    expect(orders).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      parentId: api.rootResourceId,
      pathPart: 'orders',
      path: '/orders',
    });
    const target = ['--rest-api-id', apiId, '--resource-id', orders.id];

    expect(await aws(['put-method', ...target, '--http-method', 'GET', '--authorization-type', 'NONE'])).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
    });

    const methodResponse = await aws([
      'put-method-response',
      ...target,
      '--http-method',
      'GET',
      '--status-code',
      '200',
      '--response-parameters',
      'method.response.header.X-Trace=false,method.response.header.X-Static=true,method.response.header.X-Body=false',
    ]);
    const declaredHeaders = {
      'method.response.header.X-Trace': false,
      'method.response.header.X-Static': true,
      'method.response.header.X-Body': false,
    };
    expect(methodResponse).toEqual({ statusCode: '200', responseParameters: declaredHeaders });

    const mockIntegration = await aws([
      'put-integration',
      ...target,
      '--http-method',
      'GET',
      '--type',
      'MOCK',
      '--request-templates',
      JSON.stringify({ 'application/json': '{"statusCode": 200}' }),
    ]);
    expect(mockIntegration).toEqual({
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: orders.id,
      cacheKeyParameters: [],
    });

    await aws(['put-method', ...target, '--http-method', 'POST', '--authorization-type', 'NONE']);
    const httpIntegration = await aws([
      'put-integration',
      ...target,
      '--http-method',
      'POST',
      '--type',
      'HTTP',
      '--integration-http-method',
      'POST',
      '--uri',
      'https://example.com/orders',
    ]);
    expect(httpIntegration).toEqual({
      type: 'HTTP',
      httpMethod: 'POST',
      uri: 'https://example.com/orders',
      connectionType: 'INTERNET',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: orders.id,
      cacheKeyParameters: [],
    });

    const templates = {
      'application/json': '{"ok": true, "id": "$input.path(\'$.id\')"}',
      'application/xml': '<ok>true</ok>',
    };
    const mappings = {
      'method.response.header.X-Static': "'static'",
      'method.response.header.X-Trace': 'integration.response.header.X',
      'method.response.header.X-Body': 'integration.response.body.a.b',
    };
    const put = await aws([
      'put-integration-response',
      ...target,
      '--http-method',
      'GET',
      '--status-code',
      '200',
      '--selection-pattern',
      '2\\d{2}',
      '--response-templates',
      JSON.stringify(templates),
      '--response-parameters',
      JSON.stringify(mappings),
      '--content-handling',
      'CONVERT_TO_TEXT',
    ]);
    const stored = {
      statusCode: '200',
      selectionPattern: '2\\d{2}',
      responseTemplates: templates,
      responseParameters: mappings,
      contentHandling: 'CONVERT_TO_TEXT',
    };
    expect(put).toEqual(stored);
    expect(await aws(['get-integration-response', ...target, '--http-method', 'GET', '--status-code', '200'])).toEqual(
      stored,
    );

    const patched = await aws([
      'update-integration-response',
      ...target,
      '--http-method',
      'GET',
      '--status-code',
      '200',
      '--patch-operations',
      JSON.stringify([
        { op: 'replace', path: '/selectionPattern', value: '2\\d{2}|304' },
        { op: 'add', path: '/responseTemplates/text~1html', value: '<p>ok</p>' },
        { op: 'remove', path: '/responseTemplates/application~1xml' },
        { op: 'replace', path: '/responseParameters/method.response.header.X-Static', value: "'patched'" },
        { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_BINARY' },
      ]),
    ]);
    const afterPatch = {
      statusCode: '200',
      selectionPattern: '2\\d{2}|304',
      responseTemplates: { 'application/json': templates['application/json'], 'text/html': '<p>ok</p>' },
      responseParameters: { ...mappings, 'method.response.header.X-Static': "'patched'" },
      contentHandling: 'CONVERT_TO_BINARY',
    };
    expect(patched).toEqual(afterPatch);

    expect(await aws(['get-method', ...target, '--http-method', 'GET'])).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      methodResponses: { '200': { statusCode: '200', responseParameters: declaredHeaders } },
      methodIntegration: { ...(mockIntegration as object), integrationResponses: { '200': afterPatch } },
    });

    const del = await runAws(emu.baseUrl, [
      'apigateway',
      'delete-integration-response',
      ...target,
      '--http-method',
      'GET',
      '--status-code',
      '200',
    ]);
    expect(del).toEqual({ code: 0, stdout: '', stderr: '' });

    const gone = await runAws(emu.baseUrl, [
      'apigateway',
      'get-integration-response',
      ...target,
      '--http-method',
      'GET',
      '--status-code',
      '200',
    ]);
    expect(gone.code).toBe(255);
    expect(gone.stdout).toBe('');
    expect(gone.stderr.trim()).toBe(notFoundStatusCode);

    // AWS keeps the integration and omits the emptied integrationResponses map.
    const methodAfter = await aws<{ methodIntegration: Record<string, unknown> }>([
      'get-method',
      ...target,
      '--http-method',
      'GET',
    ]);
    expect(methodAfter.methodIntegration).toEqual(mockIntegration);

    const deleted = await runAws(emu.baseUrl, ['apigateway', 'delete-rest-api', '--rest-api-id', apiId]);
    expect(deleted).toEqual({ code: 0, stdout: '', stderr: '' });
    const apiGone = await runAws(emu.baseUrl, ['apigateway', 'get-rest-api', '--rest-api-id', apiId]);
    expect(apiGone.code).toBe(255);
    expect(apiGone.stderr).toMatch(
      /\(NotFoundException\) when calling the GetRestApi operation: Invalid API identifier specified \d{12}:/,
    );
  });

  test('reports AWS validation errors on stderr and stores nothing', { timeout: 300_000 }, async () => {
    const api = await aws<{ id: string; rootResourceId: string }>(['create-rest-api', '--name', 'cli-rejections']);
    const target = ['--rest-api-id', api.id, '--resource-id', api.rootResourceId, '--http-method', 'GET'];
    await aws(['put-method', ...target, '--authorization-type', 'NONE']);
    await aws(['put-integration', ...target, '--type', 'MOCK']);
    await aws([
      'put-method-response',
      ...target,
      '--status-code',
      '200',
      '--response-parameters',
      'method.response.header.X-Trace=false',
    ]);

    const badCode = await runAws(emu.baseUrl, [
      'apigateway',
      'put-integration-response',
      ...target,
      '--status-code',
      '600',
      '--selection-pattern',
      '',
    ]);
    expect(badCode.code).toBe(255);
    expect(badCode.stderr.trim()).toBe(
      "An error occurred (ValidationException) when calling the PutIntegrationResponse operation: 1 validation error detected: Value '600' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    );

    const undeclared = await runAws(emu.baseUrl, [
      'apigateway',
      'put-integration-response',
      ...target,
      '--status-code',
      '200',
      '--response-parameters',
      JSON.stringify({ 'method.response.header.X-Undeclared': "'v'" }),
    ]);
    expect(undeclared.code).toBe(255);
    expect(undeclared.stderr.trim()).toBe(
      'An error occurred (BadRequestException) when calling the PutIntegrationResponse operation: Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Undeclared]',
    );

    const after = await runAws(emu.baseUrl, [
      'apigateway',
      'get-integration-response',
      ...target,
      '--status-code',
      '200',
    ]);
    expect(after.stderr.trim()).toBe(notFoundStatusCode);
  });
});
