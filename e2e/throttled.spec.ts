// The dashboard against AWS's control-plane quotas: a second server, started here with `--throttle aws` on this
// worker's throttled port (e2e-ports.ts): the built app and the emulator with its demo data, as the main e2e server
// but throttled. Deploying twice in a row waits for AWS's limit, says so and succeeds; a load refused by the limit
// waits, says so and completes; nothing is marked failed. The AWS CLI checks what was deployed.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { runAws } from '../test-support/aws-cli';
import { apigw, apigwOk } from '../test-support/http-client';
import { apiFixtures } from '../test-support/api-fixtures';
import { startStudio } from '../test-support/studio-process';
import type { StudioProcess } from '../test-support/studio-process';
import { awsCli } from './support/e2e-server';
import { e2ePorts } from './support/e2e-ports';
import { addTemplate, clickContinueToReview } from './support/editor-page';

test.skip(!awsCli.available, `These journeys are judged by the AWS CLI: ${awsCli.reason}`);
test.describe.configure({ mode: 'serial' });

const port = e2ePorts.throttled;
let studio: StudioProcess;
let petStore: string;

test.beforeAll(async () => {
  studio = await startStudio(['--throttle', 'aws'], {
    port,
    distDir: fileURLToPath(new URL('../dist', import.meta.url)),
  });
  const apis = await apigwOk<{ item: { id: string; name: string }[] }>(studio.base, 'GET', '/restapis', 200);
  petStore = apis.item.find((a) => a.name === 'PetStore')?.id ?? '';
});
test.afterAll(async () => {
  await studio?.stop();
});
test.use({ baseURL: `http://127.0.0.1:${port}` });

async function cliJson<T>(args: string[]): Promise<T> {
  const r = await runAws(studio.base, ['apigateway', ...args], 120_000);
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')} exited with ${r.code}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

test("deploying twice in a row: the second deploy waits for AWS's limit, says so, and succeeds", async ({ page }) => {
  await page.goto(`/apis/${petStore}/overview`);
  await expect(page.getByTestId('overview-summary')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Deploy the API…' }).click();
  const deploy = page.getByRole('region', { name: 'Deploy to a stage' });
  await deploy.getByLabel('Stage', { exact: true }).selectOption({ label: 'New stage…' });
  await deploy.getByLabel('New stage name').fill('twice');
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  const deployed = deploy.getByRole('status').filter({ hasText: 'Deployed to stage twice' });
  await expect(deployed).toBeVisible({ timeout: 30_000 });
  const firstId = await deployed.locator('code').first().textContent();

  // At once again, to the same stage: AWS allows one CreateDeployment every 5 seconds.
  await expect(deploy.getByLabel('Stage', { exact: true })).toHaveValue('twice');
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  await expect(deploy.getByText("Waiting for AWS's deployment limit")).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: "Waiting for AWS's request limit…" })).toBeVisible();
  await expect(deployed).toBeVisible({ timeout: 30_000 });
  const secondId = await deployed.locator('code').first().textContent();
  expect(secondId).not.toBe(firstId);
  await expect(deploy.getByText("Waiting for AWS's deployment limit")).toHaveCount(0);
  await expect(page.getByText("Waiting for AWS's request limit…")).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  const deployments = await cliJson<{ items: { id: string }[] }>(['get-deployments', '--rest-api-id', petStore]);
  expect(deployments.items.map((d) => d.id).sort()).toEqual([firstId, secondId].sort());
  const stages = await cliJson<{ item: { stageName: string; deploymentId: string }[] }>([
    'get-stages',
    '--rest-api-id',
    petStore,
  ]);
  expect(stages.item).toEqual([expect.objectContaining({ stageName: 'twice', deploymentId: secondId })]);
});

/** Other clients of the same account using up its requests (10 a second, burst 40) until `stop` is called. */
function hammer(): { refused: () => number; stop: () => Promise<void> } {
  let on = true;
  let refused = 0;
  const loops = Promise.all(
    Array.from({ length: 8 }, async () => {
      while (on) if ((await apigw(studio.base, 'GET', '/restapis')).status === 429) refused += 1;
    }),
  );
  return {
    refused: () => refused,
    stop: async () => {
      on = false;
      await loops;
    },
  };
}

