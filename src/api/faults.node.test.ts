// Fault injection against a real local HTTP server: every way a server or network can misbehave must surface as
// the one typed ApiError with the right kind, never as a crash, a thrown string or an unhandled rejection.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, describeApiError } from './api-error';
import { createApiGatewayClient } from './client';
import { subscribeThrottleWaits, throttleWaitCount } from './throttle-waits';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let endpoint: string;
let handler: Handler = (_req, res) => res.end();
let requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  requests = [];
  expect(unhandled).toEqual([]);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(extra: { timeoutMs?: number; maxRetries?: number; maxThrottleRetries?: number } = {}) {
  return createApiGatewayClient({ endpoint, region: 'us-east-1', retryBaseMs: 5, ...extra });
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

describe('successful but unusual answers', () => {
  test('moto-style JSON (text/html content type, nulls, responseTemplates {}) is parsed tolerantly', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        JSON.stringify({
          httpMethod: 'GET',
          authorizationType: 'NONE',
          authorizerId: null,
          apiKeyRequired: null,
          methodResponses: {},
          methodIntegration: {
            type: 'MOCK',
            httpMethod: null,
            uri: null,
            passthroughBehavior: null,
            timeoutInMillis: null,
            cacheNamespace: null,
            integrationResponses: {
              '200': { statusCode: '200', responseTemplates: {}, contentHandling: null, responseParameters: null },
            },
          },
        }),
      );
    };
    const m = await client().getMethod({ restApiId: 'api', resourceId: 'res', httpMethod: 'GET' });
    expect(m).toEqual({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      methodResponses: {},
      methodIntegration: {
        type: 'MOCK',
        integrationResponses: { '200': { statusCode: '200', responseTemplates: {} } },
      },
    });
    expect(requests[0]?.headers.accept).toBe('application/json');
  });

  test('a success envelope is unwrapped', async () => {
    handler = (_req, res) => json(res, 200, { success: true, data: { statusCode: '200', selectionPattern: '' } });
    await expect(
      client().putIntegrationResponse(
        { restApiId: 'a', resourceId: 'r', httpMethod: 'GET', statusCode: '200' },
        { selectionPattern: '' },
      ),
    ).resolves.toEqual({
      statusCode: '200',
      selectionPattern: '',
    });
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  test("moto's 200 `{}` for a missing integration is reported as AWS would: NotFoundException", async () => {
    handler = (_req, res) => json(res, 200, {});
    const e = await failure(client().getIntegration({ restApiId: 'a', resourceId: 'r', httpMethod: 'GET' }));
    expect(e).toMatchObject({ kind: 'aws', errorType: 'NotFoundException', status: 404 });
  });

  test('paging stops when a server repeats a position, and reports progress', async () => {
    handler = (req, res) => {
      const pos = new URL(req.url ?? '/', 'http://x').searchParams.get('position');
      if (!pos)
        json(res, 200, {
          item: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ],
          position: 'p1',
        });
      else if (pos === 'p1') json(res, 200, { item: [{ id: 'c', name: 'C' }], position: 'p2' });
      else json(res, 200, { item: [{ id: 'c', name: 'C' }], position: 'p2' });
    };
    const progress: number[] = [];
    const all = await client().getAllRestApis({ onProgress: (n) => progress.push(n) });
    expect(all.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(progress).toEqual([2, 3, 3]);
    expect(requests).toHaveLength(3);
  });
});

