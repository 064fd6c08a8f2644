import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';
import { e2eBaseUrl, e2ePortsOf, e2eWorkers } from './e2e/support/e2e-ports';

// CHROMIUM_PATH first; then Playwright's own browser when it is installed (a user's machine); then Debian's
// Chromium, because `npx playwright install` cannot download here.
function chooseChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
const executablePath = chooseChromium();
const systemChromium = executablePath !== undefined;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // Spec files spread over the workers, each file whole and in order on one worker.
  fullyParallel: false,
  workers: e2eWorkers,
  retries: 0,
  // Generous waits, not speed checks (speed is the bench's job): the machines are two shared, noisy cores, and
  // under load a lazy chunk (CodeMirror, the preview worker) can take several seconds to arrive.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./e2e/support/skip-reasons-reporter.ts']],
  use: {
    // This worker's own server: Playwright loads this config again in each worker, with its TEST_PARALLEL_INDEX.
    baseURL: e2eBaseUrl,
    // A failed test keeps its trace (each action with the DOM, network and console) and a screenshot of the end.
    // The trace's screencast is left out: it cost a third of the run's CPU (the browser encoding frames of every
    // test, nearly all of which pass), on a machine where CPU is the limit.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: systemChromium
      ? {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        }
      : {},
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // One server per worker: the real built app and the real emulator on one origin, with a throwaway data
  // directory of its own. The forwarding route reaches only the loopback ports it is told about: the worker's two
  // moto_server ports (e2e/support/moto-server.ts).
  webServer: Array.from({ length: e2eWorkers }, (_, index) => {
    const { app, moto } = e2ePortsOf(index);
    return {
      command: `tsx server/start.ts --port ${app} --data-dir .tmp/e2e-data/worker-${index} --reset --forward-allow ${moto.map((p) => `127.0.0.1:${p}`).join(',')}`,
      url: `http://127.0.0.1:${app}/restapis`,
      reuseExistingServer: false,
      timeout: 60_000,
    };
  }),
});
