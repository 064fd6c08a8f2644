// What Send sends, against the built app and the real emulator: a header declared in the editor is staged and goes
// out as its own request before the integration response; a missing method response is warned about and can be
// created in the same send; a partial failure says what is stored and a retry does not repeat it; an existing
// response can be sent as a PATCH of the changed fields. The AWS CLI judges what was stored.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  apiRequest,
  awsCli,
  cliGetIntegrationResponse,
  createMethodFixture,
  putIntegrationResponseViaHttp,
  runAwsCli,
  runAwsCliJson,
  editorUrl,
  methodIdArgs,
  type MethodIds,
} from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';
import { clickContinueToReview } from './support/editor-page';

test.skip(!awsCli.available, `These journeys are judged by the AWS CLI: ${awsCli.reason}`);

interface MethodResponseJson {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
}

function cliGetMethodResponse(ids: MethodIds, statusCode: string): Promise<MethodResponseJson> {
  return runAwsCliJson<MethodResponseJson>(['apigateway', 'get-method-response', ...methodIdArgs(ids, statusCode)]);
}

function fixture(statusCodes: string[]): Promise<MethodIds> {
  return createMethodFixture({ statusCodes, headers: { 'X-Declared': false } });
}

async function openEditor(page: Page, ids: MethodIds, statusCode: string): Promise<void> {
  await page.goto(editorUrl(ids, statusCode));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`integration response for ${statusCode}`);
}

async function continueToReview(page: Page, statusCode: string): Promise<void> {
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `Check and send the integration response for ${statusCode}`,
  );
}

/** Declares a header in the editor and maps a static value to it. */
async function declareAndMap(page: Page, header: string, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Declare a new header' }).click();
  await page.getByLabel('New header name').fill(header);
  await page.getByRole('button', { name: 'Declare header' }).click();
  const row = page
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Response header') })
    .last();
  await expect(row.getByLabel('Response header')).toHaveValue(header);
  await row.getByLabel('Static value').fill(value);
}

async function exportText(page: Page, tab: string, testId: string): Promise<string> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  return (await page.getByTestId(testId).textContent()) ?? '';
}

/** Counts the browser's requests to one URL path by method: what the page sent, observed, not replaced. */
function countRequests(page: Page, pathEnd: string): Record<string, number> {
  const counts: Record<string, number> = {};
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith(pathEnd)) {
      counts[request.method()] = (counts[request.method()] ?? 0) + 1;
    }
  });
  return counts;
}

test('a declared header is staged: the review shows its own request, Send applies it first, every export has it', async ({
  page,
}) => {
  const ids = await fixture(['404']);
  await openEditor(page, ids, '404');
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('Not found.*');
  await declareAndMap(page, 'X-Trace', 'abc');
  // Nothing is sent before the review: the method response still declares only X-Declared.
  expect((await cliGetMethodResponse(ids, '404')).responseParameters).toEqual({
    'method.response.header.X-Declared': false,
  });
  await continueToReview(page, '404');

  const change = page.getByTestId('method-response-change');
  await expect(change.getByRole('heading')).toHaveText('First: Declare X-Trace on method response 404');
  await expect(page.getByTestId('request-step-1')).toHaveText(
    '1. UpdateMethodResponse: Declare X-Trace on method response 404',
  );
  await expect(page.getByTestId('request-step-2')).toHaveText(
    '2. PutIntegrationResponse: Store the whole integration response 404',
  );
  await expect(page.getByTestId('method-request-line')).toHaveText(
    `PATCH ${new URL(page.url()).origin}/restapis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/responses/404`,
  );
  expect(JSON.parse((await page.getByTestId('method-request-body').textContent()) ?? '')).toEqual({
    patchOperations: [{ op: 'add', path: '/responseParameters/method.response.header.X-Trace', value: 'false' }],
  });

  const cli = await exportText(page, 'AWS CLI', 'export-aws-cli');
  expect(cli).toMatch(
    /^aws apigateway update-method-response [\s\S]*X-Trace[\s\S]* &&\naws apigateway put-integration-response /,
  );
  expect(await exportText(page, 'curl', 'export-curl')).toMatch(/^curl -X PATCH [\s\S]* &&\ncurl -X PUT /);
  expect(await exportText(page, 'CloudFormation', 'export-cloudformation')).toContain(
    'MethodResponses:\n  - StatusCode: "404"\n    ResponseParameters:\n      method.response.header.X-Declared: false\n      method.response.header.X-Trace: false\n',
  );
  expect(await exportText(page, 'Terraform', 'export-terraform')).toContain('"method.response.header.X-Trace" = false');
  expect(await exportText(page, 'OpenAPI', 'export-openapi')).toContain('            X-Trace:\n');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Create integration response 404' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 created');
  await expect(page.getByTestId('stored-method-response')).toContainText('X-Declared, X-Trace');
  // The AWS CLI agrees with what was reviewed, for both objects.
  expect(await cliGetMethodResponse(ids, '404')).toEqual({
    statusCode: '404',
    responseParameters: { 'method.response.header.X-Declared': false, 'method.response.header.X-Trace': false },
  });
  expect(await cliGetIntegrationResponse(ids, '404')).toEqual({
    statusCode: '404',
    selectionPattern: 'Not found.*',
    responseParameters: { 'method.response.header.X-Trace': "'abc'" },
  });
});

