// Conformance over real HTTP: PutMethod/GetMethod/DeleteMethod, the method-response operations and the
// integration operations (docs/aws/control-plane.md).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Call, Harness } from './conformance-harness';
import { client, expectAwsError, fixture, startHarness } from './conformance-harness';

let h: Harness;
let call: Call;

beforeAll(async () => {
  h = await startHarness();
  call = client(h.base);
});
afterAll(() => h.close());

const LAMBDA_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations';

describe('methods', () => {
  test('PutMethod returns 201 with defaults and upper-cases authorizationType; a second PUT is 409', async () => {
    const f = await fixture(call, 'methods');
    const any = `/restapis/${f.api}/resources/${f.pets}/methods/ANY`;
    const r = await call('PUT', any, { authorizationType: 'none' });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ httpMethod: 'ANY', authorizationType: 'NONE', apiKeyRequired: false });
    expectAwsError(
      await call('PUT', any, { authorizationType: 'NONE' }),
      409,
      'ConflictException',
      'Method already exists for this resource',
    );
  });

  test('PutMethod checks the resource before the verb, then the verb and the body', async () => {
    const f = await fixture(call, 'methods-errors');
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/nope00/methods/WRONG`, { authorizationType: 'NONE' }),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/${f.pets}/methods/WRONG`, { authorizationType: 'NONE' }),
      400,
      'BadRequestException',
      'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
    );
    const post = `/restapis/${f.api}/resources/${f.pets}/methods/POST`;
    expectAwsError(
      await call('PUT', post, { authorizationType: 'CUSTOM' }),
      400,
      'BadRequestException',
      'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
    expectAwsError(
      await call('PUT', post, { authorizationType: 'NONE', requestValidatorId: 'abc' }),
      400,
      'BadRequestException',
      'Invalid Request Validator identifier specified',
    );
    expectAwsError(
      await call('PUT', post, { authorizationType: 'NONE', requestModels: { 'application/json': 'petModel' } }),
      400,
      'BadRequestException',
      'Invalid model identifier specified: petModel',
    );
    expectAwsError(
      await call('PUT', post, {
        authorizationType: 'NONE',
        requestParameters: { 'method.request.path.id': true, 'method.request.header.id': false },
      }),
      400,
      'BadRequestException',
      'Parameter names must be unique across querystring, header and path',
    );
    expectAwsError(
      await call('PUT', post, { authorizationType: 'NONE', requestParameters: { 'method.request.path.id': 'true' } }),
      400,
      'BadRequestException',
      'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: true]',
    );
    expectAwsError(
      await call('PUT', post, {}),
      400,
      'ValidationException',
      "1 validation error detected: Value null at 'putMethodInput.authorizationType' failed to satisfy constraint: Member must not be null",
    );
    expectAwsError(
      await call('PUT', post, { authorizationType: 'NONE', apiKeyRequired: 'yes' }),
      400,
      'SerializationException',
      'class java.lang.String can not be converted to an Boolean',
    );
  });

  test('GetMethod omits methodResponses/methodIntegration until they exist; DeleteMethod is 204', async () => {
    const f = await fixture(call, 'get-method');
    const bare = await call('GET', f.m);
    expect(bare.status).toBe(200);
    expect(bare.json).toEqual({ httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false });
    await call('PUT', `${f.m}/integration`, {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    await call('PUT', `${f.m}/integration/responses/200`, {
      responseTemplates: { 'application/json': '"created"' },
      selectionPattern: '',
    });
    const withIntegration = await call('GET', f.m);
    expect(withIntegration.json).not.toHaveProperty('methodResponses');
    expect(withIntegration.json.methodIntegration).toMatchObject({
      integrationResponses: {
        '200': { statusCode: '200', selectionPattern: '', responseTemplates: { 'application/json': '"created"' } },
      },
    });
    const del = await call('DELETE', f.m);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expectAwsError(await call('GET', f.m), 404, 'NotFoundException', 'Invalid Method identifier specified');
    expectAwsError(await call('DELETE', f.m), 404, 'NotFoundException', 'Invalid Method identifier specified');
  });
});

