// Conformance over real HTTP: TestInvokeMethod (docs/aws/test-invoke.md). The MOCK answers are the ones AWS
// recorded in LocalStack's AWS-validated snapshot test_apigateway_api TestApigatewayTestInvoke.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Call, Harness } from './conformance-harness';
import { client, expectAwsError, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;
let backend: Server;
let backendUrl: string;

beforeAll(async () => {
  backend = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const status = req.url?.includes('missing') ? 404 : 200;
      res.writeHead(status, { 'content-type': 'application/json', 'x-backend': 'yes' });
      res.end(JSON.stringify({ method: req.method, url: req.url, body }));
    });
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  // The allowlist names loopback ports: this back end's is its own.
  h = await startHarness({ forwardAllowlist: [`127.0.0.1:${new URL(backendUrl).port}`] });
  call = client(h.base);
});
afterAll(async () => {
  await new Promise<void>((r) => backend.close(() => r()));
  await h.close();
});

const dateLine = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} : /;

/** AWS's recorded lines with the date prefix removed. */
function logLines(log: unknown): string[] {
  const lines = String(log).split('\n');
  expect(lines[0]).toMatch(/^Execution log for request [0-9a-f-]{36}$/);
  return lines.slice(1).map((l) => (l === '' ? l : (expect(l).toMatch(dateLine), l.replace(dateLine, ''))));
}