test('when the second request fails, the page says which one is stored, keeps the draft, and a retry sends only the second', async ({
  page,
}) => {
  const ids = await fixture(['404']);
  const methodResponseRequests = countRequests(page, `/methods/GET/responses/404`);
  await openEditor(page, ids, '404');
  await declareAndMap(page, 'X-Trace', 'abc');
  await continueToReview(page, '404');

  // Someone else deletes the method's integration meanwhile: the method response can still be changed, the
  // integration response no longer has an integration to belong to.
  const removed = await runAwsCli(['apigateway', 'delete-integration', ...methodIdArgs(ids)]);
  expect(removed.code).toBe(0);
  await page.getByRole('button', { name: 'Create integration response 404' }).click();

  const error = page.getByTestId('send-error');
  await expect(error).toBeFocused();
  await expect(error).toContainText('Only part of the change was sent');
  await expect(page.getByTestId('send-partial')).toContainText(
    'Stored: Declare X-Trace on method response 404 (UpdateMethodResponse).',
  );
  await expect(page.getByTestId('send-partial')).toContainText(
    'Not stored: integration response 404 (PutIntegrationResponse)',
  );
  await expect(page.getByTestId('send-error-message')).toContainText('Invalid Integration identifier specified');
  // The review now shows the declaration as stored, and only the integration response as still to send.
  await expect(page.getByTestId('method-response-stored')).toBeVisible();
  await expect(page.getByTestId('request-step-1')).toHaveCount(0);
  expect((await cliGetMethodResponse(ids, '404')).responseParameters).toMatchObject({
    'method.response.header.X-Trace': false,
  });
  expect(methodResponseRequests.PATCH).toBe(1);

  // The draft is kept: a reload shows the same review, with nothing left to do on the method response.
  await page.reload();
  await expect(page.getByTestId('request-body')).toContainText('method.response.header.X-Trace');
  await expect(page.getByTestId('method-response-change')).toHaveCount(0);

  // The integration comes back; Send again: only the integration response is sent.
  const restored = await runAwsCli(['apigateway', 'put-integration', ...methodIdArgs(ids), '--type', 'MOCK']);
  expect(restored.code).toBe(0);
  await page.getByRole('button', { name: 'Create integration response 404' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 created');
  expect(methodResponseRequests.PATCH).toBe(1);
  expect(await cliGetIntegrationResponse(ids, '404')).toEqual({
    statusCode: '404',
    responseParameters: { 'method.response.header.X-Trace': "'abc'" },
  });
});

test('no method response for the status code: warned in the editor and the review, and created in the same send', async ({
  page,
}) => {
  const ids = await fixture(['200']);
  await openEditor(page, ids, '504');
  const warning = page.getByText('There is no method response for 504', { exact: true });
  await expect(warning).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'method response' })).toHaveText(
    'AWS would accept this, but see the warning: there is no method response for 504.',
  );
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('5\\d{2}');
  await continueToReview(page, '504');

  // The review warns too, and offers the same fix.
  await expect(page.getByText('There is no method response for 504', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Create method response 504 when sending' }).click();
  await expect(page.getByTestId('request-step-1')).toHaveText('1. PutMethodResponse: Create method response 504');
  await expect(page.getByTestId('method-request-line')).toContainText('PUT ');
  expect(await exportText(page, 'AWS CLI', 'export-aws-cli')).toMatch(
    /^aws apigateway put-method-response [\s\S]*--status-code 504[\s\S]* &&\naws apigateway put-integration-response /,
  );
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Create integration response 504' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 504 created');
  expect(await cliGetMethodResponse(ids, '504')).toEqual({ statusCode: '504' });
  expect(await cliGetIntegrationResponse(ids, '504')).toEqual({ statusCode: '504', selectionPattern: '5\\d{2}' });
});

