// HTTP plumbing of the emulator app: answers with AWS's headers, error headers, the body limit and the
// verdict helpers every operation uses to turn rule violations into AWS's one error.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { awsVerdict } from '../src/rules/integration-response';
import type { RuleViolation } from '../src/rules/types';
import type { JsonObject } from './body';
import { parseJsonBody } from './body';
import { allowedOrigin, EXPOSE_HEADERS_VALUE } from './cors';
import { AwsError, errorResponse } from './errors';
import { regionOf } from './region';

/** AWS's quota for an API definition import/put is 6 MB; no control-plane request body may legitimately exceed it. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

/**
 * The headers of an answer, as a plain object. Every answer carries CORS headers (what hono's cors() would add
 * to a non-preflight answer), Vary: Origin and a fresh x-amzn-RequestId. Setting those with c.header() in a
 * middleware, as hono's own middlewares do, fills an undici Headers object per request (WebIDL checks on each
 * set, a sort on the way out) that @hono/node-server then copies into a plain object for Node: measurable at
 * the bench's rate (~4 % of the event loop's busy time in a profile of bench section 5). A Response built with a plain object goes to Node as is.
 *
 * The names are lowercase and in sorted order because that is what the Headers route put on the wire
 * (undici's Headers iterate sorted and lowercased), so the header block a client receives is the same, but
 * for one detail: Node now writes Content-Length itself, after Date/Connection/Keep-Alive instead of before.
 */
export function answer(c: Context, status: number, body: string | null): Response {
  const h: Record<string, string> = {};
  const origin = allowedOrigin(c.req.header('origin'));
  if (origin !== undefined) h['access-control-allow-origin'] = origin;
  h['access-control-expose-headers'] = EXPOSE_HEADERS_VALUE;
  if (body !== null) h['content-type'] = 'application/json';
  h.vary = 'Origin';
  h['x-amzn-requestid'] = randomUUID();
  return new Response(body, { status, headers: h });
}

export const json = (c: Context, value: unknown, status: 200 | 201): Response =>
  answer(c, status, JSON.stringify(value));
export const noContent = (c: Context, status: 202 | 204): Response => answer(c, status, null);

/** Error answers go through errorResponse (errors.ts), which builds on c.header: it gets the same headers that way. */
export function prepareErrorHeaders(c: Context): void {
  const origin = allowedOrigin(c.req.header('origin'));
  if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS_VALUE);
  c.header('Vary', 'Origin');
  c.header('x-amzn-RequestId', randomUUID());
}

/** True for a request arriving through @hono/node-server (as opposed to app.request()/app.fetch in tests). */
function isNodeServerRequest(c: Context): boolean {
  const env: unknown = c.env;
  return typeof env === 'object' && env !== null && 'incoming' in env;
}

/** Refuses bodies over MAX_BODY_BYTES with AWS's error shape. */
export function limitRequestBody(): MiddlewareHandler {
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // UNVERIFIED: AWS's control-plane answer to a body over its 6 MB definition limit. 413 with a
    // RequestEntityTooLargeException type is what AWS front ends (and Lambda's RequestTooLarge) use.
    onError: (c) => {
      prepareErrorHeaders(c);
      return errorResponse(
        c,
        'RequestEntityTooLargeException',
        'Request must be smaller than 6291456 bytes for the operation',
      );
    },
  });
  return (c, next) => {
    // hono's bodyLimit starts with `c.req.raw.body`, which makes @hono/node-server build a full undici
    // Request (with a web stream over the socket) for every request. Its verdict is known without that in
    // the common cases, where this answers exactly as it would: GET/HEAD requests have no body, and a
    // node-server request (always a body stream unless GET/HEAD) with Content-Length and no
    // Transfer-Encoding is judged by the header alone. Everything else goes through bodyLimit itself.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    if (isNodeServerRequest(c)) {
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        return parseInt(length || '0', 10) > MAX_BODY_BYTES ? limitBody(c, next) : next();
      }
    }
    return limitBody(c, next);
  };
}

export const readJsonBody = async (c: Context): Promise<JsonObject> => parseJsonBody(await c.req.text());
export const requestRegion = (c: Context): string => regionOf(c.req.header('authorization'));

function verdictError(violations: RuleViolation[]): AwsError | null {
  const v = awsVerdict(violations);
  return v ? new AwsError(v.type, v.message) : null;
}

/** Throws the one error AWS answers a set of violations with (none: returns). */
export function throwIfViolations(violations: RuleViolation[]): void {
  const err = verdictError(violations);
  if (err) throw err;
}

export const requestStage = (vs: RuleViolation[]) => vs.filter((v) => v.stage === 'request');
export const methodStage = (vs: RuleViolation[]) => vs.filter((v) => v.stage === 'method');

/** A patch either yields the new object or the violation AWS would answer with. */
export function patchedOrThrow<T>(patched: { value: T } | { violation: RuleViolation }): T {
  if ('violation' in patched) {
    // awsVerdict words a lone violation as AWS would (e.g. the "1 validation error detected: " prefix).
    throw verdictError([patched.violation]) ?? new AwsError(patched.violation.type, patched.violation.message);
  }
  return patched.value;
}
