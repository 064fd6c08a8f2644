// Hardening against the built app and the real emulator: hostile strings render as text on every page, the
// Content-Security-Policy is served and the app runs under it without violations, credentials never leak out of
// the Connection page, every page passes axe, and the whole wizard (steps 1→6) works with the keyboard alone.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { awsCommercialRegions } from '../src/rules/aws-regions';
import {
  apiRequest,
  createIntegrationFixture,
  createResourceViaHttp,
  createRestApiViaHttp,
  e2eBaseUrl,
  getResourcesViaHttp,
  getRestApisViaHttp,
  putIntegrationResponseViaHttp,
  putIntegrationViaHttp,
  putMethodResponseViaHttp,
  putMethodViaHttp,
  uniqueName,
} from './support/e2e-server';
import type { IntegrationResponseJson } from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';
import { clickContinueToReview } from './support/editor-page';

/** Presses Tab until `target` has focus, failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement, undefined, { timeout: 5000 })) return;
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

async function petStoreGet200(): Promise<{ editor: string; overview: string; apiId: string }> {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo seed has no PetStore API');
  const pets = (await getResourcesViaHttp(api.id)).find((r) => r.path === '/pets');
  if (!pets) throw new Error('PetStore has no /pets');
  return {
    editor: `/apis/${api.id}/resources/${pets.id}/methods/GET/responses/200`,
    overview: `/apis/${api.id}/overview`,
    apiId: api.id,
  };
}

// ---- hostile strings --------------------------------------------------------------------------------------

// Each payload calls window.__pwned(tag) if it is ever parsed as markup or evaluated; `tag` says which one ran.
const hostile = {
  name: '<img src=x onerror="__pwned(\'name\')">\u0007\u001b[31m<b>bold</b>',
  description: '<script>__pwned("description")</script><svg onload="__pwned(\'svg\')"></svg>\u0000\u202e',
  // pathPart allows only a-zA-Z0-9._:@~$&'()*,;=!- : markup is impossible, quotes and entities are not.
  pathPart: "x'&amp;(y)=!;",
  // Header names must be HTTP tokens; this one uses every punctuation a token allows.
  headerName: "X-a'&!#$%*+^_|~",
  headerValue: '\'<img src=x onerror=__pwned("header")>\'',
  selectionPattern: '<img src=x onerror=__pwned\\("pattern"\\)>.*',
  template:
    '<script>__pwned("template")</script><img src=x onerror=__pwned("template-img")>\n#set($x = "<iframe srcdoc=\'<script>parent.__pwned(1)</script>\'>")\n$x',
  apiIdInUrl: '<img src=x onerror=__pwned("error")>',
};

async function hostileFixture() {
  const api = await createRestApiViaHttp(`${hostile.name} ${uniqueName('h')}`, { description: hostile.description });
  const resource = await createResourceViaHttp(api.id, api.rootResourceId, hostile.pathPart);
  await putMethodViaHttp(api.id, resource.id, 'GET');
  await putIntegrationViaHttp(api.id, resource.id, 'GET', {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  await putMethodResponseViaHttp(api.id, resource.id, 'GET', '200', { [hostile.headerName]: false, 'X-Evil': true });
  const body: Omit<IntegrationResponseJson, 'statusCode'> = {
    selectionPattern: hostile.selectionPattern,
    responseParameters: {
      'method.response.header.X-Evil': hostile.headerValue,
      [`method.response.header.${hostile.headerName}`]: "'ok'",
    },
    responseTemplates: { 'application/json': hostile.template, 'text/html': hostile.description },
  };
  await putIntegrationResponseViaHttp(api.id, resource.id, 'GET', '200', body);
  return { api, resource };
}

test.describe('hostile strings', () => {
  // The CSP would stop an injected inline handler anyway; switching it off here tests the rendering itself.
  test.use({ bypassCSP: true });

  test('API names, descriptions, paths, header names, patterns, templates and error messages render as text on every page', async ({
    page,
  }) => {
    test.slow();
    const ran: string[] = [];
    await page.exposeFunction('__pwned', (tag: unknown) => {
      ran.push(String(tag));
    });
    page.on('dialog', (d) => {
      ran.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const { api, resource } = await hostileFixture();
    const base = `/apis/${api.id}/resources/${resource.id}/methods/GET`;
    const noMarkup = async (where: string) => {
      // Give image errors and event handlers time to fire if anything was parsed as markup.
      await page.waitForTimeout(300);
      expect(ran, `script ran on ${where}`).toEqual([]);
      expect(
        await page.locator('main img[src="x"], main svg[onload], main iframe, main b:text-is("bold")').count(),
        `markup injected on ${where}`,
      ).toBe(0);
    };

    await page.goto('/apis');
    await page.getByLabel('Filter by name or id').fill(api.id);
    await expect(page.getByRole('link', { name: /^<img src=x onerror=/ })).toBeVisible();
    await expect(page.getByRole('cell', { name: /<script>__pwned\("description"\)<\/script>/ })).toBeVisible();
    await noMarkup('step 1');

    await page.getByRole('link', { name: /^<img src=x onerror=/ }).click();
    await expect(page.getByRole('link', { name: `/${hostile.pathPart}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your choices so far' })).toContainText('<img src=x onerror=');
    await noMarkup('step 2');

    await page.goto(`/apis/${api.id}/resources/${resource.id}`);
    await expect(page.getByRole('link', { name: 'Continue with GET' })).toBeVisible();
    await noMarkup('step 3');

    await page.goto(base);
    await expect(page.getByRole('region', { name: 'Integration response 200' })).toContainText(
      hostile.selectionPattern,
    );
    await expect(page.getByRole('region', { name: 'Method response 200' })).toContainText(hostile.headerName);
    await noMarkup('step 4');

    await page.goto(`${base}/responses/200`);
    await expect(page.getByRole('textbox', { name: 'Mapping template for application/json' })).toHaveAttribute(
      'contenteditable',
      'true',
    );
    await expect(page.getByText('<script>__pwned("template")</script>', { exact: false }).first()).toBeVisible();
    await noMarkup('step 5');

    // A change, so that the review has something to show: the hostile template goes through diff and exports.
    await page
      .getByLabel(/selection pattern|regex/i)
      .first()
      .fill(`${hostile.selectionPattern}<i>x</i>`);
    await clickContinueToReview(page);
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByTestId('export-aws-cli')).toContainText('__pwned');
    for (const tab of ['curl', 'CloudFormation', 'Terraform', 'OpenAPI']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel')).toContainText('__pwned');
    }
    await noMarkup('step 6 and its exports');

    await page.goto(`/apis/${api.id}/overview`);
    await expect(page.getByText(hostile.pathPart, { exact: false }).first()).toBeVisible();
    await noMarkup('overview');

    // An error message echoing a hostile identifier from the URL.
    await page.goto(`/apis/${encodeURIComponent(hostile.apiIdInUrl)}`);
    await expect(page.getByRole('alert').first()).toBeVisible();
    await noMarkup('error state');
  });
});

// ---- CSP --------------------------------------------------------------------------------------------------

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

test('the SPA is served with a CSP allowing only what it needs, plus nosniff and no-referrer', async ({ request }) => {
  const res = await request.get('/apis');
  expect(res.headers()['content-type']).toMatch(/^text\/html/);
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['referrer-policy']).toBe('no-referrer');
  const csp = res.headers()['content-security-policy'];
  expect(csp, 'Content-Security-Policy header').toBeTruthy();
  const d = directives(csp ?? '');
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src') ?? d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  const connect = d.get('connect-src') ?? [];
  expect(connect).toContain("'self'");
  expect(connect).toContain('http://127.0.0.1:*');
  expect(connect).toContain('http://localhost:*');
  // Every region the Connection page offers must be reachable directly, or choosing it would fail under the CSP.
  for (const region of awsCommercialRegions) expect(connect).toContain(`https://apigateway.${region}.amazonaws.com`);
  expect(connect.some((s) => s === '*' || s === 'https:' || s === 'http:' || s === 'https://*.amazonaws.com')).toBe(
    false,
  );
});

test('the app works under its CSP: no violation and no console error while walking the wizard', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const errors = trackConsoleErrors(page);
  const { editor, overview } = await petStoreGet200();

  await page.goto('/apis');
  await page.getByRole('link', { name: 'PetStore', exact: true }).click();
  await page.getByRole('link', { name: '/pets', exact: true }).click();
  await page.getByRole('link', { name: 'Continue with GET' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a status code');
  await page.goto(editor);
  const code = page.getByRole('textbox', { name: /^Mapping template for / }).first();
  await expect(code).toHaveAttribute('contenteditable', 'true');
  await code.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' ');
  // The preview runs in a worker: wait until it has rendered once.
  await expect(page.getByTestId('template-preview').first().locator('pre')).toBeVisible();
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await page.getByRole('tab', { name: 'Terraform' }).click();
  await page.goto(overview);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mapping overview');
  await page.goto('/connection');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Connection works: Embedded demo')).toBeVisible();
  expect(errors).toEqual([]);
});

// ---- secrets ----------------------------------------------------------------------------------------------

const secrets = {
  accessKeyId: 'AKIAFAKEFAKEFAKE1234',
  secretAccessKey: 'fAkE/sEcReT+kEy0123456789abcdefGHIJKLMNOP'.slice(0, 40),
  sessionToken: 'FwoGZXIvYXdzEFAKEsessionTOKEN0123456789abcdefFAKEFAKEFAKE==',
};

interface Leaks {
  urls: string[];
  console: string[];
}

function watchLeaks(page: Page): Leaks {
  const leaks: Leaks = { urls: [], console: [] };
  page.on('framenavigated', (f) => leaks.urls.push(f.url()));
  page.on('request', (r) => leaks.urls.push(r.url()));
  page.on('console', (m) => leaks.console.push(m.text()));
  page.on('pageerror', (e) => leaks.console.push(e.message));
  return leaks;
}

function findSecrets(where: string, text: string): string[] {
  return Object.entries(secrets)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => `${k} in ${where}`);
}

async function storage(page: Page): Promise<{ local: string; session: string }> {
  return page.evaluate(() => {
    const dump = (s: Storage) =>
      JSON.stringify(
        Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i) ?? '').map((k) => [k, s.getItem(k)])),
      );
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

async function enterCredentials(page: Page, remember: boolean): Promise<void> {
  await page.goto('/connection');
  await page.getByLabel('Custom endpoint').check();
  // The e2e server itself: the embedded emulator answers signed requests too, so the wizard has data.
  await page.getByLabel('Endpoint URL').fill(e2eBaseUrl);
  await page.getByLabel('Forward through this app').uncheck();
  await page.getByLabel('Access key id').fill(secrets.accessKeyId);
  await page.getByLabel('Secret access key').fill(secrets.secretAccessKey);
  await page.getByLabel('Session token (optional)').fill(secrets.sessionToken);
  await page.getByLabel(/Remember on this device/).setChecked(remember);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/Connection works|Connection test failed/)).toBeVisible();
  await page.getByRole('button', { name: 'Save and use this connection' }).click();
  await expect(page.getByTestId('current-target')).toContainText('Custom endpoint');
}

/** Walks the pages where credentials could surface: lists, an error, the review page with every export. */
async function visitEverything(page: Page, f: { apiId: string; resourceId: string }): Promise<string[]> {
  const found: string[] = [];
  const pageText = async (where: string) => found.push(...findSecrets(where, await page.locator('body').innerText()));
  await page.goto('/apis');
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();
  await pageText('step 1');
  await page.goto('/apis/nosuchapi0');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await pageText('an error message');
  const editor = `/apis/${f.apiId}/resources/${f.resourceId}/methods/GET/responses/200`;
  await page.goto(editor);
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId('request-headers')).toBeVisible();
  await pageText('the review page (request panel)');
  for (const tab of ['AWS CLI', 'curl', 'CloudFormation', 'Terraform', 'OpenAPI']) {
    await page.getByRole('tab', { name: tab }).click();
    found.push(...findSecrets(`the ${tab} export`, await page.getByRole('tabpanel').innerText()));
  }
  return found;
}