test('an existing response can be sent as a PATCH of the changed fields; a change by someone else is still a conflict', async ({
  page,
}) => {
  const ids = await fixture(['404']);
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '404', {
    selectionPattern: 'Not found.*',
    responseTemplates: { 'application/json': '{"v": 1}', 'text/plain': 'gone' },
  });
  const integrationResponseRequests = countRequests(page, '/integration/responses/404');
  await openEditor(page, ids, '404');
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('Missing.*');
  await continueToReview(page, '404');

  await page.getByRole('radio', { name: /Send only the changed fields/ }).check();
  await expect(page.getByRole('radio', { name: /Send only the changed fields/ })).toHaveAccessibleName(
    /UpdateIntegrationResponse, 1 patch operation/,
  );
  await expect(page.getByTestId('request-line')).toHaveText(
    `PATCH ${new URL(page.url()).origin}/restapis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/integration/responses/404`,
  );
  expect(JSON.parse((await page.getByTestId('request-body').textContent()) ?? '')).toEqual({
    patchOperations: [{ op: 'replace', path: '/selectionPattern', value: 'Missing.*' }],
  });
  expect(await exportText(page, 'AWS CLI', 'export-aws-cli')).toMatch(
    /^aws apigateway update-integration-response [\s\S]*--patch-operations '\[\{"op":"replace","path":"\/selectionPattern","value":"Missing\.\*"\}\]'/,
  );
  expect(await exportText(page, 'curl', 'export-curl')).toMatch(/^curl -X PATCH /);

  // Someone changes a template meanwhile: Send finds a conflict and sends nothing.
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '404', {
    selectionPattern: 'Not found.*',
    responseTemplates: { 'application/json': '{"v": "cli"}', 'text/plain': 'gone' },
  });
  await page.getByRole('button', { name: 'Update integration response 404' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  expect(integrationResponseRequests.PATCH ?? 0).toBe(0);

  // Overwrite with my version: the PATCH is computed against what is stored now, so the result is exactly mine.
  await conflict.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 updated');
  expect(integrationResponseRequests.PATCH).toBe(1);
  expect(integrationResponseRequests.PUT ?? 0).toBe(0);
  expect(await cliGetIntegrationResponse(ids, '404')).toEqual({
    statusCode: '404',
    selectionPattern: 'Missing.*',
    responseTemplates: { 'application/json': '{"v": 1}', 'text/plain': 'gone' },
  });
  // The method response was never touched.
  const methodResponse = await apiRequest<MethodResponseJson>(
    'GET',
    `/restapis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/responses/404`,
  );
  expect(methodResponse.body?.responseParameters).toEqual({ 'method.response.header.X-Declared': false });
});

