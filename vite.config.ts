import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const ZOD_COPY = '?first-page-zod';

/**
 * The response schemas (src/api/models.ts, on the first page) get their own copy of zod's modules. Rolldown
 * assigns whole modules to chunks, and zod/mini and classic zod share `zod/v4/core/*`: with classic zod used by
 * lazy screens (src/rules, the editor form), every core class classic zod needs sat in a chunk the first page
 * loads (~30 kB minified, ~9 kB gzip more than zod/mini needs). With the copy, the first page carries only what
 * zod/mini uses and the lazy screens carry classic zod's core themselves. Two copies are safe: zod keeps its config
 * and registry on globalThis (so the jitless setting in src/api/models.ts covers both) and checks instances by trait, not by class
 * identity. Build only: dev and tests keep one zod. Drop this once src/rules and the editor form use zod/mini too.
 */
function firstPageZodCopy(): Plugin {
  return {
    name: 'first-page-zod-copy',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const fromModels = /[\\/]src[\\/]api[\\/]models\.ts$/.test(importer) && source === 'zod/mini';
      if (!fromModels && !importer.endsWith(ZOD_COPY)) return null;
      const resolved = await this.resolve(source, importer.replace(ZOD_COPY, ''), { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      return { ...resolved, id: resolved.id + ZOD_COPY };
    },
    load(id) {
      if (!id.endsWith(ZOD_COPY)) return null;
      // zod declares itself free of side effects; the query suffix hides its package.json, so say it again.
      return { code: readFileSync(id.slice(0, -ZOD_COPY.length), 'utf8'), moduleSideEffects: false };
    },
  };
}

export default defineConfig({
  // `@/x` is `src/x`, as in tsconfig.base.json's paths.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // The router plugin must come before the React plugin so that it can split route files first.
  plugins: [firstPageZodCopy(), tanstackRouter({ target: 'react', autoCodeSplitting: true }), react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5174,
    // In `npm run dev` the emulator runs separately (npm run emulator -- --port 5173); forward its API.
    proxy: {
      '/restapis': 'http://127.0.0.1:5173',
      '/__forward': 'http://127.0.0.1:5173',
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Each file is gzipped on its own, so fewer files compress better: the first page is the entry with
          // everything it statically needs, in one file (by default rolldown split it by which lazy chunks share
          // each module).
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
});
