// Search across APIs, against the built app and the real emulator: a pattern found in several APIs, a result opening
// the editor, Back returning to the results without loading the APIs again, the problem filter, stopping a search,
// and a query that asks for nothing.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createIntegrationFixture, putIntegrationResponseViaHttp, type IntegrationFixture } from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';
import { clickContinueToReview } from './support/editor-page';

/** A word no other spec or the demo data uses, so the counts below are exact. */
const token = `Quokka${Date.now().toString(36)}`;

async function apiWithPattern(name: string, pattern: string | undefined): Promise<IntegrationFixture> {
  const f = await createIntegrationFixture({ name, statusCodes: ['200', '404'] });
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '200', {});
  if (pattern !== undefined) {
    await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '404', { selectionPattern: pattern });
  }
  return f;
}

async function searchFor(page: Page, text: string, field = 'Everything'): Promise<void> {
  await page.getByLabel('Search for').fill(text);
  await page.getByLabel('In', { exact: true }).selectOption({ label: field });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

test('a selection pattern is found in every API that has it; a result opens the editor, and Back returns to the results', async ({
  page,
}) => {
  const first = await apiWithPattern(`search-a-${token}`, `${token} not found.*`);
  const second = await apiWithPattern(`search-b-${token}`, `(?i)${token.toLowerCase()}.*`);
  await apiWithPattern(`search-c-${token}`, 'Elsewhere.*');

  await page.goto('/apis');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search across APIs');
  await searchFor(page, token, 'Selection patterns');

  await expect(page.getByTestId('search-status').getByRole('status')).toHaveText(/^Searched \d+ APIs: 2 results$/);
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('region')).toHaveCount(2);
  await expect(page.getByRole('region', { name: `Results in search-a-${token}` })).toContainText(
    'in selection pattern',
  );
  await expect(page.getByRole('region', { name: `Results in search-b-${token}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${token}&in=pattern$`));
  await expectNoAxeViolations(page);

  // The first API's result: results are listed per API as each API's search completes, so under load the second
  // API's can come first.
  await page
    .getByRole('region', { name: `Results in search-a-${token}` })
    .getByRole('link', { name: `GET /items → 404` })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 404');
  expect(page.url()).toContain(`/apis/${first.api.id}/`);
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toHaveValue(`${token} not found.*`);
  // Back from the editor shows the same results from what was loaded: no API is listed again.
  let listings = 0;
  page.on('request', (r) => {
    if (/\/restapis\/[^/]+\/resources$/.test(new URL(r.url()).pathname)) listings++;
  });
  await page.goBack();
  await expect(page.getByTestId('search-status').getByRole('status')).toHaveText(/: 2 results$/);
  await expect(page.getByLabel('Search for')).toHaveValue(token);
  expect(listings).toBe(0);

  // A change sent from the dashboard is seen by the next search (the write invalidates what was loaded).
  await page.getByRole('link', { name: `GET /items → 404` }).nth(1).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 404');
  expect(page.url()).toContain(`/apis/${second.api.id}/`);
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('Gone.*');
  await clickContinueToReview(page);
  await page.getByRole('button', { name: 'Replace integration response 404' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 replaced');
  await page.goto(`/search?q=${token}&in=pattern`);
  await expect(page.getByTestId('search-status').getByRole('status')).toHaveText(/: 1 result$/);
});

test('the problem filter finds rows the editor would flag, and a template search says where it matched', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ name: `search-problem-${token}`, statusCodes: ['200'] });
  // 500 has no method response: a problem the overview and the editor flag.
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '500', {
    selectionPattern: '5\\d{2}',
    responseTemplates: { 'application/json': `{"kind": "${token}-template"}` },
  });
  await page.goto('/search');
  await page.getByLabel('Search for').fill(`${token}-template`);
  await page.getByLabel('Problem').selectOption({ label: 'Missing method response' });
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-status').getByRole('status')).toHaveText(/: 1 result$/);
  const hit = page.getByRole('region', { name: `Results in search-problem-${token}` }).getByRole('listitem');
  await expect(hit).toContainText('in template application/json');
  await expect(hit.getByTestId('search-hit-problems')).toContainText('Missing method response');
});

test('a status code searched from the form or the address finds its rows (the router reads ?q=404 as a number)', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ name: `search-status-${token}`, statusCodes: ['200', '418'] });
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '418', { selectionPattern: 'Teapot.*' });
  await page.goto('/search');
  await searchFor(page, '418', 'Status codes');
  await expect(page.getByRole('region', { name: `Results in search-status-${token}` })).toContainText(
    'GET /items → 418',
  );
  await page.goto('/search?q=418&in=status');
  await expect(page.getByLabel('Search for')).toHaveValue('418');
  await expect(page.getByRole('region', { name: `Results in search-status-${token}` })).toContainText('in status code');
});

test('a search can be stopped and keeps what it found; an empty query is explained, not run', async ({ page }) => {
  await page.goto('/search');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByText('Enter text to search for, or choose a problem.')).toBeVisible();
  await expect(page.getByTestId('search-status')).toHaveCount(0);

  // Every API's listing waits, so the search is still running when Stop is pressed.
  await page.route('**/restapis/*/resources?*', async (route) => {
    await new Promise((r) => setTimeout(r, 4_000));
    await route.continue().catch(() => undefined);
  });
  await searchFor(page, `${token}-nothing`);
  await expect(page.getByTestId('search-status')).toContainText('Searching…');
  await page.getByRole('button', { name: 'Stop searching' }).click();
  await expect(page.getByTestId('search-status').getByRole('status')).toHaveText(/^Search stopped: \d+ of \d+ APIs/);
  await expect(page.getByRole('button', { name: 'Reload and search again' })).toBeVisible();
});
