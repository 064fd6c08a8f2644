// Conformance over real HTTP: Put/Get/Update/DeleteIntegrationResponse (docs/aws/integration-responses.md),
// including the order AWS checks things in.
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

async function mockFixture(name: string) {
  const f = await fixture(call, name);
  await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
  return { ...f, ir: (sc: string) => `${f.m}/integration/responses/${sc}` };
}

const MAPPING = 'Invalid mapping expression specified: Validation Result: warnings : [], errors : ';

describe('PutIntegrationResponse', () => {
  test('returns 201 with only the fields sent; "" pattern and {} templates are echoed; "" and null templates become null', async () => {
    const f = await mockFixture('put-ir');
    const r = await call('PUT', f.ir('200'), {
      selectionPattern: '',
      responseTemplates: { 'application/json': '"created"' },
    });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      statusCode: '200',
      selectionPattern: '',
      responseTemplates: { 'application/json': '"created"' },
    });
    const bare = await call('PUT', f.ir('204'));
    expect(bare.json).toEqual({ statusCode: '204' });
    const empty = await call('PUT', f.ir('201'), { responseTemplates: {} });
    expect(empty.json).toEqual({ statusCode: '201', responseTemplates: {} });
    const nulls = await call('PUT', f.ir('202'), {
      responseTemplates: { 'application/json': '', 'application/xml': null },
      contentHandling: 'CONVERT_TO_BINARY',
    });
    expect(nulls.json).toEqual({
      statusCode: '202',
      responseTemplates: { 'application/json': null, 'application/xml': null },
      contentHandling: 'CONVERT_TO_BINARY',
    });
    expect((await call('GET', f.ir('202'))).json).toEqual(nulls.json);
  });

  test('a second PUT replaces the whole response (omitted fields are cleared)', async () => {
    const f = await mockFixture('replace-ir');
    await call('PUT', f.ir('200'), {
      selectionPattern: '2\\d{2}',
      responseTemplates: { 'application/json': 'a' },
      contentHandling: 'CONVERT_TO_TEXT',
    });
    const second = await call('PUT', f.ir('200'), { selectionPattern: '.+' });
    expect(second.status).toBe(201);
    expect(second.json).toEqual({ statusCode: '200', selectionPattern: '.+' });
    expect((await call('GET', f.ir('200'))).json).toEqual({ statusCode: '200', selectionPattern: '.+' });
  });

  test('needs no method response without responseParameters, but checks declared headers when mapping', async () => {
    const f = await mockFixture('ir-method-response');
    const mapping = { responseParameters: { 'method.response.header.X-Foo': "'bar'" } };
    expectAwsError(
      await call('PUT', f.ir('200'), mapping),
      400,
      'BadRequestException',
      `${MAPPING}[No method response exists for method.]`,
    );
    await call('PUT', `${f.m}/responses/200`, { responseParameters: { 'method.response.header.X-Other': false } });
    expectAwsError(
      await call('PUT', f.ir('200'), mapping),
      400,
      'BadRequestException',
      `${MAPPING}[Invalid mapping expression parameter specified: method.response.header.X-Foo]`,
    );
    await call('PUT', `${f.m}/responses/200`, { responseParameters: { 'method.response.header.X-Foo': true } });
    const ok = await call('PUT', f.ir('200'), {
      responseParameters: { 'method.response.header.X-Foo': 'integration.response.body.redirect.url' },
    });
    expect(ok.status).toBe(201);
    expectAwsError(
      await call('PUT', f.ir('200'), { responseParameters: { 'method.response.header.X-Foo': '*' } }),
      400,
      'BadRequestException',
      `${MAPPING}[Invalid mapping expression specified: *]`,
    );
  });

  test('request-stage errors come before existence checks', async () => {
    const f = await mockFixture('ir-order');
    const missing = `/restapis/${f.api}/resources/nope00/methods/GET/integration/responses`;
    expectAwsError(
      await call('PUT', `${missing}/wrong`, {}),
      400,
      'ValidationException',
      "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
    );
    expectAwsError(await call('PUT', `${missing}/600`, {}), 400, 'ValidationException', /Value '600' at 'statusCode'/);
    expectAwsError(
      await call('PUT', `${missing}/200`, { responseTemplates: { 'application/json': 5 } }),
      400,
      'SerializationException',
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    );
    expectAwsError(
      await call('PUT', `${missing}/200`, { responseParameters: { 'method.response.header.X': true } }),
      400,
      'SerializationException',
      'class java.lang.Boolean can not be converted to an String',
    );
    expectAwsError(
      await call('PUT', `${missing}/200`, { contentHandling: 'CONVERT_TO_JSON' }),
      400,
      'ValidationException',
      /Value 'CONVERT_TO_JSON' at 'putIntegrationResponseInput.contentHandling' failed to satisfy constraint/,
    );
    expectAwsError(
      await call('PUT', `${missing}/200`, {}),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PUT', `/restapis/zzzzzzzzzz/resources/${f.pets}/methods/GET/integration/responses/200`, {}),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('PUT', `/restapis/${f.api}/resources/${f.pets}/methods/POST/integration/responses/200`, {}),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    // Method-stage errors need the method to exist first.
    expectAwsError(
      await call('PUT', f.ir('200'), { responseTemplates: { '123': 'x' } }),
      400,
      'BadRequestException',
      'Validation Result: warnings : [], errors : [Invalid content type specified: 123]',
    );
  });

  test('without an integration the PUT is 404 Invalid Integration identifier specified', async () => {
    const f = await fixture(call, 'ir-no-integration');
    expectAwsError(
      await call('PUT', `${f.m}/integration/responses/200`, {}),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
  });
});

