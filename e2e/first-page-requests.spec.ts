// What the first page asks for before it paints, against the built app served by the e2e server: its HTML (with the
// stylesheet and the tab's icon written in), the app's code in one file, and its list, which the HTML preloads and the
// app takes (docs/performance.md, "The first page's requests"). And the preloaded list only ever reaches the tab it
// is for: the default connection's.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apigw, dummyAuthorization } from '../test-support/http-client';
import { e2eBaseUrl, uniqueName } from './support/e2e-server';
import { trackConsoleErrors } from './support/page-checks';

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

test('the first page’s HTML asks only for the app’s code and its list, and the list goes out once', async ({
  page,
}) => {
  const errors = trackConsoleErrors(page);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(pathOf(r.url())));
  await page.goto('/apis');
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();

  // Resource Timing: what was asked for before the app's code had arrived, so from the HTML itself.
  const fromTheHtml = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const code = resources.find((e) => e.initiatorType === 'script' && /\/assets\/index-[\w-]+\.js$/.test(e.name));
    if (!code) return null;
    return resources
      .filter((e) => e.startTime <= code.responseEnd)
      .map((e) => `${new URL(e.name).pathname}${new URL(e.name).search}`)
      .sort();
  });
  expect(fromTheHtml).toEqual([expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/), '/restapis?limit=500']);

  // The list went out once: the app's own request took the answer the HTML had preloaded.
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.startsWith('/restapis'))).toEqual(['/restapis?limit=500']);
  // The tab's icon is in the HTML, so the browser fetches none; it is the project's own.
  expect(requested.filter((p) => p.startsWith('/favicon'))).toEqual([]);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon && decodeURIComponent(icon.replace(/^data:image\/svg\+xml,/, ''))).toBe(
    readFileSync('public/favicon.svg', 'utf8').trim(),
  );
  expect(errors).toEqual([]);
});

test('a tab on another region of this same address gets that region’s list, not the preloaded one', async ({
  page,
}) => {
  // An API that only eu-west-1 has (the emulator reads the region from the credential scope).
  const name = uniqueName('OnlyInEuWest1');
  const created = await apigw(
    e2eBaseUrl,
    'POST',
    '/restapis',
    { name },
    {
      headers: { Authorization: dummyAuthorization.replace('/us-east-1/', '/eu-west-1/') },
    },
  );
  expect(created.status).toBe(201);

  // The connection page: a custom endpoint at this very address, in eu-west-1. Its list request has the URL the
  // first page's HTML preloads for the default connection (us-east-1).
  await page.goto('/connection');
  await page.getByLabel('Custom endpoint').check();
  await page.getByLabel('Endpoint URL').fill(e2eBaseUrl);
  await page.getByLabel('Region').fill('eu-west-1');
  await page.getByLabel('Forward through this app').uncheck();
  await page.getByRole('button', { name: 'Save and use this connection' }).click();

  // A fresh load of the first page, as after a reload: its HTML preloads us-east-1's list again.
  const listRequests: string[] = [];
  page.on('request', (r) => {
    if (pathOf(r.url()).startsWith('/restapis')) listRequests.push(r.headers()['authorization'] ?? '(unsigned)');
  });
  await page.goto('/apis');
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toHaveCount(0);
  // The preload, and the tab's own request signed for eu-west-1.
  expect(listRequests).toEqual(['(unsigned)', expect.stringContaining('/eu-west-1/apigateway/aws4_request')]);
});
