// Conformance over real HTTP: the wire-level behaviour shared by every operation — error encoding,
// malformed/oversized bodies, unknown routes, CORS, SigV4 region scoping, group-committed writes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulatorApp } from '../app';
import { openStore } from '../store';
import type { Call, Harness } from './conformance-harness';
import { client, expectAwsError, fixture, items, startHarness, str } from './conformance-harness';

let h: Harness;
let call: Call;

beforeAll(async () => {
  h = await startHarness();
  call = client(h.base);
});
afterAll(() => h.close());

const sigv4 = (region: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/${region}/apigateway/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef`;

describe('request bodies', () => {
  test('malformed JSON is a 400 SerializationException and stores nothing', async () => {
    const before = items(await call('GET', '/restapis')).length;
    expectAwsError(await call('POST', '/restapis', '{"name": '), 400, 'SerializationException', /.+/);
    expectAwsError(
      await call('POST', '/restapis', '[1, 2]'),
      400,
      'SerializationException',
      'Start of list found where not expected',
    );
    expect(items(await call('GET', '/restapis'))).toHaveLength(before);
  });

  test('a body over 6 MB is refused with 413 before it is processed', async () => {
    const f = await fixture(call, 'oversized');
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    const huge = JSON.stringify({ responseTemplates: { 'application/json': 'x'.repeat(6 * 1024 * 1024 + 10) } });
    expectAwsError(
      await call('PUT', `${f.m}/integration/responses/200`, huge),
      413,
      'RequestEntityTooLargeException',
      /6291456 bytes/,
    );
    expectAwsError(
      await call('GET', `${f.m}/integration/responses/200`),
      404,
      'NotFoundException',
      'Invalid Response status code specified',
    );
  });

  test('unknown routes and verbs get an AWS-style 404 UnknownOperationException', async () => {
    expectAwsError(await call('GET', '/nope'), 404, 'UnknownOperationException', /GET \/nope/);
    expectAwsError(await call('PATCH', '/restapis'), 404, 'UnknownOperationException', /PATCH \/restapis/);
    expectAwsError(await call('GET', '/restapis/a/b/c/d/e/f'), 404, 'UnknownOperationException', /.+/);
  });

  test('every response carries x-amzn-RequestId, unique per request', async () => {
    const a = await call('GET', '/restapis');
    const b = await call('GET', '/restapis');
    expect(a.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-amzn-requestid')).not.toBe(b.headers.get('x-amzn-requestid'));
  });
});

describe('CORS', () => {
  test.each(['http://localhost:5173', 'http://127.0.0.1:4173', 'http://[::1]:8080'])(
    'answers a preflight from %s with 204',
    async (origin) => {
      const res = await fetch(`${h.base}/restapis/abc/resources/def/methods/GET/integration/responses/200`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization,x-amz-date,amz-sdk-invocation-id,content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      const allowMethods = res.headers.get('access-control-allow-methods') ?? '';
      for (const m of ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS']) expect(allowMethods).toContain(m);
      const allowHeaders = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const hd of [
        'authorization',
        'content-type',
        'accept',
        'x-amz-date',
        'x-amz-security-token',
        'x-amz-content-sha256',
        'x-amz-user-agent',
        'amz-sdk-invocation-id',
        'amz-sdk-request',
      ]) {
        expect(allowHeaders).toContain(hd);
      }
    },
  );

  test('does not allow a foreign origin, and exposes the AWS error headers to allowed ones', async () => {
    const foreign = await fetch(`${h.base}/restapis`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${h.base}/restapis/nope`, {
      headers: { origin: 'http://localhost:5173', accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect((res.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('x-amzn-errortype');
    expect((res.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('x-amzn-requestid');
  });
});

describe('regions', () => {
  test('scopes data by the SigV4 credential region; unsigned requests are us-east-1', async () => {
    const eu = await call('POST', '/restapis', { name: 'in-eu' }, { authorization: sigv4('eu-west-1') });
    expect(eu.status).toBe(201);
    const id = str(eu, 'id');
    expect((await call('GET', `/restapis/${id}`, undefined, { authorization: sigv4('eu-west-1') })).status).toBe(200);
    expectAwsError(
      await call('GET', `/restapis/${id}`),
      404,
      'NotFoundException',
      `Invalid API identifier specified 123456789012:${id}`,
    );
    expectAwsError(
      await call('GET', `/restapis/${id}`, undefined, { authorization: sigv4('us-west-2') }),
      404,
      'NotFoundException',
      /Invalid API identifier/,
    );
    const usEast = await call('GET', '/restapis', undefined, { authorization: sigv4('us-east-1') });
    expect(items(usEast).map((a) => a.id)).not.toContain(id);
    const euList = await call('GET', '/restapis', undefined, { authorization: sigv4('eu-west-1') });
    expect(items(euList).map((a) => a.id)).toEqual([id]);
  });
});

describe('writes', () => {
  test('concurrent writes batched into one commit stay independent: a failing one does not undo the others', async () => {
    const f = await fixture(call, 'concurrent');
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    const codes = ['200', '201', '202', '203', '204', '205', '206', '207'];
    const replies = await Promise.all([
      ...codes.map((sc) => call('PUT', `${f.m}/integration/responses/${sc}`, { selectionPattern: sc })),
      call('PUT', `${f.m}/integration/responses/400`, { responseParameters: { 'method.response.header.X': "'v'" } }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([...codes.map(() => 201), 400]);
    const method = await call('GET', f.m);
    const stored = (method.json.methodIntegration as { integrationResponses: Record<string, unknown> })
      .integrationResponses;
    expect(Object.keys(stored).sort()).toEqual(codes);
  });

  test('acknowledged writes are in the database file when it is reopened', async () => {
    const f = await fixture(call, 'persisted');
    await call('PUT', `${f.m}/integration`, { type: 'MOCK' });
    await call('PUT', `${f.m}/integration/responses/200`, { selectionPattern: 'kept' });
    const other = openStore(h.dataDir);
    try {
      const app = createEmulatorApp({ store: other });
      const res = await app.request(`${f.m}/integration/responses/200`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ statusCode: '200', selectionPattern: 'kept' });
    } finally {
      other.close();
    }
  });
});
