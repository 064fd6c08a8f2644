// `npm start`'s static serving over real HTTP: the precompressed copies (written by the same code the build runs)
// chosen by Accept-Encoding, the caching headers, the favicon, 404 for unknown files, the first page's own HTML for
// its addresses and the SPA fallback for other app routes, and the page's security headers on every file. Raw
// node:http, because fetch would decode for us.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { FIRST_PAGE_HTML } from '../static-files';
import { repoRoot } from '../../test-support/emulator-process';
import { startStudio, type StudioProcess } from '../../test-support/studio-process';

/** The served build directory, inside the studio's throwaway directory. */
let distDir = '';
let app: StudioProcess | undefined;
let base = '';

const ASSETS = {
  // Big enough to be worth compressing, like every real chunk.
  '/assets/index-AbCd1234.js': `export const rows = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `api ${i}` })))};\n`,
  '/assets/preview-worker-Zx_9-8yQ.js': `self.onmessage = (e) => self.postMessage(${JSON.stringify('x'.repeat(2000))} + e.data);\n`,
  '/assets/index-QwEr5678.css': `${Array.from({ length: 80 }, (_, i) => `.c${i} { margin: ${i}px; }`).join('\n')}\n`,
};
const INDEX = `<!doctype html><html lang="en"><head><title>studio</title><link rel="icon" href="/favicon.svg" /></head><body>${'<!-- padding -->'.repeat(60)}<div id="root"></div></body></html>`;
/** The first page's HTML (scripts/first-page-html.ts writes it next to index.html): the app's, preloading its list. */
const FIRST_PAGE = INDEX.replace(
  '</head>',
  '<link rel="preload" as="fetch" href="/restapis?limit=500" crossorigin="use-credentials"></head>',
);

beforeAll(async () => {
  app = await startStudio([], {
    prepareDist: (dist) => {
      mkdirSync(join(dist, 'assets'), { recursive: true });
      writeFileSync(join(dist, 'index.html'), INDEX);
      writeFileSync(join(dist, FIRST_PAGE_HTML), FIRST_PAGE);
      for (const [path, text] of Object.entries(ASSETS)) writeFileSync(join(dist, path), text);
      copyFileSync(join(repoRoot, 'public', 'favicon.ico'), join(dist, 'favicon.ico'));
      copyFileSync(join(repoRoot, 'public', 'favicon.svg'), join(dist, 'favicon.svg'));
      precompressDir(dist);
      distDir = dist;
    },
  });
  base = app.base;
}, 40_000);

afterAll(async () => {
  await app?.stop();
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: Raw): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  return res.body;
}

const files = [...Object.keys(ASSETS), '/favicon.svg', '/favicon.ico'];