describe('error answers', () => {
  test('AWS error: type from X-Amzn-ErrorType (split on ":"), message, request id', async () => {
    handler = (_req, res) =>
      json(
        res,
        404,
        { message: 'Invalid Resource identifier specified' },
        {
          'x-amzn-errortype':
            'NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/',
          'x-amzn-requestid': 'req-123',
        },
      );
    const e = await failure(client().getMethod({ restApiId: 'a', resourceId: 'r', httpMethod: 'GET' }));
    expect(e).toMatchObject({
      kind: 'aws',
      errorType: 'NotFoundException',
      status: 404,
      requestId: 'req-123',
      retryable: false,
    });
    expect(e.message).toBe('Invalid Resource identifier specified');
    expect(requests).toHaveLength(1);
  });

  test('AWS error without the header: type from body __type (ns#Type) and Message', async () => {
    handler = (_req, res) =>
      json(res, 400, {
        __type: 'com.amazon.coral.validate#ValidationException',
        Message: '1 validation error detected',
      });
    const e = await failure(client().getRestApi({ restApiId: 'x' }));
    expect(e).toMatchObject({
      kind: 'aws',
      errorType: 'ValidationException',
      status: 400,
      message: '1 validation error detected',
    });
  });

  test('an error envelope becomes the same typed error as an AWS error', async () => {
    handler = (_req, res) =>
      json(res, 400, { success: false, error: { code: 'VALIDATION_ERROR', message: 'Invalid request parameters' } });
    const e = await failure(
      client().putIntegrationResponse({ restApiId: 'a', resourceId: 'r', httpMethod: 'GET', statusCode: '200' }, {}),
    );
    expect(e).toMatchObject({
      kind: 'aws',
      errorType: 'VALIDATION_ERROR',
      status: 400,
      message: 'Invalid request parameters',
    });
    handler = (_req, res) => json(res, 200, { success: false, error: { code: 'VALIDATION_ERROR', message: 'Bad' } });
    const e2 = await failure(client().getRestApi({ restApiId: 'x' }));
    expect(e2).toMatchObject({ kind: 'aws', errorType: 'VALIDATION_ERROR', message: 'Bad' });
  });

  test('an HTML 502 page is an HTTP error, retried on reads, and never quoted as HTML', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>');
    };
    const e = await failure(client({ maxRetries: 2 }).getRestApis());
    expect(e).toMatchObject({ kind: 'aws', status: 502, errorType: undefined, retryable: true });
    expect(e.message).not.toContain('<');
    expect(requests).toHaveLength(3);
    expect(describeApiError(e).title).toBe('Server error');
  });

  test('a 500 on PATCH (not idempotent) is not retried', async () => {
    handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>500 Internal Server Error</title>');
    };
    const e = await failure(
      client({ maxRetries: 3 }).updateIntegrationResponse(
        { restApiId: 'a', resourceId: 'r', httpMethod: 'GET', statusCode: '200' },
        [{ op: 'replace', path: '/selectionPattern', value: 'x' }],
      ),
    );
    expect(e).toMatchObject({ kind: 'aws', status: 500, retryable: false });
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      patchOperations: [{ op: 'replace', path: '/selectionPattern', value: 'x' }],
    });
  });

  test('truncated JSON on a 2xx is unparseable', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"item": [{"id": "abc", "na');
    };
    const e = await failure(client().getRestApis());
    expect(e).toMatchObject({ kind: 'unparseable', field: '(body)', retryable: false });
  });

  test('a body of the wrong shape is unparseable and names the field path', async () => {
    handler = (_req, res) =>
      json(res, 200, {
        item: [
          { id: 'ok', name: 'fine' },
          { id: 7, name: 'bad' },
        ],
      });
    const e = await failure(client().getRestApis());
    expect(e.kind).toBe('unparseable');
    expect(e.field).toBe('item[1].id');
    expect(describeApiError(e).detail).toContain('item[1].id');
  });
});

describe('transport failures', () => {
  test('no answer within the per-attempt timeout → timeout (retried on reads, then given up)', async () => {
    handler = () => {
      // Never answer.
    };
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 200, maxRetries: 1 }).getRestApis());
    expect(e).toMatchObject({ kind: 'timeout', retryable: true });
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    server.closeAllConnections();
  });

  test('a connection reset → network error with a CORS/forwarding hint', async () => {
    handler = (req) => req.socket.destroy();
    const e = await failure(client({ maxRetries: 0 }).getRestApis());
    expect(e).toMatchObject({ kind: 'network' });
    const { title, detail } = describeApiError(e);
    expect(title).toBe('Could not reach the server');
    expect(detail).toMatch(/CORS/);
    expect(detail).toMatch(/Forward/i);
  });

  test('nothing listening → network error', async () => {
    const c = createApiGatewayClient({ endpoint: 'http://127.0.0.1:1', region: 'us-east-1', maxRetries: 0 });
    await expect(failure(c.getRestApis())).resolves.toMatchObject({ kind: 'network' });
  });

  test("the caller's AbortSignal → aborted, no retry", async () => {
    handler = () => {
      // Never answer: the caller cancels.
    };
    const controller = new AbortController();
    const p = client({ maxRetries: 3 }).getRestApis(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await failure(p);
    expect(e.kind).toBe('aborted');
    expect(requests).toHaveLength(1);
    server.closeAllConnections();
  });
});

