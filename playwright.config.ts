import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

// CHROMIUM_PATH first; then Playwright's own browser when it is installed (a user's machine); then Debian's
// Chromium, because `npx playwright install` cannot download here.
function chooseChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
const executablePath = chooseChromium();
const systemChromium = executablePath !== undefined;

const port = Number(process.env.E2E_PORT ?? 5199);
// The forwarding route reaches only the loopback ports it is told about: these two are for moto_server
// (e2e/support/moto-server.ts), next to the app's own port.
const motoPorts = [port + 1, port + 2];
process.env.E2E_MOTO_PORTS = motoPorts.join(',');

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous waits, not speed checks (speed is the bench's job): the machines are two shared, noisy cores, and
  // under load a lazy chunk (CodeMirror, the preview worker) can take several seconds to arrive.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
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
  webServer: {
    // The real built app and the real emulator on one origin, with a throwaway data directory.
    command: `tsx server/start.ts --port ${port} --data-dir .tmp/e2e-data --reset --forward-allow ${motoPorts.map((p) => `127.0.0.1:${p}`).join(',')}`,
    url: `http://127.0.0.1:${port}/restapis`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