describe('compression', () => {
  test.each(Object.keys(ASSETS))('%s: br, gzip and identity each decode to the built file', async (path) => {
    const original = readFileSync(join(distDir, path));
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    const gzip = await get(path, { 'accept-encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const identity = await get(path, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    const none = await get(path);
    expect(none.headers['content-encoding']).toBeUndefined();
    for (const res of [br, gzip, identity, none]) {
      expect(res.status).toBe(200);
      expect(decoded(res).equals(original)).toBe(true);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      // A shared cache must key the copy on the request's Accept-Encoding.
      expect(res.headers.vary).toBe('Accept-Encoding');
    }
    expect(br.body.length).toBeLessThan(original.length);
    expect(gzip.body.length).toBeLessThan(original.length);
    expect(identity.headers['content-type']).toMatch(path.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
  });

  test('honours q=0 (refused coding) and serves the HTML page compressed too', async () => {
    const noBr = await get('/assets/index-AbCd1234.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    const page = await get('/apis/abc/overview', { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(decoded(page).toString()).toBe(INDEX);
  });

  test('a HEAD answers with the same headers and no body', async () => {
    const head = await get('/assets/index-AbCd1234.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });
});

describe('caching', () => {
  test('hashed assets are immutable for a year', async () => {
    for (const path of Object.keys(ASSETS)) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
  });

  test('the page is revalidated: no-cache with an ETag, and 304 when it is unchanged', async () => {
    for (const path of ['/', '/apis', '/apis/abc/resources/def', '/favicon.ico']) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      expect(res.headers['cache-control'], path).toBe('no-cache');
      const etag = res.headers.etag ?? '';
      expect(etag).not.toBe('');
      const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.body.length).toBe(0);
    }
    // Each encoding is a different representation, with its own validator.
    const br = await get('/', { 'accept-encoding': 'br' });
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag ?? '' })).status).toBe(200);
  });

  test('the API answers are never stored', async () => {
    const list = await get('/restapis', { accept: 'application/json' });
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const missing = await get('/restapis/nope', { accept: 'application/json' });
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    const forward = await get('/__forward/restapis');
    expect(forward.headers['cache-control']).toBe('no-store');
  });
});

describe('files and fallback', () => {
  test('serves a real favicon', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect(ico.body.equals(readFileSync(join(repoRoot, 'public', 'favicon.ico')))).toBe(true);
    // ICONDIR: reserved 0, type 1 (icon), at least one image.
    expect(ico.body.readUInt16LE(0)).toBe(0);
    expect(ico.body.readUInt16LE(2)).toBe(1);
    expect(ico.body.readUInt16LE(4)).toBeGreaterThan(0);
    const svg = await get('/favicon.svg', { 'accept-encoding': 'identity' });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body.toString()).toMatch(/^<svg /);
    // The app's own page names it.
    expect(readFileSync(join(repoRoot, 'index.html'), 'utf8')).toContain('<link rel="icon" href="/favicon.svg"');
  });

  test('an unknown file is a 404, not the app page', async () => {
    for (const path of ['/assets/index-00000000.js', '/assets/missing.css', '/robots.txt', '/apis/logo.png']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'] ?? '', path).not.toMatch(/text\/html/);
    }
  });

  test('app routes still get the app page', async () => {
    for (const path of [
      '/connection',
      '/apis/a1b2c3',
      '/apis/a1b2c3/overview',
      '/apis/a1b2c3/resources/d4e5/methods/GET/responses/200/review',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(res.body.toString()).toBe(INDEX);
    }
  });

  test('the first page’s addresses get its own HTML, compressed and revalidated like the app page', async () => {
    for (const path of ['/', '/apis', '/apis/', '/apis?filter=x']) {
      for (const encoding of ['br', 'gzip', 'identity']) {
        const res = await get(path, { 'accept-encoding': encoding });
        expect(res.status, path).toBe(200);
        expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
        expect(res.headers['content-encoding'], `${path} ${encoding}`).toBe(
          encoding === 'identity' ? undefined : encoding,
        );
        expect(res.headers['cache-control'], path).toBe('no-cache');
        expect(decoded(res).toString(), `${path} ${encoding}`).toBe(FIRST_PAGE);
      }
    }
  });

  test('without the first page’s own HTML (a build that has none), its addresses get the app page', async () => {
    const copies = ['', '.br', '.gz'].map((suffix) => join(distDir, FIRST_PAGE_HTML + suffix));
    const kept = copies.map((file) => readFileSync(file));
    try {
      for (const file of copies) rmSync(file);
      for (const path of ['/', '/apis']) expect((await get(path)).body.toString(), path).toBe(INDEX);
    } finally {
      copies.forEach((file, i) => kept[i] && writeFileSync(file, kept[i]));
    }
    expect((await get('/apis')).body.toString()).toBe(FIRST_PAGE);
  });

  test('nothing outside the build directory is reachable', async () => {
    // Next to the build directory, where a path escaping it would land.
    writeFileSync(join(distDir, '..', 'secret.txt'), 'outside');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(path);
      expect(res.body.toString(), path).not.toContain('outside');
    }
  });
});

describe('security headers', () => {
  test('every file carries the page’s CSP and the standard headers, the worker script included', async () => {
    const page = await get('/');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    for (const path of [...files, '/assets/missing.css']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.headers['content-security-policy'], path).toBe(csp);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['cross-origin-opener-policy'], path).toBe('same-origin');
    }
  });
});
