import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstPageHtml } from './scripts/first-page-html';
import { inlineEntryRuntime } from './scripts/inline-entry-runtime';
import { inlineFavicon } from './scripts/inline-favicon';
import { inlineStylesheet } from './scripts/inline-stylesheet';
import { precompress } from './scripts/precompress';

export default defineConfig({
  // `@/x` is `src/x`, as in tsconfig.base.json's paths.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // The router plugin must come before the React plugin so that it can split route files first.
  plugins: [
    tanstackRouter({ target: 'react', autoCodeSplitting: true }),
    react(),
    tailwindcss(),
    inlineFavicon(),
    // These edit index.html after Vite has written it, in this order: apis.html is index.html as it ends up.
    inlineStylesheet(),
    inlineEntryRuntime(),
    firstPageHtml(),
    precompress(),
  ],
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
    // One stylesheet for the whole app, written into the HTML (scripts/inline-stylesheet.ts): per-chunk stylesheets
    // would be fetched by the lazy chunks that import them.
    cssCodeSplit: false,
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
