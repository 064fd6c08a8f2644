// The security-headers middleware on its own: which responses get which headers, and what the CSP allows.
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { awsCommercialRegions } from '../../src/rules/aws-regions';
import { contentSecurityPolicy, securityHeaders } from '../security-headers';

function app() {
  const a = new Hono();
  a.use('*', securityHeaders());
  a.get('/page', (c) => c.html('<!doctype html><title>x</title>'));
  a.get('/data', (c) => c.json({ ok: true }));
  a.get('/asset.js', (c) => c.body('export {}', 200, { 'content-type': 'text/javascript' }));
  return a;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('securityHeaders', () => {
  test('puts the same CSP and standard headers on every response: the page, its scripts and JSON', async () => {
    const a = app();
    for (const path of ['/page', '/data', '/asset.js']) {
      const res = await a.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy());
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      // Plain HTTP on loopback: HSTS is not this server's to set.
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  test('allows scripts from the app only, nothing framed, no plugins, no <base>', () => {
    const d = directives(contentSecurityPolicy());
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
  });

  test('lets the page reach its own origin, each regional API Gateway endpoint and loopback, and nothing else', () => {
    const connect = directives(contentSecurityPolicy()).get('connect-src') ?? [];
    expect(connect).toContain("'self'");
    for (const r of awsCommercialRegions) expect(connect).toContain(`https://apigateway.${r}.amazonaws.com`);
    expect(connect).toEqual(expect.arrayContaining(['http://127.0.0.1:*', 'http://localhost:*']));
    // Nothing broader than one endpoint per region: no scheme-only or domain-wide wildcards.
    for (const source of connect) {
      expect(source).not.toMatch(/^(\*|https?:|https?:\/\/\*.*)$/);
      if (source.includes('amazonaws.com'))
        expect(source).toMatch(/^https:\/\/apigateway\.[a-z]{2}(-[a-z]+)+-\d\.amazonaws\.com$/);
    }
  });

  test('takes extra connect-src origins and a different region list', () => {
    const connect =
      directives(contentSecurityPolicy({ awsRegions: ['eu-west-1'], extraConnectSrc: ['https://gw.example.com'] })).get(
        'connect-src',
      ) ?? [];
    expect(connect).toContain('https://apigateway.eu-west-1.amazonaws.com');
    expect(connect).not.toContain('https://apigateway.us-east-1.amazonaws.com');
    expect(connect).toContain('https://gw.example.com');
  });
});
