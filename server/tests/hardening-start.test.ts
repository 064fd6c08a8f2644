// `server/start.ts` over real HTTP: the forwarding route relays to allowlisted targets only, and neither a Host
// header nor an absolute request URL can aim it anywhere else (forward.test.ts covers the same rules at the unit
// level; this proves the mounted route behaves the same); and the SPA's HTML carries the security headers.
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startStudio, type StudioProcess } from '../../test-support/studio-process';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let app: StudioProcess | undefined;
let appBase = '';
let appPort = 0;
let target: Server;
let targetOrigin = '';
const seen: Seen[] = [];

beforeAll(async () => {
  // The target: a loopback server (allowed by the default allowlist) that records what reaches it.
  target = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ item: [], reached: 'target' }));
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetOrigin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;

  app = await startStudio([
    // The forwarding allowlist names ports; this test's target is on a port of its own.
    '--forward-allow',
    `127.0.0.1:${new URL(targetOrigin).port}`,
    // Lets requests with this Host through the Host check, to show the forwarding route itself ignores it.
    '--allowed-hosts',
    'evil.example',
  ]);
  appBase = app.base;
  appPort = app.port;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await new Promise((r) => target?.close(r));
});

beforeEach(() => {
  seen.length = 0;
});

/** A request with full control over the Host header (fetch does not allow setting it). */
function raw(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: appPort, method: 'GET', path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes the request line verbatim, e.g. an absolute-form `GET http://elsewhere/… HTTP/1.1`. */
function rawRequestLine(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(appPort, '127.0.0.1', () => socket.end(`${lines.join('\r\n')}\r\n\r\n`));
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('the forwarding route in server/start.ts', () => {
  test('relays to an allowlisted target (the control for the refusals below)', async () => {
    const res = await raw('/__forward/restapis?limit=5', {
      'x-forward-target': targetOrigin,
      accept: 'application/json',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ reached: 'target' });
    expect(seen.map((s) => s.url)).toEqual(['/restapis?limit=5']);
  });

  test.each([
    ['a host outside the allowlist', 'http://example.com'],
    ['a private address', 'http://10.0.0.1:8080'],
    ['a look-alike of a loopback name', 'http://127.0.0.1.nip.io'],
    ['an AWS endpoint over plain http', 'http://apigateway.us-east-1.amazonaws.com'],
    ['a look-alike AWS host', 'https://apigateway.us-east-1.amazonaws.com.evil.example'],
    ['a wildcard spanning two labels', 'https://apigateway.a.b.amazonaws.com'],
    ['user info hiding the real host', 'http://127.0.0.1@evil.example'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s (%s)', async (_what, value) => {
    const res = await raw('/__forward/restapis', { 'x-forward-target': value });
    expect([400, 403]).toContain(res.status);
    expect(res.body).not.toContain('reached');
    expect(seen).toEqual([]);
  });

  test('never takes the destination from the Host header', async () => {
    // No target header: a Host aimed elsewhere must not become the destination.
    const none = await raw('/__forward/restapis', { host: 'evil.example' });
    expect(none.status).toBe(400);
    // With an allowed target, a Host aimed elsewhere changes nothing: the request goes to the target, with the
    // target's own Host.
    const res = await raw('/__forward/restapis', { host: 'evil.example', 'x-forward-target': targetOrigin });
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.host).toBe(new URL(targetOrigin).host);
  });

  test('refuses an absolute request URL aimed elsewhere', async () => {
    const answer = await rawRequestLine([
      'GET http://evil.example/__forward/restapis HTTP/1.1',
      'Host: evil.example',
      `x-forward-target: ${targetOrigin}`,
      'Connection: close',
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(seen).toEqual([]);
  });

  test('keeps a path that looks like another host a path on the target', async () => {
    const res = await raw('/__forward//evil.example/restapis', { 'x-forward-target': targetOrigin });
    expect(res.status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(['//evil.example/restapis']);
  });
});

describe('security headers from server/start.ts', () => {
  test('serves the SPA and the API with the CSP, nosniff and no-referrer', async () => {
    for (const path of ['/', '/apis', '/apis/abc/resources/def']) {
      const res = await fetch(`${appBase}${path}`);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const api = await fetch(`${appBase}/restapis`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(200);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
