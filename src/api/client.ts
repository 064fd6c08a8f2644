// The typed API Gateway (REST v1) client: the only place in the app that calls fetch.
import { AwsClient } from 'aws4fetch';
import type * as z from 'zod/mini';
import { ApiError } from './api-error';
import type { Credentials } from './connection';
import { resolveEndpoint } from './connection';
import {
  deploymentSchema,
  integrationResponseSchema,
  integrationSchema,
  methodResponseSchema,
  methodSchema,
  resourcePageSchema,
  resourceSchema,
  restApiPageSchema,
  restApiSchema,
  stagesSchema,
  testInvokeSchema,
} from './models';
import type {
  Deployment,
  Stage,
  TestInvokeRequest,
  TestInvokeResult,
  Integration,
  IntegrationResponse,
  IntegrationResponseInput,
  Method,
  MethodResponse,
  Page,
  PatchOperation,
  Resource,
  RestApi,
} from './models';

/** Header that tells the project's /__forward route where to send the request (origin + optional base path). */
export const FORWARD_TARGET_HEADER = 'x-forward-target';

export type CallOptions = { signal?: AbortSignal };
export type PagingOptions = CallOptions & { onProgress?: (loaded: number) => void };

export interface ClientOptions {
  endpoint: string;
  region: string;
  credentials?: Credentials;
  forwardThrough?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
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

export interface ApiGatewayClient {
  getRestApis(params?: { limit?: number; position?: string }, opts?: CallOptions): Promise<Page<RestApi>>;
  getAllRestApis(opts?: PagingOptions): Promise<RestApi[]>;
  getRestApi(restApiId: string, opts?: CallOptions): Promise<RestApi>;
  getResources(
    restApiId: string,
    params?: { limit?: number; position?: string; embedMethods?: boolean },
    opts?: CallOptions,
  ): Promise<Page<Resource>>;
  getAllResources(restApiId: string, opts?: PagingOptions & { embedMethods?: boolean }): Promise<Resource[]>;
  getResource(restApiId: string, resourceId: string, opts?: CallOptions): Promise<Resource>;
  getMethod(restApiId: string, resourceId: string, httpMethod: string, opts?: CallOptions): Promise<Method>;
  getMethodResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    opts?: CallOptions,
  ): Promise<MethodResponse>;
  putMethodResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    body: { responseParameters?: Record<string, boolean>; responseModels?: Record<string, string> },
    opts?: CallOptions,
  ): Promise<MethodResponse>;
  updateMethodResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    patchOperations: PatchOperation[],
    opts?: CallOptions,
  ): Promise<MethodResponse>;
  getIntegration(restApiId: string, resourceId: string, httpMethod: string, opts?: CallOptions): Promise<Integration>;
  getIntegrationResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    opts?: CallOptions,
  ): Promise<IntegrationResponse>;
  putIntegrationResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    body: IntegrationResponseInput,
    opts?: CallOptions,
  ): Promise<IntegrationResponse>;
  updateIntegrationResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    patchOperations: PatchOperation[],
    opts?: CallOptions,
  ): Promise<IntegrationResponse>;
  deleteIntegrationResponse(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    opts?: CallOptions,
  ): Promise<void>;
  createDeployment(
    restApiId: string,
    body: { stageName?: string; stageDescription?: string; description?: string; variables?: Record<string, string> },
    opts?: CallOptions,
  ): Promise<Deployment>;
  getStages(restApiId: string, params?: { deploymentId?: string }, opts?: CallOptions): Promise<Stage[]>;
  testInvokeMethod(
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    body: TestInvokeRequest,
    opts?: CallOptions,
  ): Promise<TestInvokeResult>;
  /** The exact request a call would send (for the review step), with Authorization and tokens redacted. */
  describeRequest(
    op: 'putIntegrationResponse',
    args: {
      restApiId: string;
      resourceId: string;
      httpMethod: string;
      statusCode: string;
      body: IntegrationResponseInput;
    },
  ): Promise<DescribedRequest>;
}

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

