// Build of the bench's floor app (React + react-dom rendering a list), with the same target as the real app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
  },
});
