// The connection settings page against the real e2e server: testing the embedded target, a plain error for an
// unreachable endpoint, and no data of one target shown while another is selected.
import { expect, test } from '@playwright/test';
import { runAws } from '../test-support/aws-cli';
import { motoServer, startMotoServer } from './support/moto-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';

// Port 9 (discard) is closed on loopback, so the browser's request is refused at once.
const UNREACHABLE = 'http://127.0.0.1:9';

test('testing the embedded demo reports success with the latency', async ({ page }) => {
  const errors = trackConsoleErrors(page);
  await page.goto('/connection');
  await expect(page.getByRole('heading', { level: 1, name: 'Connection' })).toBeVisible();
  await expect(page.getByLabel('Embedded demo')).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Connection works: Embedded demo')).toBeVisible();
  await expect(page.getByText(/GetRestApis answered in \d+ ms/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('an unreachable custom endpoint gives a plain error, and switching back shows fresh data', async ({ page }) => {
  await page.goto('/apis');
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Connection', exact: true }).click();
  await page.getByLabel('Custom endpoint').check();
  await expectNoAxeViolations(page);
  // Validation on Save: no endpoint yet.
  await page.getByRole('button', { name: 'Save and use this connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Enter the endpoint URL',
  );
  await expect(page).toHaveTitle(/^Error: Connection/);

  await page.getByLabel('Endpoint URL').fill(UNREACHABLE);
  await page.getByLabel('Forward through this app').uncheck();
  await page.getByLabel('Access key id').fill('test');
  await page.getByLabel('Secret access key').fill('test');
  await expect(page.getByLabel('Secret access key')).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const failure = page.getByRole('alert').filter({ hasText: 'Could not reach the server' });
  await expect(failure).toBeVisible();
  await expect(page.getByText('Connection test failed: Custom endpoint · us-east-1')).toBeVisible();
  // The secret never appears in the error text.
  await expect(failure).not.toContainText('test');

  await page.getByRole('button', { name: 'Save and use this connection' }).click();
  await expect(page.getByTestId('current-target')).toContainText('Custom endpoint · us-east-1');

  // The API list of the unreachable target: an error, never the embedded target's cached APIs.
  await page.getByRole('link', { name: 'APIs', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not reach the server' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();

  // Back to the embedded demo: its data again, and the header says so.
  await page.getByRole('link', { name: 'Connection', exact: true }).click();
  await page.getByLabel('Embedded demo').check();
  await page.getByRole('button', { name: 'Save and use this connection' }).click();
  await expect(page.getByTestId('current-target')).toContainText('Embedded demo');
  await page.getByRole('link', { name: 'APIs', exact: true }).click();
  await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('AWS offers a region picker and needs credentials', async ({ page }) => {
  await page.goto('/connection');
  await page.getByLabel('AWS', { exact: true }).check();
  const region = page.getByLabel('Region');
  await expect(region).toHaveValue('us-east-1');
  await region.selectOption('eu-west-1');
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('https://apigateway.{region}.amazonaws.com');
  await page.getByRole('button', { name: 'Save and use this connection' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Enter the access key id');
  await expect(summary).toContainText('Enter the secret access key');
  await expect(page.getByText(/Remember on this device/)).toBeVisible();
  await expect(page.getByText(/unencrypted in this browser's local storage/)).toBeVisible();
});

test('switching to moto_server through the forwarding route shows its RestApis, and switching back shows no stale data', async ({
  page,
}) => {
  test.skip(!motoServer.available, motoServer.reason);
  const moto = await startMotoServer();
  try {
    // An API that only moto has, created with the real AWS CLI.
    const created = await runAws(moto.endpoint, ['apigateway', 'create-rest-api', '--name', 'OnlyInMoto']);
    expect(created.code, created.stderr).toBe(0);

    await page.goto('/apis');
    await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Connection', exact: true }).click();
    await page.getByRole('radio', { name: 'moto_server' }).check();
    await page.getByLabel('Endpoint URL').fill(moto.endpoint);
    await expect(page.getByRole('checkbox', { name: 'Forward through this app' })).toBeChecked();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByText(/Connection works: moto/)).toBeVisible();
    await page.getByRole('button', { name: 'Save and use this connection' }).click();
    await expect(page.getByTestId('current-target')).toContainText('moto');

    // moto's APIs, and none of the embedded demo's.
    await page.getByRole('link', { name: 'APIs', exact: true }).click();
    await expect(page.getByRole('link', { name: 'OnlyInMoto' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toHaveCount(0);

    // Back to the embedded demo: its APIs, and moto's never shown, not even from a cache.
    await page.getByRole('link', { name: 'Connection', exact: true }).click();
    await page.getByLabel('Embedded demo').check();
    await page.getByRole('button', { name: 'Save and use this connection' }).click();
    await expect(page.getByTestId('current-target')).toContainText('Embedded demo');
    await page.getByRole('link', { name: 'APIs', exact: true }).click();
    await expect(page.getByRole('link', { name: 'PetStore', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'OnlyInMoto' })).toHaveCount(0);
  } finally {
    moto.stop();
  }
});
