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

export function corsMiddleware(): MiddlewareHandler {
  return cors({
    origin: (origin) => (isLoopbackOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: ['x-amzn-ErrorType', 'x-amzn-RequestId'],
    maxAge: 600,
  });
}
