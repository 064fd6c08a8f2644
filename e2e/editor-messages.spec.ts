// What the editor says and where, against the built app and the real emulator: a message that appears while typing
// never moves the field being typed into; the catch-all warning names whichever response is the default; a Lambda
// proxy method says what AWS requires of the function's answer instead of promising it goes through unchanged.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import {
  createIntegrationFixture,
  editorUrl,
  putIntegrationResponseViaHttp,
  putIntegrationViaHttp,
  type MethodIds,
} from './support/e2e-server';

const LAMBDA_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

/** A MOCK method (selection patterns see status codes) with method responses 200 and 500 declaring X-Origin. */
async function mockMethod(): Promise<MethodIds> {
  const f = await createIntegrationFixture({ statusCodes: ['200', '500'], headers: { 'X-Origin': false } });
  return { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
}

async function openEditor(page: Page, ids: MethodIds, statusCode: string): Promise<void> {
  await page.goto(editorUrl(ids, statusCode));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for');
}

/** Where the field is on the page (document coordinates, so scrolling does not count as moving). */
function documentTop(field: Locator): Promise<number> {
  return field.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

test('a warning that appears while typing does not move the selection pattern field', async ({ page }) => {
  await openEditor(page, await mockMethod(), '200');
  const pattern = page.getByRole('textbox', { name: /^Selection pattern/ });
  await expect(page.getByRole('table', { name: 'Integration response selected for each sample' })).toBeVisible();
  const before = await documentTop(pattern);
  await pattern.click();
  // A JavaScript regex literal, typed key by key: the warnings about it appear on the way.
  await pattern.pressSequentially('/4\\d{2}/');
  await expect(page.getByText(/looks like a JavaScript regex literal/)).toBeVisible();
  expect(await documentTop(pattern)).toBe(before);
  await expect(pattern).toBeFocused();
  await expect(pattern).toHaveValue('/4\\d{2}/');
});

test('a warning that appears while typing does not move the header mapping value field', async ({ page }) => {
  await openEditor(page, await mockMethod(), '200');
  await page.getByRole('button', { name: 'Add a header mapping' }).click();
  const value = page.getByLabel('Static value');
  const before = await documentTop(value);
  await value.click();
  // Quotes typed by hand: AWS would store ''*'', and the editor says so as soon as they are there.
  await value.pressSequentially("'*'");
  await expect(page.getByRole('button', { name: 'Drop the quotes' })).toBeVisible();
  expect(await documentTop(value)).toBe(before);
  await expect(value).toBeFocused();
  await expect(value).toHaveValue("'*'");
});

test('the catch-all warning names the default response whatever its status code (here 500)', async ({ page }) => {
  const ids = await mockMethod();
  // 500 is the default (no selection pattern); 200 is being given a pattern that matches every status code.
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '500', {});
  await openEditor(page, ids, '200');
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('\\d{3}');
  const warning = page.getByText(/This pattern matches every HTTP status code/);
  await expect(warning).toHaveText(
    'Warning: This pattern matches every HTTP status code, so the default integration response (500, the one with no selection pattern) is never used: every status code that no other pattern matches gets 200 instead of 500.',
  );
  await expect(warning).not.toContainText('successful');
});

test('a Lambda proxy method says what the function must return, and that anything else is a 502', async ({ page }) => {
  const ids = await mockMethod();
  await putIntegrationViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, {
    type: 'AWS_PROXY',
    httpMethod: 'POST',
    uri: LAMBDA_URI,
  });
  await page.goto(editorUrl(ids, '200'));
  // The notice: its title and what follows it.
  const notice = page
    .getByText('Integration responses do not apply to Lambda proxy integrations', { exact: true })
    .locator('..');
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('unchanged');
  for (const member of ['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'])
    await expect(notice.getByText(member, { exact: true }).first()).toBeVisible();
  await expect(notice).toContainText('502');
  await expect(notice).toContainText('Malformed Lambda proxy response');
  // No form: there is nothing to edit on a proxy integration.
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toHaveCount(0);
});
