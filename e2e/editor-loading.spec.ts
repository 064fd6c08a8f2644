// What the editor's deep link waits for, against the built app and the real emulator: the Java-regex translator
// (the selection-pattern checks and the pattern tester) is not part of the editor's first scripts. Held back at the
// network, the form still shows and takes typing; the pattern's verdicts and the tester come once it arrives. The
// page's frame does not wait for the router's code either; the form comes under the router.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createIntegrationFixture, editorUrl, putIntegrationResponseViaHttp } from './support/e2e-server';

/** Text only the translator's code contains (one of java.util.regex's own error messages, as the translator words it). */
const TRANSLATOR_MARKER = 'Hexadecimal codepoint is too big';
/** Text only the router's code contains (the history entries' index TanStack Router keeps in history.state). */
const ROUTER_MARKER = '__TSR_index';

/** Holds back every script containing `marker` until `release` is called; the others pass through. */
async function holdScripts(page: Page, marker: string): Promise<{ held: string[]; release: () => void }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(marker)) {
      held.push(new URL(route.request().url()).pathname);
      await released;
    }
    // The body arrives decoded: send it on without the encoding and length of the compressed original.
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([name]) => !/^(content-encoding|content-length)$/i.test(name)),
    );
    await route.fulfill({ status: response.status(), headers, body });
  });
  return { held, release };
}

test("an editor deep link shows its page before the router's code has arrived; the form follows it, from one read of the method", async ({
  page,
}) => {
  const f = await createIntegrationFixture({ statusCodes: ['200'] });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
  const methodReads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname.endsWith(`/methods/${ids.httpMethod}`))
      methodReads.push(r.url());
  });
  const router = await holdScripts(page, ROUTER_MARKER);

  await page.goto(editorUrl(ids, '200'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Set up the integration response for 200');
  await expect(page).toHaveTitle(/^Step 5 of 6: Set up the integration response for 200/);
  await expect(page.getByRole('link', { name: 'Back to status codes' })).toHaveAttribute(
    'href',
    `/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/${ids.httpMethod}`,
  );
  await expect(page.getByRole('link', { name: 'Change method' })).toHaveAttribute(
    'href',
    `/apis/${ids.restApiId}/resources/${ids.resourceId}`,
  );
  await expect(page.getByText(f.resource.path, { exact: true })).toBeVisible();
  await expect(page.getByText('Loading the integration…')).toBeVisible();
  await expect.poll(() => router.held.length).toBeGreaterThan(0);
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toHaveCount(0);

  router.release();
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toBeVisible();
  await expect(page.getByText('Loading the integration…')).toHaveCount(0);
  expect(methodReads).toHaveLength(1);
  // Scripts still loading as the test ends (CodeMirror, Simulate) must not fail it from the handler.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test("a link followed on an editor deep link before the router's code has arrived goes there once it has", async ({
  page,
}) => {
  const f = await createIntegrationFixture({ statusCodes: ['200'] });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
  const router = await holdScripts(page, ROUTER_MARKER);

  await page.goto(editorUrl(ids, '200'));
  await page.getByRole('link', { name: 'Back to status codes' }).click();
  await expect.poll(() => router.held.length).toBeGreaterThan(0);
  router.release();
  await expect(page).toHaveTitle(/^Step 4 of 6/);
  await expect(page).toHaveURL(
    new RegExp(`/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/${ids.httpMethod}$`),
  );
  // The editor's address is the entry before it, as after any link followed in the app.
  await page.goBack();
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toBeVisible();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the editor shows and takes typing before the Java-regex translator has arrived; its checks follow it', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ statusCodes: ['200', '500'] });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '500', {});

  // Every script passes through; the one holding the translator waits until the test lets it go.
  const { held, release } = await holdScripts(page, TRANSLATOR_MARKER);

  await page.goto(editorUrl(ids, '200'));
  const pattern = page.getByRole('textbox', { name: /^Selection pattern/ });
  await expect(pattern).toBeVisible();
  // The translator is asked for after the form has painted, and is still held back.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await pattern.fill('\\d{3}');
  await expect(pattern).toHaveValue('\\d{3}');
  await expect(page.getByText('Loading the pattern tester…')).toBeVisible();
  // No verdict on the pattern until it can be judged as Java would.
  await expect(page.getByRole('status').filter({ hasText: 'Checking the selection pattern' })).toBeVisible();
  await expect(page.getByText(/This pattern matches every HTTP status code/)).toHaveCount(0);

  release();
  await expect(page.getByText(/This pattern matches every HTTP status code/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Integration response selected for each sample' })).toContainText(
    '200 (this response)',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Checking the selection pattern' })).toHaveCount(0);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the form comes in parts below the selection pattern; what is typed into it before the last part has arrived is kept', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ statusCodes: ['200'] });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '200', {
    responseTemplates: { 'application/json': '{"kept": true}' },
  });

  await page.goto(editorUrl(ids, '200'));
  const pattern = page.getByRole('textbox', { name: /^Selection pattern/ });
  // Typed as soon as the first part shows: the sections below it mount one per task after it, and each one's fields
  // join the form as they do, without resetting what it already holds.
  await pattern.fill('2\\d{2}');
  await expect(page.getByRole('button', { name: 'Continue to review' })).toBeVisible();
  await expect(pattern).toHaveValue('2\\d{2}');
  await expect(page.getByRole('radio', { name: /Passthrough/ })).toBeChecked();
  const template = page.getByRole('textbox', { name: 'Mapping template for application/json' });
  await expect(template).toHaveAttribute('contenteditable', 'true');
  await expect(template).toHaveText('{"kept": true}');
  await expect(page.getByRole('table', { name: 'Integration response selected for each sample' })).toContainText(
    '200 (this response)',
  );
  await expect(page.getByRole('button', { name: 'Delete integration response 200' })).toBeVisible();
});