test('credentials never reach storage (unless remembered), URLs, the console, exports or error text', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ name: uniqueName('secrets') });
  const leaks = watchLeaks(page);

  await enterCredentials(page, false);
  const found = await visitEverything(page, { apiId: f.api.id, resourceId: f.resource.id });
  const s1 = await storage(page);
  found.push(...findSecrets('localStorage', s1.local), ...findSecrets('sessionStorage', s1.session));
  found.push(...findSecrets('a URL', leaks.urls.join('\n')), ...findSecrets('the console', leaks.console.join('\n')));
  expect(found).toEqual([]);

  // Remembered: in localStorage (the one place the user agreed to), and still nowhere else.
  leaks.urls.length = 0;
  leaks.console.length = 0;
  await enterCredentials(page, true);
  const s2 = await storage(page);
  expect(s2.local).toContain(secrets.secretAccessKey);
  const found2 = await visitEverything(page, { apiId: f.api.id, resourceId: f.resource.id });
  const s3 = await storage(page);
  found2.push(...findSecrets('sessionStorage', s3.session));
  found2.push(...findSecrets('a URL', leaks.urls.join('\n')), ...findSecrets('the console', leaks.console.join('\n')));
  expect(found2).toEqual([]);
});

// ---- accessibility ----------------------------------------------------------------------------------------

