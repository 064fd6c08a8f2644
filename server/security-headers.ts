// Response headers that limit what a page of the SPA may do if hostile data ever got rendered as markup: a
// Content-Security-Policy allowing only what the app needs, plus nosniff and no-referrer.
import type { MiddlewareHandler } from 'hono';
import { awsCommercialRegions } from '../src/rules/aws-regions';

export interface SecurityHeadersOptions {
  /** Regions whose `https://apigateway.<region>.amazonaws.com` the page may fetch. Default: every region the Connection page offers. */
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
  const regions = options.awsRegions ?? awsCommercialRegions;
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
