// Undeployed changes: after a deployment the pages say the stage serves the current configuration; an edit that is
// sent but not deployed is marked (method list, status codes, overview) with its differences; deploying from the
// overview makes the mark go away. The AWS CLI checks what the stage points at.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { awsCli, createIntegrationFixture, runAwsCliJson } from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';
import { addTemplate, clickContinueToReview } from './support/editor-page';

test.skip(!awsCli.available, `These journeys are judged by the AWS CLI: ${awsCli.reason}`);

async function addTemplateAndSend(page: Page, url: string, contentType: string, template: string, send: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');
  await addTemplate(page, contentType, template);
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await page.getByRole('button', { name: send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Integration response 200 (created|replaced)/);
}

async function deploymentOf(restApiId: string, stageName: string): Promise<string | undefined> {
  const stages = await runAwsCliJson<{ item: { stageName: string; deploymentId: string }[] }>([
    'apigateway',
    'get-stages',
    '--rest-api-id',
    restApiId,
  ]);
  return stages.item.find((s) => s.stageName === stageName)?.deploymentId;
}

test('edit → send → deploy: the undeployed mark appears after a sent edit and goes away with the deployment', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ pathPart: 'marks' });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id };
  const editorUrl = `/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/responses/200`;
  await addTemplateAndSend(page, editorUrl, 'application/json', '{"v": 1}', 'Create integration response 200');

  // Deploy from the review, to a new stage.
  const deploy = page.getByRole('region', { name: 'Deploy to a stage' });
  await deploy.getByLabel('Stage', { exact: true }).selectOption({ label: 'New stage…' });
  await deploy.getByLabel('New stage name').fill('marks');
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  await expect(deploy.getByRole('status')).toContainText('Deployed to stage marks');
  const first = await deploymentOf(ids.restApiId, 'marks');
  expect(first).toBeDefined();

  // Step 4: compare with the stage; it serves what is configured.
  await page.goto(`/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET`);
  const compare = page.getByRole('region', { name: 'Undeployed changes' });
  await compare.getByLabel('Compare with stage').selectOption('marks');
  await expect(compare.getByTestId('stage-verdict')).toContainText('Stage marks serves the current configuration');
  await expect(page.getByText('Deployed to marks')).toBeVisible();
  await expect(page.getByTestId('undeployed-mark')).toHaveCount(0);

  // A sent edit that is not deployed: marked on step 4 (the stage choice is remembered), with the field's values.
  await addTemplateAndSend(page, editorUrl, 'text/plain', 'v2', 'Replace integration response 200');
  await page.goto(`/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET`);
  await expect(compare.getByLabel('Compare with stage')).toHaveValue('marks');
  await expect(compare.getByTestId('stage-verdict')).toContainText(
    '1 integration response differs from what stage marks serves',
  );
  const mark = page.getByTestId('undeployed-mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toContainText('Changed since the deployment to marks');
  await mark.getByText('Not deployed').click();
  const row = mark.getByRole('row', { name: /Template text\/plain/ });
  await expect(row.getByRole('cell')).toHaveText(['none', 'v2']);
  await expectNoAxeViolations(page);

  // Step 3 marks the method.
  await page.goto(`/apis/${ids.restApiId}/resources/${ids.resourceId}`);
  await expect(page.getByTestId('undeployed-mark')).toContainText('1 integration response differs from stage marks');

  // The overview marks the row; Deploy from there goes to the compared stage, and the mark goes away.
  await page.goto(`/apis/${ids.restApiId}/overview`);
  await expect(page.getByTestId('stage-cell')).toContainText('Not deployed');
  await page.getByRole('button', { name: 'Deploy the API…' }).click();
  const overviewDeploy = page.getByRole('region', { name: 'Deploy to a stage' });
  await expect(overviewDeploy.getByLabel('Stage', { exact: true })).toHaveValue('marks');
  await overviewDeploy.getByRole('button', { name: 'Deploy' }).click();
  await expect(overviewDeploy.getByRole('status')).toContainText('Deployed to stage marks');
  await expect(page.getByTestId('stage-cell')).toHaveText('Deployed');
  await expect(page.getByTestId('stage-verdict')).toContainText('Stage marks serves the current configuration');
  const second = await deploymentOf(ids.restApiId, 'marks');
  expect(second).toBeDefined();
  expect(second).not.toBe(first);
  await expectNoAxeViolations(page);
});

test('a failed test invoke from step 4 shows AWS’s error in plain words and the page stays usable', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ pathPart: 'failing' });
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/GET`);
  // AWS's answer when the method is gone by the time the test runs.
  await page.route(`**/restapis/${f.api.id}/resources/${f.resource.id}/methods/GET`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.fulfill({
      status: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'NotFoundException' },
      body: JSON.stringify({ message: 'Invalid Method identifier specified' }),
    });
  });
  await page.getByRole('button', { name: 'Test invoke GET…' }).click();
  const invoke = page.getByRole('region', { name: 'Test invoke GET' });
  await invoke.getByLabel('Request body').fill('{"keep": "me"}');
  await invoke.getByRole('button', { name: 'Test' }).click();
  await expect(invoke.getByRole('alert')).toContainText('Invalid Method identifier specified');
  await expect(invoke.getByLabel('Request body')).toHaveValue('{"keep": "me"}');
});
