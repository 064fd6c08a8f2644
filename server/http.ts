// HTTP plumbing of the emulator app: answers with AWS's headers, error headers, the body limit and the
// verdict helpers every operation uses to turn rule violations into AWS's one error.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
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
export function answer(c: Context, status: number, body: string | ReadableStream<Uint8Array> | null): Response {
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
  answerParts(c, status, [JSON.stringify(value)]);

/** Answers at most this many characters in one piece; a larger answer is streamed. */
const STREAM_ABOVE_CHARS = 64 * 1024;

/**
 * A JSON answer given as pieces of text. A small one goes out as one string. A large one is streamed in
 * 64 K-character chunks, each encoded only when the client has taken the one before (the stream's pull), so
 * a slow reader holds a chunk or two of the answer instead of all of it (written as a string, the whole
 * answer would be copied into the socket's buffer at once, per reader).
 */
export function answerParts(c: Context, status: 200 | 201, parts: readonly string[]): Response {
  let length = 0;
  for (const p of parts) length += p.length;
  if (length <= STREAM_ABOVE_CHARS) return answer(c, status, parts.length === 1 ? (parts[0] ?? '') : parts.join(''));
  return answer(c, status, chunkedStream(parts));
}

/** How long an answer's stream may keep writing before it lets the event loop serve others. */
const WRITE_SLICE_MS = 4;

/**
 * For a stream's pull: resolves at once, or after the event loop's next turn when the stream has been
 * writing for WRITE_SLICE_MS. A client that reads as fast as the server writes never makes Node's socket
 * report backpressure, and then every chunk follows the last in the same turn: a 48 MB answer was half a
 * second in which no other request was served.
 */
export function turnTaker(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < WRITE_SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

function chunkedStream(parts: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const takeTurn = turnTaker();
  let index = 0;
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await takeTurn();
        let chunk = '';
        while (chunk.length < STREAM_ABOVE_CHARS && index < parts.length) {
          const part = parts[index] ?? '';
          let end = Math.min(part.length, offset + STREAM_ABOVE_CHARS - chunk.length);
          // Never split a surrogate pair between two chunks: each chunk is encoded on its own.
          const last = part.charCodeAt(end - 1);
          if (end < part.length && last >= 0xd800 && last <= 0xdbff) end += 1;
          chunk += part.slice(offset, end);
          offset = end;
          if (offset >= part.length) {
            index += 1;
            offset = 0;
          }
        }
        if (chunk.length > 0) controller.enqueue(encoder.encode(chunk));
        if (index >= parts.length) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
export const noContent = (c: Context, status: 202 | 204): Response => answer(c, status, null);

/** Error answers go through errorResponse (errors.ts), which builds on c.header: it gets the same headers that way. */
export function prepareErrorHeaders(c: Context): void {
  const origin = allowedOrigin(c.req.header('origin'));
  if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS_VALUE);
  c.header('Vary', 'Origin');
  c.header('x-amzn-RequestId', randomUUID());
}

/** The Node request under a request arriving through @hono/node-server (none for app.request() in tests). */
export function nodeIncoming(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  return typeof env === 'object' && env !== null && 'incoming' in env ? (env.incoming as IncomingMessage) : undefined;
}

/** An oversized body up to this size is read and dropped, so that its connection can carry the next request. */
const MAX_DRAIN_BYTES = 32 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

function tooLargeAnswer(c: Context, keepAlive: boolean): Response {
  prepareErrorHeaders(c);
  if (!keepAlive) c.header('Connection', 'close');
  return errorResponse(
    c,
    'RequestEntityTooLargeException',
    'Request must be smaller than 6291456 bytes for the operation',
  );
}

/**
 * For a request refused for its announced size before any of its body was read: reads and drops the body so
 * the connection can carry the next request. False when that is not possible (too large, too slow, not a
 * Node request): answer with `Connection: close` then.
 */
export function drainRefusedBody(c: Context, announced: number): Promise<boolean> {
  const incoming = nodeIncoming(c);
  return incoming ? drain(incoming, announced) : Promise.resolve(false);
}

/** Reads and drops the rest of a request's body; false when it is too large or too slow to wait for. */
function drain(incoming: IncomingMessage, announced: number): Promise<boolean> {
  if (incoming.readableEnded) return Promise.resolve(true);
  if (announced > MAX_DRAIN_BYTES) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      incoming.off('end', onEnd);
      incoming.off('close', onClose);
      resolve(drained);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(false), DRAIN_TIMEOUT_MS);
    incoming.on('end', onEnd);
    incoming.on('close', onClose);
    incoming.on('data', () => undefined);
    incoming.resume();
  });
}

/**
 * Refuses bodies over MAX_BODY_BYTES with AWS's error shape (413). A client that announced the size is
 * usually still sending the body when the answer is ready: answering and closing then would reset the
 * connection under it (a client may see the reset instead of the answer), and answering "keep-alive" without
 * reading the rest would leave the rest to be parsed as the next request. So a body of up to 32 MB is read
 * and dropped first and the connection stays usable; anything else is answered with `Connection: close`.
 */
export function limitRequestBody(): MiddlewareHandler {
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // UNVERIFIED: AWS's control-plane answer to a body over its 6 MB definition limit. 413 with a
    // RequestEntityTooLargeException type is what AWS front ends (and Lambda's RequestTooLarge) use.
    // Here the body was being read as a stream of unknown length: its rest cannot be skipped.
    onError: (c) => tooLargeAnswer(c, false),
  });
  return async (c, next) => {
    // hono's bodyLimit starts with `c.req.raw.body`, which makes @hono/node-server build a full undici
    // Request (with a web stream over the socket) for every request. Its verdict is known without that in
    // the common cases: GET/HEAD requests have no body, and a node-server request (always a body stream
    // unless GET/HEAD) with Content-Length and no Transfer-Encoding is judged by the header alone.
    // Everything else goes through bodyLimit itself.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const incoming = nodeIncoming(c);
    if (incoming) {
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        const announced = parseInt(length || '0', 10);
        if (announced <= MAX_BODY_BYTES) return next();
        return tooLargeAnswer(c, await drain(incoming, announced));
      }
    }
    return limitBody(c, next);
  };
}

// `fatal`: bytes that are not UTF-8 are refused instead of becoming U+FFFD. A leading byte-order mark is
// skipped (TextDecoder's default). See docs/aws/server-hardening.md for why both match AWS.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function readJsonBody(c: Context): Promise<JsonObject> {
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    throw new AwsError('SerializationException', 'Invalid UTF-8 in the request body');
  }
  return parseJsonBody(text);
}
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
