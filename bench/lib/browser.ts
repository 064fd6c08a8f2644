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
