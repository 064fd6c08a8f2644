// Step 6, review and send, against the built app and the real emulator (and moto_server): the diff, the exact
// request, the copyable commands, sending, conflicts, server errors and deleting. The AWS CLI is the judge of
// what was stored each time.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { awsCliEnv, runAws } from '../test-support/aws-cli';
import { startEmulator } from '../test-support/emulator-process';
import {
  awsCli,
  cliGetIntegrationResponse,
  createIntegrationFixture,
  putIntegrationResponseViaHttp,
  runAwsCli,
  runAwsCliJson,
  type IntegrationResponseJson,
  editorUrl,
  methodIdArgs,
  type MethodIds,
} from './support/e2e-server';
import { motoServer, startMotoServer } from './support/moto-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';
import { clickContinueToReview } from './support/editor-page';

test.skip(!awsCli.available, `These journeys are judged by the AWS CLI: ${awsCli.reason}`);

/** Templates with what shells and JSON find hard: single quotes, $, backslashes, newlines. */
const JSON_TEMPLATE = `#set($msg = $input.path('$.errorMessage'))\n{\n  "message": "it's $msg",\n  "path": "C:\\\\temp\\\\x"\n}`;
const XML_TEMPLATE = `<error code='$input.path('$.code')'>\n  $util.escapeJavaScript($input.body)\n</error>`;

interface EditorInput {
  selectionPattern?: string;
  templates?: { contentType: string; template: string }[];
  mappings?: { header: string; kind: 'static' | 'header' | 'body'; value: string }[];
  contentHandling?: 'Passthrough' | 'Convert to text' | 'Convert to binary';
}

async function openEditor(page: Page, ids: MethodIds, statusCode: string): Promise<void> {
  await page.goto(editorUrl(ids, statusCode));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`integration response for ${statusCode}`);
}

/** Replaces a template's text. insertText: typing would trigger CodeMirror's bracket and quote auto-closing. */
async function setTemplate(page: Page, contentType: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: `Mapping template for ${contentType}` });
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function fillEditor(page: Page, input: EditorInput): Promise<void> {
  if (input.selectionPattern !== undefined)
    await page.getByRole('textbox', { name: /^Selection pattern/ }).fill(input.selectionPattern);
  if (input.contentHandling) await page.getByRole('radio', { name: new RegExp(input.contentHandling) }).check();
  for (const t of input.templates ?? []) {
    await page.getByRole('button', { name: 'Add a template' }).click();
    await page.getByLabel('Content type', { exact: true }).last().fill(t.contentType);
    await setTemplate(page, t.contentType, t.template);
  }
  const labels = {
    static: 'Static value',
    header: 'Integration response header name',
    body: 'JSONPath in the body, without $',
  } as const;
  for (const m of input.mappings ?? []) {
    await page.getByRole('button', { name: 'Add a header mapping' }).click();
    const row = page
      .getByRole('listitem')
      .filter({ has: page.getByLabel('Response header') })
      .last();
    await row.getByLabel('Response header').selectOption(m.header);
    await row.getByLabel('Source').selectOption(m.kind);
    await row.getByLabel(labels[m.kind], { exact: true }).fill(m.value);
  }
}

async function continueToReview(page: Page, statusCode: string): Promise<void> {
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `Check and send the integration response for ${statusCode}`,
  );
}

const fullInput: EditorInput = {
  selectionPattern: '4\\d{2}',
  contentHandling: 'Convert to text',
  templates: [
    { contentType: 'application/json', template: JSON_TEMPLATE },
    { contentType: 'application/xml', template: XML_TEMPLATE },
  ],
  mappings: [
    { header: 'X-Static', kind: 'static', value: 'no-store' },
    { header: 'X-Request-Id', kind: 'header', value: 'x-amzn-RequestId' },
    { header: 'X-Error-Code', kind: 'body', value: 'error.code' },
  ],
};

function expectedFull(statusCode: string): IntegrationResponseJson {
  return {
    statusCode,
    selectionPattern: '4\\d{2}',
    responseTemplates: { 'application/json': JSON_TEMPLATE, 'application/xml': XML_TEMPLATE },
    responseParameters: {
      'method.response.header.X-Static': "'no-store'",
      'method.response.header.X-Request-Id': 'integration.response.header.x-amzn-RequestId',
      'method.response.header.X-Error-Code': 'integration.response.body.error.code',
    },
    contentHandling: 'CONVERT_TO_TEXT',
  };
}

const headers = { 'X-Static': false, 'X-Request-Id': false, 'X-Error-Code': false };

