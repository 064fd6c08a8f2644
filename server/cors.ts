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

// Retry-After: how long a throttled client waits (--throttle aws), read by the dashboard on another origin too.
const EXPOSE_HEADERS = ['x-amzn-ErrorType', 'x-amzn-RequestId', 'Retry-After'];

/** Value of Access-Control-Expose-Headers on every answer (preflights included, via hono's cors()). */
export const EXPOSE_HEADERS_VALUE = EXPOSE_HEADERS.join(',');

/** The Access-Control-Allow-Origin value for a request's Origin header, or undefined when none is due. */
export function allowedOrigin(origin: string | undefined): string | undefined {
  return origin !== undefined && origin !== '' && isLoopbackOrigin(origin) ? origin : undefined;
}

/**
 * Answers CORS preflights (OPTIONS) with hono's cors(). Every other answer carries the same headers as
 * hono's cors() would give it (Access-Control-Allow-Origin for a loopback origin, Access-Control-Expose-Headers,
 * Vary: Origin), but the emulator app writes them itself along with its other headers: see answer() in
 * app.ts for why they are not set here through c.header.
 */
export function corsPreflight(): MiddlewareHandler {
  const preflight = cors({
    origin: (origin) => (isLoopbackOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: 600,
  });
  return (c, next) => (c.req.method === 'OPTIONS' ? preflight(c, next) : next());
}
