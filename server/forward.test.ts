// The forwarding route over real HTTP: it relays to allowlisted targets only, and cannot be talked into
// relaying anywhere else (target header, Host header, absolute-form request line, path tricks, userinfo).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createForwardApp, defaultForwardAllowlist, isAllowedTarget } from './forward';

type Seen = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

let target: Server;
let targetOrigin: string;
let seen: Seen[] = [];
let forwardServer: ReturnType<typeof serve>;
let forwardPort: number;

beforeAll(async () => {
  target = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, {
        'content-type': 'application/json',
        'x-amzn-requestid': 'target-req-1',
        'x-amzn-errortype': req.url?.startsWith('/missing') ? 'NotFoundException' : '',
        connection: 'keep-alive, x-target-hop',
        'x-target-hop': 'must not reach the browser',
      });
      res.end(JSON.stringify({ item: [], echoedPath: req.url }));
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetOrigin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;

  const app = new Hono();
  const allowlist = [...defaultForwardAllowlist, `127.0.0.1:${new URL(targetOrigin).port}`];
  app.route('/__forward', createForwardApp({ allowlist }));
  await new Promise<void>((r) => {
    forwardServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      forwardPort = info.port;
      r();
    });
  });
});

beforeEach(() => {
  seen = [];
});

afterAll(async () => {
  target.closeAllConnections();
  await new Promise<void>((r) => target.close(() => r()));
  await new Promise<void>((r) => forwardServer.close(() => r()));
});

/** Raw HTTP so the test controls the request line and the Host/Connection headers exactly. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: forwardPort, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('allowlisted targets', () => {
  test('a loopback target receives the request with Authorization and x-amz-* untouched', async () => {
    const auth =
      'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=accept;host;x-amz-date, Signature=abc';
    const res = await raw({
      method: 'PUT',
      path: '/__forward/restapis/a1/resources/r1/methods/GET/integration/responses/200?x=a%20b',
      headers: {
        'x-forward-target': targetOrigin,
        authorization: auth,
        'x-amz-date': '20260101T000000Z',
        'x-amz-security-token': 'tok+/=',
        accept: 'application/json',
        'content-type': 'application/json',
        connection: 'keep-alive, x-client-hop',
        'x-client-hop': 'hop-by-hop, must be dropped',
        cookie: 'session=app-cookie',
      },
      body: '{"selectionPattern":""}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      echoedPath: '/restapis/a1/resources/r1/methods/GET/integration/responses/200?x=a%20b',
    });
    expect(res.headers['x-amzn-requestid']).toBe('target-req-1');
    expect(res.headers['x-target-hop']).toBeUndefined();
    const got = seen[0];
    expect(got?.method).toBe('PUT');
    expect(got?.body).toBe('{"selectionPattern":""}');
    expect(got?.headers.authorization).toBe(auth);
    expect(got?.headers['x-amz-date']).toBe('20260101T000000Z');
    expect(got?.headers['x-amz-security-token']).toBe('tok+/=');
    expect(got?.headers['content-type']).toBe('application/json');
    expect(got?.headers.host).toBe(new URL(targetOrigin).host);
    expect(got?.headers['x-client-hop']).toBeUndefined();
    expect(got?.headers.cookie).toBeUndefined();
    expect(got?.headers['x-forward-target']).toBeUndefined();
  });

  test('target error status and error type pass through unchanged', async () => {
    const res = await raw({ path: '/__forward/missing', headers: { 'x-forward-target': targetOrigin } });
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('NotFoundException');
  });

  test('a path that looks like a network-path reference stays on the target', async () => {
    const res = await raw({ path: '/__forward//evil.example/x', headers: { 'x-forward-target': targetOrigin } });
    expect(res.status).toBe(200);
    expect(seen[0]?.url).toBe('//evil.example/x');
  });

  test('a spoofed Host header does not change where the request goes', async () => {
    const res = await raw({
      path: '/__forward/restapis',
      headers: { 'x-forward-target': targetOrigin, host: 'evil.example' },
    });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
  });
});

describe('refused', () => {
  test.each([
    ['a public host', 'http://example.com'],
    ['a private address', 'http://10.0.0.1:8080'],
    ['AWS over plain http', 'http://apigateway.us-east-1.amazonaws.com'],
    ['a look-alike AWS host', 'https://apigateway.us-east-1.amazonaws.com.evil.example'],
    ['a non-API Gateway AWS host', 'https://s3.us-east-1.amazonaws.com'],
    ['a multi-label wildcard match', 'https://apigateway.a.b.amazonaws.com'],
  ])('%s → 403 JSON error, nothing sent', async (_label, t) => {
    const res = await raw({ path: '/__forward/restapis', headers: { 'x-forward-target': t } });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'ForwardingNotAllowed' });
    expect(seen).toHaveLength(0);
  });

  test('userinfo that hides the real host → refused', async () => {
    const res = await raw({
      path: '/__forward/restapis',
      headers: { 'x-forward-target': `http://127.0.0.1@example.com` },
    });
    expect([400, 403]).toContain(res.status);
    expect(seen).toHaveLength(0);
  });

  test('no target header, target only in Host → 400, nothing sent', async () => {
    const res = await raw({ path: '/__forward/restapis', headers: { host: new URL(targetOrigin).host } });
    expect(res.status).toBe(400);
    expect(seen).toHaveLength(0);
  });

  test('absolute-form request line → 400, nothing sent', async () => {
    const res = await raw({
      path: `${targetOrigin}/__forward/restapis`,
      headers: { 'x-forward-target': targetOrigin },
    });
    expect(res.status).toBe(400);
    expect(seen).toHaveLength(0);
  });

  test('a target with a query or non-http scheme → 400', async () => {
    for (const t of [`${targetOrigin}/?a=b`, 'file:///etc/passwd', 'ftp://127.0.0.1/']) {
      const res = await raw({ path: '/__forward/restapis', headers: { 'x-forward-target': t } });
      expect(res.status, t).toBeGreaterThanOrEqual(400);
    }
    expect(seen).toHaveLength(0);
  });
});

test('default allowlist: the moto and LocalStack ports on loopback, and https API Gateway in any region', () => {
  const ok = [
    'http://127.0.0.1:5000',
    'https://localhost:4566',
    'http://[::1]:4566',
    'https://apigateway.eu-central-2.amazonaws.com',
  ];
  const no = [
    'http://127.0.0.2',
    'https://localhost',
    'http://127.0.0.1:6379',
    'http://localhost.evil.example',
    'https://apigateway.eu-central-2.amazonaws.com:8443',
    'https://apigateway.amazonaws.com',
    'http://apigateway.us-east-1.amazonaws.com',
  ];
  for (const u of ok) expect(isAllowedTarget(new URL(u), defaultForwardAllowlist), u).toBe(true);
  for (const u of no) expect(isAllowedTarget(new URL(u), defaultForwardAllowlist), u).toBe(false);
});
