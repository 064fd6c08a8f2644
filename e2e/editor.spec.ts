// Step 5, the integration response editor, against the built app and the real emulator: every field, live AWS
// errors that appear and clear, the selection-pattern tester and the template preview, drafts across a reload,
// keyboard-only editing and axe in light and dark.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  apiRequest,
  createIntegrationFixture,
  editorUrl,
  getResourcesViaHttp,
  getRestApisViaHttp,
  putIntegrationResponseViaHttp,
  putIntegrationViaHttp,
  putMethodResponseViaHttp,
  type IntegrationFixture,
} from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';
import { clickContinueToReview } from './support/editor-page';

const LAMBDA_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations';

/** A Lambda (non-proxy) method with a default 200 and method responses 200/404 declaring X-Declared. */
async function lambdaFixture(): Promise<IntegrationFixture & { restApiId: string; resourceId: string }> {
  const f = await createIntegrationFixture({ statusCodes: ['200', '404'], headers: { 'X-Declared': false } });
  await putIntegrationViaHttp(f.api.id, f.resource.id, f.httpMethod, {
    type: 'AWS',
    httpMethod: 'POST',
    uri: LAMBDA_URI,
  });
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, f.httpMethod, '200', {});
  return { ...f, restApiId: f.api.id, resourceId: f.resource.id };
}

async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for');
}

/** The template editor: CodeMirror once loaded (a contenteditable textbox with the same accessible name). */
async function codeEditor(page: Page, contentType: string) {
  const editor = page.getByRole('textbox', { name: `Mapping template for ${contentType}` });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  return editor;
}

function testerRow(page: Page, sample: string) {
  return page
    .getByRole('table', { name: 'Integration response selected for each sample' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: sample, exact: true }) });
}

