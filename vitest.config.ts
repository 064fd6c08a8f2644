import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: pure/node code (rules, api, server, preview) runs in Node; components run in happy-dom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test/setup-dom.ts'],
          // Component tests render real editors and run the preview on the main thread (no Worker in
          // happy-dom): seconds each on a busy 2-core machine, so the 5 s default is too tight.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
