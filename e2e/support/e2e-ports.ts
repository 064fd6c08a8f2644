// The loopback ports of the end-to-end run. Each Playwright worker has its own e2e server (the built app and the
// emulator, with its own data directory), so no spec sees the APIs another worker's specs made; the block of ports
// a worker uses starts at E2E_PORT + 4 × its index, so checkouts that run at once need E2E_PORTs at least 8 apart.
// No Playwright import here: playwright.config.ts reads this module too.

/** How many workers run the specs, each with its own server (playwright.config.ts). */
export const e2eWorkers = 2;

/** The first port of the run: worker 0's app. */
export const e2eBasePort = Number(process.env.E2E_PORT ?? 5199);

export interface E2ePorts {
  /** The built app and the emulator on one origin (playwright.config.ts webServer). */
  app: number;
  /** For moto_server (e2e/support/moto-server.ts): the only loopback ports the app's forwarding route reaches. */
  moto: readonly [number, number];
  /** The throttled server that throttled.spec.ts starts for itself. */
  throttled: number;
}

export function e2ePortsOf(workerIndex: number): E2ePorts {
  const app = e2eBasePort + 4 * workerIndex;
  return { app, moto: [app + 1, app + 2], throttled: app + 3 };
}

/**
 * This worker's ports. Playwright sets TEST_PARALLEL_INDEX (0 … workers − 1) in each worker process before it
 * loads the config and the specs, and a worker started again after a failure keeps its index, hence its server.
 */
export const e2ePorts = e2ePortsOf(Number(process.env.TEST_PARALLEL_INDEX ?? 0));

export const e2eBaseUrl = `http://127.0.0.1:${e2ePorts.app}`;
