// The first page (/apis) is drawn at build time into its HTML (scripts/prerender-first-page.ts), so a user sees it
// before the app's JavaScript has arrived. These hold that JavaScript back, as a slow network does, and check what the
// user sees meanwhile, that nothing they do to the drawing is lost, and that the app takes over where it stands.
import { expect, test, type Page } from '@playwright/test';
import { getRestApisViaHttp } from './support/e2e-server';
import { trackConsoleErrors } from './support/page-checks';

const LIST_REQUEST = /\/restapis\?limit=500$/;

/** Holds back every script of the app until the returned function is called. */
async function holdAppCode(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Opens the first page without waiting for its load event, which waits for the scripts being held. */
async function openHeld(page: Page) {
  await page.goto('/apis', { waitUntil: 'commit' });
}

/** What a user sees of the page's frame: where each part is and how big. */
async function frameBoxes(page: Page) {
  const parts = {
    header: page.locator('header'),
    progress: page.locator('nav[aria-label="Progress"]'),
    heading: page.locator('h1'),
    importPanel: page.getByTestId('import-drop-zone'),
    target: page.getByTestId('current-target'),
  };
  const boxes: Record<string, { x: number; y: number; width: number; height: number } | null> = {};
  for (const [name, locator] of Object.entries(parts)) boxes[name] = await locator.boundingBox();
  return boxes;
}

for (const viewport of [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a wide screen', width: 1440, height: 900 },
]) {
  test(`on ${viewport.name}, the first page shows before the app's code has arrived, and nothing moves when the app takes over`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const errors = trackConsoleErrors(page);
    const release = await holdAppCode(page);
    const listRequested = page.waitForRequest(LIST_REQUEST);
    await openHeld(page);

    await expect(page.locator('h1')).toHaveText('Step 1 of 6: Choose an API');
    await expect(page.getByText('Swagger 2.0 or OpenAPI 3, JSON or YAML')).toBeVisible();
    await expect(page.getByText('Loading APIs…')).toBeVisible();
    await expect(page.getByText('Target:')).toBeVisible();
    // The list is asked for by the HTML itself, while the app's code is still on its way.
    await listRequested;
    const drawn = await frameBoxes(page);

    release();
    const apis = await getRestApisViaHttp();
    await expect(page.getByRole('status').filter({ hasText: `${apis.length} APIs` })).toBeVisible();
    await expect(page.getByTestId('current-target')).toContainText('Embedded demo');
    expect(await frameBoxes(page)).toEqual(drawn);
    expect(errors).toEqual([]);
  });
}

test('the list is asked for once: the app takes the answer the HTML asked for', async ({ page }) => {
  const listRequests: string[] = [];
  page.on('request', (r) => {
    if (LIST_REQUEST.test(r.url())) listRequests.push(r.url());
  });
  await page.goto('/apis');
  const [first] = await getRestApisViaHttp();
  await expect(page.getByRole('link', { name: first?.name, exact: true })).toBeVisible();
  // Long enough for a second request, had the app sent its own.
  await page.waitForTimeout(500);
  expect(listRequests).toHaveLength(1);
});

test('the drawn page takes no input until the app is there; then the same control works', async ({ page }) => {
  const release = await holdAppCode(page);
  await openHeld(page);
  const chooseFile = page.getByText('Choose an OpenAPI file…');
  await expect(chooseFile).toBeVisible();
  // A click on the drawing's file button opens no file picker: a file chosen there would go to a page without code
  // and be lost without a word.
  const box = await chooseFile.boundingBox();
  if (!box) throw new Error('the file button has no box');
  const pickerBeforeApp = page.waitForEvent('filechooser', { timeout: 1_000 }).then(
    () => true,
    () => false,
  );
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(await pickerBeforeApp).toBe(false);

  release();
  await expect(page.getByRole('status').filter({ hasText: /\d+ APIs/ })).toBeVisible();
  const picker = page.waitForEvent('filechooser');
  await page.getByText('Choose an OpenAPI file…').click();
  expect((await picker).isMultiple()).toBe(false);
});

test('a tab connected to another target never shows the default target while the page loads', async ({ page }) => {
  await page.addInitScript(() => {
    // What the Connection page stores for this tab (connection-provider.tsx); port 9 answers nothing.
    sessionStorage.setItem(
      'irs.connection',
      JSON.stringify({
        kind: 'localstack',
        endpoint: 'http://127.0.0.1:9',
        region: 'eu-west-1',
        useForwarding: false,
        rememberCredentials: false,
      }),
    );
  });
  const release = await holdAppCode(page);
  await openHeld(page);
  await expect(page.getByText('Target:')).toBeVisible();
  await expect(page.getByText('Embedded demo')).toBeHidden();
  release();
  await expect(page.getByTestId('current-target')).toContainText('LocalStack · eu-west-1');
  await expect(page.getByText('Embedded demo')).toBeHidden();
});
