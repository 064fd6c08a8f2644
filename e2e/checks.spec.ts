// What the editor checks (issue 13, items 4-9), as a person meets it: against the built app and the real emulator,
// a Lambda method whose 500 response catches "anything with input". Each check is a warning, never a refusal, and
// the review repeats the warnings next to the change.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  createIntegrationFixture,
  putIntegrationResponseViaHttp,
  putIntegrationViaHttp,
  type IntegrationFixture,
} from './support/e2e-server';

const LAMBDA_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

async function fixture(): Promise<IntegrationFixture> {
  const f = await createIntegrationFixture({ statusCodes: ['200', '400', '500'], headers: { 'X-Origin': false } });
  await putIntegrationViaHttp(f.api.id, f.resource.id, f.httpMethod, {
    type: 'AWS',
    httpMethod: 'POST',
    uri: LAMBDA_URI,
  });
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '200', {});
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '500', { selectionPattern: '.*input.*' });
  return f;
}

function testerRow(page: Page, sample: string) {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: sample, exact: true }) });
}

test('regex habits, overlaps, quoted values and Source changes are caught, and the review repeats the warnings', async ({
  page,
}) => {
  const f = await fixture();
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/${f.httpMethod}/responses/400`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for');

  // A JavaScript regex literal: warned, with the Java spelling one click away.
  const pattern = page.getByLabel(/Lambda error regex/);
  await pattern.fill('/invalid.*/i');
  await expect(page.getByText(/looks like a JavaScript regex literal/)).toBeVisible();
  await page.getByRole('button', { name: 'Use (?i)invalid.*' }).click();
  await expect(pattern).toHaveValue('(?i)invalid.*');

  // Java's own syntax decides the tester: class intersection and a scoped flag.
  await pattern.fill('(?i:INVALID) [a-z&&[aeiou]]nput.*');
  await expect(testerRow(page, 'Invalid input: name is required')).toContainText('400 (this response)');
  await pattern.fill('(?i:INVALID) [a-z&&[^aeiou]]nput.*');
  await expect(testerRow(page, 'Invalid input: name is required')).toContainText('500');
  await pattern.fill('(?i)invalid.*');

  // Overlap: the 400 pattern and the 500 one both match this sample.
  const row = testerRow(page, 'Invalid input: name is required');
  await expect(row).toContainText('400 (this response)');
  await expect(row).toContainText('Overlap: also matched by the pattern of 500');
  await expect(pattern).toHaveAccessibleDescription(/both match/);

  // A multi-line Lambda error message is one sample.
  await page.getByRole('button', { name: 'Add an error message' }).click();
  await page.keyboard.type('Invalid input');
  await page.keyboard.press('Enter');
  await page.keyboard.type('  at handler (index.js:1:1)');
  await expect(testerRow(page, 'Invalid input at handler (index.js:1:1)')).toContainText('200');

  // A static value typed with its quotes: warned, and the quotes go in one click.
  await page.getByRole('button', { name: 'Add a header mapping' }).click();
  const value = page.getByLabel('Static value');
  await value.fill("'*'");
  await expect(page.getByTestId('mapping-expression')).toHaveText("''*''");
  await page.getByRole('button', { name: 'Drop the quotes' }).click();
  await expect(value).toHaveValue('*');
  await expect(page.getByTestId('mapping-expression')).toHaveText("'*'");

  // Switching the Source never turns 30 into context.30: the value is cleared and required.
  await value.fill('30');
  await page.getByLabel('Source', { exact: true }).selectOption('context');
  await expect(page.getByLabel('Context variable')).toHaveValue('');
  await expect(page.getByText('Enter the context variable name, for example requestId').first()).toBeVisible();
  await expect(page.getByText('No problems found.')).toHaveCount(0);
  await page.getByLabel('Context variable').fill('requestId');
  await expect(page.getByTestId('mapping-expression')).toHaveText('context.requestId');
  await expect(page.getByText('No problems found.')).toBeVisible();

  // The review repeats what AWS accepts but may not be meant.
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page).toHaveURL(/\/responses\/400\/review$/);
  const warnings = page.getByRole('list', { name: 'Warnings' });
  await expect(warnings).toContainText(/Selection pattern: This pattern and the 500 integration response's pattern/);
});
