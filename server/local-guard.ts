// What keeps other web sites away from a server that listens on loopback. A page on any site can make the
// browser send requests to 127.0.0.1; two things stop it from using the emulator:
// - DNS rebinding (attacker.example resolving to 127.0.0.1) gives the page a same-origin view of the server,
//   but its requests carry `Host: attacker.example`: only the names the server is bound to, and names the
//   user configured, are answered.
// - A cross-site page can still send "simple" requests (a form POST, a no-cors fetch) without a preflight.
//   State-changing requests are refused when the browser marks them cross-site (Sec-Fetch-Site), when their
//   Origin is not an allowed one, and when they carry neither a JSON body type nor a SigV4 signature (a form
//   can send neither). The AWS CLI and SDKs sign every request; the dashboard signs and sends JSON.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackOrigin } from './cors';

export interface LocalGuardOptions {
  /** The address the server listens on (e.g. 127.0.0.1); its literal is an allowed host name too. */
  boundHost: string;
  /** Extra host names to answer (`name` for any port, `name:port` for one port), from --allowed-hosts. */
  allowedHosts: readonly string[];
}

type FetchHandler = (req: Request, env: unknown) => Response | Promise<Response>;

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function refusal(status: 400 | 403, message: string): Response {
  const type = status === 403 ? 'ForbiddenException' : 'BadRequestException';
  return new Response(JSON.stringify({ message, __type: type }), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': type,
      'x-amzn-requestid': randomUUID(),
    },
  });
}

function localPort(env: unknown): number | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  const incoming = env.incoming as IncomingMessage | undefined;
  return incoming?.socket?.localPort;
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Splits `name[:port]` (with `[v6]` literals); the name is lowercased. */
function splitHost(value: string): { name: string; port: string | undefined } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return m ? { name: (m[1] ?? '').toLowerCase(), port: m[2] } : undefined;
}

export function isAllowedHost(hostHeader: string | null, port: number, opts: LocalGuardOptions): boolean {
  if (!hostHeader) return false;
  const host = splitHost(hostHeader);
  if (!host) return false;
  const portMatches = host.port === String(port) || (host.port === undefined && port === 80);
  const bound = [...LOOPBACK_NAMES, bracketed(opts.boundHost).toLowerCase()];
  if (portMatches && bound.includes(host.name)) return true;
  return opts.allowedHosts.some((entry) => {
    const allowed = splitHost(entry);
    if (!allowed || allowed.name !== host.name) return false;
    return allowed.port === undefined || allowed.port === (host.port ?? '80');
  });
}

function isJsonContentType(value: string | null): boolean {
  const type = (value ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/(?:x-amz-json-1\.[01]|[a-z0-9.+-]+\+json)$/.test(type);
}

/** Why a state-changing request looks like it came from another site, or undefined when it does not. */
export function crossSiteReason(req: Request, isAllowedOriginHost: (host: string) => boolean): string | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  const h = req.headers;
  if (h.get('sec-fetch-site') === 'cross-site') return 'The browser marked this request as cross-site.';
  const origin = h.get('origin');
  if (origin !== null) {
    let allowed = false;
    if (origin !== 'null') {
      try {
        const u = new URL(origin);
        allowed = isLoopbackOrigin(origin) || isAllowedOriginHost(u.host);
      } catch {
        allowed = false;
      }
    }
    if (!allowed) return `Requests from origin ${origin} are not accepted.`;
  }
  const signed = /^AWS4-HMAC-SHA256 /.test(h.get('authorization') ?? '');
  if (!signed && !isJsonContentType(h.get('content-type'))) {
    const hasBody = h.has('content-length') ? h.get('content-length') !== '0' : h.has('transfer-encoding');
    // A body-less PUT/PATCH/DELETE cannot come from a form or a no-cors fetch (those send GET or POST only).
    if (req.method === 'POST' || hasBody)
      return 'A state-changing request needs a JSON Content-Type or a SigV4 Authorization header.';
  }
  return undefined;
}

/** Wraps a server's fetch handler with the Host and cross-site checks. */
export function guardLocal(handler: FetchHandler, opts: LocalGuardOptions): FetchHandler {
  return (req, env) => {
    const port = localPort(env);
    if (port !== undefined) {
      const host = req.headers.get('host');
      if (!isAllowedHost(host, port, opts)) {
        return refusal(
          403,
          `This server does not answer for the host name ${JSON.stringify(host ?? '')}. Start it with --allowed-hosts to allow a name.`,
        );
      }
      const reason = crossSiteReason(req, (originHost) => isAllowedHost(originHost, port, opts));
      if (reason) return refusal(403, `Cross-site request refused: ${reason}`);
    }
    return handler(req, env);
  };
}
