// CORS for a dashboard served from another local origin (e.g. `vite` dev on :5173 talking to the
// emulator on :4010). Only loopback origins are allowed: the emulator is a local tool.
import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

const loopbackOrigin = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

export const CORS_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-user-agent',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
];

export function isLoopbackOrigin(origin: string): boolean {
  return loopbackOrigin.test(origin);
}

const EXPOSE_HEADERS = ['x-amzn-ErrorType', 'x-amzn-RequestId'];

export function corsMiddleware(): MiddlewareHandler {
  const preflight = cors({
    origin: (origin) => (isLoopbackOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: 600,
  });
  const exposed = EXPOSE_HEADERS.join(',');
  // Same headers as hono's cors() for non-preflight requests, but set before the handler runs (c.header
  // before a response exists only fills the prepared headers). hono's version touches c.res first and
  // appends Vary afterwards, and each of those makes hono rebuild the response as an undici Response:
  // most of the per-request cost of a small JSON answer.
  return (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin') ?? '';
    if (origin !== '' && isLoopbackOrigin(origin)) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposed);
    c.header('Vary', 'Origin', { append: true });
    return next();
  };
}