/** The pets API of AWS's recorded test: GET /pets and GET, POST /pets/{petId}, all MOCK. */
async function petsApi() {
  const api = await call('POST', '/restapis', { name: 'test-invoke' });
  const apiId = str(api, 'id');
  const pets = str(
    await call('POST', `/restapis/${apiId}/resources/${str(api, 'rootResourceId')}`, { pathPart: 'pets' }),
    'id',
  );
  const pet = str(await call('POST', `/restapis/${apiId}/resources/${pets}`, { pathPart: '{petId}' }), 'id');
  const setUp = async (res: string, verb: string, template: string) => {
    const m = `/restapis/${apiId}/resources/${res}/methods/${verb}`;
    await call('PUT', m, { authorizationType: 'NONE' });
    await call('PUT', `${m}/responses/200`, {});
    await call('PUT', `${m}/integration`, {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    await call('PUT', `${m}/integration/responses/200`, { responseTemplates: { 'application/json': template } });
  };
  await setUp(pets, 'GET', '{"pets": "all the pets"}');
  await setUp(pet, 'GET', `{"petId": "$input.params('petId')"}`);
  await setUp(pet, 'POST', `{"petId": "$input.params('petId')"}`);
  return { apiId, pets, pet };
}

describe('TestInvokeMethod on MOCK integrations', () => {
  test('answers as AWS recorded: status, headers, body, log lines and latency', async () => {
    const { apiId, pets, pet } = await petsApi();
    const r = await call('POST', `/restapis/${apiId}/resources/${pets}/methods/GET`, { body: '' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      status: 200,
      body: '{"pets": "all the pets"}',
      headers: { 'Content-Type': 'application/json' },
      multiValueHeaders: { 'Content-Type': ['application/json'] },
      log: expect.any(String),
      latency: expect.any(Number),
    });
    expect(logLines(r.json.log)).toEqual([
      expect.stringMatching(/^Starting execution for request: [0-9a-f-]{36}$/),
      'HTTP Method: GET, Resource Path: /pets',
      'Method request path: {}',
      'Method request query string: {}',
      'Method request headers: {}',
      'Method request body before transformations: ',
      'Method response body after transformations: {"pets": "all the pets"}',
      'Method response headers: {Content-Type=application/json}',
      'Successfully completed execution',
      'Method completed with status: 200',
      '',
    ]);

    const withQs = await call('POST', `/restapis/${apiId}/resources/${pet}/methods/GET`, {
      pathWithQueryString: '/pets/123?foo=bar',
    });
    expect(withQs.json.body).toBe('{"petId": "123"}');
    expect(logLines(withQs.json.log).slice(1, 4)).toEqual([
      'HTTP Method: GET, Resource Path: /pets/123',
      'Method request path: {petId=123}',
      'Method request query string: {foo=bar}',
    ]);
    const noPath = await call('POST', `/restapis/${apiId}/resources/${pet}/methods/GET`, {});
    expect(noPath.json.body).toBe('{"petId": "{petId}"}');
    const badPath = await call('POST', `/restapis/${apiId}/resources/${pet}/methods/GET`, {
      pathWithQueryString: '/random/test',
    });
    expect(badPath.json.body).toBe('{"petId": ""}');
    const post = await call('POST', `/restapis/${apiId}/resources/${pet}/methods/POST`, {
      pathWithQueryString: '/pets/123',
      body: '{"foo": "bar"}',
    });
    expect(logLines(post.json.log)[5]).toBe('Method request body before transformations: {"foo": "bar"}');
  });

  test('unknown method, resource or API: AWS’s not-found answers', async () => {
    const { apiId, pet } = await petsApi();
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/${pet}/methods/HEAD`, {}),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    expectAwsError(
      await call('POST', `/restapis/${apiId}/resources/nope00/methods/POST`, {}),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('POST', `/restapis/nope000000/resources/nope00/methods/POST`, {}),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
  });

  test('the whole response pipeline: selection by the chosen status, header mappings, override', async () => {
    const api = await call('POST', '/restapis', { name: 'test-invoke-pipeline' });
    const apiId = str(api, 'id');
    const m = `/restapis/${apiId}/resources/${str(api, 'rootResourceId')}/methods/ANY`;
    await call('PUT', m, { authorizationType: 'NONE' });
    for (const sc of ['200', '404'])
      await call('PUT', `${m}/responses/${sc}`, { responseParameters: { 'method.response.header.X-Kind': false } });
    await call('PUT', `${m}/integration`, {
      type: 'MOCK',
      requestTemplates: { 'application/json': `{"statusCode": #if($input.params('id') == "42")200#{else}404#end}` },
    });
    await call('PUT', `${m}/integration/responses/200`, {});
    await call('PUT', `${m}/integration/responses/404`, {
      selectionPattern: '4\\d{2}',
      responseParameters: { 'method.response.header.X-Kind': "'missing'" },
      responseTemplates: {
        'application/json':
          '#set($context.responseOverride.header.X-Stage = $context.stage){"error": "no pet $input.params(\'id\')"}',
      },
    });
    // GET falls back to the ANY method, as in AWS (recorded: test_failed_invoke_test_method).
    const found = await call('POST', `/restapis/${apiId}/resources/${str(api, 'rootResourceId')}/methods/GET`, {
      pathWithQueryString: '/?id=42',
    });
    expect(found.json).toMatchObject({ status: 200, body: '' });
    const missing = await call('POST', `/restapis/${apiId}/resources/${str(api, 'rootResourceId')}/methods/GET`, {
      pathWithQueryString: '/?id=7',
    });
    expect(missing.json).toMatchObject({
      status: 404,
      body: '{"error": "no pet 7"}',
      headers: { 'Content-Type': 'application/json', 'X-Kind': 'missing', 'X-Stage': 'test-invoke-stage' },
    });
  });

  test('a request template that names no statusCode: 500 with AWS’s failure shape', async () => {
    const api = await call('POST', '/restapis', { name: 'test-invoke-500' });
    const m = `/restapis/${str(api, 'id')}/resources/${str(api, 'rootResourceId')}/methods/GET`;
    await call('PUT', m, { authorizationType: 'NONE' });
    await call('PUT', `${m}/integration`, { type: 'MOCK' });
    const r = await call('POST', m, {});
    expect(r.json).toMatchObject({
      status: 500,
      body: '{"message": "Internal server error"}',
      headers: { 'x-amzn-ErrorType': 'InternalServerErrorException' },
      multiValueHeaders: { 'x-amzn-ErrorType': ['InternalServerErrorException'] },
    });
    expect(logLines(r.json.log).slice(-3)).toEqual([
      'Execution failed due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request template.',
      'Method completed with status: 500',
      '',
    ]);
  });
});

describe('TestInvokeMethod on HTTP integrations', () => {
  test('HTTP_PROXY calls an allowlisted back end and passes its answer through', async () => {
    const api = await call('POST', '/restapis', { name: 'test-invoke-http' });
    const m = `/restapis/${str(api, 'id')}/resources/${str(api, 'rootResourceId')}/methods/POST`;
    await call('PUT', m, { authorizationType: 'NONE' });
    await call('PUT', `${m}/integration`, {
      type: 'HTTP_PROXY',
      httpMethod: 'POST',
      uri: `${backendUrl}/echo`,
    });
    const r = await call('POST', m, { pathWithQueryString: '/?a=1', body: 'hello' });
    expect(r.json).toMatchObject({ status: 200, headers: { 'x-backend': 'yes' } });
    expect(JSON.parse(String(r.json.body))).toEqual({ method: 'POST', url: '/echo?a=1', body: 'hello' });
    expect(logLines(r.json.log)).toContain(`Endpoint request URI: ${backendUrl}/echo?a=1`);
  });

  test('HTTP runs the back end’s status through selection and templates', async () => {
    const api = await call('POST', '/restapis', { name: 'test-invoke-http-mapped' });
    const m = `/restapis/${str(api, 'id')}/resources/${str(api, 'rootResourceId')}/methods/GET`;
    await call('PUT', m, { authorizationType: 'NONE' });
    await call('PUT', `${m}/responses/200`, {});
    await call('PUT', `${m}/responses/404`, {});
    await call('PUT', `${m}/integration`, { type: 'HTTP', httpMethod: 'GET', uri: `${backendUrl}/missing` });
    await call('PUT', `${m}/integration/responses/200`, {});
    await call('PUT', `${m}/integration/responses/404`, {
      selectionPattern: '404',
      responseTemplates: { 'application/json': `{"url": "$input.path('$.url')"}` },
    });
    const r = await call('POST', m, {});
    expect(r.json).toMatchObject({ status: 404, body: '{"url": "/missing"}' });
  });

  test('a host off the allowlist, and AWS integrations, get a clear refusal', async () => {
    const api = await call('POST', '/restapis', { name: 'test-invoke-refused' });
    const m = `/restapis/${str(api, 'id')}/resources/${str(api, 'rootResourceId')}/methods/GET`;
    await call('PUT', m, { authorizationType: 'NONE' });
    await call('PUT', `${m}/integration`, {
      type: 'HTTP_PROXY',
      httpMethod: 'GET',
      uri: 'https://example.com/x',
    });
    expectAwsError(await call('POST', m, {}), 400, 'BadRequestException', /example\.com is not on it/);
    await call('PUT', `${m}/integration`, {
      type: 'AWS',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations',
    });
    expectAwsError(await call('POST', m, {}), 400, 'BadRequestException', /cannot call AWS integrations/);
  });
});
