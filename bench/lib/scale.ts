// Section 3: an API with 10,000 resources. Time until the resource step is usable, and keystroke → updated list.
import type { Browser } from '@playwright/test';
import { inProcessEmulator } from './in-process-emulator';
import { pool } from './pool';
import { median, p95 } from './stats';

export interface ScaleResult {
  resources: number;
  createSeconds: number;
  loadMs: number[];
  loadMedianMs: number;
  filterLatenciesMs: number[];
  filterKeystrokes: number;
  filterMissed: number;
  filterP95Ms: number;
}

const GROUPS = 100;

/**
 * 100 top-level `/svcNN` resources with 99 children each (`/svcNN/opNNNN`, a global 4-digit number), 10,000 in
 * all plus the root, written into `<dataDir>/emulator` (start.ts's layout) before the app server starts.
 *
 * The requests are real CreateResource HTTP requests (`Request` objects) handled by the emulator's own app, but
 * in-process rather than over a socket: then each wave arrives in one event-loop turn and shares one group
 * commit. Over loopback HTTP the same calls ran at ~30–60/s on the 2-core bench machine under load (one fsync
 * per few requests), i.e. 3–5 minutes for this step alone.
 */
export async function createScaleData(
  dataDir: string,
  total = 10_000,
): Promise<{ apiId: string; created: number; idCollisionRetries: number }> {
  const { send, close } = inProcessEmulator(dataDir);
  try {
    const api = await send<{ id: string; rootResourceId: string }>('POST', '/restapis', 201, { name: 'Scale10k' });
    const perGroup = total / GROUPS - 1;
    const parents: string[] = [];
    await pool(GROUPS, GROUPS, async (g) => {
      const r = await send<{ id: string }>('POST', `/restapis/${api.id}/resources/${api.rootResourceId}`, 201, {
        pathPart: `svc${String(g).padStart(2, '0')}`,
      });
      parents[g] = r.id;
    });
    let retries = 0;
    await pool(GROUPS * perGroup, 2000, async (i) => {
      const g = Math.floor(i / perGroup);
      for (let attempt = 0; ; attempt++) {
        try {
          await send('POST', `/restapis/${api.id}/resources/${parents[g]}`, 201, {
            pathPart: `op${String(i).padStart(4, '0')}`,
          });
          return;
        } catch (error) {
          // The emulator answers 500 when a random 6-character resource id collides with an existing one
          // (reported; ~2% of 10,000-resource APIs hit it). A retry draws a new id.
          if (attempt >= 3 || !String(error).includes('→ 500')) throw error;
          retries++;
        }
      }
    });
    return { apiId: api.id, created: GROUPS * (perGroup + 1), idCollisionRetries: retries };
  } finally {
    close();
  }
}

interface BenchWindow {
  __benchLat: number[];
  __benchArm: (root: Element) => void;
}

// Each keystroke's latency: from the keydown event's timestamp to the first animation frame after the list
// (anything under <main> except the filter input itself, whose value attribute React syncs at once) changed.
const latencyProbe = `
(() => {
  window.__benchLat = [];
  let t0 = null;
  let input = null;
  window.__benchArm = (root) => {
    input = root.querySelector('input[type="search"]');
    const mo = new MutationObserver((records) => {
      if (t0 === null) return;
      if (records.every((r) => r.target === input)) return;
      const start = t0;
      t0 = null;
      requestAnimationFrame(() => window.__benchLat.push(performance.now() - start));
    });
    mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  addEventListener('keydown', (e) => { t0 = e.timeStamp; }, true);
})();
`;

/** Digits only, so every keystroke changes the set of matching paths (and so the list). */
function keystrokes(): string[] {
  const keys: string[] = [];
  for (const n of ['4821', '1234', '9077', '3456', '0610', '7285', '5903', '2468', '8130', '6642']) {
    for (const ch of n) keys.push(ch);
    for (let i = 0; i < n.length; i++) keys.push('Backspace');
  }
  return keys;
}

export async function measureScale(
  browser: Browser,
  appUrl: string,
  apiId: string,
  total: number,
  createSeconds: number,
  loadRuns = 3,
): Promise<ScaleResult> {
  const loadMs: number[] = [];
  const statusText = `${total + 1} resources`;
  for (let i = 0; i < loadRuns; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(`(() => {
      const ok = () => [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent === ${JSON.stringify(statusText)}) && document.querySelector('[data-testid="resource-list"] a');
      const mark = () => requestAnimationFrame(() => { window.__benchReady = performance.now(); });
      const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); mark(); } });
      mo.observe(document, { childList: true, subtree: true, characterData: true });
    })();`);
    await page.goto(`${appUrl}/apis/${apiId}`);
    const h = await page.waitForFunction(
      () => (window as unknown as { __benchReady?: number }).__benchReady,
      undefined,
      { timeout: 60_000 },
    );
    loadMs.push((await h.jsonValue()) as number);
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(latencyProbe);
  await page.goto(`${appUrl}/apis/${apiId}`);
  await page.getByText(statusText, { exact: true }).waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const main = document.querySelector('main');
    if (main) w.__benchArm(main);
  });
  await page.getByLabel('Filter by path').focus();
  const keys = keystrokes();
  let missed = 0;
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    try {
      await page.waitForFunction((n) => (window as unknown as BenchWindow).__benchLat.length >= n, i + 1 - missed, {
        timeout: 2000,
      });
    } catch {
      missed++;
    }
    // Let the deferred render settle, as between a person's keystrokes.
    await page.waitForTimeout(30);
  }
  const lat = await page.evaluate(() => (window as unknown as BenchWindow).__benchLat);
  await context.close();
  return {
    resources: total,
    createSeconds,
    loadMs,
    loadMedianMs: median(loadMs),
    filterLatenciesMs: lat,
    filterKeystrokes: keys.length,
    filterMissed: missed,
    filterP95Ms: p95(lat),
  };
}
