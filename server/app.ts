// The embedded API Gateway (REST v1) control plane: AWS's paths, status codes, JSON shapes and error texts
// (see docs/aws/: wire-format.md, control-plane.md, integration-responses.md). This file composes it: protocol
// middlewares (preflight, body limit), error answers, then the operations of each AWS resource (server/routes/*).
// Validation comes from src/rules, shared with the SPA.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { corsPreflight } from './cors';
import { AwsError, errorResponse } from './errors';
import { limitRequestBody, prepareErrorHeaders } from './http';
import { defaultForwardAllowlist } from './forward';
import type { LargeRequestWorker } from './large-requests';
import { offloadLargeBodies } from './large-requests';
import { routeContext } from './routes/context';
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