test('fills every field, with live AWS errors that clear, and the tester and preview following along', async ({
  page,
}) => {
  const f = await lambdaFixture();
  const errors = trackConsoleErrors(page);
  await openEditor(page, editorUrl(f, '404'));
  await expect(page).toHaveTitle(/^Step 5 of 6: Set up the integration response for 404/);

  // Selection pattern, labelled for Lambda; the tester follows it as it is typed.
  const pattern = page.getByLabel(/Lambda error regex/);
  await expect(testerRow(page, 'Not found: order 42')).toContainText('No pattern matched: default response');
  await pattern.fill('Not found');
  // Whole-string match: a bare prefix does not select this response...
  await expect(testerRow(page, 'Not found: order 42')).toContainText('200');
  await pattern.fill('Not found.*');
  // ...a pattern covering the whole message does.
  await expect(testerRow(page, 'Not found: order 42')).toContainText('404 (this response)');
  await expect(testerRow(page, 'Successful call (empty error message)')).toContainText('200');
  await page.getByRole('textbox', { name: 'Error message 1' }).fill('Not found: pet 7');
  await page.getByRole('textbox', { name: 'Error message 2' }).fill('Boom');
  await expect(testerRow(page, 'Not found: pet 7')).toContainText('404 (this response)');
  await expect(testerRow(page, 'Boom')).toContainText('200');
  // A multi-line error message is one sample: "." does not cross its line break, so the default takes it.
  await page.getByRole('button', { name: 'Add an error message' }).click();
  await page.keyboard.type('Not found: pet 8');
  await page.keyboard.press('Enter');
  await page.keyboard.type('    at handler (index.js:1:1)');
  await expect(testerRow(page, 'Not found: pet 8 at handler (index.js:1:1)')).toContainText('200');
  await pattern.fill('(?s)Not found.*');
  await expect(testerRow(page, 'Not found: pet 8 at handler (index.js:1:1)')).toContainText('404 (this response)');
  await pattern.fill('Not found.*');

  // Content handling.
  await page.getByRole('radio', { name: /Convert to text/ }).check();

  // A template: a bad content type shows AWS's own message, which clears once fixed.
  await page.getByRole('button', { name: 'Add a template' }).click();
  const contentType = page.getByLabel('Content type', { exact: true });
  await contentType.fill('123');
  const badType = page.getByText('Validation Result: warnings : [], errors : [Invalid content type specified: 123]');
  await expect(badType).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'problem' })).toContainText('1 problem');
  await contentType.fill('application/json');
  await expect(badType).toHaveCount(0);
  await expect(page.getByText('No problems found.')).toBeVisible();

  // CodeMirror with the preview rendering against the sample Lambda result.
  const editor = await codeEditor(page, 'application/json');
  await editor.click();
  await page.keyboard.type('{"message": "$input.path(\'$.errorMessage\')"}');
  const output = page.getByRole('group', { name: 'Rendered output for application/json' });
  await expect(output).toContainText('"message": "Invalid input: name is required"');
  // What was typed is the whole template (the editor inserts no closing brackets of its own).
  await expect(page.getByText('Valid JSON')).toBeVisible();
  await page.getByLabel('Sample body').fill('{"errorMessage": "Not found: pet 7"}');
  await expect(output).toContainText('"message": "Not found: pet 7"');
  // A render error is reported with its line.
  await editor.press('ControlOrMeta+a');
  await page.keyboard.type('#if(');
  await expect(page.getByText(/The template can't be rendered/)).toBeVisible();
  await editor.press('ControlOrMeta+a');
  await page.keyboard.type('{"ok": true}');
  await expect(output).toContainText('{"ok": true}');

  // A header mapping to a declared header, static value quoted for the user; then a body JSONPath.
  await page.getByRole('button', { name: 'Add a header mapping' }).click();
  await expect(page.getByLabel('Response header')).toHaveValue('X-Declared');
  await page.getByLabel('Static value').fill('hello');
  await expect(page.getByTestId('mapping-expression')).toHaveText("'hello'");
  await page.getByLabel('Source', { exact: true }).selectOption('body');
  await page.getByLabel('JSONPath in the body, without $').fill('errorMessage');
  await expect(page.getByTestId('mapping-expression')).toHaveText('integration.response.body.errorMessage');
  await expect(page.getByTestId('mapping-preview')).toHaveText('Not found: pet 7');

  // Declare a new header: staged for the review step (which sends it), so the method response is unchanged for now.
  await page.getByRole('button', { name: 'Declare a new header' }).click();
  await page.getByLabel('New header name').fill('X-Trace');
  await page.getByRole('button', { name: 'Declare header' }).click();
  await expect(page.getByLabel('Response header').nth(1)).toHaveValue('X-Trace');
  await expect(page.getByRole('list', { name: 'Headers to declare when you send' })).toContainText('X-Trace');
  const methodResponse = await apiRequest<{ responseParameters?: Record<string, boolean> }>(
    'GET',
    `/restapis/${f.restApiId}/resources/${f.resourceId}/methods/GET/responses/404`,
  );
  expect(methodResponse.body?.responseParameters).toEqual({ 'method.response.header.X-Declared': false });
  await page.getByLabel('Static value').fill('abc');

  await expectNoAxeViolations(page);
  // Nothing logged in the editor; new-status-code.spec follows a new status code on through the review to Send.
  expect(errors).toEqual([]);
  await clickContinueToReview(page);
  await expect(page).toHaveURL(new RegExp(`${editorUrl(f, '404').replace(/\$/g, '\\$')}/review$`));
  // The draft the review step sends from.
  // A string: e2e code is type-checked without the DOM library.
  const draft = await page.evaluate<{ body: unknown } | null>(`(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith('irs:editor-draft:v1')) return JSON.parse(localStorage.getItem(key) ?? 'null');
    }
    return null;
  })()`);
  expect(draft?.body).toEqual({
    selectionPattern: 'Not found.*',
    contentHandling: 'CONVERT_TO_TEXT',
    responseTemplates: { 'application/json': '{"ok": true}' },
    responseParameters: {
      'method.response.header.X-Declared': 'integration.response.body.errorMessage',
      'method.response.header.X-Trace': "'abc'",
    },
  });
});

