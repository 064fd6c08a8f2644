// The editor's template preview where API Gateway's Java rendering differs from JavaScript's: a back-end body that is
// not JSON, how $context objects print, Java's number formatting, the 1,000-iteration #foreach limit, and parse
// errors in plain words with their line and column. The facts and their sources are in docs/aws/mapping-templates.md.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { createIntegrationFixture, editorUrl, putIntegrationViaHttp } from './support/e2e-server';
import { trackConsoleErrors } from './support/page-checks';
import { addTemplate } from './support/editor-page';

/** An HTTP (non-proxy) method with a 200 method response; the editor opens its new 200 integration response. */
async function openHttpEditor(page: Page): Promise<void> {
  const f = await createIntegrationFixture({ statusCodes: ['200'] });
  await putIntegrationViaHttp(f.api.id, f.resource.id, f.httpMethod, {
    type: 'HTTP',
    httpMethod: 'GET',
    uri: 'https://backend.example.com/items',
  });
  await page.goto(editorUrl({ restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod }, '200'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');
}

/** Adds an application/json template holding `template`; returns its rendered output. */
async function previewTemplate(page: Page, template: string): Promise<Locator> {
  await addTemplate(page, 'application/json', template);
  return page.getByRole('group', { name: 'Rendered output for application/json' });
}

test('a form-encoded back-end body: $input.body and $input.path read it as text, $input.json as a JSON string', async ({
  page,
}) => {
  const errors = trackConsoleErrors(page);
  await openHttpEditor(page);
  await page.getByLabel('Sample body').fill('name=Rex&type=dog');
  const output = await previewTemplate(
    page,
    "$input.body|#foreach($pair in $input.path('$').split('&'))$pair;#end|$input.json('$')",
  );
  await expect(output).toHaveText('name=Rex&type=dog|name=Rex;type=dog;|"name=Rex&type=dog"');
  expect(errors).toEqual([]);
});

test('$context objects print as nothing, as API Gateway prints them', async ({ page }) => {
  await openHttpEditor(page);
  const output = await previewTemplate(
    page,
    '[$context.identity][$context.responseOverride.header][$context.identity.sourceIp]',
  );
  await expect(output).toHaveText('[][][203.0.113.10]');
});

test('numbers print as Java prints them: 1.0 stays 1.0, doubles in E notation, large integers exact', async ({
  page,
}) => {
  await openHttpEditor(page);
  await page.getByLabel('Sample body').fill('{"a": 1.0, "b": 1e10, "c": 12345678901234567890, "d": 5, "e": 0.5}');
  const output = await previewTemplate(
    page,
    "$input.path('$.a') $input.path('$.b') $input.path('$.c') $input.path('$.d') $input.path('$.e') $input.json('$.a')",
  );
  await expect(output).toHaveText('1.0 1.0E10 12345678901234567890 5 0.5 1.0');
});

test('a #foreach stops after 1,000 iterations, and the preview says so', async ({ page }) => {
  await openHttpEditor(page);
  const output = await previewTemplate(page, '#foreach($i in [1..1500])#set($last = $i)#end$last');
  await expect(output).toHaveText('1000');
  await expect(page.getByTestId('template-preview')).toContainText(
    'Cut short: The #foreach on line 1 stopped after 1,000 iterations of 1,500: API Gateway runs no more.',
  );
});

test('a parse error reads in plain words with its line and column', async ({ page }) => {
  await openHttpEditor(page);
  await previewTemplate(page, '{\n  "a": 1,\n  #if $input.path(\'$.a\') == 1\n  "b": 2\n#end\n}');
  await expect(page.getByTestId('template-preview')).toContainText(
    "The template can't be rendered. Line 3, column 7: #if needs its condition in parentheses, e.g. #if($x == 1).",
  );
});
