// Same-origin forwarding route (/__forward): lets the browser reach targets that break CORS (moto's preflight
// goes to its S3 backend and fails, see docs/aws/moto.md). The client signs for the *target* URL and names the target
// in the `x-forward-target` header; this route only relays, leaving Authorization and x-amz-* untouched, so the
// signature stays valid. It is never an open relay: the target must match the allowlist.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { drainRefusedBody } from './http';

export const FORWARD_TARGET_HEADER = 'x-forward-target';

/**
 * Allowlist entries: `host:port` allows http and https to that port; a bare host (`127.0.0.1`) allows any port;
 * `https://apigateway.*.amazonaws.com` restricts the scheme (and the port to the scheme's default unless one is
 * given), and `*` matches exactly one DNS label. The default names the loopback ports of the local targets the
 * dashboard has presets for, moto_server (5000) and LocalStack (4566), not every loopback port: a page that
 * reached this route could otherwise drive any local service.
 */
export const defaultForwardAllowlist: readonly string[] = [
  '127.0.0.1:5000',
  'localhost:5000',
  '[::1]:5000',
  '127.0.0.1:4566',
  'localhost:4566',
  '[::1]:4566',
  'https://apigateway.*.amazonaws.com',
];

/** Requests relayed are control-plane calls: the same 6 MB bound as the emulator's (AWS's request limit). */
export const MAX_FORWARD_REQUEST_BYTES = 6 * 1024 * 1024;
/** Answers are streamed, so this bounds time and bandwidth rather than memory. */
export const MAX_FORWARD_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface ForwardOptions {
  allowlist: string[];
  /** Where the app is mounted; the prefix is stripped from the forwarded path. */
  mountPath?: string;
  /** Upstream time limit. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

// RFC 9110 section 7.6.1 hop-by-hop headers, plus headers that must be recomputed for the new connection.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

// The app's own cookies and browser context have no business at the target.
const NOT_FORWARDED_REQUEST = new Set([
  'cookie',
  'origin',
  'referer',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  FORWARD_TARGET_HEADER,
]);
// fetch already decoded the body, so the encoding and length no longer describe it.
const NOT_FORWARDED_RESPONSE = new Set(['content-encoding', 'content-length', 'set-cookie']);

function connectionTokens(headers: Headers): Set<string> {
  const tokens = new Set<string>();
  for (const t of (headers.get('connection') ?? '').split(',')) {
    const v = t.trim().toLowerCase();
    if (v) tokens.add(v);
  }
  return tokens;
}

function hostMatches(pattern: string, hostname: string): boolean {
  const p = pattern.toLowerCase().split('.');
  const h = hostname.toLowerCase().split('.');
  if (p.length !== h.length) return false;
  return p.every((label, i) => (label === '*' ? /^[a-z0-9-]+$/.test(h[i] ?? '') : label === h[i]));
}

const defaultPort = (protocol: string) => (protocol === 'https:' ? '443' : '80');

export function isAllowedTarget(target: URL, allowlist: readonly string[]): boolean {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.username || target.password) return false;
  const targetPort = target.port || defaultPort(target.protocol);
  return allowlist.some((entry) => {
    const m = /^(?:(https?):\/\/)?(\[[0-9a-fA-F:.]+\]|[^:/[\]]+)(?::(\d{1,5}))?$/.exec(entry.trim());
    if (!m) return false;
    const [, scheme, host = '', port] = m;
    if (scheme !== undefined && target.protocol !== `${scheme}:`) return false;
    if (port !== undefined && port !== targetPort) return false;
    if (port === undefined && scheme !== undefined && targetPort !== defaultPort(target.protocol)) return false;
    return hostMatches(host, target.hostname);
  });
}

function jsonError(c: Context, status: 400 | 403 | 413 | 502 | 504, code: string, message: string) {
  // Same shape as an AWS error so the client reports it like any other typed error.
  return c.json({ __type: code, message }, status, { 'x-amzn-errortype': code });
}

/** Parses the target header: an http(s) origin with an optional base path, nothing else. */
function parseTarget(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.search || url.hash || url.username || url.password) return undefined;
  return url;
}

/**
 * AWS's shape for an oversized request. Refused by its Content-Length, its body is read and dropped first so
 * the connection stays usable (see limitRequestBody); refused while streaming, the connection closes.
 */
async function tooLarge(c: Context, announced: number | undefined): Promise<Response> {
  const keepAlive = announced !== undefined && (await drainRefusedBody(c, announced));
  if (!keepAlive) c.header('Connection', 'close');
  return jsonError(
    c,
    413,
    'RequestEntityTooLargeException',
    `Request must be smaller than ${MAX_FORWARD_REQUEST_BYTES} bytes for the operation`,
  );
}