test('Continue with errors shows "There is a problem", prefixes the title, and links to the field', async ({
  page,
}) => {
  const f = await lambdaFixture();
  // Changed outside the editor: a mapping whose header was later removed from the method response.
  const response = await putMethodResponseViaHttp(f.restApiId, f.resourceId, 'GET', '404', {
    'X-Declared': false,
    'X-Undeclared': false,
  });
  expect(response).toBeTruthy();
  await putIntegrationResponseViaHttp(f.restApiId, f.resourceId, 'GET', '404', {
    selectionPattern: 'Not found.*',
    responseParameters: { 'method.response.header.X-Undeclared': "'x'" },
  });
  const removed = await apiRequest(
    'PATCH',
    `/restapis/${f.restApiId}/resources/${f.resourceId}/methods/GET/responses/404`,
    {
      patchOperations: [{ op: 'remove', path: '/responseParameters/method.response.header.X-Undeclared' }],
    },
  );
  expect(removed.status).toBe(201);
  await openEditor(page, editorUrl(f, '404'));
  const message =
    'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Undeclared]';
  await expect(page.getByText(message)).toBeVisible();
  await clickContinueToReview(page);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Step 5 of 6/);
  await summary.getByRole('link', { name: message }).click();
  await expect(page.getByLabel('Response header')).toBeFocused();
  await expect(page).toHaveURL(/\/responses\/404$/);
  // Fixing it from the row (declare the header again on the method response) clears the error; Continue works.
  await page.getByRole('button', { name: 'Declare X-Undeclared on the method response for 404' }).click();
  // The inline error goes at once (the summary keeps what Continue found until the next Continue, as GOV.UK does).
  await expect(page.getByLabel('Response header')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('No problems found.')).toBeVisible();
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/responses\/404\/review$/);
});

test('Continue right away with nothing changed reaches the review even while its code is still loading', async ({
  page,
}) => {
  // The editor saves its draft a moment after the last change and deletes it when nothing changed. A click on
  // Continue before that moment, on a slow network, let the late "nothing changed" save delete the draft the click
  // had just written, while the review's code was still on its way: the review then said there was nothing to review.
  const f = await lambdaFixture();
  await page.route('**/assets/review*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue();
  });
  await openEditor(page, editorUrl(f, '200'));
  // Right away, as an impatient person would: not waiting for the page to settle is the point here.
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Check and send the integration response for 200',
  );
  await expect(page.getByText('There is nothing to review')).toHaveCount(0);
  await expect(page.getByTestId('export-aws-cli')).toContainText('aws apigateway put-integration-response');
});

test('an unsaved draft survives a reload and can be discarded; leaving asks first', async ({ page }) => {
  const f = await lambdaFixture();
  await openEditor(page, editorUrl(f, '404'));
  await page.getByLabel(/Lambda error regex/).fill('Gone.*');
  await page.getByRole('radio', { name: /Convert to binary/ }).check();
  // Debounced save.
  await page.waitForTimeout(800);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByText('Restored your unsaved draft')).toBeVisible();
  await expect(page.getByLabel(/Lambda error regex/)).toHaveValue('Gone.*');
  await expect(page.getByRole('radio', { name: /Convert to binary/ })).toBeChecked();

  // Leaving through an in-app link asks first; staying keeps the edits.
  await page.getByRole('link', { name: 'Back to status codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without reviewing your changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/responses\/404$/);

  await page.getByRole('button', { name: 'Discard the draft' }).click();
  await expect(page.getByText('Restored your unsaved draft')).toHaveCount(0);
  await expect(page.getByLabel(/Lambda error regex/)).toHaveValue('');
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByLabel(/Lambda error regex/)).toHaveValue('');
  await expect(page.getByText('Restored your unsaved draft')).toHaveCount(0);
  // Nothing changed now, so leaving does not ask.
  await page.getByRole('link', { name: 'Back to status codes' }).click();
  await expect(page).toHaveURL(/\/methods\/GET$/);
});

