// The built app, served with the emulator on one origin, comes up and shows the demo data a first-time user
// lands on, without console errors or accessibility violations.
import { expect, test, type Page } from '@playwright/test';
import { getRestApisViaHttp } from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';

/** The demo data's PetStore, read over HTTP. */
async function demoPetStore() {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo PetStore API is not seeded');
  return api;
}

/** Holds back the router's code until the returned function is called (what a slow network does to it). */
async function holdRouterCode(page: Page): Promise<() => void> {
  let releaseRouter: () => void = () => undefined;
  const routerHeld = new Promise<void>((resolve) => (releaseRouter = resolve));
  await page.route(/\/assets\/router-app-[\w-]+\.js$/, async (route) => {
    await routerHeld;
    await route.continue();
  });
  return releaseRouter;
}

test('the first page shows the product and lists the demo RestApis', async ({ page }) => {
  const demoApis = await getRestApisViaHttp();
  // The e2e server starts with --reset, which reseeds the demo data; an empty list means seeding is broken.
  expect(demoApis.length, 'demo RestApis seeded by the server').toBeGreaterThan(0);

  const errors = trackConsoleErrors(page);
  await page.goto('/');
  await expect(page).toHaveTitle(/Integration Response Studio/);
  await expect(page.getByText('Integration Response Studio').first()).toBeVisible();
  for (const api of demoApis) {
    await expect(page.getByText(api.name, { exact: true }).first(), `demo RestApi "${api.name}" listed`).toBeVisible();
  }
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

// The first page is drawn without the router (src/first-page.tsx); the router's code comes after the list. These
// check the hand-over a user cannot see, and what happens when that code never arrives.
test('following a link from the first page hands over to the router without a page load, and Back returns to the list', async ({
  page,
}) => {
  const [first] = await getRestApisViaHttp();
  if (!first) throw new Error('no demo RestApi');
  await page.goto('/apis');
  await page.getByRole('link', { name: first.name, exact: true }).waitFor();
  // A page load would drop this marker.
  await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
  await page.getByRole('link', { name: first.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a resource');
  await expect(page).toHaveURL(new RegExp(`/apis/${first.id}$`));
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose an API');
  await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // The header's links are in-app links too.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connection', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Connection');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('without the router’s code the list still works, a link falls back to a page load, and the next page says what failed', async ({
  page,
}) => {
  const [first] = await getRestApisViaHttp();
  if (!first) throw new Error('no demo RestApi');
  let blocked = 0;
  await page.route(/\/assets\/router-app-[\w-]+\.js$/, (route) => {
    blocked++;
    return route.abort('connectionfailed');
  });
  await page.goto('/apis');
  await page.getByLabel('Filter by name or id').fill(first.id);
  await expect(page.getByRole('status').filter({ hasText: /APIs? match|APIs$/ })).toContainText('1 of');
  await page.getByRole('link', { name: first.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/apis/${first.id}$`));
  await expect(page.getByRole('alert')).toContainText('Could not load the app');
  expect(blocked).toBeGreaterThan(0);
  await page.unroute(/\/assets\/router-app-[\w-]+\.js$/);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a resource');
});

test('a slow target still gets the first page’s loading state, then the list', async ({ page }) => {
  const [first] = await getRestApisViaHttp();
  if (!first) throw new Error('no demo RestApi');
  // The first render waits up to 150 ms for the list (src/main.tsx); this answer comes well after that.
  await page.route(/\/restapis\?/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/apis');
  await expect(page.getByRole('status').filter({ hasText: 'Loading APIs…' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose an API');
  await expect(page.getByRole('link', { name: first.name, exact: true })).toBeVisible();
});

test('an overview’s page load lists the API’s resources while the router’s code is still on its way, and only once', async ({
  page,
}) => {
  const api = await demoPetStore();
  const releaseRouter = await holdRouterCode(page);
  const listing = /\/restapis\/[^/]+\/resources\?.*embed=methods/;
  const listings: string[] = [];
  page.on('request', (r) => {
    if (listing.test(r.url())) listings.push(r.url());
  });
  const listed = page.waitForRequest(listing);
  await page.goto(`/apis/${api.id}/overview`, { waitUntil: 'commit' });
  // Asked for while the router's code (and so the page's) cannot have run.
  await listed;
  releaseRouter();
  await expect(page.getByTestId('overview-summary')).toBeVisible();
  await expect(page.getByText(api.name, { exact: true })).toBeVisible();
  expect(listings).toHaveLength(1);
});

test('an overview’s page load asks for the resource listing once its frame has painted, not before', async ({
  page,
}) => {
  const api = await demoPetStore();
  await page.goto(`/apis/${api.id}/overview`);
  await expect(page.getByTestId('overview-row').first()).toBeVisible();
  // Ordering, not duration: the listing's request starts after the first contentful paint (overview-frame.tsx), so
  // neither it nor the schemas' code its check loads come before the frame's largest paint.
  const { paintedAt, listedAt } = await page.evaluate(() => ({
    paintedAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    listedAt: performance.getEntriesByType('resource').find((e) => /\/resources\?.*embed=methods/.test(e.name))
      ?.startTime,
  }));
  expect(paintedAt, 'first contentful paint').toBeDefined();
  expect(listedAt, 'the listing’s request').toBeDefined();
  expect(listedAt ?? 0).toBeGreaterThan(paintedAt ?? Number.POSITIVE_INFINITY);
});

test('an overview’s page load shows its title and the API’s name before the router’s code has arrived, then its rows', async ({
  page,
}) => {
  const api = await demoPetStore();
  const releaseRouter = await holdRouterCode(page);
  await page.goto(`/apis/${api.id}/overview`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mapping overview');
  await expect(page.getByText(api.name, { exact: true })).toBeVisible();
  await expect(page.getByTestId('overview-progress')).toContainText('Listing resources…');
  await expect(page.getByTestId('overview-row')).toHaveCount(0);
  releaseRouter();
  await expect(page.getByTestId('overview-summary')).toBeVisible();
  await expect(page.getByTestId('overview-row').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mapping overview');
});

test('the back link of an overview’s frame, followed before the router’s code has arrived, goes to the API’s resources', async ({
  page,
}) => {
  const api = await demoPetStore();
  const releaseRouter = await holdRouterCode(page);
  await page.goto(`/apis/${api.id}/overview`);
  await page.getByRole('link', { name: 'Back to the resources of this API' }).click();
  releaseRouter();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a resource');
  await expect(page).toHaveURL(new RegExp(`/apis/${api.id}$`));
});