test('a send refused by the limit waits, says so, and stores the integration response', async ({ page }) => {
  const f = await apiFixtures(studio.base).createIntegrationFixture({ name: 'throttled-send', pathPart: 'pets' });
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/GET/responses/200`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');
  await addTemplate(page, 'application/json', '{"throttled": true}');
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  const others = hammer();
  try {
    await page.getByRole('button', { name: 'Create integration response 200' }).click();
    await expect(page.getByRole('status').filter({ hasText: "Waiting for AWS's request limit…" })).toBeVisible();
  } finally {
    await others.stop();
  }
  expect(others.refused()).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 200 created', {
    timeout: 60_000,
  });
  await expect(page.getByRole('alert')).toHaveCount(0);
  const stored = await cliJson<{ responseTemplates?: Record<string, string> }>([
    'get-integration-response',
    '--rest-api-id',
    f.api.id,
    '--resource-id',
    f.resource.id,
    '--http-method',
    'GET',
    '--status-code',
    '200',
  ]);
  expect(stored.responseTemplates).toEqual({ 'application/json': '{"throttled": true}' });
});

test('a page load refused by the limit waits, says so, and completes with no error and no failed row', async ({
  page,
}) => {
  const others = hammer();
  try {
    await page.goto(`/apis/${petStore}/overview`);
    await expect(page.getByRole('status').filter({ hasText: "Waiting for AWS's request limit…" })).toBeVisible();
  } finally {
    await others.stop();
  }
  expect(others.refused()).toBeGreaterThan(0);
  await expect(page.getByTestId('overview-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Waiting for AWS's request limit…")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText(/could not be loaded in full/)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const listed = await cliJson<{ items: { resourceMethods?: Record<string, unknown> }[] }>([
    'get-resources',
    '--rest-api-id',
    petStore,
  ]);
  const methodCount = listed.items.reduce((n, r) => n + Object.keys(r.resourceMethods ?? {}).length, 0);
  await expect(page.getByTestId('overview-summary')).toContainText(`${methodCount} methods,`);
});

/** An OpenAPI 3 document of `paths` resources with GET and POST each, MOCK-integrated, with two integration responses. */
function largeApiDocument(paths: number): unknown {
  const method = {
    responses: { '200': { description: '200 response' }, '400': { description: '400 response' } },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      responses: { default: { statusCode: '200' }, '4\\d{2}': { statusCode: '400' } },
    },
  };
  const doc: { openapi: string; info: object; paths: Record<string, object> } = {
    openapi: '3.0.1',
    info: { title: 'LargeUnderTheLimit', version: '1' },
    paths: {},
  };
  for (let i = 0; i < paths; i++) doc.paths[`/items/r${i}`] = { get: method, post: method };
  return doc;
}

test('the overview of a large API under the limit completes with every method and no failed row', async ({ page }) => {
  // 1,000 methods on 502 resources (more than one page of GetResources), brought in by one ImportRestApi so that
  // setting up stays within the limit; then the overview loads while other clients use up the account's requests.
  const imported = await apigwOk<{ id: string }>(
    studio.base,
    'POST',
    '/restapis?mode=import',
    201,
    largeApiDocument(500),
  );
  const others = hammer();
  try {
    await page.goto(`/apis/${imported.id}/overview`);
    await expect(page.getByRole('status').filter({ hasText: "Waiting for AWS's request limit…" })).toBeVisible();
  } finally {
    await others.stop();
  }
  expect(others.refused()).toBeGreaterThan(0);
  await expect(page.getByTestId('overview-summary')).toContainText('1000 methods,', { timeout: 60_000 });
  await expect(page.getByText("Waiting for AWS's request limit…")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText(/could not be loaded in full/)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Two integration responses per method, each a row.
  await expect(page.getByTestId('overview-summary')).toContainText('2000 rows');
});