async function fixture(statusCode = '400', extraHeaders: Record<string, boolean> = {}): Promise<MethodIds> {
  const f = await createIntegrationFixture({ statusCodes: [statusCode], headers: { ...headers, ...extraHeaders } });
  return { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('/tmp/shots', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/shots/review-${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('1. creates an integration response with pattern, two templates, three header sources and CONVERT_TO_TEXT', async ({
  page,
}) => {
  const ids = await fixture();
  const errors = trackConsoleErrors(page);
  await openEditor(page, ids, '400');
  await fillEditor(page, fullInput);
  await continueToReview(page, '400');
  await expect(page).toHaveTitle(/^Step 6 of 6: /);

  // The diff: a new response, every field marked new, templates shown line by line.
  await expect(page.getByText('Sending replaces the whole integration response')).toBeVisible();
  await expect(page.getByTestId('review-selectionPattern')).toContainText('4\\d{2}');
  await expect(page.getByTestId('review-contentHandling')).toContainText('CONVERT_TO_TEXT');
  await expect(page.getByTestId('review-header-X-Static')).toContainText("'no-store'");
  await expect(page.getByTestId('review-header-X-Request-Id')).toContainText(
    'integration.response.header.x-amzn-RequestId',
  );
  await expect(page.getByTestId('review-header-X-Error-Code')).toContainText('integration.response.body.error.code');
  const jsonRow = page.getByTestId('review-template-application_2fjson');
  await expect(jsonRow).toContainText('New template.');
  await expect(jsonRow).toContainText(`"message": "it's $msg",`);

  // The exact request: method, URL, JSON body; no signature in clear.
  await expect(page.getByTestId('request-line')).toHaveText(
    `PUT http://127.0.0.1:${new URL(page.url()).port}/restapis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/integration/responses/400`,
  );
  const body = JSON.parse((await page.getByTestId('request-body').textContent()) ?? '') as unknown;
  const { statusCode: _sc, ...expectedBody } = expectedFull('400');
  expect(body).toEqual(expectedBody);
  await expect(page.getByTestId('request-headers')).toContainText('accept: application/json');
  await expect(page.getByTestId('request-headers')).toContainText('Signature=<redacted>');

  // Each export is there.
  for (const tab of ['curl', 'CloudFormation', 'Terraform', 'OpenAPI']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
  }
  await page.getByRole('tab', { name: 'AWS CLI' }).click();
  await expect(page.getByTestId('export-aws-cli')).toContainText('aws apigateway put-integration-response');
  await expectNoAxeViolations(page);
  await screenshot(page, 'create');

  await page.getByRole('button', { name: 'Create integration response 400' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 400 created');
  // What the server answered, not the form: its JSON is shown as stored.
  await page.getByText("The server's answer as JSON").click();
  expect(JSON.parse((await page.getByTestId('stored-response-json').textContent()) ?? '')).toEqual(expectedFull('400'));
  await expect(page.getByTestId('deploy-command')).toContainText(
    `aws apigateway create-deployment \\\n  --rest-api-id ${ids.restApiId} \\\n  --stage-name <stage>`,
  );
  await expectNoAxeViolations(page);
  await screenshot(page, 'sent');

  expect(await cliGetIntegrationResponse(ids, '400')).toEqual(expectedFull('400'));
  // The draft is gone: the review page has nothing left to send.
  await page.goto(`${editorUrl(ids, '400')}/review`);
  await expect(page.getByText('There is nothing to review')).toBeVisible();
  // GetIntegrationResponse answering 404 is how a new response is recognised; Chromium logs every 404 it loads.
  expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
});

test('2. edits it, then deletes it; the CLI agrees each time', async ({ page }) => {
  const ids = await fixture();
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '400', {
    selectionPattern: '4\\d{2}',
    responseTemplates: { 'application/json': JSON_TEMPLATE, 'application/xml': XML_TEMPLATE },
    responseParameters: expectedFull('400').responseParameters,
    contentHandling: 'CONVERT_TO_TEXT',
  });

  // Edit: a new pattern, one template line changed, one mapping removed, Passthrough.
  await openEditor(page, ids, '400');
  await page.getByRole('textbox', { name: /^Selection pattern/ }).fill('4\\d{2}|5\\d{2}');
  await page.getByRole('radio', { name: /Passthrough/ }).check();
  await setTemplate(page, 'application/json', JSON_TEMPLATE.replace("it's $msg", 'failed: $msg'));
  await page.getByRole('button', { name: 'Remove the mapping for X-Error-Code' }).click();
  await continueToReview(page, '400');

  await expect(page.getByTestId('review-selectionPattern')).toContainText('changed');
  await expect(page.getByTestId('review-contentHandling')).toContainText('cleared');
  await expect(page.getByTestId('review-header-X-Error-Code')).toContainText('cleared');
  await expect(page.getByTestId('review-header-X-Static')).toContainText('unchanged');
  const jsonRow = page.getByTestId('review-template-application_2fjson');
  await expect(jsonRow).toContainText('changed');
  // Only the changed line is marked (the visible -/+ prefix is followed by the template's own indentation).
  await expect(jsonRow).toContainText(
    `Removed: -  "message": "it's $msg",Added: +  "message": "failed: $msg",   "path"`,
  );
  await screenshot(page, 'edit');

  await page.getByRole('button', { name: 'Replace integration response 400' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 400 replaced');
  expect(await cliGetIntegrationResponse(ids, '400')).toEqual({
    statusCode: '400',
    selectionPattern: '4\\d{2}|5\\d{2}',
    responseTemplates: {
      'application/json': JSON_TEMPLATE.replace("it's $msg", 'failed: $msg'),
      'application/xml': XML_TEMPLATE,
    },
    responseParameters: {
      'method.response.header.X-Static': "'no-store'",
      'method.response.header.X-Request-Id': 'integration.response.header.x-amzn-RequestId',
    },
  });

  // Delete, from the review page, after a confirmation naming the status code and the method.
  await page.getByRole('link', { name: 'Edit integration response 400 again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 400');
  await continueToReview(page, '400');
  // The editor started from what was just stored, so nothing would change.
  for (const id of [
    'review-selectionPattern',
    'review-contentHandling',
    'review-header-X-Static',
    'review-template-application_2fjson',
  ]) {
    await expect(page.getByTestId(id)).toContainText('unchanged');
  }
  await page.getByRole('button', { name: 'Delete integration response 400' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete the integration response for 400 of GET /items?');
  await screenshot(page, 'delete-dialog');
  await dialog.getByRole('button', { name: 'Delete integration response 400' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 400 deleted');
  const gone = await runAwsCli(['apigateway', 'get-integration-response', ...methodIdArgs(ids, '400')]);
  expect(gone.code).not.toBe(0);
  expect(gone.stderr).toContain('NotFoundException');
});

test('3. a change made with the CLI while the review page is open is never silently overwritten', async ({ page }) => {
  const ids = await fixture();
  const original = { selectionPattern: '4\\d{2}', responseTemplates: { 'application/json': '{"v": 1}' } };
  await putIntegrationResponseViaHttp(ids.restApiId, ids.resourceId, ids.httpMethod, '400', original);
  const cliPut = (pattern: string) =>
    runAwsCliJson([
      'apigateway',
      'put-integration-response',
      ...methodIdArgs(ids, '400'),
      '--selection-pattern',
      pattern,
      '--response-templates',
      '{"application/json":"{\\"v\\": \\"cli\\"}"}',
    ]);

  await openEditor(page, ids, '400');
  await setTemplate(page, 'application/json', '{"v": "mine"}');
  await continueToReview(page, '400');
  await cliPut('40\\d');

  // Send → the conflict choice, with both versions.
  await page.getByRole('button', { name: 'Replace integration response 400' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-server')).toContainText('40\\d');
  await expect(conflict.getByTestId('conflict-server')).toContainText('{"v": "cli"}');
  await expect(conflict.getByTestId('conflict-yours')).toContainText('{"v": "mine"}');
  await expect(conflict).toBeFocused();
  await expectNoAxeViolations(page);
  await screenshot(page, 'conflict');

  // Cancel: nothing sent, the draft stays.
  await conflict.getByRole('button', { name: 'Cancel' }).click();
  await expect(conflict).toHaveCount(0);
  expect((await cliGetIntegrationResponse(ids, '400')).selectionPattern).toBe('40\\d');
  await page.reload();
  await expect(page.getByTestId('review-template-application_2fjson')).toContainText('{"v": "mine"}');

  // Send again → still a conflict (the CLI version is not the one the edit started from) → Overwrite.
  await page.getByRole('button', { name: 'Replace integration response 400' }).click();
  await conflict.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 400 replaced');
  expect(await cliGetIntegrationResponse(ids, '400')).toEqual({
    statusCode: '400',
    selectionPattern: '4\\d{2}',
    responseTemplates: { 'application/json': '{"v": "mine"}' },
  });

  // Another edit, another CLI change during review → Reload into the editor: the editor shows the CLI version.
  await openEditor(page, ids, '400');
  await setTemplate(page, 'application/json', '{"v": "mine again"}');
  await continueToReview(page, '400');
  await cliPut('41\\d');
  await page.getByRole('button', { name: 'Replace integration response 400' }).click();
  await page.getByTestId('conflict').getByRole('button', { name: 'Reload into the editor' }).click();
  await expect(page).toHaveURL(new RegExp(`${editorUrl(ids, '400')}$`));
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toHaveValue('41\\d');
  await expect(page.getByRole('textbox', { name: 'Mapping template for application/json' })).toHaveText('{"v": "cli"}');
  // Nothing was sent by reloading.
  expect((await cliGetIntegrationResponse(ids, '400')).selectionPattern).toBe('41\\d');
});

test('3b. a response created with the CLI while a new one is being reviewed is a conflict too', async ({ page }) => {
  const ids = await fixture();
  await openEditor(page, ids, '400');
  await fillEditor(page, { selectionPattern: '4\\d{2}' });
  await continueToReview(page, '400');
  await runAwsCliJson([
    'apigateway',
    'put-integration-response',
    ...methodIdArgs(ids, '400'),
    '--selection-pattern',
    '40\\d',
  ]);
  await page.getByRole('button', { name: 'Create integration response 400' }).click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict.getByTestId('conflict-server')).toContainText('40\\d');
  await conflict.getByRole('button', { name: 'Cancel' }).click();
  expect(await cliGetIntegrationResponse(ids, '400')).toEqual({ statusCode: '400', selectionPattern: '40\\d' });
});

test('4. a server error on send shows AWS’s message next to the field and keeps every field', async ({ page }) => {
  const ids = await fixture('400', { 'X-Gone': false });
  await openEditor(page, ids, '400');
  await fillEditor(page, {
    selectionPattern: '4\\d{2}',
    templates: [{ contentType: 'application/json', template: JSON_TEMPLATE }],
    mappings: [
      { header: 'X-Static', kind: 'static', value: 'no-store' },
      { header: 'X-Gone', kind: 'header', value: 'x-gone' },
    ],
  });
  await continueToReview(page, '400');
  const removed = await runAwsCli([
    'apigateway',
    'update-method-response',
    '--rest-api-id',
    ids.restApiId,
    '--resource-id',
    ids.resourceId,
    '--http-method',
    'GET',
    '--status-code',
    '400',
    '--patch-operations',
    'op=remove,path=/responseParameters/method.response.header.X-Gone',
  ]);
  expect(removed.stderr).toBe('');

  await page.getByRole('button', { name: 'Create integration response 400' }).click();
  const message =
    'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.X-Gone]';
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Step 6 of 6/);
  await expect(page.getByTestId('send-error-type')).toHaveText('BadRequestException');
  await expect(page.getByTestId('send-error-message')).toHaveText(message);
  // Next to the field it concerns.
  await expect(page.getByTestId('review-header-X-Gone')).toContainText(message);
  await expect(page.getByTestId('review-header-X-Static')).not.toContainText('Invalid');
  await expectNoAxeViolations(page);
  await screenshot(page, 'error');

  // Nothing stored; the form and the draft are intact.
  const stored = await runAwsCli(['apigateway', 'get-integration-response', ...methodIdArgs(ids, '400')]);
  expect(stored.stderr).toContain('NotFoundException');
  // A Change link to an earlier wizard step keeps the draft too.
  await page.getByRole('link', { name: 'Change method' }).click();
  await expect(page).toHaveURL(new RegExp(`/apis/${ids.restApiId}/resources/${ids.resourceId}$`));
  await page.goBack();
  await expect(page.getByTestId('review-header-X-Gone')).toContainText('integration.response.header.x-gone');
  await page.getByRole('link', { name: 'Change Header X-Gone' }).click();
  await expect(page.getByRole('textbox', { name: /^Selection pattern/ })).toHaveValue('4\\d{2}');
  await expect(page.getByLabel('Response header').nth(1)).toHaveValue('X-Gone');
  await expect(page.getByLabel('Integration response header name', { exact: true })).toHaveValue('x-gone');
  await expect(page.getByRole('textbox', { name: 'Mapping template for application/json' })).toContainText(
    '"message": "it\'s $msg",',
  );
});

// ---------------------------------------------------------------------------------------------------------

test('5. the same create journey against moto_server, through the forwarding route', async ({ page }) => {
  test.skip(!motoServer.available, motoServer.reason);
  const moto = await startMotoServer();
  try {
    const endpoint = moto.endpoint;
    const aws = async <T>(args: string[]): Promise<T> => {
      const r = await runAws(endpoint, ['apigateway', ...args]);
      if (r.code !== 0) throw new Error(`aws ${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout || '{}') as T;
    };
    const api = await aws<{ id: string }>(['create-rest-api', '--name', 'review-moto']);
    const resources = await aws<{ items: { id: string; path: string }[] }>(['get-resources', '--rest-api-id', api.id]);
    const rootId = resources.items.find((r) => r.path === '/')?.id ?? '';
    const resource = await aws<{ id: string }>([
      'create-resource',
      '--rest-api-id',
      api.id,
      '--parent-id',
      rootId,
      '--path-part',
      'items',
    ]);
    const ids: MethodIds = { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET' };
    const m = ['--rest-api-id', api.id, '--resource-id', resource.id, '--http-method', 'GET'];
    await aws([...['put-method'], ...m, '--authorization-type', 'NONE']);
    await aws([
      'put-integration',
      ...m,
      '--type',
      'MOCK',
      '--request-templates',
      '{"application/json":"{\\"statusCode\\": 400}"}',
    ]);
    await aws([
      'put-method-response',
      ...m,
      '--status-code',
      '400',
      '--response-parameters',
      JSON.stringify(Object.fromEntries(Object.keys(headers).map((h) => [`method.response.header.${h}`, false]))),
    ]);

    // Switch the app to moto (forwarding is the preset's default).
    await page.goto('/connection');
    await page.getByRole('radio', { name: 'moto_server' }).check();
    await page.getByLabel('Endpoint URL').fill(endpoint);
    await expect(page.getByRole('checkbox', { name: 'Forward through this app' })).toBeChecked();
    await page.getByRole('button', { name: 'Save and use this connection' }).click();
    await expect(page.getByTestId('current-target')).toContainText('moto');

    await openEditor(page, ids, '400');
    await fillEditor(page, fullInput);
    await continueToReview(page, '400');
    await expect(page.getByTestId('export-aws-cli')).toContainText(`--endpoint-url ${endpoint}`);
    await page.getByRole('button', { name: 'Create integration response 400' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 400 created');
    expect(await aws(['get-integration-response', ...m, '--status-code', '400'])).toEqual(expectedFull('400'));
  } finally {
    moto.stop();
  }
});

function bash(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', command],
      { env: awsCliEnv(), encoding: 'utf8', timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

test('6. the AWS CLI command copied from the page stores the same object in a fresh emulator', async ({ page }) => {
  const ids = await fixture();
  await openEditor(page, ids, '400');
  await fillEditor(page, fullInput);
  await continueToReview(page, '400');
  const command = (await page.getByTestId('export-aws-cli').textContent()) ?? '';
  await page.getByRole('button', { name: 'Create integration response 400' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 400 created');
  const fromUi = await cliGetIntegrationResponse(ids, '400');

  const fresh = await startEmulator();
  try {
    const aws = async <T>(args: string[]): Promise<T> => {
      const r = await runAws(fresh.baseUrl, ['apigateway', ...args]);
      if (r.code !== 0) throw new Error(`aws ${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout || '{}') as T;
    };
    const api = await aws<{ id: string; rootResourceId: string }>(['create-rest-api', '--name', 'copied-command']);
    const resource = await aws<{ id: string }>([
      'create-resource',
      '--rest-api-id',
      api.id,
      '--parent-id',
      api.rootResourceId,
      '--path-part',
      'items',
    ]);
    const m = ['--rest-api-id', api.id, '--resource-id', resource.id, '--http-method', 'GET'];
    await aws(['put-method', ...m, '--authorization-type', 'NONE']);
    await aws(['put-integration', ...m, '--type', 'MOCK']);
    await aws([
      'put-method-response',
      ...m,
      '--status-code',
      '400',
      '--response-parameters',
      JSON.stringify(Object.fromEntries(Object.keys(headers).map((h) => [`method.response.header.${h}`, false]))),
    ]);

    // The fresh emulator has its own ids and port: exactly these three words change, nothing else.
    const origin = new URL(page.url()).origin;
    const retargeted = command
      .replace(`--rest-api-id ${ids.restApiId} `, `--rest-api-id ${api.id} `)
      .replace(`--resource-id ${ids.resourceId} `, `--resource-id ${resource.id} `)
      .replace(`--endpoint-url ${origin} `, `--endpoint-url ${fresh.baseUrl} `);
    expect(retargeted).not.toContain(ids.restApiId);
    expect(retargeted).not.toContain(origin);
    const run = await bash(retargeted);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await aws(['get-integration-response', ...m, '--status-code', '400'])).toEqual(fromUi);
    expect(fromUi).toEqual(expectedFull('400'));
  } finally {
    await fresh.stop();
  }
});
