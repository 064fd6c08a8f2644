// Cold loads of a deep link over an emulated mobile network (Chromium's network emulation, through CDP): the
// editor (step 5) until its form shows and the overview until its first rows show, against the floor app showing
// its list over the same network. Fresh context each run (no cache), app and floor alternating.
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
  /** …whose text contains this (empty: any). */
  text: string;
}

export const readyWhen = (ready: Ready) => `
(() => {
  const { selector, text } = ${JSON.stringify(ready)};
  const found = () => [...document.querySelectorAll(selector)].some((e) => !text || e.textContent.includes(text));
  const mark = () => requestAnimationFrame(() => {
    const js = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.js'));
    window.__benchThrottled = { ms: performance.now(), jsFiles: js.length, jsTransferBytes: js.reduce((a, e) => a + e.transferSize, 0) };
  });
  const mo = new MutationObserver(() => { if (found()) { mo.disconnect(); mark(); } });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();
`;

interface Once {
  ms: number;
  jsFiles: number;
  jsTransferBytes: number;
}

async function once(browser: Browser, url: string, ready: Ready): Promise<Once> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await page.addInitScript(readyWhen(ready));
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => (window as unknown as { __benchThrottled?: Once }).__benchThrottled,
      undefined,
      { timeout: 60_000 },
    );
    return (await handle.jsonValue()) as Once;
  } finally {
    await context.close();
  }
}

export interface ThrottledPage {
  name: string;
  url: string;
  ready: Ready;
}

export interface ThrottledResult {
  name: string;
  runs: number;
  appMs: number[];
  floorMs: number[];
  appMedianMs: number;
  floorMedianMs: number;
  /** Medians of the JS transferred (bytes on the wire, headers included) before the page was ready. */
  appJsTransferBytes: number;
  floorJsTransferBytes: number;
}

export async function measureThrottled(
  browser: Browser,
  pages: ThrottledPage[],
  floor: ThrottledPage,
  runs: number,
): Promise<ThrottledResult[]> {
  const out: ThrottledResult[] = [];
  for (const p of pages) {
    const app: Once[] = [];
    const ref: Once[] = [];
    for (let i = 0; i < runs; i++) {
      app.push(await once(browser, p.url, p.ready));
      ref.push(await once(browser, floor.url, floor.ready));
    }
    out.push({
      name: p.name,
      runs,
      appMs: app.map((r) => r.ms),
      floorMs: ref.map((r) => r.ms),
      appMedianMs: median(app.map((r) => r.ms)),
      floorMedianMs: median(ref.map((r) => r.ms)),
      appJsTransferBytes: median(app.map((r) => r.jsTransferBytes)),
      floorJsTransferBytes: median(ref.map((r) => r.jsTransferBytes)),
    });
  }
  return out;
}