describe('method responses', () => {
  test('PutMethodResponse echoes only what was sent; {} maps are echoed; false stays false', async () => {
    const f = await fixture(call, 'mr');
    const bare = await call('PUT', `${f.m}/responses/200`);
    expect(bare.status).toBe(201);
    expect(bare.json).toEqual({ statusCode: '200' });
    const empty = await call('PUT', `${f.m}/responses/201`, { responseParameters: {}, responseModels: {} });
    expect(empty.json).toEqual({ statusCode: '201', responseParameters: {}, responseModels: {} });
    const full = await call('PUT', `${f.m}/responses/400`, {
      responseParameters: { 'method.response.header.X-Foo': false },
      responseModels: { 'application/json': 'Error' },
    });
    expect(full.json).toEqual({
      statusCode: '400',
      responseParameters: { 'method.response.header.X-Foo': false },
      responseModels: { 'application/json': 'Error' },
    });
    const got = await call('GET', `${f.m}/responses/400`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(full.json);
    const method = await call('GET', f.m);
    expect(Object.keys(method.json.methodResponses as object).sort()).toEqual(['200', '201', '400']);
  });

  test('method-response errors: bad status code first, then existence, then unknown status code', async () => {
    const f = await fixture(call, 'mr-errors');
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/nope00/methods/GET/responses/wrong`, {}),
      400,
      'ValidationException',
      "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    );
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/nope00/methods/GET/responses/200`, {}),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/${f.pets}/methods/POST/responses/200`, {}),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    expectAwsError(
      await call('GET', `${f.m}/responses/404`),
      404,
      'NotFoundException',
      'Invalid Response status code specified',
    );
    expectAwsError(
      await call('DELETE', `${f.m}/responses/404`),
      404,
      'NotFoundException',
      'Invalid Response status code specified',
    );
    expectAwsError(
      await call('PATCH', `${f.m}/responses/404`, { patchOperations: [] }),
      404,
      'NotFoundException',
      'Invalid Response status code specified',
    );
    expectAwsError(
      await call('PUT', `${f.m}/responses/200`, { responseParameters: { 'method.response.header.X': 'yes' } }),
      400,
      'SerializationException',
      'class java.lang.String can not be converted to an Boolean',
    );
  });

  test('UpdateMethodResponse returns 201; remove empties the map out of the response; bad ops are ValidationExceptions', async () => {
    const f = await fixture(call, 'mr-patch');
    await call('PUT', `${f.m}/responses/200`, {});
    const added = await call('PATCH', `${f.m}/responses/200`, {
      patchOperations: [{ op: 'add', path: '/responseParameters/method.response.header.my-header', value: 'false' }],
    });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({
      statusCode: '200',
      responseParameters: { 'method.response.header.my-header': false },
    });
    const removed = await call('PATCH', `${f.m}/responses/200`, {
      patchOperations: [{ op: 'remove', path: '/responseParameters/method.response.header.my-header' }],
    });
    expect(removed.status).toBe(201);
    expect(removed.json).toEqual({ statusCode: '200' });
    expectAwsError(
      await call('PATCH', `${f.m}/responses/wrong`, { patchOperations: [{ op: 'wrong_op', path: '/x' }] }),
      400,
      'ValidationException',
      "2 validation errors detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d; " +
        "Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    );
    expectAwsError(
      await call('PATCH', `${f.m}/responses/200`, {
        patchOperations: [{ op: 'replace', path: '/wrong/method.response.header.my-header', value: 'true' }],
      }),
      400,
      'BadRequestException',
      'Invalid patch path /wrong/method.response.header.my-header',
    );
    expectAwsError(
      await call('PATCH', `${f.m}/responses/200`, {
        patchOperations: [{ op: 'remove', path: '/responseParameters/method.response.header.nope' }],
      }),
      404,
      'NotFoundException',
      'Invalid parameter name specified',
    );
  });

  test('DeleteMethodResponse is 204 and GetMethod drops methodResponses when the last one goes', async () => {
    const f = await fixture(call, 'mr-delete');
    await call('PUT', `${f.m}/responses/200`, {});
    const del = await call('DELETE', `${f.m}/responses/200`);
    expect(del.status).toBe(204);
    expect((await call('GET', f.m)).json).not.toHaveProperty('methodResponses');
  });
});

describe('integrations', () => {
  test('PutIntegration MOCK drops httpMethod/uri and fills AWS defaults', async () => {
    const f = await fixture(call, 'int-mock');
    const r = await call('PUT', `${f.m}/integration`, { type: 'MOCK', httpMethod: 'GET', uri: 'http://example.com' });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      type: 'MOCK',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: f.pets,
      cacheKeyParameters: [],
    });
    const got = await call('GET', `${f.m}/integration`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(r.json);
  });

  test('PutIntegration HTTP gets connectionType INTERNET; AWS Lambda does not; templates "" become null', async () => {
    const f = await fixture(call, 'int-http');
    const http = await call('PUT', `${f.m}/integration`, {
      type: 'HTTP',
      httpMethod: 'GET',
      uri: 'https://example.com/pets',
      requestTemplates: { 'application/json': '' },
    });
    expect(http.json).toEqual({
      type: 'HTTP',
      httpMethod: 'GET',
      uri: 'https://example.com/pets',
      connectionType: 'INTERNET',
      requestTemplates: { 'application/json': null },
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: f.pets,
      cacheKeyParameters: [],
    });
    const aws = await call('PUT', `${f.m}/integration`, {
      type: 'AWS',
      httpMethod: 'POST',
      uri: LAMBDA_URI,
      timeoutInMillis: 5000,
    });
    expect(aws.status).toBe(201);
    expect(aws.json).not.toHaveProperty('connectionType');
    expect(aws.json).toMatchObject({ type: 'AWS', httpMethod: 'POST', uri: LAMBDA_URI, timeoutInMillis: 5000 });
    const proxy = await call('PUT', `${f.m}/integration`, { type: 'AWS_PROXY', httpMethod: 'POST', uri: LAMBDA_URI });
    expect(proxy.status).toBe(201);
  });

  test('PutIntegration errors', async () => {
    const f = await fixture(call, 'int-errors');
    const i = `${f.m}/integration`;
    expectAwsError(
      await call('PUT', i, { type: 'HTTPS_PROXY' }),
      400,
      'ValidationException',
      "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
    );
    expectAwsError(
      await call('PUT', i, { type: 'HTTP', uri: 'https://example.com' }),
      400,
      'BadRequestException',
      'Enumeration value for HttpMethod must be non-empty',
    );
    expectAwsError(
      await call('PUT', i, { type: 'HTTP', httpMethod: 'GET', uri: 'not a url' }),
      400,
      'BadRequestException',
      'Invalid HTTP endpoint specified for URI',
    );
    expectAwsError(
      await call('PUT', i, { type: 'AWS', httpMethod: 'POST', uri: 'lambda' }),
      400,
      'BadRequestException',
      'Invalid ARN specified in the request',
    );
    expectAwsError(
      await call('PUT', i, { type: 'AWS', httpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:lambda:functions/x' }),
      400,
      'BadRequestException',
      'AWS ARN for integration must contain path or action',
    );
    expectAwsError(
      await call('PUT', i, {
        type: 'AWS_PROXY',
        httpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket',
      }),
      400,
      'BadRequestException',
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
    expectAwsError(
      await call('PUT', i, { type: 'MOCK', requestParameters: { 'integration.request.header.x': true } }),
      400,
      'SerializationException',
      'class java.lang.Boolean can not be converted to an String',
    );
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/${f.pets}/methods/POST/integration`, { type: 'MOCK' }),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/nope00/methods/GET/integration`, { type: 'MOCK' }),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
  });

  test('GetIntegration/DeleteIntegration errors and 204', async () => {
    const f = await fixture(call, 'int-get');
    expectAwsError(
      await call('GET', `/restapis/zzzzzzzzzz/resources/${f.pets}/methods/GET/integration`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('GET', `/restapis/${f.api}/resources/${f.pets}/methods/POST/integration`),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    expectAwsError(
      await call('GET', `${f.m}/integration`),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
    expectAwsError(
      await call('DELETE', `${f.m}/integration`),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    const del = await call('DELETE', `${f.m}/integration`);
    expect(del.status).toBe(204);
    expect((await call('GET', f.m)).json).not.toHaveProperty('methodIntegration');
  });
});
