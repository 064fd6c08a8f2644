// Response headers that limit what a page of the SPA may do if hostile data ever got rendered as markup: a
// Content-Security-Policy allowing only what the app needs, plus hono's standard set (nosniff, no-referrer, no
// framing, same-origin opener and resource policies).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
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
 * Hono middleware: the same headers on every response. A worker's CSP is the one its script is served with, not
 * the page's, so the preview worker (and every chunk, the favicon, an API answer opened in a tab) gets the CSP too.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const csp = contentSecurityPolicy(options);
  const standard = secureHeaders({
    // frame-ancestors 'none' for browsers that predate it.
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // The server speaks plain HTTP on loopback; HSTS is for whoever puts TLS in front of it to decide.
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await standard(c, next);
    c.res.headers.set('Content-Security-Policy', csp);
  };
}
