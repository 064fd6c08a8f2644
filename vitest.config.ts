import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `@/x` is `src/x`, as in tsconfig.base.json's paths; each project needs it, since projects don't inherit it.
const resolve = { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } };

// Two projects: pure/node code (rules, api, server, preview) runs in Node; components run in happy-dom.
export default defineConfig({
  test: {
    // One worker per core. Vitest's default in a run is one fewer, which on a 2-core CI machine is a single worker;
    // the server suites spend much of their time waiting for child processes (the emulator, the AWS CLI, moto), so
    // a second one keeps both cores busy. Every suite takes free ports and its own temp directories.
    maxWorkers: availableParallelism(),
    projects: [
      {
        resolve,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'lint/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
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
