// What the editor's deep link waits for, against the built app and the real emulator: the Java-regex translator
// (the selection-pattern checks and the pattern tester) is not part of the editor's first scripts. Held back at the
// network, the form still shows and takes typing; the pattern's verdicts and the tester come once it arrives.
import { expect, test } from '@playwright/test';
import { createIntegrationFixture, editorUrl, putIntegrationResponseViaHttp } from './support/e2e-server';

/** Text only the translator's code contains (one of java.util.regex's own error messages, as the translator words it). */
const TRANSLATOR_MARKER = 'Hexadecimal codepoint is too big';

test('the editor shows and takes typing before the Java-regex translator has arrived; its checks follow it', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ statusCodes: ['200', '500'] });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '500', {});

  // Every script passes through; the one holding the translator waits until the test lets it go.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(TRANSLATOR_MARKER)) {
      held.push(new URL(route.request().url()).pathname);
      await released;
    }
    // The body arrives decoded: send it on without the encoding and length of the compressed original.
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([name]) => !/^(content-encoding|content-length)$/i.test(name)),
    );
    await route.fulfill({ status: response.status(), headers, body });
  });

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
});
