// The built SPA as `npm start` serves it: the precompressed copy the client accepts (brotli, gzip, or the file
// itself), hashed assets cached for a year, everything else revalidated, unknown files a 404, the first page's own
// HTML for its addresses, and any other GET the app's HTML (its router draws the page).
import type { MiddlewareHandler } from 'hono';
import { statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Vite names every file it emits under assets/ `<name>-<8-character content hash>.<ext>`. */
const HASHED = /^\/assets\/(?:.+\/)?[^/]+-[\w-]{8}\.\w+$/;
const YEAR_SECONDS = 365 * 24 * 60 * 60;

export const CACHE_IMMUTABLE = `public, max-age=${YEAR_SECONDS}, immutable`;
/** May be stored, but is checked with the server (ETag) before each use: a new build shows at the next load. */
export const CACHE_REVALIDATE = 'no-cache';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The codings a request accepts (q > 0), from its Accept-Encoding header. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (token && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(token);
  }
  return accepted;
}

function fileStats(path: string): Stats | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** The app's HTML for the first page, which also preloads its list (scripts/first-page-html.ts), next to index.html. */
export const FIRST_PAGE_HTML = 'apis.html';
/** The first page's addresses (the app moves `/` to `/apis`): its own HTML when the build has it. */
const FIRST_PAGE_ADDRESSES = new Set(['/', '/apis', '/apis/']);

/** A path that names a file (its last segment has an extension) is never answered with the app's HTML. */
function looksLikeFile(pathname: string): boolean {
  return pathname.startsWith('/assets/') || extname(pathname.slice(pathname.lastIndexOf('/') + 1)) !== '';
}

export interface StaticFilesOptions {
  /** The built SPA (dist/). */
  root: string;
}

export function staticFiles({ root: rootDir }: StaticFilesOptions): MiddlewareHandler {
  const root = resolve(rootDir);
  const indexHtml = join(root, 'index.html');
  const firstPageHtml = join(root, FIRST_PAGE_HTML);

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad Request', 400);
    }
    let file = pathname.includes('\0') ? '' : resolve(root, `.${pathname}`);
    // Nothing outside the build directory, whatever dots or encoded slashes the path holds.
    if (file !== root && !file.startsWith(root + sep)) file = '';
    let stats = file ? fileStats(file) : null;
    if (!stats && FIRST_PAGE_ADDRESSES.has(pathname)) {
      file = firstPageHtml;
      stats = fileStats(file);
    }
    if (!stats) {
      if (looksLikeFile(pathname)) return c.text('Not Found', 404);
      file = indexHtml;
      stats = fileStats(file);
      if (!stats) return c.text('dist/index.html not found: run `npm run build` first.', 503);
    }

    // The copy to send: the first precompressed sibling the client accepts, else the file itself.
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    let variants = false;
    let body = file;
    let encoding: string | null = null;
    let size = stats.size;
    for (const e of ENCODINGS) {
      const s = fileStats(file + e.suffix);
      if (!s) continue;
      variants = true;
      if (encoding === null && accepted.has(e.name)) {
        body = file + e.suffix;
        encoding = e.name;
        size = s.size;
      }
    }

    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(size),
      'Cache-Control': file !== indexHtml && HASHED.test(pathname) ? CACHE_IMMUTABLE : CACHE_REVALIDATE,
      'Last-Modified': stats.mtime.toUTCString(),
    };
    // Each encoding is its own representation, so each gets its own validator.
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
    headers.ETag = etag;
    if (variants) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;

    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
      delete headers['Content-Length'];
      return c.body(null, 304, headers);
    }
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(await readFile(body), 200, headers);
  };
}

/** For API answers: never stored by the browser or a proxy (they change with every write). */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
