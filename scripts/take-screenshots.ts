// Takes the README's screenshots (docs/images/) from a running app with the demo data:
//
//   npm start -- --port 5342 --data-dir .tmp/shots --reset      (in another terminal)
//   npx tsx scripts/take-screenshots.ts http://127.0.0.1:5342
//
// Uses Playwright's Chromium, or CHROMIUM_PATH, or /usr/bin/chromium. Ids differ with every --reset, so the pages
// are found through the API, not hard-coded.
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const base = process.argv[2] ?? 'http://127.0.0.1:5342';
const outDir = fileURLToPath(new URL('../docs/images/', import.meta.url));

interface Shot {
  name: string;
  path: string;
  colorScheme: 'light' | 'dark';
  viewport: { width: number; height: number };
  /** Something the page shows once it is ready to be photographed. */
  ready: (page: Page) => Promise<void>;
  /** Photograph this much of the page from this heading down, instead of the top of the page. */
  fromHeading?: { name: string; height: number };
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

async function demoPaths(): Promise<{ editor: string; overview: string }> {
  const apis = await getJson<{ item: { id: string; name: string }[] }>('/restapis');
  const petStore = apis.item.find((a) => a.name === 'PetStore');
  if (!petStore) throw new Error('no PetStore API: start the app with --reset to seed the demo data');
  const resources = await getJson<{ item: { id: string; path: string }[] }>(
    `/restapis/${petStore.id}/resources?limit=500`,
  );
  const pets = resources.item.find((r) => r.path === '/pets');
  if (!pets) throw new Error('no /pets resource in the demo data');
  return {
    editor: `/apis/${petStore.id}/resources/${pets.id}/methods/POST/responses/400`,
    overview: `/apis/${petStore.id}/overview`,
  };
}

const desktop = { width: 1280, height: 860 };
const phone = { width: 390, height: 844 };

async function shots(): Promise<Shot[]> {
  const { editor, overview } = await demoPaths();
  const editorReady = async (page: Page) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.locator('.cm-editor').first().waitFor();
    // The preview renders in a worker; give it a moment after the editor appears.
    await page.waitForTimeout(1500);
  };
  const listReady = async (page: Page) => {
    await page.getByText('PetStore').first().waitFor();
  };
  const overviewReady = async (page: Page) => {
    await page.getByRole('table').first().waitFor();
    // The overview shows methods as they load; photograph it complete, with the flow picture drawn.
    await page.getByText(/^Loaded \d+ of \d+ methods/).waitFor({ state: 'hidden' });
    const showFlow = page.getByRole('button', { name: 'Show the flow picture' });
    if (await showFlow.isVisible()) {
      await showFlow.click();
      await page.getByText('Backend outcome').first().waitFor();
    }
  };
  return [
    {
      name: 'editor-light',
      path: editor,
      colorScheme: 'light',
      viewport: desktop,
      ready: editorReady,
      fromHeading: { name: 'When this response is used', height: 720 },
    },
    {
      name: 'preview-dark',
      path: editor,
      colorScheme: 'dark',
      viewport: desktop,
      ready: editorReady,
      fromHeading: { name: 'Response templates', height: 900 },
    },
    { name: 'overview-light', path: overview, colorScheme: 'light', viewport: desktop, ready: overviewReady },
    { name: 'apis-phone-dark', path: '/apis', colorScheme: 'dark', viewport: phone, ready: listReady },
  ];
}

async function launch(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await launch();
  try {
    for (const shot of await shots()) {
      const context = await browser.newContext({
        viewport: shot.viewport,
        colorScheme: shot.colorScheme,
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(`${base}${shot.path}`);
      await shot.ready(page);
      const path = `${outDir}${shot.name}.png`;
      if (shot.fromHeading) {
        const heading = page.getByRole('heading', { name: shot.fromHeading.name, exact: true });
        const box = await heading.boundingBox();
        if (!box) throw new Error(`${shot.name}: no heading "${shot.fromHeading.name}"`);
        const y = Math.max(0, Math.round(box.y) - 24);
        await page.screenshot({
          path,
          fullPage: true,
          clip: { x: 0, y, width: shot.viewport.width, height: shot.fromHeading.height },
        });
      } else await page.screenshot({ path });
      await context.close();
      console.log(`docs/images/${shot.name}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
