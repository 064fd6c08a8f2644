// Section 2: cold load of the RestApi list (fresh browser context each run: no cache, no storage).
import type { Browser } from '@playwright/test';
import { readyProbe } from './browser';
import { median } from './stats';

export interface ColdLoadResult {
  runs: number;
  /** Medians of when GET /restapis started (ms after navigation) and how many JS files were loaded by then. */
  appApiFetchStartMs: number;
  floorApiFetchStartMs: number;
  appScripts: number;
  floorScripts: number;
  /** Paths (relative to the served dir) of every JS file the app fetched before its list showed, in any run. */
  appScriptFiles: string[];
  appMs: number[];
  floorMs: number[];
  appMedianMs: number;
  floorMedianMs: number;
  /** Medians of the JS transferred (bytes on the wire) before the list showed. */
  appJsTransferBytes: number;
  floorJsTransferBytes: number;
}

interface Once {
  ms: number;
  apiFetchStart: number;
  scripts: string[];
  jsTransferBytes: number;
}

async function once(browser: Browser, url: string, targetText: string): Promise<Once> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(readyProbe(targetText));
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchReady?: number }).__benchReady,
      undefined,
      { timeout: 30_000 },
    );
    const ms = (await handle.jsonValue()) as number;
    const detail = await page.evaluate(
      () =>
        (
          window as unknown as {
            __benchDetail: { apiFetchStart: number | null; scripts: string[]; jsTransferBytes: number };
          }
        ).__benchDetail,
    );
    return {
      ms,
      apiFetchStart: detail.apiFetchStart ?? Number.NaN,
      scripts: detail.scripts,
      jsTransferBytes: detail.jsTransferBytes,
    };
  } finally {
    await context.close();
  }
}

/** Runs alternate between app and floor so that machine noise hits both alike. */
export async function measureColdLoad(
  browser: Browser,
  appUrl: string,
  floorUrl: string,
  targetText: string,
  runs: number,
): Promise<ColdLoadResult> {
  // One unmeasured run each: the servers' first request reads files and warms V8, which a user never sees twice.
  await once(browser, appUrl, targetText);
  await once(browser, floorUrl, targetText);
  const app: Once[] = [];
  const floor: Once[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(await once(browser, appUrl, targetText));
    floor.push(await once(browser, floorUrl, targetText));
  }
  const appMs = app.map((r) => r.ms);
  const floorMs = floor.map((r) => r.ms);
  return {
    runs,
    appMs,
    floorMs,
    appMedianMs: median(appMs),
    floorMedianMs: median(floorMs),
    appApiFetchStartMs: median(app.map((r) => r.apiFetchStart)),
    floorApiFetchStartMs: median(floor.map((r) => r.apiFetchStart)),
    appScripts: median(app.map((r) => r.scripts.length)),
    floorScripts: median(floor.map((r) => r.scripts.length)),
    appScriptFiles: [...new Set(app.flatMap((r) => r.scripts))].sort(),
    appJsTransferBytes: median(app.map((r) => r.jsTransferBytes)),
    floorJsTransferBytes: median(floor.map((r) => r.jsTransferBytes)),
  };
}
