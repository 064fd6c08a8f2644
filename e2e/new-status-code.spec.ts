// Opening a new status code from step 4 through the editor, the review and Send, against the built app and the real
// emulator: what the method already says is used, so no request is answered with an error and nothing is logged.
import { expect, test } from '@playwright/test';
import { apiRequest, createMethodFixture } from './support/e2e-server';
import { trackConsoleErrors } from './support/page-checks';
import { clickContinueToReview, openStepFour } from './support/editor-page';

test('opening and sending a new status code from step 4 makes no request that fails and logs no error', async ({
  page,
}) => {
  const ids = await createMethodFixture({ statusCodes: ['200'] });
  const errors = trackConsoleErrors(page);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.request().method()} ${r.url()}: ${r.status()}`);
  });

  await openStepFour(page, ids);
  await page.getByLabel('A new status code').check();
  await page.getByLabel('Status code', { exact: true }).fill('404');
  await page.getByRole('button', { name: 'Create method response 404' }).click();
  await expect(page.getByText('Method response 404 created')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Set up the integration response for 404');
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('404');
  await clickContinueToReview(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Check and send the integration response for 404',
  );
  await expect(page.getByRole('button', { name: 'Create integration response 404' })).toBeVisible();
  await page.getByRole('button', { name: 'Create integration response 404' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 created');

  const stored = await apiRequest<{ selectionPattern?: string }>(
    'GET',
    `/restapis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/integration/responses/404`,
  );
  expect(stored.body.selectionPattern).toBe('404');
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
