// Build of the bench's floor app (React + react-dom rendering a list), with the same target as the real app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  // Served like the app (precompressed), so the wire comparison is fair.
  plugins: [precompress()],
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
  },
});