test('can be edited with the keyboard alone, Tab never trapped by the code editor', async ({ page }) => {
  const f = await lambdaFixture();
  await openEditor(page, editorUrl(f, '404'));
  const pattern = page.getByLabel(/Lambda error regex/);
  await pattern.focus();
  await page.keyboard.type('Not found.*');
  await expect(testerRow(page, 'Not found: order 42')).toContainText('404 (this response)');

  // Tab forward to the content-handling radios, choose with the arrow keys.
  const passthrough = page.getByRole('radio', { name: /Passthrough/ });
  const passthroughId = await passthrough.getAttribute('id');
  for (
    let i = 0;
    i < 12 &&
    (await page.evaluate<string>('document.activeElement ? document.activeElement.id : ""')) !== passthroughId;
    i++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(passthrough).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /Convert to binary/ })).toBeChecked();

  // Add a template with Enter, type the content type, Tab to Remove, Tab into the code editor, type, Tab out.
  const addTemplate = page.getByRole('button', { name: 'Add a template' });
  await addTemplate.focus();
  await page.keyboard.press('Enter');
  const contentType = page.getByLabel('Content type', { exact: true });
  await expect(contentType).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('text/plain');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Remove the template for text\/plain/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const editor = await codeEditor(page, 'text/plain');
  await expect(editor).toBeFocused();
  await page.keyboard.type('Not found');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  await expect(page.getByRole('group', { name: 'Rendered output for text/plain' })).toHaveText('Not found');

  // Header mapping by keyboard: the source select and value.
  const addMapping = page.getByRole('button', { name: 'Add a header mapping' });
  await addMapping.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Response header')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Source', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Static value')).toBeFocused();
  await page.keyboard.type('*');

  // Submit with Enter from a text field.
  await pattern.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/responses\/404\/review$/);
});

test('the demo data editor is axe-clean in light and dark (screenshots in /tmp/shots)', async ({ page }) => {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo PetStore API is not seeded');
  const resource = (await getResourcesViaHttp(api.id)).find((r) => r.path === '/pets/{petId}');
  if (!resource) throw new Error('the demo PetStore has no /pets/{petId}');
  mkdirSync('/tmp/shots', { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const errors = trackConsoleErrors(page);
    await openEditor(page, editorUrl({ restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' }, '404'));
    await codeEditor(page, 'application/json');
    await expect(page.getByText('Valid JSON').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `/tmp/shots/editor-${colorScheme}.png`, fullPage: true });
    // With live errors and the error summary showing.
    await page.getByRole('button', { name: 'Add a template' }).click();
    // Exactly the new row's content type: a looser label match can land on another field whose name mentions a
    // content type (a template or preview named after an empty one).
    const newType = page.getByRole('combobox', { name: 'Content type', exact: true }).last();
    await expect(newType).toBeFocused();
    await newType.fill('123');
    await expect(newType).toHaveValue('123');
    await clickContinueToReview(page);
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `/tmp/shots/editor-errors-${colorScheme}.png`, fullPage: true });
    expect(errors).toEqual([]);
    // Leave without the blocker asking (the edits above are throwaway).
    await page.evaluate('localStorage.clear()');
    page.once('dialog', (dialog) => void dialog.accept());
  }
});

test('an existing integration response can be deleted from the editor, after a confirmation naming it', async ({
  page,
}) => {
  const f = await lambdaFixture();
  await openEditor(page, editorUrl(f, '200'));
  await page.getByRole('button', { name: 'Delete integration response 200' }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await expect(dialog).toContainText('200');
  await expect(dialog).toContainText(f.httpMethod);
  await dialog.getByRole('button', { name: 'Delete integration response 200' }).click();
  // Back on step 4, with nothing left to ask about, and the server agrees.
  await expect(page).toHaveURL(new RegExp(`/methods/${f.httpMethod}$`));
  await expect(page).toHaveTitle(/^Step 4 of 6/);
  const stored = await apiRequest(
    'GET',
    `/restapis/${f.restApiId}/resources/${f.resourceId}/methods/${f.httpMethod}/integration/responses/200`,
  );
  expect(stored.status).toBe(404);
});