interface RequestSpec {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 250;
const MAX_BACKOFF_MS = 10_000;
const MAX_PAGES = 10_000;

// moto routes by the SigV4 credential scope and never checks the signature, and the embedded emulator ignores
// it: an unsigned request would land on moto's S3 backend, so anonymous calls are signed with dummy keys.
const DUMMY_CREDENTIALS: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function seg(value: string): string {
  return rfc3986(value);
}

function methodPath(restApiId: string, resourceId: string, httpMethod: string): string {
  return `/restapis/${seg(restApiId)}/resources/${seg(resourceId)}/methods/${seg(httpMethod)}`;
}

function isIdempotent(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

function isThrottle(errorType: string | undefined, status: number | undefined): boolean {
  return (
    errorType === 'TooManyRequestsException' ||
    errorType === 'LimitExceededException' ||
    (errorType === undefined && status === 429)
  );
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

function abortedError(cause: unknown): ApiError {
  return new ApiError({ kind: 'aborted', message: 'The request was cancelled.', cause });
}

/** Field path in the form `item[0].resourceMethods.GET.httpMethod`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(body)';
}

function parseWith<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  status: number,
  requestId: string | undefined,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? formatPath(issue.path) : '(body)';
  // zod/mini ships no locale, so its messages are a bare "Invalid input"; the expected type is what a reader needs.
  const message = issue?.code === 'invalid_type' ? `expected ${issue.expected}` : (issue?.message ?? 'invalid');
  return throwUnparseable(`Unexpected response shape at "${field}": ${message}`, field, status, requestId);
}

function throwUnparseable(message: string, field: string, status: number, requestId: string | undefined): never {
  throw new ApiError({ kind: 'unparseable', message, field, status, requestId, retryable: false });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `X-Amzn-ErrorType` first (botocore splits on ':'), then body `__type` (may be `ns#Type`), then `code`. */
function errorTypeOf(headers: Headers, body: unknown): string | undefined {
  const header = headers.get('x-amzn-errortype');
  if (header) return header.split(':')[0]?.trim() || undefined;
  if (!isRecord(body)) return undefined;
  const t = str(body.__type);
  if (t) return t.split('#').pop()?.split(':')[0];
  return str(body.code) ?? str(body.Code);
}

// UNVERIFIED (docs/aws/wire-format.md, "Errors"): the key for the unmodeled ValidationException/SerializationException may be `Message`.
function errorMessageOf(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  return str(body.message) ?? str(body.Message);
}

/** The success/error envelope of the operation reference page: `{success, data}` / `{success:false, error}`. */
function isEnvelope(body: unknown): body is { success: boolean; data?: unknown; error?: unknown } {
  return isRecord(body) && typeof body.success === 'boolean' && ('data' in body || 'error' in body);
}

export function createApiGatewayClient(opts: ClientOptions): ApiGatewayClient {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = opts.maxRetries ?? DEFAULT_MAX_RETRIES;
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
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
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

  function envelopeError(error: unknown, status: number, requestId: string | undefined): ApiError {
    const code = isRecord(error) ? (str(error.code) ?? str(error.type)) : undefined;
    const message =
      (isRecord(error) ? (str(error.message) ?? str(error.Message)) : undefined) ?? 'The server reported an error.';
    return new ApiError({
      kind: 'aws',
      errorType: code,
      status,
      requestId,
      message,
      retryable: isThrottle(code, status),
    });
  }

  async function send(spec: RequestSpec, callOpts: CallOptions | undefined): Promise<unknown> {
    const signal = callOpts?.signal;
    for (let n = 0; ; n++) {
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
        if (n >= maxRetries) throw err;
        // Full jitter: a random delay in [0, base·2^n], but never less than what Retry-After asks for.
        const backoff = Math.random() * Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** n);
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

  async function collectAll<T>(
    fetchPage: (position: string | undefined) => Promise<Page<T>>,
    keyOf: (item: T) => string,
    onProgress: ((loaded: number) => void) | undefined,
  ): Promise<T[]> {
    const seenPositions = new Set<string>();
    const items = new Map<string, T>();
    let position: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await fetchPage(position);
      // Servers that ignore `position` return the same items again: keyed by id, repeats are harmless.
      for (const item of page.items) items.set(keyOf(item), item);
      onProgress?.(items.size);
      if (!page.position || seenPositions.has(page.position)) break;
      seenPositions.add(page.position);
      position = page.position;
    }
    return [...items.values()];
  }

  const client: ApiGatewayClient = {
    getRestApis: (params, o) =>
      call(
        { method: 'GET', path: '/restapis', query: { limit: params?.limit?.toString(), position: params?.position } },
        restApiPageSchema(),
        o,
      ),
    getAllRestApis: (o) =>
      collectAll(
        (position) => client.getRestApis({ limit: 500, position }, o),
        (a) => a.id,
        o?.onProgress,
      ),
    getRestApi: (id, o) => call({ method: 'GET', path: `/restapis/${seg(id)}` }, restApiSchema(), o),
    getResources: (id, params, o) =>
      call(
        {
          method: 'GET',
          path: `/restapis/${seg(id)}/resources`,
          query: {
            limit: params?.limit?.toString(),
            position: params?.position,
            embed: params?.embedMethods ? 'methods' : undefined,
          },
        },
        resourcePageSchema(),
        o,
      ) as Promise<Page<Resource>>,
    getAllResources: (id, o) =>
      collectAll(
        (position) => client.getResources(id, { limit: 500, position, embedMethods: o?.embedMethods }, o),
        (r) => r.id,
        o?.onProgress,
      ),
    getResource: (id, resId, o) =>
      call(
        { method: 'GET', path: `/restapis/${seg(id)}/resources/${seg(resId)}` },
        resourceSchema(),
        o,
      ) as Promise<Resource>,
    getMethod: (id, resId, m, o) =>
      call({ method: 'GET', path: methodPath(id, resId, m) }, methodSchema(), o) as Promise<Method>,
    getMethodResponse: (id, resId, m, sc, o) =>
      call({ method: 'GET', path: `${methodPath(id, resId, m)}/responses/${seg(sc)}` }, methodResponseSchema(), o),
    putMethodResponse: (id, resId, m, sc, body, o) =>
      call(
        { method: 'PUT', path: `${methodPath(id, resId, m)}/responses/${seg(sc)}`, body },
        methodResponseSchema(),
        o,
      ),
    updateMethodResponse: (id, resId, m, sc, patchOperations, o) =>
      call(
        { method: 'PATCH', path: `${methodPath(id, resId, m)}/responses/${seg(sc)}`, body: { patchOperations } },
        methodResponseSchema(),
        o,
      ),
    getIntegration: async (id, resId, m, o) => {
      const raw = await send({ method: 'GET', path: `${methodPath(id, resId, m)}/integration` }, o);
      // moto answers 200 `{}` when the method has no integration (docs/aws/moto.md); AWS answers 404. Report what
      // AWS would, so screens handle one case.
      if (isRecord(raw) && Object.keys(raw).length === 0) {
        throw new ApiError({
          kind: 'aws',
          errorType: 'NotFoundException',
          status: 404,
          message: 'Invalid Integration identifier specified',
        });
      }
      return parseWith(integrationSchema(), raw, 200, undefined) as Integration;
    },
    getIntegrationResponse: (id, resId, m, sc, o) =>
      call(
        { method: 'GET', path: `${methodPath(id, resId, m)}/integration/responses/${seg(sc)}` },
        integrationResponseSchema(),
        o,
      ) as Promise<IntegrationResponse>,
    putIntegrationResponse: (id, resId, m, sc, body, o) =>
      call(
        { method: 'PUT', path: `${methodPath(id, resId, m)}/integration/responses/${seg(sc)}`, body },
        integrationResponseSchema(),
        o,
      ) as Promise<IntegrationResponse>,
    updateIntegrationResponse: (id, resId, m, sc, patchOperations, o) =>
      call(
        {
          method: 'PATCH',
          path: `${methodPath(id, resId, m)}/integration/responses/${seg(sc)}`,
          body: { patchOperations },
        },
        integrationResponseSchema(),
        o,
      ) as Promise<IntegrationResponse>,
    deleteIntegrationResponse: async (id, resId, m, sc, o) => {
      await send({ method: 'DELETE', path: `${methodPath(id, resId, m)}/integration/responses/${seg(sc)}` }, o);
    },
    createDeployment: (id, body, o) =>
      call({ method: 'POST', path: `/restapis/${seg(id)}/deployments`, body }, deploymentSchema(), o),
    getStages: async (id, params, o) =>
      (
        await call(
          { method: 'GET', path: `/restapis/${seg(id)}/stages`, query: { deploymentId: params?.deploymentId } },
          stagesSchema(),
          o,
        )
      ).items,
    testInvokeMethod: (id, resId, m, body, o) =>
      call({ method: 'POST', path: methodPath(id, resId, m), body }, testInvokeSchema(), o),
    describeRequest: async (_op, a) => {
      const req = await signedRequest({
        method: 'PUT',
        path: `${methodPath(a.restApiId, a.resourceId, a.httpMethod)}/integration/responses/${seg(a.statusCode)}`,
        body: a.body,
      });
      const headers: Record<string, string> = {};
      req.headers.forEach((value, key) => {
        headers[key] = redactHeader(key, value);
      });
      headers.host = new URL(req.url).host;
      return { method: 'PUT', url: req.url, headers, body: req.body ?? '' };
    },
  };
  return client;
}

/** `Retry-After` in seconds (AWS) or as an HTTP date; capped so a hostile value cannot stall the app. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 60_000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 60_000));
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