describe('throttling', () => {
  test('429 with Retry-After is retried after the requested delay and then succeeds (even for POST-like PATCH)', async () => {
    let n = 0;
    handler = (_req, res) => {
      n += 1;
      if (n === 1)
        json(
          res,
          429,
          { message: 'Too Many Requests' },
          { 'x-amzn-errortype': 'TooManyRequestsException', 'retry-after': '1' },
        );
      else json(res, 200, { statusCode: '200', selectionPattern: 'x' });
    };
    const started = Date.now();
    const r = await client().updateIntegrationResponse(
      { restApiId: 'a', resourceId: 'r', httpMethod: 'GET', statusCode: '200' },
      [{ op: 'replace', path: '/selectionPattern', value: 'x' }],
    );
    expect(r).toEqual({ statusCode: '200', selectionPattern: 'x' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(requests).toHaveLength(2);
  });

  test('a throttled request keeps waiting past maxRetries, says each time how long, and then succeeds', async () => {
    let n = 0;
    handler = (_req, res) => {
      n += 1;
      if (n <= 4)
        json(
          res,
          429,
          { message: 'Too Many Requests' },
          { 'x-amzn-errortype': 'TooManyRequestsException', 'retry-after': '0' },
        );
      else json(res, 200, { item: [] });
    };
    const waits: number[] = [];
    const seen: number[] = [];
    const unsubscribe = subscribeThrottleWaits(() => seen.push(throttleWaitCount()));
    try {
      const page = await client({ maxRetries: 1 }).getRestApis(undefined, { onThrottled: (ms) => waits.push(ms) });
      expect(page.items).toEqual([]);
    } finally {
      unsubscribe();
    }
    expect(requests).toHaveLength(5);
    expect(waits).toHaveLength(4);
    // Each wait was counted while it lasted, and none is left over.
    expect(seen).toEqual([1, 0, 1, 0, 1, 0, 1, 0]);
  });

  test('gives up after maxThrottleRetries with a typed, retryable throttling error', async () => {
    handler = (_req, res) =>
      json(
        res,
        429,
        { message: 'Rate exceeded' },
        { 'x-amzn-errortype': 'LimitExceededException', 'retry-after': '0' },
      );
    const e = await failure(client({ maxThrottleRetries: 2 }).getRestApis());
    expect(e).toMatchObject({ kind: 'aws', errorType: 'LimitExceededException', status: 429, retryable: true });
    expect(requests).toHaveLength(3);
    expect(describeApiError(e).title).toBe('Too many requests');
    expect(throttleWaitCount()).toBe(0);
  });
});

test('describeApiError names wrong credentials in plain words and never echoes secrets', () => {
  const e = new ApiError({
    kind: 'aws',
    errorType: 'UnrecognizedClientException',
    status: 403,
    message: 'The security token included in the request is invalid.',
  });
  expect(describeApiError(e).title).toBe('Credentials were rejected');
  expect(
    describeApiError(new ApiError({ kind: 'aws', errorType: 'InvalidSignatureException', status: 403, message: 'x' }))
      .title,
  ).toBe('Credentials were rejected');
  expect(
    describeApiError(
      new ApiError({
        kind: 'aws',
        errorType: 'NotFoundException',
        status: 404,
        message: 'Invalid API identifier specified',
      }),
    ).detail,
  ).toMatch(/region/);
});
