// Response headers that limit what a page of the SPA may do if hostile data ever got rendered as markup: a
// Content-Security-Policy allowing only what the app needs, plus nosniff and no-referrer.
import type { MiddlewareHandler } from 'hono';

/**
 * Regions whose API Gateway endpoint the browser may call directly. Kept in step with the regions the
 * Connection page offers (src/api/connection.ts `awsCommercialRegions`; e2e/hardening.spec.ts checks that
 * every one of them is allowed). The server may not import src/api, hence the copy.
 */
export const cspAwsRegions: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'mx-central-1',
  'me-south-1', 'me-central-1',
  'sa-east-1',
];

export interface SecurityHeadersOptions {
  /** Regions whose `https://apigateway.<region>.amazonaws.com` the page may fetch. Default: cspAwsRegions. */
  awsRegions?: readonly string[];
  /** Further origins for connect-src (e.g. `https://gw.example.com`). */
  extraConnectSrc?: readonly string[];
}

/**
 * The endpoint is chosen at run time in the browser (Connection page), so connect-src cannot name one
 * server: it allows the app's origin (embedded emulator, /__forward), every API Gateway regional endpoint
 * and loopback origins on any port (LocalStack, moto, a second emulator). CSP host-sources allow a wildcard
 * only as the leftmost label, so `https://apigateway.*.amazonaws.com` is spelled out per region rather than
 * widened to `*.amazonaws.com` (which would also allow any S3 bucket host). IPv6 loopback (`[::1]`) cannot be
 * written in a CSP source expression at all; such a target works through the forwarding route ('self').
 */
export function contentSecurityPolicy(options: SecurityHeadersOptions = {}): string {
  const regions = options.awsRegions ?? cspAwsRegions;
  const connect = [
    "'self'",
    ...regions.map((r) => `https://apigateway.${r}.amazonaws.com`),
    'http://127.0.0.1:*',
    'https://127.0.0.1:*',
    'http://localhost:*',
    'https://localhost:*',
    ...(options.extraConnectSrc ?? []),
  ];
  return [
    "default-src 'self'",
    "script-src 'self'",
    // CodeMirror (style-mod) mounts its theme as a <style> element at run time, which CSP counts as inline
    // style: checked, without 'unsafe-inline' the editor page reports a style-src-elem violation and renders
    // unstyled. Radix Dialog's scroll lock (react-style-singleton) does the same. Scripts stay strictly 'self',
    // which is what stops an injected payload from running.
    "style-src 'self' 'unsafe-inline'",
    // CodeMirror's base theme draws some markers with data: SVG images.
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    // The VTL preview runs in a module worker loaded from /assets (same origin); no blob: needed.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Hono middleware: nosniff and no-referrer on every response, the CSP on HTML responses (the SPA's
 * documents; JSON and assets gain nothing from it).
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const csp = contentSecurityPolicy(options);
  return async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    const type = c.res.headers.get('content-type') ?? '';
    if (type.toLowerCase().startsWith('text/html')) {
      c.res.headers.set('Content-Security-Policy', csp);
      // The SPA's pages must not be framed (clickjacking); frame-ancestors covers modern browsers.
      c.res.headers.set('X-Frame-Options', 'DENY');
    }
  };
}