/** Reads a request body up to `limit` bytes; undefined when it is larger (reading stops there). */
async function readBounded(req: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Passes a body through, cutting it off (and the upstream request) past `limit` bytes. */
function capped(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  upstream: AbortController,
): ReadableStream<Uint8Array> | null {
  if (!body) return null;
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        size += chunk.byteLength;
        if (size > limit) {
          upstream.abort();
          out.error(new Error('answer too large to relay'));
          return;
        }
        out.enqueue(chunk);
      },
    }),
  );
}

export function createForwardApp(opts: ForwardOptions): Hono {
  const mountPath = (opts.mountPath ?? '/__forward').replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const doFetch: typeof fetch = opts.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const app = new Hono();

  app.all('*', async (c) => {
    // An absolute-form request line (`GET http://elsewhere/ HTTP/1.1`) is how a client would try to make a
    // relay use its own idea of the destination: refuse it outright rather than reason about which URL wins.
    const env: unknown = c.env;
    const incomingUrl =
      env &&
      typeof env === 'object' &&
      'incoming' in env &&
      env.incoming &&
      typeof env.incoming === 'object' &&
      'url' in env.incoming
        ? env.incoming.url
        : undefined;
    if (typeof incomingUrl === 'string' && !incomingUrl.startsWith('/')) {
      return jsonError(
        c,
        400,
        'BadRequestException',
        'Absolute request URLs are not accepted by the forwarding route.',
      );
    }

    // The Host header is never used to pick the destination; only the explicit target header is.
    const target = parseTarget(c.req.header(FORWARD_TARGET_HEADER));
    if (!target) {
      return jsonError(
        c,
        400,
        'BadRequestException',
        `Missing or invalid ${FORWARD_TARGET_HEADER} header (expected an http(s) origin).`,
      );
    }
    if (!isAllowedTarget(target, opts.allowlist)) {
      return jsonError(c, 403, 'ForwardingNotAllowed', `Forwarding to ${target.host} is not allowed.`);
    }

    const reqUrl = new URL(c.req.url);
    let rest = reqUrl.pathname;
    if (rest === mountPath || rest.startsWith(`${mountPath}/`)) rest = rest.slice(mountPath.length);
    if (!rest.startsWith('/')) rest = `/${rest}`;
    // String concatenation, not `new URL(rest, target)`: a path like `//evil.example/x` must stay a path.
    const basePath = target.pathname.replace(/\/+$/, '');
    let upstream: URL;
    try {
      upstream = new URL(`${target.origin}${basePath}${rest}${reqUrl.search}`);
    } catch {
      return jsonError(c, 400, 'BadRequestException', 'Invalid forwarded path.');
    }
    if (upstream.origin !== target.origin) {
      return jsonError(c, 400, 'BadRequestException', 'The forwarded path must not change the target.');
    }

    const incoming = c.req.raw.headers;
    const dropped = connectionTokens(incoming);
    const headers = new Headers();
    incoming.forEach((value, key) => {
      const k = key.toLowerCase();
      if (HOP_BY_HOP.has(k) || NOT_FORWARDED_REQUEST.has(k) || dropped.has(k)) return;
      headers.set(key, value);
    });

    const method = c.req.method;
    let body: Uint8Array | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      const announced = Number(c.req.header('content-length') ?? 'NaN');
      if (announced > MAX_FORWARD_REQUEST_BYTES) return tooLarge(c, announced);
      body = await readBounded(c.req.raw, MAX_FORWARD_REQUEST_BYTES);
      if (body === undefined) return tooLarge(c, undefined);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(upstream, {
        method,
        headers,
        body: body && body.byteLength > 0 ? (body as Uint8Array<ArrayBuffer>) : undefined,
        // A redirect could lead anywhere; hand it to the client instead of following it here.
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch {
      clearTimeout(timer);
      if (controller.signal.aborted)
        return jsonError(c, 504, 'ForwardingTimeout', `No answer from ${target.host} in time.`);
      return jsonError(c, 502, 'ForwardingFailed', `Could not reach ${target.host}.`);
    }
    clearTimeout(timer);
    const announced = Number(response.headers.get('content-length') ?? '0');
    if (announced > MAX_FORWARD_RESPONSE_BYTES) {
      controller.abort();
      return jsonError(c, 502, 'ForwardingFailed', `The answer from ${target.host} is too large to relay.`);
    }

    const out = new Headers();
    const droppedOut = connectionTokens(response.headers);
    response.headers.forEach((value, key) => {
      const k = key.toLowerCase();
      if (HOP_BY_HOP.has(k) || NOT_FORWARDED_RESPONSE.has(k) || droppedOut.has(k)) return;
      out.set(key, value);
    });
    const nullBody = response.status === 204 || response.status === 304 || method === 'HEAD';
    if (nullBody) void response.body?.cancel();
    // Streamed through: a large answer passes in chunks, at the pace the client reads them.
    return new Response(nullBody ? null : capped(response.body, MAX_FORWARD_RESPONSE_BYTES, controller), {
      status: response.status,
      statusText: response.statusText,
      headers: out,
    });
  });

  return app;
}
