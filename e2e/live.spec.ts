// After a send: deploy to a stage and test-invoke the method from the dashboard, against the real emulator; the AWS
// CLI is the judge of what was deployed.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { awsCli, createIntegrationFixture, runAwsCliJson } from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';
import { addTemplate, clickContinueToReview } from './support/editor-page';

test.skip(!awsCli.available, `These journeys are judged by the AWS CLI: ${awsCli.reason}`);

async function sendDefault200(page: Page, ids: { restApiId: string; resourceId: string }, template: string) {
  await page.goto(`/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/responses/200`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');
  await addTemplate(page, 'application/json', template);
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await page.getByRole('button', { name: 'Create integration response 200' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 200 created');
}

test('send, deploy to a new stage, test invoke the MOCK method; the AWS CLI sees the stage', async ({ page }) => {
  const f = await createIntegrationFixture({ pathPart: 'pets' });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id };
  await sendDefault200(page, ids, `{"pet": "$input.params('id')"}`);

  const deploy = page.getByRole('region', { name: 'Deploy to a stage' });
  await deploy.getByLabel('Stage', { exact: true }).selectOption({ label: 'New stage…' });
  await deploy.getByLabel('New stage name').fill('e2e_stage');
  await deploy.getByLabel('Deployment description (optional)').fill('from the dashboard');
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  await expect(deploy.getByRole('status')).toContainText('Deployed to stage e2e_stage');
  await expect(deploy.getByTestId('invoke-url')).toHaveText(
    `https://${ids.restApiId}.execute-api.us-east-1.amazonaws.com/e2e_stage`,
  );
  const stages = await runAwsCliJson<{ item: { stageName: string; deploymentId: string }[] }>([
    'apigateway',
    'get-stages',
    '--rest-api-id',
    ids.restApiId,
  ]);
  expect(stages.item.map((s) => s.stageName)).toEqual(['e2e_stage']);
  // The stages list shows it, with its invoke URL.
  await expect(deploy.getByTestId('stages-table').getByRole('row')).toHaveCount(2);
  await expect(deploy.getByTestId('stages-table')).toContainText('e2e_stage');
  await expect(deploy.getByTestId('stages-table')).toContainText(
    `https://${ids.restApiId}.execute-api.us-east-1.amazonaws.com/e2e_stage`,
  );
  // The stage is now offered for the next deploy.
  await expect(deploy.getByLabel('Stage', { exact: true })).toHaveValue('e2e_stage');

  const invoke = page.getByRole('region', { name: 'Test invoke GET' });
  await invoke.getByLabel('Path and query string').fill('/pets?id=7');
  await invoke.getByRole('button', { name: 'Test' }).click();
  await expect(invoke.getByTestId('test-invoke-status')).toHaveText('200');
  await expect(invoke.getByTestId('test-invoke-body')).toHaveText('{"pet": "7"}');
  await expect(invoke.getByTestId('test-invoke-headers')).toHaveText('Content-Type: application/json');
  await invoke.getByText('Log', { exact: true }).click();
  await expect(invoke.getByTestId('test-invoke-log')).toContainText('Method completed with status: 200');
  await expectNoAxeViolations(page);
});

test('a bad stage name is explained before anything is sent', async ({ page }) => {
  const f = await createIntegrationFixture({ pathPart: 'things' });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id };
  await sendDefault200(page, ids, '{}');
  const deploy = page.getByRole('region', { name: 'Deploy to a stage' });
  await deploy.getByLabel('Stage', { exact: true }).selectOption({ label: 'New stage…' });
  await deploy.getByLabel('New stage name').fill('bad name');
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  await expect(deploy.getByText('Enter a stage name of letters, digits, hyphens or underscores')).toBeVisible();
  await expect(deploy.getByLabel('New stage name')).toHaveValue('bad name');
  const deployments = await runAwsCliJson<{ items?: unknown[] }>([
    'apigateway',
    'get-deployments',
    '--rest-api-id',
    ids.restApiId,
  ]);
  expect(deployments.items ?? []).toEqual([]);
});

test('a test invoke with a header or stage variable line it cannot read says which line, keeps the text, sends nothing', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ pathPart: 'lines' });
  const ids = { restApiId: f.api.id, resourceId: f.resource.id };
  await sendDefault200(page, ids, '{"who": "$input.params(\'X-Who\')", "v": "$stageVariables.v"}');
  let invocations = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/methods\/GET$/.test(new URL(request.url()).pathname)) invocations++;
  });
  const invoke = page.getByRole('region', { name: 'Test invoke GET' });
  await invoke.getByLabel('Headers').fill('X-Who: Ada\nAccept application/json');
  await invoke.getByLabel('Stage variables').fill('v=1\nw');
  await invoke.getByRole('button', { name: 'Test' }).click();
  await expect(invoke.getByText('Line 2: write each as Name: value, or delete it.')).toBeVisible();
  await expect(invoke.getByText('Line 2: write each as name=value, or delete it.')).toBeVisible();
  await expect(invoke.getByLabel('Headers')).toHaveValue('X-Who: Ada\nAccept application/json');
  expect(invocations).toBe(0);

  // Fixed, the same form runs, and the template reads what was typed.
  await invoke.getByLabel('Headers').fill('X-Who: Ada\nAccept: application/json');
  await invoke.getByLabel('Stage variables').fill('v=1');
  await invoke.getByRole('button', { name: 'Test' }).click();
  await expect(invoke.getByTestId('test-invoke-body')).toHaveText('{"who": "Ada", "v": "1"}');
  expect(invocations).toBe(1);
});
