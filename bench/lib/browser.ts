// Chromium for the bench: Playwright's own browser when installed, else CHROMIUM_PATH or Debian's /usr/bin/chromium.
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';

// --disable-frame-rate-limit and --disable-gpu-vsync: a frame is produced as soon as there is something to show,
// instead of at the next 60 Hz tick. Without them every "keydown → next frame" figure includes up to 16.7 ms of
// waiting for the tick (a bare <input> measured 15.8 ms p95 that way, 5.4 ms without), which is the display's
// cadence, not work the page does. Every browser figure, references included, is measured with the same flags.
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-frame-rate-limit',
  '--disable-gpu-vsync',
];

export function launchChromium(): Promise<Browser> {
  let executablePath: string | undefined;
  if (process.env.CHROMIUM_PATH) executablePath = process.env.CHROMIUM_PATH;
  else if (!existsSync(chromium.executablePath()) && existsSync('/usr/bin/chromium'))
    executablePath = '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: chromiumFlags });
}

/**
 * Installed before any page script: records `performance.now()` (ms since navigation start) at the first
 * animation frame after an <a> whose text is `window.__benchTarget` is in the document, i.e. the list with
 * its data has been committed; React has attached its event handlers by then, so the link is interactive.
 */
export const readyProbe = (targetText: string) => `
(() => {
  const target = ${JSON.stringify(targetText)};
  const found = () => [...document.querySelectorAll('a')].some((a) => a.textContent === target);
  const mark = () => requestAnimationFrame(() => {
    const entries = performance.getEntriesByType('resource');
    const api = entries.find((e) => new URL(e.name).pathname === '/restapis');
    window.__benchDetail = {
      // When the list request started: how much of the load is spent before the data is even asked for.
      apiFetchStart: api ? api.startTime : null,
      // Every JS file fetched before the list showed: the bundle row counts them all as the first page's.
      scripts: entries.filter((e) => new URL(e.name).pathname.endsWith('.js')).map((e) => new URL(e.name).pathname.slice(1)),
      // Bytes on the wire (headers included, as served: brotli from npm start) of the JS fetched so far.
      jsTransferBytes: entries.filter((e) => new URL(e.name).pathname.endsWith('.js')).reduce((a, e) => a + e.transferSize, 0),
    };
    window.__benchReady = performance.now();
  });
  const mo = new MutationObserver(() => { if (found()) { mo.disconnect(); mark(); } });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();
`;
