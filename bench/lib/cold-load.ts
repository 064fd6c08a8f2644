// Cold loads, each in a fresh browser context (no cache, no storage), app and floor alternating so that machine
// noise hits both alike: the RestApi list on the machine's own network (section 2), and deep links (the editor,
// step 5, until its form shows; the overview until its first rows show) over an emulated mobile network
// (Chromium's network emulation, through CDP), against the floor app showing its list over the same network.
import type { Browser } from '@playwright/test';
import { median } from './stats';

/**
 * Lighthouse's mobile preset as DevTools applies it ("Slow 4G": 150 ms RTT and 1.6 Mbit/s, with its request-level
 * adjustment of latency × 3.75 and throughput × 0.9), so these rows and the Lighthouse rows see the same network.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};

export interface Ready {
  /** A CSS selector… */
  selector: string;
  /** …whose text contains this (empty: any)… */
  text: string;
  /** …or, when set, is exactly this. */
  exact?: boolean;
}

/**
 * Installed before any page script: records `performance.now()` (ms since navigation start) at the first animation
 * frame after an element matching `ready` is in the document, i.e. the page with its data has been committed; React
 * has attached its event handlers by then, so it is interactive. With it, what was fetched until then.
 */
const readyProbe = (ready: Ready) => `
(() => {
  const { selector, text, exact } = ${JSON.stringify(ready)};
  const matches = (e) => (exact ? e.textContent === text : !text || e.textContent.includes(text));
  const found = () => [...document.querySelectorAll(selector)].some(matches);
  const mark = () => requestAnimationFrame(() => {
    const ms = performance.now();
    const entries = performance.getEntriesByType('resource');
    const api = entries.find((e) => new URL(e.name).pathname === '/restapis');
    const js = entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
    window.__benchLoad = {
      ms,
      // When the list request started: how much of the load is spent before the data is even asked for.
      apiFetchStart: api ? api.startTime : null,
      // Every JS file fetched before the page was ready: the bundle row counts them all as the first page's.
      scripts: js.map((e) => new URL(e.name).pathname.slice(1)),
      // Bytes on the wire (headers included, as served: brotli from npm start) of the JS fetched so far.
      jsTransferBytes: js.reduce((a, e) => a + e.transferSize, 0),
    };
  });
  const mo = new MutationObserver(() => { if (found()) { mo.disconnect(); mark(); } });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();
`;

interface Once {
  ms: number;
  apiFetchStart: number;
  scripts: string[];
  jsTransferBytes: number;
}

async function once(browser: Browser, url: string, ready: Ready, network?: typeof SLOW_4G): Promise<Once> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.addInitScript(readyProbe(ready));
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchLoad?: { apiFetchStart: number | null } }).__benchLoad,
      undefined,
      { timeout: network ? 60_000 : 30_000 },
    );
    const mark = (await handle.jsonValue()) as Omit<Once, 'apiFetchStart'> & { apiFetchStart: number | null };
    return { ...mark, apiFetchStart: mark.apiFetchStart ?? Number.NaN };
  } finally {
    await context.close();
  }
}

export interface LoadPage {
  name: string;
  url: string;
  ready: Ready;
}

/** `runs` loads of each, app and floor alternating. */
async function alternate(
  browser: Browser,
  app: LoadPage,
  floor: LoadPage,
  runs: number,
  network?: typeof SLOW_4G,
): Promise<{ app: Once[]; floor: Once[] }> {
  const out = { app: [] as Once[], floor: [] as Once[] };
  for (let i = 0; i < runs; i++) {
    out.app.push(await once(browser, app.url, app.ready, network));
    out.floor.push(await once(browser, floor.url, floor.ready, network));
  }
  return out;
}

/** The app's loads against the floor's, over the same runs. */
export interface LoadComparison {
  runs: number;
  appMs: number[];
  floorMs: number[];
  appMedianMs: number;
  floorMedianMs: number;
  /** Medians of the JS transferred (bytes on the wire, headers included) before the page was ready. */
  appJsTransferBytes: number;
  floorJsTransferBytes: number;
}

function compare(app: Once[], floor: Once[], runs: number): LoadComparison {
  const appMs = app.map((r) => r.ms);
  const floorMs = floor.map((r) => r.ms);
  return {
    runs,
    appMs,
    floorMs,
    appMedianMs: median(appMs),
    floorMedianMs: median(floorMs),
    appJsTransferBytes: median(app.map((r) => r.jsTransferBytes)),
    floorJsTransferBytes: median(floor.map((r) => r.jsTransferBytes)),
  };
}

export interface ColdLoadResult extends LoadComparison {
  /** Medians of when GET /restapis started (ms after navigation) and how many JS files were loaded by then. */
  appApiFetchStartMs: number;
  floorApiFetchStartMs: number;
  appScripts: number;
  floorScripts: number;
  /** Paths (relative to the served dir) of every JS file the app fetched before its list showed, in any run. */
  appScriptFiles: string[];
}

/** The RestApi list, ready once a link whose text is `targetText` shows. */
export async function measureColdLoad(
  browser: Browser,
  appUrl: string,
  floorUrl: string,
  targetText: string,
  runs: number,
): Promise<ColdLoadResult> {
  const ready: Ready = { selector: 'a', text: targetText, exact: true };
  const appPage = { name: 'app', url: appUrl, ready };
  const floorPage = { name: 'floor', url: floorUrl, ready };
  // One unmeasured run each: the servers' first request reads files and warms V8, which a user never sees twice.
  await alternate(browser, appPage, floorPage, 1);
  const { app, floor } = await alternate(browser, appPage, floorPage, runs);
  return {
    ...compare(app, floor, runs),
    appApiFetchStartMs: median(app.map((r) => r.apiFetchStart)),
    floorApiFetchStartMs: median(floor.map((r) => r.apiFetchStart)),
    appScripts: median(app.map((r) => r.scripts.length)),
    floorScripts: median(floor.map((r) => r.scripts.length)),
    appScriptFiles: [...new Set(app.flatMap((r) => r.scripts))].sort(),
  };
}

export interface ThrottledResult extends LoadComparison {
  name: string;
}

/** Each of `pages` over Slow 4G, against `floor` over the same network. */
export async function measureThrottled(
  browser: Browser,
  pages: LoadPage[],
  floor: LoadPage,
  runs: number,
): Promise<ThrottledResult[]> {
  const out: ThrottledResult[] = [];
  for (const p of pages) {
    const loads = await alternate(browser, p, floor, runs, SLOW_4G);
    out.push({ name: p.name, ...compare(loads.app, loads.floor, runs) });
  }
  return out;
}
