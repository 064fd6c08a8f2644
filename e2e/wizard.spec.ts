// Wizard steps 1–4 against the built app and the real emulator: navigation by mouse and keyboard, deep links,
// history, the explanations for methods without integration responses, writes from step 4, and error states.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import {
  apiRequest,
  awsCli,
  createIntegrationFixture,
  createResourceViaHttp,
  createRestApiViaHttp,
  getResourcesViaHttp,
  getRestApisViaHttp,
  putIntegrationResponseViaHttp,
  putMethodViaHttp,
  runAwsCli,
  uniqueName,
} from './support/e2e-server';
import type { ResourceJson, RestApiJson } from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';

async function petStore(): Promise<{ api: RestApiJson; resources: ResourceJson[] }> {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo seed has no PetStore API');
  return { api, resources: await getResourcesViaHttp(api.id) };
}

function resourceByPath(resources: ResourceJson[], path: string): ResourceJson {
  const r = resources.find((x) => x.path === path);
  if (!r) throw new Error(`no resource ${path}`);
  return r;
}

async function expectStep(page: Page, step: number, heading: string) {
  await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
  await expect(page).toHaveTitle(new RegExp(`^Step ${step} of 6: ${heading}`));
  await expect(page.getByRole('navigation', { name: 'Progress' }).locator('[aria-current="step"]')).toContainText(
    ['API', 'Resource', 'Method', 'Status code'][step - 1] ?? '',
  );
}

