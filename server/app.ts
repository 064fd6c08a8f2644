// The embedded API Gateway (REST v1) control plane: AWS's paths, status codes, JSON shapes and error texts
// (see docs/aws/: wire-format.md, control-plane.md, integration-responses.md). This file composes it: protocol
// middlewares (preflight, body limit), error answers, then the operations of each AWS resource (server/routes/*).
// Validation comes from src/rules, shared with the SPA.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { corsPreflight } from './cors';
import { AwsError, errorResponse } from './errors';
import { limitRequestBody, prepareErrorHeaders, requestRegion } from './http';
import { defaultForwardAllowlist } from './forward';
import type { LargeRequestWorker } from './large-requests';
import { OFFLOAD_ABOVE_BYTES, offloadLargeBodies } from './large-requests';
import { EMULATOR_ACCOUNT_ID, routeContext } from './routes/context';
import { registerDeploymentRoutes } from './routes/deployments';
import { registerExportRoutes } from './routes/exports';
import { registerIntegrationResponseRoutes } from './routes/integration-responses';
import { registerIntegrationRoutes } from './routes/integrations';
import { registerMethodResponseRoutes } from './routes/method-responses';
import { registerMethodRoutes } from './routes/methods';
import { registerResourceRoutes } from './routes/resources';
import { registerRestApiRoutes } from './routes/rest-apis';
import { registerStageRoutes } from './routes/stages';
import { registerTestInvokeRoutes } from './routes/test-invoke';
import type { Store } from './store';
import type { Throttle } from './throttle';
import { quotaKeyOf } from './throttle';

export interface EmulatorOptions {
  store: Store;
  /** Clock in epoch milliseconds (createdDate is reported in epoch seconds). */
  now?: () => number;
  /** Hosts TestInvokeMethod may call for HTTP and HTTP_PROXY integrations (default: the forwarding route's). */
  forwardAllowlist?: readonly string[];
  fetchImpl?: typeof fetch;
  /**
   * Handles requests with large bodies on a worker thread (large-requests.ts), so that they never hold the
   * event loop. The entry points use one; in-process tests (app.request) run everything on one thread.
   */
  largeRequests?: LargeRequestWorker;
  /** AWS's control-plane quotas (`--throttle aws`); none: every request is served. */
  throttle?: Throttle;
}

export function createEmulatorApp(opts: EmulatorOptions): Hono {
  const app = new Hono();

  // A preflight is answered here, by hono's cors(), with the request id set first as for any answer.
  const preflight = corsPreflight();
  app.use('*', (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    c.header('x-amzn-RequestId', randomUUID());
    return preflight(c, next);
  });
  app.use('*', limitRequestBody());
  // Before the worker takes a large request: a throttled request is refused before any work is done for it.
  if (opts.throttle) app.use('*', throttleRequests(opts.throttle));
  const allowlist = opts.forwardAllowlist ?? defaultForwardAllowlist;
  if (opts.largeRequests) app.use('*', offloadLargeBodies(opts.largeRequests));

  app.onError((err, c) => {
    prepareErrorHeaders(c);
    if (err instanceof AwsError) return errorResponse(c, err.type, err.message);
    console.error('[emulator] internal error', err);
    return errorResponse(c, 'InternalFailure', 'An internal error occurred');
  });
  // Unknown paths and unsupported verbs on known paths: AWS's rest-json front end answers a request it
  // cannot map to an operation with 404 UnknownOperationException (chosen; the exact AWS answer is UNVERIFIED).
  app.notFound((c) => {
    prepareErrorHeaders(c);
    return errorResponse(
      c,
      'UnknownOperationException',
      `No operation matches ${c.req.method} ${new URL(c.req.url).pathname}`,
    );
  });

  const ctx = routeContext(opts.store, opts.now ?? Date.now);
  registerRestApiRoutes(app, ctx);
  registerResourceRoutes(app, ctx);
  registerMethodRoutes(app, ctx);
  registerMethodResponseRoutes(app, ctx);
  registerIntegrationRoutes(app, ctx);
  registerIntegrationResponseRoutes(app, ctx);
  registerDeploymentRoutes(app, ctx);
  registerStageRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerTestInvokeRoutes(app, ctx, {
    allowlist,
    ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
  });
  return app;
}

/** CreateRestApi's endpoint types, from a body small enough to read here (see throttleRequests). */
async function endpointTypesOf(c: Context): Promise<string[] | undefined> {
  const length = Number(c.req.header('content-length') ?? Number.NaN);
  // A larger body is the worker's to read (offloadLargeBodies reads it from the socket), and only a large
  // policy makes a CreateRestApi body that large: it counts as edge-optimized, the default type.
  if (!(length <= OFFLOAD_ABOVE_BYTES)) return undefined;
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(await c.req.arrayBuffer()));
    const endpoint: unknown =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'endpointConfiguration') : undefined;
    const types: unknown =
      typeof endpoint === 'object' && endpoint !== null ? Reflect.get(endpoint, 'types') : undefined;
    return Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : undefined;
  } catch {
    // The operation itself answers a malformed body; for the quota it is the default (edge-optimized) type.
    return undefined;
  }
}

/**
 * AWS's control-plane throttling (docs/aws/throttling.md): one account (EMULATOR_ACCOUNT_ID) with buckets per
 * Region, as the emulator keeps a store per Region. A refused request gets 429 TooManyRequestsException with
 * Retry-After and changes nothing.
 */
function throttleRequests(throttle: Throttle): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const method = c.req.method;
    const creates =
      method === 'POST' && /^\/restapis\/?$/.test(url.pathname) && url.searchParams.get('mode') !== 'import';
    const endpointTypes = creates ? await endpointTypesOf(c) : undefined;
    const key = quotaKeyOf({
      method,
      path: url.pathname,
      query: url.searchParams,
      ...(endpointTypes ? { endpointTypes } : {}),
    });
    const verdict = throttle.take(`${EMULATOR_ACCOUNT_ID}/${requestRegion(c)}`, key);
    if (verdict.allowed) return next();
    prepareErrorHeaders(c);
    c.header('Retry-After', String(verdict.retryAfterSeconds));
    return errorResponse(c, 'TooManyRequestsException', 'Too Many Requests');
  };
}