describe('Get/Update/DeleteIntegrationResponse', () => {
  test('GetIntegrationResponse errors by situation', async () => {
    const f = await fixture(call, 'get-ir');
    const ir = `${f.m}/integration/responses`;
    expectAwsError(await call('GET', `${ir}/wrong`), 400, 'ValidationException', /Value 'wrong' at 'statusCode'/);
    expectAwsError(
      await call('GET', `/restapis/${f.api}/resources/nope00/methods/GET/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('GET', `/restapis/${f.api}/resources/${f.pets}/methods/PUT/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Method identifier specified',
    );
    expectAwsError(
      await call('GET', `${ir}/200`),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    expectAwsError(await call('GET', `${ir}/200`), 404, 'NotFoundException', 'Invalid Response status code specified');
  });

  test('UpdateIntegrationResponse returns 200 and applies replace/add/remove', async () => {
    const f = await mockFixture('patch-ir');
    await call('PUT', `${f.m}/responses/200`, {
      responseParameters: { 'method.response.header.Access-Control-Allow-Origin': false },
    });
    await call('PUT', f.ir('200'), { selectionPattern: '' });
    const r = await call('PATCH', f.ir('200'), {
      patchOperations: [
        { op: 'replace', path: '/selectionPattern', value: '2\\d{2}' },
        { op: 'add', path: '/responseTemplates/application~1json', value: '{"ok": true}' },
        { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
        { op: 'replace', path: '/responseParameters/method.response.header.Access-Control-Allow-Origin', value: "'*'" },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      statusCode: '200',
      selectionPattern: '2\\d{2}',
      responseTemplates: { 'application/json': '{"ok": true}' },
      contentHandling: 'CONVERT_TO_TEXT',
      responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
    });
    expect((await call('GET', f.ir('200'))).json).toEqual(r.json);
    const removed = await call('PATCH', f.ir('200'), {
      patchOperations: [
        { op: 'remove', path: '/responseParameters/method.response.header.Access-Control-Allow-Origin' },
      ],
    });
    expect(removed.status).toBe(200);
    expect(removed.json).not.toHaveProperty('responseParameters');
  });

  test('UpdateIntegrationResponse errors', async () => {
    const f = await mockFixture('patch-ir-errors');
    expectAwsError(
      await call('PATCH', f.ir('404'), { patchOperations: [] }),
      404,
      'NotFoundException',
      'Invalid Response status code specified',
    );
    await call('PUT', f.ir('200'), {});
    expectAwsError(
      await call('PATCH', f.ir('200'), { patchOperations: [{ op: 'wrong_op', path: '/selectionPattern' }] }),
      400,
      'ValidationException',
      "1 validation error detected: Value 'wrong_op' at 'updateIntegrationResponseInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]",
    );
    expectAwsError(
      await call('PATCH', f.ir('200'), { patchOperations: [{ op: 'replace', path: '/wrong', value: 'x' }] }),
      400,
      'BadRequestException',
      'Invalid patch path /wrong',
    );
    expectAwsError(
      await call('PATCH', f.ir('200'), { patchOperations: 'nope' }),
      400,
      'SerializationException',
      /can not be converted|not expected/,
    );
    // A failed PATCH changes nothing.
    expect((await call('GET', f.ir('200'))).json).toEqual({ statusCode: '200' });
  });

  test('DeleteIntegrationResponse: 204, and the texts for a missing method, bad verb and unknown code', async () => {
    const f = await mockFixture('delete-ir');
    await call('PUT', f.ir('200'), { selectionPattern: '' });
    const del = await call('DELETE', f.ir('200'));
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const method = await call('GET', f.m);
    expect(method.json.methodIntegration).not.toHaveProperty('integrationResponses');
    const base = `/restapis/${f.api}/resources/${f.pets}/methods`;
    expectAwsError(
      await call('DELETE', f.ir('200')),
      404,
      'NotFoundException',
      'Invalid Response status code specified',
    );
    expectAwsError(
      await call('DELETE', `${base}/POST/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
    expectAwsError(
      await call('DELETE', `${base}/WRONG/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Integration identifier specified',
    );
    expectAwsError(
      await call('DELETE', `/restapis/${f.api}/resources/nope00/methods/GET/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
    expectAwsError(
      await call('DELETE', `/restapis/zzzzzzzzzz/resources/${f.pets}/methods/GET/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Resource identifier specified',
    );
  });

  test('PutIntegration over an existing one drops its integration responses (UNVERIFIED choice, documented in app.ts)', async () => {
    const f = await mockFixture('reput');
    await call('PUT', f.ir('200'), {});
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    expectAwsError(await call('GET', f.ir('200')), 404, 'NotFoundException', 'Invalid Response status code specified');
  });
});
