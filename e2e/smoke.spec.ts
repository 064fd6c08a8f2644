// The built app, served with the emulator on one origin, comes up and shows the demo data a first-time user
// lands on, without console errors or accessibility violations.
import { expect, test } from '@playwright/test';
import { getRestApisViaHttp } from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';

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
