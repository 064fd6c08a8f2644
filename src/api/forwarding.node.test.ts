// The client through the project's /__forward route: the signature is computed for the target URL and still
// verifies when the target receives the relayed request; forwarding failures become the usual typed errors.
import { serve } from '@hono/node-server';
import { AwsV4Signer } from 'aws4fetch';
import { Hono } from 'hono';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createForwardApp, defaultForwardAllowlist } from '../../server/forward';
import { ApiError, describeApiError } from './api-error';
import { createApiGatewayClient } from './client';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret/key+1', sessionToken: 'session-token' };
let target: Server;
let targetOrigin: string;
let forwardServer: ReturnType<typeof serve>;
let forwardBase: string;
const verdicts: boolean[] = [];

/** Re-signs what arrived with the same secret: equal Authorization ⇔ the signature survived the relay. */
async function verify(method: string, url: string, headers: IncomingHttpHeaders, body: string): Promise<boolean> {
  const signedNames = /SignedHeaders=([^,]+)/.exec(String(headers.authorization))?.[1]?.split(';') ?? [];
  const h: Record<string, string> = {};
  for (const name of signedNames)
    if (name !== 'host' && name !== 'x-amz-date' && name !== 'x-amz-security-token') h[name] = String(headers[name]);
  const signer = new AwsV4Signer({
    method,
    url: `http://${String(headers.host)}${url}`,
    headers: h,
    body: body || undefined,
    ...credentials,
    service: 'apigateway',
    region: 'us-east-1',
    datetime: String(headers['x-amz-date']),
    allHeaders: true,
  });
  const signed = await signer.sign();
  return signed.headers.get('authorization') === headers.authorization;
}

beforeAll(async () => {
  target = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      void verify(req.method ?? '', req.url ?? '', req.headers, body).then((ok) => {
        verdicts.push(ok);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            req.method === 'PUT'
              ? { statusCode: '200', ...JSON.parse(body) }
              : { item: [{ id: 'api1', name: 'via forward' }] },
          ),
        );
      });
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetOrigin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  const app = new Hono();
  // The default allowlist names only the preset loopback ports; the test's target listens on a random one, and
  // port 1 (nothing listens there) is allowed so the unreachable case reaches the network.
  app.route(
    '/__forward',
    createForwardApp({ allowlist: [...defaultForwardAllowlist, new URL(targetOrigin).host, '127.0.0.1:1'] }),
  );
  await new Promise<void>((r) => {
    forwardServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      forwardBase = `http://127.0.0.1:${info.port}/__forward`;
      r();
    });
  });
});

afterAll(async () => {
  target.closeAllConnections();
  await new Promise<void>((r) => target.close(() => r()));
  await new Promise<void>((r) => forwardServer.close(() => r()));
});

test('signed for the target, the signature still verifies after the relay (GET with query, PUT with body)', async () => {
  verdicts.length = 0;
  const client = createApiGatewayClient({
    endpoint: targetOrigin,
    region: 'us-east-1',
    credentials,
    forwardThrough: forwardBase,
  });
  const page = await client.getRestApis({ limit: 10, position: 'a b/c' });
  expect(page.items).toEqual([{ id: 'api1', name: 'via forward' }]);
  const put = await client.putIntegrationResponse(
    { restApiId: 'api1', resourceId: 'res1', httpMethod: 'GET', statusCode: '200' },
    { selectionPattern: 'ok' },
  );
  expect(put).toEqual({ statusCode: '200', selectionPattern: 'ok' });
  expect(verdicts).toEqual([true, true]);
});

test('an unreachable target behind the route is a network error, a refused target a plain-words refusal', async () => {
  const unreachable = createApiGatewayClient({
    endpoint: 'http://127.0.0.1:1',
    region: 'us-east-1',
    forwardThrough: forwardBase,
    maxRetries: 0,
  });
  const e1 = await unreachable.getRestApis().catch((e: unknown) => e);
  expect(e1).toBeInstanceOf(ApiError);
  expect(e1).toMatchObject({ kind: 'network', status: 502 });

  const refused = createApiGatewayClient({
    endpoint: 'http://example.com',
    region: 'us-east-1',
    forwardThrough: forwardBase,
    maxRetries: 0,
  });
  const e2 = await refused.getRestApis().catch((e: unknown) => e);
  expect(e2).toMatchObject({ kind: 'aws', status: 403, errorType: 'ForwardingNotAllowed' });
  expect(describeApiError(e2).title).toBe('Forwarding refused');
});
