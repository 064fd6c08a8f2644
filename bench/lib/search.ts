// The search across APIs at account scale: 50 REST APIs of 200 methods each (every method with a default and an
// error integration response), searched from a cold page for a selection pattern five of the APIs use. Times to the
// first result and to the search being complete, measured in the page.
import type { Browser } from '@playwright/test';
import { inProcessEmulator } from './in-process-emulator';
import { pool } from './pool';
import { median } from './stats';

export const SEARCH_APIS = 50;
export const SEARCH_METHODS_PER_API = 200;
const VERBS = ['GET', 'POST', 'PUT', 'DELETE'];
/** Every tenth API, from the fourth: five APIs with one match each, spread through the name order. */
const hasNeedle = (apiIndex: number) => apiIndex % 10 === 3;
export const SEARCH_EXPECTED_HITS = Array.from({ length: SEARCH_APIS }, (_, i) => i).filter(hasNeedle).length;

export interface SearchBenchResult {
  apis: number;
  methods: number;
  createSeconds: number;
  firstResultMs: number[];
  completeMs: number[];
  firstResultMedianMs: number;
  completeMedianMs: number;
}

/**
 * Writes the APIs into `<dataDir>/emulator` (start.ts's layout) before the app server starts, through the emulator's
 * own app in-process (as the scale section does: over loopback HTTP the 60,000 writes would take minutes).
 */
export async function createSearchData(dataDir: string): Promise<number> {
  const t = performance.now();
  const { send, close } = inProcessEmulator(dataDir);
  try {
    const resourcesPerApi = SEARCH_METHODS_PER_API / VERBS.length;
    await pool(SEARCH_APIS, 4, async (a) => {
      const name = `Search${String(a).padStart(2, '0')}`;
      const api = await send<{ id: string; rootResourceId: string }>('POST', '/restapis', 201, { name });
      await pool(resourcesPerApi, 10, async (r) => {
        const resource = await send<{ id: string }>(
          'POST',
          `/restapis/${api.id}/resources/${api.rootResourceId}`,
          201,
          {
            pathPart: `r${String(r).padStart(2, '0')}`,
          },
        );
        for (const verb of VERBS) {
          const m = `/restapis/${api.id}/resources/${resource.id}/methods/${verb}`;
          await send('PUT', m, 201, { authorizationType: 'NONE' });
          await send('PUT', `${m}/integration`, 201, {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
          });
          await send('PUT', `${m}/responses/200`, 201, {});
          await send('PUT', `${m}/responses/500`, 201, {});
          await send('PUT', `${m}/integration/responses/200`, 201, {
            responseTemplates: { 'application/json': '{"ok": true}' },
          });
          const needle = hasNeedle(a) && r === 7 && verb === 'POST';
          await send('PUT', `${m}/integration/responses/500`, 201, {
            selectionPattern: needle ? 'Needle.*' : `Error ${a}-${r}-${verb}.*`,
          });
        }
      });
    });
  } finally {
    close();
  }
  return (performance.now() - t) / 1000;
}

export async function measureSearch(
  browser: Browser,
  appUrl: string,
  createSeconds: number,
  runs = 3,
): Promise<SearchBenchResult> {
  const firstResultMs: number[] = [];
  const completeMs: number[] = [];
  const done = `Searched ${SEARCH_APIS} APIs: ${SEARCH_EXPECTED_HITS} results`;
  for (let i = 0; i < runs; i++) {
    // A fresh context each time: nothing cached, the whole account is listed again.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(`(() => {
      const mo = new MutationObserver(() => {
        if (window.__benchFirst === undefined && document.querySelector('[data-testid="search-results"] a')) {
          window.__benchFirst = performance.now();
        }
        const status = document.querySelector('[data-testid="search-status"] [role="status"]');
        if (status && status.textContent === ${JSON.stringify(done)}) {
          window.__benchComplete = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document, { childList: true, subtree: true, characterData: true });
    })();`);
    await page.goto(`${appUrl}/search?q=Needle&in=pattern`);
    await page.waitForFunction(
      () => (window as unknown as { __benchComplete?: number }).__benchComplete !== undefined,
      null,
      {
        timeout: 300_000,
      },
    );
    const t = await page.evaluate(() => {
      const w = window as unknown as { __benchFirst: number; __benchComplete: number };
      return { first: w.__benchFirst, complete: w.__benchComplete };
    });
    firstResultMs.push(t.first);
    completeMs.push(t.complete);
    await context.close();
  }
  return {
    apis: SEARCH_APIS,
    methods: SEARCH_APIS * SEARCH_METHODS_PER_API,
    createSeconds,
    firstResultMs,
    completeMs,
    firstResultMedianMs: median(firstResultMs),
    completeMedianMs: median(completeMs),
  };
}
