// The transport under the API Gateway client: builds the URL, signs with SigV4 for the target (so a forwarded
// request stays valid), sends with a timeout, retries what is safe to retry, and turns answers into data or ApiError.
import { AwsClient } from 'aws4fetch';
import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import {
  abortedError,
  envelopeError,
  errorMessageOf,
  errorTypeOf,
  isEnvelope,
  isThrottle,
  parseRetryAfter,
  parseWith,
  throwUnparseable,
} from './aws-errors';
import type { Credentials } from './connection';
import { resolveEndpoint } from './connection';
import { beginThrottleWait } from './throttle-waits';

/** Header that tells the project's /__forward route where to send the request (origin + optional base path). */
export const FORWARD_TARGET_HEADER = 'x-forward-target';

export type CallOptions = {
  signal?: AbortSignal;
  /** Called before each wait caused by throttling (429), with its length; the request is retried after it. */
  onThrottled?: (waitMs: number) => void;
};
export type PagingOptions = CallOptions & { onProgress?: (loaded: number) => void };

export interface ClientOptions {
  endpoint: string;
  region: string;
  credentials?: Credentials;
  forwardThrough?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  /**
   * Retries of a throttled request (429). A throttled request was refused before anything was done, so it is always
   * safe to send again; AWS's control plane allows a few requests a second per account and CreateDeployment one
   * every 5 seconds (docs/aws/throttling.md), so a busy page meets it routinely and waits instead of failing.
   */
  maxThrottleRetries?: number;
  /** Base of the exponential backoff; tests shorten it. */
  retryBaseMs?: number;
  /** Fixed signing time (`YYYYMMDDTHHMMSSZ`), for reproducible signatures in tests. */
  signingDatetime?: string;
}

export interface DescribedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** A body sent as it is instead of as JSON (ImportRestApi's OpenAPI file), with its Content-Type. */
  rawBody?: { text: string; contentType: string };
  /** The Accept header (default application/json); GetExport answers YAML for application/yaml. */
  accept?: string;
  /** 'text': a successful answer is returned as its text, not parsed (GetExport's file). */
  answerAs?: 'json' | 'text';
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_THROTTLE_RETRIES = 40;
const DEFAULT_RETRY_BASE_MS = 250;
const MAX_BACKOFF_MS = 10_000;
// moto routes by the SigV4 credential scope and never checks the signature, and the embedded emulator ignores
// it: an unsigned request would land on moto's S3 backend, so anonymous calls are signed with dummy keys.
const DUMMY_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function seg(value: string): string {
  return rfc3986(value);
}

function isIdempotent(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal.reason));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface Transport {
  /** Sends with retries; resolves to the parsed JSON body (or undefined for an empty one). */
  send(spec: RequestSpec, callOpts: CallOptions | undefined): Promise<unknown>;
  /** Sends and validates the answer with `schema`. */
  call<S extends z.ZodMiniType>(spec: RequestSpec, schema: S, callOpts: CallOptions | undefined): Promise<z.output<S>>;
  /** The exact request `spec` would send, with Authorization and tokens redacted. */
  describe(spec: RequestSpec): Promise<DescribedRequest>;
}