test('when the method response request itself fails, the page says nothing was stored and keeps the draft', async ({
  page,
}) => {
  const ids = await fixture(['404']);
  await openEditor(page, ids, '404');
  await declareAndMap(page, 'X-Trace', 'abc');
  await continueToReview(page, '404');
  await expect(page.getByTestId('request-step-1')).toHaveText(
    '1. UpdateMethodResponse: Declare X-Trace on method response 404',
  );

  // Someone else deletes the method response meanwhile: the UpdateMethodResponse has nothing to change.
  const removed = await runAwsCli(['apigateway', 'delete-method-response', ...methodIdArgs(ids, '404')]);
  expect(removed.code).toBe(0);
  await page.getByRole('button', { name: 'Create integration response 404' }).click();

  const error = page.getByTestId('send-error');
  await expect(error).toBeFocused();
  await expect(error).toContainText('The change was not sent');
  await expect(error).toContainText(
    'The UpdateMethodResponse request failed, so nothing was stored: the integration response was not sent.',
  );
  await expect(page.getByTestId('send-error-message')).toContainText('Invalid Response status code specified');
  await expect(page.getByTestId('send-partial')).toHaveCount(0);
  // Nothing is stored: no integration response, and the method response is still gone.
  expect((await runAwsCli(['apigateway', 'get-integration-response', ...methodIdArgs(ids, '404')])).code).not.toBe(0);
  expect((await runAwsCli(['apigateway', 'get-method-response', ...methodIdArgs(ids, '404')])).code).not.toBe(0);

  // The plan follows what is stored now: the method response is to be created, with the header.
  await expect(page.getByTestId('request-step-1')).toHaveText(
    '1. PutMethodResponse: Create method response 404, declaring X-Trace',
  );
  // The draft is kept across a reload, and Send now stores both.
  await page.reload();
  await expect(page.getByTestId('request-body')).toContainText('method.response.header.X-Trace');
  await page.getByRole('button', { name: 'Create integration response 404' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 created');
  expect(await cliGetMethodResponse(ids, '404')).toEqual({
    statusCode: '404',
    responseParameters: { 'method.response.header.X-Trace': false },
  });
  expect(await cliGetIntegrationResponse(ids, '404')).toEqual({
    statusCode: '404',
    responseParameters: { 'method.response.header.X-Trace': "'abc'" },
  });
});

/** A new 504 for a method without that method response, reviewed with "create the method response" chosen. */
async function reviewNew504WithItsMethodResponse(page: Page) {
  const ids = await fixture(['200']);
  const methodResponseRequests = countRequests(page, '/methods/GET/responses/504');
  await openEditor(page, ids, '504');
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('5\\d{2}');
  await continueToReview(page, '504');
  await page.getByRole('button', { name: 'Create method response 504 when sending' }).click();
  await expect(page.getByTestId('request-step-1')).toHaveText('1. PutMethodResponse: Create method response 504');
  return { ids, methodResponseRequests };
}

test('a method response created by someone else before Send is a conflict: nothing is sent, the draft is kept', async ({
  page,
}) => {
  const { ids, methodResponseRequests } = await reviewNew504WithItsMethodResponse(page);

  // Someone creates the method response meanwhile, declaring a header: a PutMethodResponse would replace it.
  const created = await runAwsCli([
    'apigateway',
    'put-method-response',
    ...methodIdArgs(ids, '504'),
    '--response-parameters',
    'method.response.header.X-Other=true',
  ]);
  expect(created.code).toBe(0);
  await page.getByRole('button', { name: 'Create integration response 504' }).click();

  const conflict = page.getByTestId('method-response-conflict');
  await expect(conflict).toBeFocused();
  await expect(conflict).toContainText('Method response 504 was created by someone else');
  await expect(conflict).toContainText('Nothing was sent');
  expect(methodResponseRequests.PUT ?? 0).toBe(0);
  expect((await runAwsCli(['apigateway', 'get-integration-response', ...methodIdArgs(ids, '504')])).code).not.toBe(0);
  expect(await cliGetMethodResponse(ids, '504')).toEqual({
    statusCode: '504',
    responseParameters: { 'method.response.header.X-Other': true },
  });

  // The review now starts from the method response as it is: nothing is left to do on it.
  await expect(page.getByTestId('request-step-1')).toHaveCount(0);
  await expect(page.getByTestId('method-response-change')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create integration response 504' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 504 created');
  expect(methodResponseRequests.PUT ?? 0).toBe(0);
  expect(await cliGetMethodResponse(ids, '504')).toEqual({
    statusCode: '504',
    responseParameters: { 'method.response.header.X-Other': true },
  });
  expect(await cliGetIntegrationResponse(ids, '504')).toEqual({ statusCode: '504', selectionPattern: '5\\d{2}' });
});

test("“Don't declare” takes a staged header out of the send: only the other header is declared", async ({ page }) => {
  const ids = await fixture(['404']);
  await openEditor(page, ids, '404');
  await declareAndMap(page, 'X-Trace', 'abc');
  await declareAndMap(page, 'X-Keep', 'kept');
  const staged = page.getByRole('list', { name: 'Headers to declare when you send' });
  await expect(staged.getByRole('listitem')).toHaveText([/X-Trace/, /X-Keep/]);

  await staged.getByRole('button', { name: "Don't declare X-Trace" }).click();
  await expect(staged.getByRole('listitem')).toHaveText([/X-Keep/]);
  // Its mapping now names a header the method response does not declare: AWS would refuse it.
  const traceRow = page
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Response header') })
    .filter({ has: page.locator('option:checked', { hasText: 'X-Trace (not declared)' }) });
  await expect(traceRow).toHaveCount(1);
  await expect(traceRow.getByRole('button', { name: 'Declare X-Trace' })).toBeVisible();
  await traceRow.getByRole('button', { name: /^Remove/ }).click();
  await continueToReview(page, '404');

  await expect(page.getByTestId('request-step-1')).toHaveText(
    '1. UpdateMethodResponse: Declare X-Keep on method response 404',
  );
  expect(JSON.parse((await page.getByTestId('method-request-body').textContent()) ?? '')).toEqual({
    patchOperations: [{ op: 'add', path: '/responseParameters/method.response.header.X-Keep', value: 'false' }],
  });
  expect(await exportText(page, 'AWS CLI', 'export-aws-cli')).not.toContain('X-Trace');
  await page.getByRole('button', { name: 'Create integration response 404' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 404 created');
  expect((await cliGetMethodResponse(ids, '404')).responseParameters).toEqual({
    'method.response.header.X-Declared': false,
    'method.response.header.X-Keep': false,
  });
  expect(await cliGetIntegrationResponse(ids, '404')).toEqual({
    statusCode: '404',
    responseParameters: { 'method.response.header.X-Keep': "'kept'" },
  });
});

test("“Don't create” takes the method response out of the send: only the integration response is stored", async ({
  page,
}) => {
  const { ids, methodResponseRequests } = await reviewNew504WithItsMethodResponse(page);

  await page.getByRole('button', { name: "Don't create method response 504" }).click();
  await expect(page.getByText('There is no method response for 504', { exact: true })).toBeVisible();
  await expect(page.getByTestId('request-step-1')).toHaveCount(0);
  await expect(page.getByTestId('method-response-change')).toHaveCount(0);
  expect(await exportText(page, 'AWS CLI', 'export-aws-cli')).not.toContain('put-method-response');
  // The choice is part of the draft: a reload keeps it.
  await page.reload();
  await expect(page.getByText('There is no method response for 504', { exact: true })).toBeVisible();
  await expect(page.getByTestId('method-response-change')).toHaveCount(0);

  await page.getByRole('button', { name: 'Create integration response 504' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 504 created');
  expect(methodResponseRequests.PUT ?? 0).toBe(0);
  expect((await runAwsCli(['apigateway', 'get-method-response', ...methodIdArgs(ids, '504')])).code).not.toBe(0);
  expect(await cliGetIntegrationResponse(ids, '504')).toEqual({ statusCode: '504', selectionPattern: '5\\d{2}' });
});
