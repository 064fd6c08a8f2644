// `server/start.ts` over real HTTP: the forwarding route relays to allowlisted targets only, and neither a Host
// header nor an absolute request URL can aim it anywhere else (forward.test.ts covers the same rules at the unit
// level; this proves the mounted route behaves the same); and the SPA's HTML carries the security headers.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let app: ChildProcess;
let appBase = '';
let appPort = 0;
let target: Server;
let targetOrigin = '';
const seen: Seen[] = [];
let dir = '';

beforeAll(async () => {
  // The target: a loopback server (allowed by the default allowlist) that records what reaches it.
  target = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ item: [], reached: 'target' }));
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
  targetOrigin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;

  dir = mkdtempSync(join(tmpdir(), 'irs-hardening-fwd-'));
  const dist = join(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>fixture</title>');
  app = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'server', 'start.ts'),
      '--port',
      '0',
      '--data-dir',
      join(dir, 'data'),
      '--reset',
      '--dist-dir',
      dist,
      // The forwarding allowlist names ports; this test's target is on a port of its own.
      '--forward-allow',
      `127.0.0.1:${new URL(targetOrigin).port}`,
      // Lets requests with this Host through the Host check, to show the forwarding route itself ignores it.
      '--allowed-hosts',
      'evil.example',
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  appBase = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start.ts not ready in time:\n${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    app.stdout?.on('data', onData);
    app.stderr?.on('data', onData);
    app.once('exit', (code) => reject(new Error(`start.ts exited early (${code}):\n${out}`)));
  });
  appPort = Number(new URL(appBase).port);
}, 60_000);

afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((r) => app.once('exit', r));
    app.kill('SIGTERM');
    await exited;
  }
  await new Promise((r) => target?.close(r));
  if (dir) rmSync(dir, { recursive: true, force: true });
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
