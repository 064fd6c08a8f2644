// Brotli and gzip copies written next to each built file, so that any static host can serve them as they are
// (nginx `gzip_static`/`brotli_static`, S3 + CloudFront with the right metadata) and `npm start` never compresses
// per request. Used by vite.config.ts (and the bench's floor build, so both are served alike).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats worth compressing; images and fonts here are already compressed. */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|webmanifest|ico|xml)$/;
// Below this, the compressed copy plus its header saves less than a packet's worth.
const MIN_BYTES = 512;

export interface Precompressed {
  file: string;
  bytes: number;
  br: number | null;
  gzip: number | null;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file in `dir` where the copy is smaller. */
export function precompressDir(dir: string): Precompressed[] {
  const out: Precompressed[] = [];
  for (const file of walk(resolve(dir))) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = statSync(file).size;
    if (bytes < MIN_BYTES) continue;
    const data = readFileSync(file);
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(data, { level: 9 });
    const entry: Precompressed = { file, bytes, br: null, gzip: null };
    if (br.length < bytes) {
      writeFileSync(`${file}.br`, br);
      entry.br = br.length;
    }
    if (gz.length < bytes) {
      writeFileSync(`${file}.gz`, gz);
      entry.gzip = gz.length;
    }
    out.push(entry);
  }
  return out;
}

/** Vite plugin: precompresses the whole output directory once everything (workers, public/) is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
