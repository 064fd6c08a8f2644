// Reference for the two keystroke rows: keydown → next animation frame on a bare <input> (no app code), in the
// same browser and run. It is the floor any keystroke measurement in this page-driven setup can reach.
import type { Browser } from '@playwright/test';
import { p95 } from './stats';

export async function measureBareKeystroke(
  browser: Browser,
  url: string,
  keystrokes = 40,
): Promise<{ latenciesMs: number[]; p95Ms: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const w = window as unknown as { __benchLat: number[] };
    w.__benchLat = [];
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'bench');
    document.body.append(input);
    let t0 = 0;
    input.addEventListener('keydown', (e) => (t0 = e.timeStamp));
    input.addEventListener('input', () => requestAnimationFrame(() => w.__benchLat.push(performance.now() - t0)));
    input.focus();
  });
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Backspace' : 'a');
    await page.waitForTimeout(30);
  }
  const lat = await page.evaluate(() => (window as unknown as { __benchLat: number[] }).__benchLat);
  await context.close();
  return { latenciesMs: lat, p95Ms: p95(lat) };
}
