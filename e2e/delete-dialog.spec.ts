// The delete confirmation of an integration response, against the built app and the real emulator: where the focus
// starts, how it names the method, what it says about the method response, and the draft it discards.
import { expect, test } from '@playwright/test';
import { apiRequest, createMethodFixture, editorUrl, putIntegrationResponseViaHttp } from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';
import { openStepFour } from './support/editor-page';

test('the delete dialog opens on Cancel, names the method by its path and says the method response stays', async ({
  page,
}) => {
  const ids = await createMethodFixture({ statusCodes: ['200', '500'], pathPart: 'orders' });
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, 'GET', '500', { selectionPattern: '5\\d{2}' });
  await openStepFour(page, ids);
  await page.getByRole('button', { name: 'Delete integration response 500' }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete the integration response for 500 of GET /orders?' });
  await expect(dialog).toBeVisible();
  // Enter pressed out of habit must not delete.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog).toContainText('API Gateway will stop using this mapping for GET /orders');
  await expect(dialog).not.toContainText(ids.resourceId);
  await expect(dialog).toContainText('The method response 500 stays');
  await expectNoAxeViolations(page, { include: ['[role="dialog"]'] });

  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const stored = await apiRequest(
    'GET',
    `/restapis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/integration/responses/500`,
  );
  expect(stored.status, 'Enter on the opened dialog cancels').toBe(200);
});

test('the delete dialog does not promise a method response that does not exist', async ({ page }) => {
  const ids = await createMethodFixture({ statusCodes: ['200'], pathPart: 'orders' });
  // An integration response without a method response: AWS accepts it (without header mappings).
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, 'GET', '418', { selectionPattern: '418' });
  await openStepFour(page, ids);
  await expect(page.getByRole('region', { name: 'Method response 418' })).toContainText('None declared');
  await page.getByRole('button', { name: 'Delete integration response 418' }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete the integration response for 418 of GET /orders?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('method response stays');
  await expect(dialog).not.toContainText('method response 418 stays');
  await expect(dialog).toContainText('418 has no method response, so nothing is left of 418 on this method.');

  await dialog.getByRole('button', { name: 'Delete integration response 418' }).click();
  await expect(page.getByText('Integration response 418 deleted')).toBeVisible();
});

test('deleting from step 4 discards the unsent draft of that integration response', async ({ page }) => {
  const ids = await createMethodFixture({ statusCodes: ['200', '500'] });
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, 'GET', '500', { selectionPattern: '5\\d{2}' });

  // An unsent change in the editor, kept as a draft in this browser.
  await page.goto(editorUrl(ids, '500'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Edit the integration response for 500');
  const pattern = page.getByRole('textbox', { name: /^Selection pattern/ });
  await pattern.fill('50[0-4]');
  await page.getByRole('link', { name: 'Back to status codes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Leave this page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a status code');

  // Coming back before deleting restores it: the draft is there to be discarded.
  await page.goto(editorUrl(ids, '500'));
  await expect(page.getByText('Restored your unsaved draft')).toBeVisible();
  await expect(pattern).toHaveValue('50[0-4]');
  await page.getByRole('link', { name: 'Back to status codes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Leave this page' }).click();

  await page.getByRole('button', { name: 'Delete integration response 500' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete integration response 500' }).click();
  await expect(page.getByText('Integration response 500 deleted')).toBeVisible();

  // Setting 500 up again starts from nothing, not from the deleted response's draft.
  await page.goto(editorUrl(ids, '500'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Set up the integration response for 500');
  await expect(pattern).toHaveValue('');
  await expect(page.getByText('Restored your unsaved draft')).toHaveCount(0);
});