export function createTransport(opts: ClientOptions): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxThrottleRetries = opts.maxThrottleRetries ?? DEFAULT_MAX_THROTTLE_RETRIES;
  const retryBaseMs = opts.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const credentials = opts.credentials?.accessKeyId ? opts.credentials : DUMMY_CREDENTIALS;
  const signer = new AwsClient({
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken || undefined,
    service: 'apigateway',
    region: opts.region,
    // aws4fetch retries on its own when used as a fetch; it is only used to sign here.
    retries: 0,
  });
  const doFetch: typeof fetch = opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));

  function targetBase(): string {
    const resolved = resolveEndpoint(opts.endpoint, opts.region);
    if (resolved !== '') return resolved;
    // Read through globalThis so this module also typechecks for Node tests (no DOM lib there).
    const loc: unknown = Reflect.get(globalThis, 'location');
    const origin =
      loc && typeof loc === 'object' && 'origin' in loc && typeof loc.origin === 'string' ? loc.origin : undefined;
    if (!origin) {
      throw new ApiError({ kind: 'network', message: 'No endpoint configured and no page origin to fall back to.' });
    }
    return origin;
  }

  function buildUrl(spec: RequestSpec): string {
    const base = targetBase();
    let url: URL;
    try {
      url = new URL(base + spec.path);
    } catch {
      throw new ApiError({ kind: 'network', message: `The endpoint "${base}" is not a valid URL.` });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ApiError({ kind: 'network', message: `The endpoint must start with http:// or https://.` });
    }
    // RFC 3986 encoding (%20, not URLSearchParams' '+'): the signature's canonical query must match what the
    // server reconstructs from the raw URL, and '+' is read differently by different servers.
    const query = Object.entries(spec.query ?? {})
      .filter((e): e is [string, string] => e[1] !== undefined)
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
      .join('&');
    url.search = query;
    return url.toString();
  }

  /** Signs for the *target* URL so that the signature stays valid when the request is forwarded. */
  async function signedRequest(
    spec: RequestSpec,
  ): Promise<{ url: string; headers: Headers; body: string | undefined }> {
    const url = buildUrl(spec);
    const body = spec.rawBody ? spec.rawBody.text : spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const headers: Record<string, string> = { accept: spec.accept ?? 'application/json' };
    if (body !== undefined) headers['content-type'] = spec.rawBody?.contentType ?? 'application/json';
    const signed = await signer.sign(url, {
      method: spec.method,
      headers,
      body,
      // Signing Accept and Content-Type too, as botocore and the JS SDK do.
      aws: { allHeaders: true, ...(opts.signingDatetime ? { datetime: opts.signingDatetime } : {}) },
    });
    return { url, headers: new Headers(signed.headers), body };
  }

  function wireTarget(url: string): { fetchUrl: string; extraHeaders: Record<string, string> } {
    if (!opts.forwardThrough) return { fetchUrl: url, extraHeaders: {} };
    const u = new URL(url);
    const base = targetBase();
    const basePath = new URL(base).pathname.replace(/\/+$/, '');
    const rest = u.pathname.slice(basePath.length) + u.search;
    return {
      fetchUrl: `${opts.forwardThrough.replace(/\/+$/, '')}${rest}`,
      extraHeaders: { [FORWARD_TARGET_HEADER]: base },
    };
  }

  async function attempt(spec: RequestSpec, signal: AbortSignal | undefined): Promise<unknown> {
    const req = await signedRequest(spec);
    const { fetchUrl, extraHeaders } = wireTarget(req.url);
    for (const [k, v] of Object.entries(extraHeaders)) req.headers.set(k, v);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const failure = (cause: unknown): ApiError => {
      if (signal?.aborted) return abortedError(cause);
      if (timedOut) {
        return new ApiError({
          kind: 'timeout',
          message: `No answer within ${Math.round(timeoutMs / 1000)} s.`,
          retryable: true,
          cause,
        });
      }
      return new ApiError({
        kind: 'network',
        message: 'The request could not be completed (server unreachable, connection reset, or blocked by CORS).',
        retryable: true,
        cause,
      });
    };

    try {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(fetchUrl, {
          method: spec.method,
          headers: req.headers,
          body: req.body,
          signal: controller.signal,
        });
        text = await response.text();
      } catch (e) {
        throw failure(e);
      }
      return interpret(spec, response, text);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function interpret(spec: RequestSpec, response: Response, text: string): unknown {
    const status = response.status;
    const requestId = response.headers.get('x-amzn-requestid') ?? response.headers.get('x-amz-request-id') ?? undefined;
    let body: unknown = undefined;
    let parsed = false;
    // Content-Type is not trusted: moto labels JSON as text/html.
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
        parsed = true;
      } catch {
        parsed = false;
      }
    }

    if (response.ok && spec.answerAs === 'text') return text;
    if (response.ok) {
      if (parsed && isEnvelope(body)) {
        if (!body.success) throw envelopeError(body.error, status, requestId);
        return body.data;
      }
      if (text.trim() === '') return undefined;
      if (!parsed)
        throwUnparseable(
          `The server answered HTTP ${status} with a body that is not JSON.`,
          '(body)',
          status,
          requestId,
        );
      return body;
    }

    if (parsed && isEnvelope(body) && !body.success) throw envelopeError(body.error, status, requestId);
    const errorType = errorTypeOf(response.headers, parsed ? body : undefined);
    const message =
      (parsed ? errorMessageOf(body) : undefined) ??
      (parsed
        ? `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`
        : `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}: the server did not send an API Gateway error body.`);
    // The forwarding route reports its own transport failures; to the UI they are the same as a direct one.
    if (errorType === 'ForwardingFailed' || errorType === 'ForwardingTimeout') {
      throw new ApiError({
        kind: errorType === 'ForwardingTimeout' ? 'timeout' : 'network',
        status,
        message,
        retryable: isIdempotent(spec.method),
      });
    }
    const throttled = isThrottle(errorType, status);
    throw new ApiError({
      kind: 'aws',
      errorType,
      status,
      requestId,
      message,
      retryable: throttled || (status >= 500 && isIdempotent(spec.method)),
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  async function send(spec: RequestSpec, callOpts: CallOptions | undefined): Promise<unknown> {
    const signal = callOpts?.signal;
    let retries = 0;
    let throttleRetries = 0;
    for (;;) {
      if (signal?.aborted) throw abortedError(signal.reason);
      try {
        return await attempt(spec, signal);
      } catch (e) {
        const err =
          e instanceof ApiError
            ? e
            : new ApiError({ kind: 'network', message: e instanceof Error ? e.message : 'Request failed.', cause: e });
        const throttled = err.kind === 'aws' && isThrottle(err.errorType, err.status);
        const transient =
          (err.kind === 'network' || err.kind === 'timeout' || (err.kind === 'aws' && (err.status ?? 0) >= 500)) &&
          isIdempotent(spec.method);
        if (!(throttled || transient)) {
          if (err.kind === 'network' || err.kind === 'timeout' || (err.kind === 'aws' && (err.status ?? 0) >= 500))
            err.retryable = isIdempotent(spec.method);
          throw err;
        }
        if (throttled) {
          if (throttleRetries >= maxThrottleRetries) throw err;
          // The server said when a token is due: wait that long, plus a little jitter so that requests refused
          // together do not all come back in the same millisecond. Without Retry-After: exponential full jitter.
          const delay =
            err.retryAfterMs !== undefined
              ? err.retryAfterMs + Math.random() * retryBaseMs
              : Math.random() * Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** throttleRetries);
          throttleRetries += 1;
          callOpts?.onThrottled?.(delay);
          const end = beginThrottleWait();
          try {
            await sleep(delay, signal);
          } finally {
            end();
          }
          continue;
        }
        if (retries >= maxRetries) throw err;
        // Full jitter: a random delay in [0, base·2^n], but never less than what Retry-After asks for.
        const backoff = Math.random() * Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** retries);
        retries += 1;
        await sleep(Math.max(backoff, err.retryAfterMs ?? 0), signal);
      }
    }
  }

  async function call<S extends z.ZodMiniType>(
    spec: RequestSpec,
    schema: S,
    callOpts: CallOptions | undefined,
  ): Promise<z.output<S>> {
    const raw = await send(spec, callOpts);
    // No status/requestId here: parsing of a 2xx body; they are not needed to explain a shape problem.
    return parseWith(schema, raw, 200, undefined);
  }

  async function describe(spec: RequestSpec): Promise<DescribedRequest> {
    const req = await signedRequest(spec);
    const headers: Record<string, string> = {};
    req.headers.forEach((value, key) => {
      headers[key] = redactHeader(key, value);
    });
    headers.host = new URL(req.url).host;
    return { method: spec.method, url: req.url, headers, body: req.body ?? '' };
  }

  return { send, call, describe };
}

/** Keeps what helps a reader (scope, signed header names), drops what is secret or identifying. */
function redactHeader(key: string, value: string): string {
  const k = key.toLowerCase();
  if (k === 'authorization') {
    return value
      .replace(/Credential=[^/,\s]+\//, 'Credential=<access key id>/')
      .replace(/Signature=[0-9a-f]+/i, 'Signature=<redacted>');
  }
  if (k === 'x-amz-security-token') return '<redacted>';
  return value;
}