/** Presses Tab until `target` has focus (keyboard-only navigation), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (
      await target.evaluate((el) => (el as unknown as { matches(s: string): boolean }).matches(':focus'), undefined, {
        timeout: 5000,
      })
    )
      return;
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

test('mouse: from the API list to the editor through steps 1–4, accessible at every step', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  const { api } = await petStore();
  await page.goto('/');
  await expect(page).toHaveURL(/\/apis$/);
  await expectStep(page, 1, 'Choose an API');
  await expect(page.getByRole('cell', { name: api.id })).toBeVisible();
  await expect(page.getByTestId('current-target')).toContainText('Embedded demo');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'PetStore', exact: true }).click();
  await expectStep(page, 2, 'Choose a resource');
  await expect(page.getByRole('link', { name: '/pets/{petId}/photos' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your choices so far' })).toContainText('PetStore');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: '/pets', exact: true }).click();
  await expectStep(page, 3, 'Choose a method');
  await expect(page.getByText('Lambda function (AWS)')).toBeVisible();
  await expect(
    page.getByText('http://petstore-demo-endpoint.execute-api.com/petstore/pets', { exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Continue with GET' }).click();
  await expectStep(page, 4, 'Choose a status code');
  await expect(page.getByRole('region', { name: 'Integration response 200' })).toContainText('2\\d{2}');
  await expect(page.getByRole('region', { name: 'Method response 200' })).toContainText(
    'Access-Control-Allow-Origin (required)',
  );
  await expectNoAxeViolations(page);

  await page.getByLabel('200', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/methods\/GET\/responses\/200$/);
  expect(errors).toEqual([]);
});

test('keyboard only: from the API list to the editor', async ({ page }) => {
  await page.goto('/apis');
  await expectStep(page, 1, 'Choose an API');
  // The list holds every API the earlier specs on this worker made on its server: filter first, as a keyboard user
  // with a long list would, then move from the filter into the list.
  await tabTo(page, page.getByLabel('Filter by name or id'));
  await page.keyboard.type('PetStore');
  await tabTo(page, page.getByRole('link', { name: 'PetStore', exact: true }));
  await page.keyboard.press('Enter');
  await expectStep(page, 2, 'Choose a resource');

  // Filter, then move from the filter into the list.
  await tabTo(page, page.getByLabel('Filter by path'));
  await page.keyboard.type('inventory');
  await expect(page.getByText('1 of 16 resources match')).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: '/store/inventory' }));
  await page.keyboard.press('Enter');
  await expectStep(page, 3, 'Choose a method');

  await tabTo(page, page.getByRole('link', { name: 'Continue with GET' }));
  await page.keyboard.press('Enter');
  await expectStep(page, 4, 'Choose a status code');

  // The demo's 200 is the default response, which its label says.
  const radio200 = page.getByRole('radio', { name: '200 (default response)' });
  await tabTo(page, radio200);
  await page.keyboard.press('Space');
  await expect(radio200).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/methods\/GET\/responses\/200$/);
});

test('deep links survive a reload at every step, and back/forward walk the steps', async ({ page }) => {
  const { api, resources } = await petStore();
  const pets = resourceByPath(resources, '/pets');
  const steps: [string, number, string][] = [
    ['/apis', 1, 'Choose an API'],
    [`/apis/${api.id}`, 2, 'Choose a resource'],
    [`/apis/${api.id}/resources/${pets.id}`, 3, 'Choose a method'],
    [`/apis/${api.id}/resources/${pets.id}/methods/GET`, 4, 'Choose a status code'],
  ];
  for (const [url, step, heading] of steps) {
    await page.goto(url);
    await expectStep(page, step, heading);
    await page.reload();
    await expectStep(page, step, heading);
  }
  // The summary names the earlier choices after a cold load, not just their ids.
  const summary = page.getByRole('region', { name: 'Your choices so far' });
  await expect(summary).toContainText('PetStore');
  await expect(summary).toContainText('/pets');

  await page.goBack();
  await expectStep(page, 3, 'Choose a method');
  await page.goBack();
  await expectStep(page, 2, 'Choose a resource');
  await page.goForward();
  await expectStep(page, 3, 'Choose a method');

  // A Change link goes back to its step.
  await page.getByRole('link', { name: 'Change resource' }).click();
  await expectStep(page, 2, 'Choose a resource');
  await expect(page).toHaveURL(new RegExp(`/apis/${api.id}$`));
});

test('step 1 filters by name or id and sorts by name', async ({ page }) => {
  const { api } = await petStore();
  await page.goto('/apis');
  const filter = page.getByLabel('Filter by name or id');
  await filter.fill(api.id);
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications' })).toHaveCount(0);
  await filter.fill('notif');
  await expect(page.getByRole('link', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toHaveCount(0);
  await filter.fill('no such api');
  await expect(page.getByText('No API matches the filter')).toBeVisible();
  await filter.fill('');

  const names = () => page.locator('tbody tr td:first-child').allInnerTexts();
  const nameHeader = page.getByRole('columnheader', { name: /Name/ });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  const asc = await names();
  expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...asc].reverse());
});

test('step 2 collapses and expands subtrees and filters by path', async ({ page }) => {
  const { api } = await petStore();
  await page.goto(`/apis/${api.id}`);
  await expect(page.getByRole('link', { name: '/pets/{petId}/photos' })).toBeVisible();
  await page.getByRole('button', { name: 'Collapse /pets', exact: true }).click();
  await expect(page.getByRole('link', { name: '/pets/{petId}' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '/pets', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Expand /pets', exact: true }).click();
  await expect(page.getByRole('link', { name: '/pets/{petId}/photos' })).toBeVisible();

  await page.getByLabel('Filter by path').fill('PETID');
  await expect(page.getByText('2 of 16 resources match')).toBeVisible();
  await expect(page.getByRole('link', { name: '/owners' })).toHaveCount(0);
  await page.getByLabel('Filter by path').fill('zzz');
  await expect(page.getByText('No resource path matches the filter')).toBeVisible();
});

test('a proxy integration is explained and cannot be continued', async ({ page }) => {
  const { api, resources } = await petStore();
  const proxy = resourceByPath(resources, '/legacy/{proxy+}');
  await page.goto(`/apis/${api.id}/resources/${proxy.id}`);
  await expect(page.getByText('Lambda proxy (AWS_PROXY)')).toBeVisible();
  await expect(page.getByText('Integration responses do not apply to Lambda proxy integrations')).toBeVisible();
  await expect(page.getByRole('link', { name: /Continue/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // A deep link past step 3 gets the same explanation instead of a form.
  await page.goto(`/apis/${api.id}/resources/${proxy.id}/methods/ANY`);
  await expect(page.getByText('Integration responses do not apply to Lambda proxy integrations')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('a method without an integration is explained; an API without methods shows its empty state', async ({ page }) => {
  // An empty API: POST /restapis creates only the root resource.
  const api = await createRestApiViaHttp(uniqueName('empty'));
  await page.goto(`/apis/${api.id}`);
  await expectStep(page, 2, 'Choose a resource');
  await expect(page.getByText('1 resources')).toBeVisible();
  await page.getByRole('link', { name: '/', exact: true }).click();
  await expect(page.getByText('/ has no methods')).toBeVisible();
  await expectNoAxeViolations(page);

  const res = await createResourceViaHttp(api.id, api.rootResourceId, 'bare');
  await putMethodViaHttp(api.id, res.id, 'GET');
  await page.goto(`/apis/${api.id}/resources/${res.id}`);
  await expect(page.getByText('No integration', { exact: true })).toBeVisible();
  await expect(page.getByText('This method has no integration yet')).toBeVisible();
  await expect(page.getByRole('link', { name: /Continue/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('step 4 validates a new status code live and creates its method response with a header', async ({ page }) => {
  const fx = await createIntegrationFixture({ statusCodes: ['200'] });
  const base = `/apis/${fx.api.id}/resources/${fx.resource.id}/methods/GET`;
  await page.goto(base);
  await expectStep(page, 4, 'Choose a status code');

  // Continue with nothing chosen: error summary, and the title says so.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Select a status code');
  await expect(page).toHaveTitle(/^Error: Step 4 of 6/);

  await page.getByLabel('A new status code').check();
  const code = page.getByLabel('Status code', { exact: true });
  await code.fill('20');
  await expect(page.getByText('Enter a status code from 100 to 599, as three digits, like 404')).toBeVisible();
  await code.fill('200');
  await expect(page.getByText('Status code 200 already exists: choose it from the list')).toBeVisible();
  await code.fill('404');
  await expect(page.getByRole('heading', { name: '404 has no method response' })).toBeVisible();
  await expect(page.getByText('Output mapping refers to an invalid method response')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Add a header' }).click();
  await page.getByRole('button', { name: 'Create method response 404' }).click();
  await expect(page.getByText('Enter a header name, like X-Request-Id')).toBeVisible();
  await page.getByLabel('Header 1 name').fill('X-Trace-Id');
  await page.getByLabel('Required').check();
  await page.getByRole('button', { name: 'Create method response 404' }).click();

  await expect(page.getByText('Method response 404 created')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Method response 404' })).toContainText('X-Trace-Id (required)');
  await expect(page.getByLabel('404', { exact: true })).toBeChecked();
  const stored = await apiRequest<{ responseParameters?: Record<string, boolean> }>(
    'GET',
    `/restapis/${fx.api.id}/resources/${fx.resource.id}/methods/GET/responses/404`,
  );
  expect(stored.status).toBe(200);
  expect(stored.body.responseParameters).toEqual({ 'method.response.header.X-Trace-Id': true });

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/responses/404$`));
});

test('step 4 can continue without a method response, after the warning', async ({ page }) => {
  const fx = await createIntegrationFixture({ statusCodes: ['200'] });
  await page.goto(`/apis/${fx.api.id}/resources/${fx.resource.id}/methods/GET`);
  await page.getByLabel('A new status code').check();
  await page.getByLabel('Status code', { exact: true }).fill('418');
  await page.getByRole('button', { name: 'Continue without a method response' }).click();
  await expect(page).toHaveURL(/\/responses\/418$/);
});

test('step 4 deletes an integration response after a confirmation naming it', async ({ page }) => {
  const fx = await createIntegrationFixture({ statusCodes: ['200', '500'] });
  await putIntegrationResponseViaHttp(fx.api.id, fx.resource.id, 'GET', '500', { selectionPattern: '5\\d{2}' });
  await page.goto(`/apis/${fx.api.id}/resources/${fx.resource.id}/methods/GET`);
  await expect(page.getByRole('region', { name: 'Integration response 500' })).toContainText('5\\d{2}');

  await page.getByRole('button', { name: 'Delete integration response 500' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the integration response for 500 of GET /items?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, { include: ['[role="dialog"]'] });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete integration response 500' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete integration response 500' }).click();
  await expect(page.getByText('Integration response 500 deleted')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Integration response 500' })).toContainText('None yet');
  const gone = await apiRequest(
    'GET',
    `/restapis/${fx.api.id}/resources/${fx.resource.id}/methods/GET/integration/responses/500`,
  );
  expect(gone.status).toBe(404);
});

test('an API deleted while its page is open shows the error in plain words with a Retry button', async ({ page }) => {
  test.skip(!awsCli.available, `needs the AWS CLI: ${awsCli.reason}`);
  const fx = await createIntegrationFixture({ statusCodes: ['200'] });
  await page.goto(`/apis/${fx.api.id}`);
  await expect(page.getByRole('link', { name: `/${fx.resource.pathPart ?? 'items'}` })).toBeVisible();

  const deleted = await runAwsCli(['apigateway', 'delete-rest-api', '--rest-api-id', fx.api.id]);
  expect(deleted.code, deleted.stderr).toBe(0);

  // The resource list is cached; choosing a resource fetches the method, which no longer exists.
  await page.getByRole('link', { name: `/${fx.resource.pathPart ?? 'items'}` }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not found' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Could not load the GET method');
  await expectNoAxeViolations(page);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not found' })).toBeVisible();
});