test('every page passes axe', async ({ page }) => {
  // Nine pages, each scanned in full: this takes most of the default minute on a busy machine.
  test.slow();
  const { editor, overview, apiId } = await petStoreGet200();
  const resources = await getResourcesViaHttp(apiId);
  const pets = resources.find((r) => r.path === '/pets');
  const pages: [string, string][] = [
    ['/connection', 'Connection'],
    ['/apis', 'Choose an API'],
    [`/apis/${apiId}`, 'Choose a resource'],
    [`/apis/${apiId}/resources/${pets?.id ?? ''}`, 'Choose a method'],
    [`/apis/${apiId}/resources/${pets?.id ?? ''}/methods/GET`, 'Choose a status code'],
    [editor, 'integration response for 200'],
    [overview, 'Mapping overview'],
    ['/no/such/page', 'Page not found'],
  ];
  for (const [url, heading] of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await expectNoAxeViolations(page);
  }
  // The review page needs a draft: reached from the editor.
  await page.goto(editor);
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId('export-aws-cli')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('keyboard only: the whole wizard, steps 1→6, ending with the integration response created', async ({ page }) => {
  const name = uniqueName('keyboard');
  const f = await createIntegrationFixture({ name, pathPart: 'orders', statusCodes: ['200'] });

  await page.goto('/apis');
  await tabTo(page, page.getByLabel('Filter by name or id'));
  await page.keyboard.type(name);
  await tabTo(page, page.getByRole('link', { name }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a resource');

  await tabTo(page, page.getByRole('link', { name: '/orders' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a method');

  await tabTo(page, page.getByRole('link', { name: 'Continue with GET' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Choose a status code');

  const radio = page.getByRole('radio', { name: /^200\b/ });
  await tabTo(page, radio);
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');

  // Step 5: a template typed into the code editor, which must let Tab move on afterwards.
  await tabTo(page, page.getByRole('button', { name: 'Add a template' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Content type', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('application/json');
  const code = page.getByRole('textbox', { name: 'Mapping template for application/json' });
  await tabTo(page, code, 5);
  await page.keyboard.type('{"ok": true}');
  await tabTo(page, page.getByRole('button', { name: 'Continue to review' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/review$/);

  const send = page.getByRole('button', { name: 'Create integration response 200' });
  await tabTo(page, send);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'API Gateway created the integration response' }),
  ).toBeVisible();

  const stored = await apiRequest<IntegrationResponseJson>(
    'GET',
    `/restapis/${f.api.id}/resources/${f.resource.id}/methods/GET/integration/responses/200`,
  );
  expect(stored.status).toBe(200);
  expect(Object.values(stored.body.responseTemplates ?? {})).toContain('{"ok": true}');
});
