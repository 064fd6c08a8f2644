// What the editor checks, as a person meets it, one test per check: against the built app and the real emulator,
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
import { clickContinueToReview } from './support/editor-page';

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

async function openEditor400(page: Page, f: IntegrationFixture): Promise<void> {
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/${f.httpMethod}/responses/400`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for');
}

function testerRow(page: Page, sample: string) {
  return page
    .getByRole('table', { name: 'Integration response selected for each sample' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: sample, exact: true }) });
}

test("changing a mapping's Source never turns 30 into context.30: the value is cleared and required", async ({
  page,
}) => {
  await openEditor400(page, await fixture());
  await page.getByRole('button', { name: 'Add a header mapping' }).click();
  await page.getByLabel('Static value').fill('30');
  await page.getByLabel('Source', { exact: true }).selectOption('context');
  await expect(page.getByLabel('Context variable')).toHaveValue('');
  await expect(page.getByText('Enter the context variable name, for example requestId').first()).toBeVisible();
  await expect(page.getByText('No problems found.')).toHaveCount(0);
  await page.getByLabel('Context variable').fill('requestId');
  await expect(page.getByTestId('mapping-expression')).toHaveText('context.requestId');
  await expect(page.getByText('No problems found.')).toBeVisible();
});

test('a static value typed with its quotes is warned about, and the quotes go in one click', async ({ page }) => {
  await openEditor400(page, await fixture());
  await page.getByRole('button', { name: 'Add a header mapping' }).click();
  const value = page.getByLabel('Static value');
  await value.fill("'*'");
  await expect(page.getByTestId('mapping-expression')).toHaveText("''*''");
  await page.getByRole('button', { name: 'Drop the quotes' }).click();
  await expect(value).toHaveValue('*');
  await expect(page.getByTestId('mapping-expression')).toHaveText("'*'");
});

test('a JavaScript regex literal is flagged, with the Java spelling one click away, and the review repeats it', async ({
  page,
}) => {
  await openEditor400(page, await fixture());
  const pattern = page.getByLabel(/Lambda error regex/);
  await pattern.fill('/Invalid.*/');
  await expect(page.getByText(/looks like a JavaScript regex literal/)).toBeVisible();
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/responses\/400\/review$/);
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(/JavaScript regex literal/);
  await page.goBack();
  await pattern.fill('/invalid.*/i');
  await page.getByRole('button', { name: 'Use (?i)invalid.*' }).click();
  await expect(pattern).toHaveValue('(?i)invalid.*');
  await expect(page.getByText(/looks like a JavaScript regex literal/)).toHaveCount(0);
});

test('overlapping patterns are named in the tester row, on the field, in the review and in the overview', async ({
  page,
}) => {
  const f = await fixture();
  await openEditor400(page, f);
  const pattern = page.getByLabel(/Lambda error regex/);
  await pattern.fill('(?i)invalid.*');
  const row = testerRow(page, 'Invalid input: name is required');
  await expect(row).toContainText('400 (this response)');
  await expect(row).toContainText('Overlap: also matched by the pattern of 500');
  await expect(pattern).toHaveAccessibleDescription(/both match/);
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/responses\/400\/review$/);
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText(
    /Selection pattern: This pattern and the 500 integration response's pattern/,
  );

  // Stored, both rows of the overview carry the problem.
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '400', {
    selectionPattern: '(?i)invalid.*',
  });
  await page.goto(`/apis/${f.api.id}/overview`);
  for (const statusCode of ['400', '500']) {
    const overviewRow = page.locator(
      `[data-testid="overview-row"][data-row-id="${f.resource.id} ${f.httpMethod} ${statusCode}"]`,
    );
    await expect(overviewRow.locator('[data-problem="overlap"]')).toBeVisible();
  }
});

test('the tester decides as java.util.regex does, and says so on the field where it cannot', async ({ page }) => {
  await openEditor400(page, await fixture());
  const pattern = page.getByLabel(/Lambda error regex/);
  const sample = 'Invalid input: name is required';
  // Class intersection and a scoped flag: JavaScript would read [a-z&&[aeiou]] as a plain class.
  await pattern.fill('(?i:INVALID) [a-z&&[aeiou]]nput.*');
  await expect(testerRow(page, sample)).toContainText('400 (this response)');
  await pattern.fill('(?i:INVALID) [a-z&&[^aeiou]]nput.*');
  await expect(testerRow(page, sample)).toContainText('500');
  // A possessive quantifier gives back nothing: .*+ swallows the text the rest needs.
  await pattern.fill('Invalid.*+required');
  await expect(testerRow(page, sample)).toContainText('500');
  await pattern.fill('Invalid.*required');
  await expect(testerRow(page, sample)).toContainText('400 (this response)');
  // \A, \z and \Q…\E, Java's spellings.
  await pattern.fill('\\AInvalid\\Q input:\\E.*\\z');
  await expect(testerRow(page, sample)).toContainText('400 (this response)');
  // A construct the preview cannot reproduce: said on the field, and no verdict instead of a guess.
  await pattern.fill('Invalid\\X');
  await expect(pattern).toHaveAccessibleDescription(/is not supported here/);
  await expect(page.getByRole('note').filter({ hasText: "Can't decide" })).toContainText('is not supported here');
  await expect(testerRow(page, sample)).toContainText("Can't tell");
  await expect(testerRow(page, sample)).not.toContainText('400 (this response)');
});

test('a multi-line Lambda error message is one sample, so the multi-line rule can be tried', async ({ page }) => {
  await openEditor400(page, await fixture());
  await page.getByLabel(/Lambda error regex/).fill('Invalid input.*');
  await page.getByRole('button', { name: 'Add an error message' }).click();
  await page.keyboard.type('Invalid input');
  await page.keyboard.press('Enter');
  await page.keyboard.type('  at handler (index.js:1:1)');
  // "." does not cross the line break, and the pattern must match the whole message: not this response.
  await expect(testerRow(page, 'Invalid input at handler (index.js:1:1)')).toContainText('200');
  await page.getByLabel(/Lambda error regex/).fill('(?s)Invalid input.*');
  await expect(testerRow(page, 'Invalid input at handler (index.js:1:1)')).toContainText('400 (this response)');
});
