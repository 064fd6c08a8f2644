// Simulate, on the editor, the review and after sending: what a client receives for a back-end outcome and a method
// request, across all of the method's integration responses; checked against the emulator's TestInvokeMethod.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import {
  createIntegrationFixture,
  getResourcesViaHttp,
  getRestApisViaHttp,
  putIntegrationResponseViaHttp,
  putIntegrationViaHttp,
} from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';
import { addTemplate, clickContinueToReview } from './support/editor-page';

const LAMBDA_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:Orders/invocations';

async function demoHealthCheck(): Promise<{ restApiId: string; resourceId: string }> {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo PetStore API is not seeded');
  const resource = (await getResourcesViaHttp(api.id)).find((r) => r.path === '/health/{check}');
  if (!resource) throw new Error('the demo PetStore has no /health/{check}');
  return { restApiId: api.id, resourceId: resource.id };
}

function simulate(page: Page): Locator {
  return page.getByRole('region', { name: 'Simulate' });
}

/** The headers as the panel lists them, without its notes on where a header came from. */
async function simulatedHeaders(panel: Locator): Promise<string[]> {
  const items = await panel.getByTestId('simulate-headers').getByRole('listitem').allTextContents();
  return items.map((text) => text.replace(/ \(from \$context\.responseOverride\)$/, ''));
}

async function expectClientGets(panel: Locator, status: string, headers: string[], body: string): Promise<void> {
  await expect(panel.getByTestId('simulate-status')).toHaveText(status);
  await expect(panel.getByTestId('simulate-body')).toHaveText(body);
  await expect.poll(() => simulatedHeaders(panel)).toEqual(headers);
}

test('simulate and test invoke agree on a MOCK method (the demo GET /health/{check}), on the editor, the review and after sending', async ({
  page,
}) => {
  const ids = await demoHealthCheck();
  const errors = trackConsoleErrors(page);
  await page.goto(`/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/responses/503`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 503');

  const unknown = {
    status: '503',
    headers: ['Content-Type: application/json', 'Retry-After: 30', 'X-Unknown-Check: disk'],
    body: '{"check": "disk", "status": "unknown check"}',
  };
  const known = {
    status: '200',
    headers: ['Content-Type: application/json', 'Cache-Control: no-store'],
    body: '{"check": "db", "status": "ok"}',
  };

  // The editor: the request template decides the status code from the path parameter.
  const editorPanel = simulate(page);
  await editorPanel.getByLabel('Path parameter check').fill('disk');
  await expect(editorPanel.getByTestId('simulate-why')).toContainText(
    'The request template answers statusCode 503. The selection pattern 5\\d{2} of the 503 integration response matches',
  );
  await expect(editorPanel.getByRole('row', { name: /^503/ })).toContainText('Picked: its pattern matches');
  await expect(editorPanel.getByRole('row', { name: /^200/ })).toContainText('Default, not needed');
  await expectClientGets(editorPanel, unknown.status, unknown.headers, unknown.body);
  // The template preview reads the same method request ($input.params('check')).
  await expect(page.getByRole('group', { name: 'Rendered output for application/json' })).toHaveText(unknown.body);

  // The review simulates the same case, with the draft in place of the stored 503.
  await clickContinueToReview(page);
  await expect(page).toHaveURL(/\/review$/);
  const reviewPanel = simulate(page);
  await expect(reviewPanel.getByLabel('Path parameter check')).toHaveValue('disk');
  await expectClientGets(reviewPanel, unknown.status, unknown.headers, unknown.body);

  // After sending: the stored method, simulated and test-invoked on the emulator.
  await page.getByRole('button', { name: 'Replace integration response 503' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Integration response 503 replaced');
  const sentPanel = simulate(page);
  const invoke = page.getByRole('region', { name: 'Test invoke GET' });
  for (const [check, expected] of [
    ['disk', unknown],
    ['db', known],
  ] as const) {
    await sentPanel.getByLabel('Path parameter check').fill(check);
    await expectClientGets(sentPanel, expected.status, expected.headers, expected.body);
    await invoke.getByLabel('Path and query string').fill(`/health/${check}`);
    await invoke.getByRole('button', { name: 'Test' }).click();
    await expect(invoke.getByTestId('test-invoke-status')).toHaveText(expected.status);
    await expect(invoke.getByTestId('test-invoke-body')).toHaveText(expected.body);
    await expect(invoke.getByTestId('test-invoke-headers')).toHaveText(expected.headers.join('\n'));
  }
  expect(errors).toEqual([]);
});

test('a multi-line Lambda error message picks the integration response whose pattern matches it whole, and the client gets the override', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ pathPart: 'orders', httpMethod: 'POST', statusCodes: ['200', '400'] });
  await putIntegrationViaHttp(f.api.id, f.resource.id, 'POST', { type: 'AWS', httpMethod: 'POST', uri: LAMBDA_URI });
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, 'POST', '200', {});
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/POST/responses/400`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 400');

  await page.getByLabel('Selection pattern: Lambda error regex').fill('(?s)Invalid input.*');
  await addTemplate(
    page,
    'application/json',
    '#set($context.responseOverride.status = 422)\n#set($context.responseOverride.header.X-Reason = "invalid")\n{"error": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}',
  );

  const panel = simulate(page);
  await panel.getByLabel('The function failed with an error').check();
  await panel
    .getByLabel('Error message (errorMessage)')
    .fill('Invalid input: name is required\n  at validate (index.js:3)');
  await expect(panel.getByRole('row', { name: /^400/ })).toContainText('Picked: its pattern matches');
  await expect(panel.getByRole('row', { name: /^200/ })).toContainText('Default, not needed');
  await expect(panel.getByTestId('simulate-why')).toContainText(
    'The selection pattern (?s)Invalid input.* of the 400 integration response matches the Lambda error message',
  );
  await expect(panel.getByTestId('simulate-status')).toHaveText('422');
  await expect(panel.getByTestId('simulate-status-override')).toHaveText(
    '(set by $context.responseOverride.status; the integration response is 400)',
  );
  await expect(panel.getByTestId('simulate-headers').getByRole('listitem')).toHaveText([
    'Content-Type: application/json',
    'X-Reason: invalid (from $context.responseOverride)',
  ]);
  await expect(panel.getByTestId('simulate-body')).toHaveText(
    '{"error": "Invalid input: name is required\\n  at validate (index.js:3)"}',
  );

  // Without (?s), `.` stops at the line break, so the pattern no longer matches the whole message.
  await page.getByLabel('Selection pattern: Lambda error regex').fill('Invalid input.*');
  await expect(panel.getByRole('row', { name: /^200/ })).toContainText('Picked: default response');
  await expect(panel.getByTestId('simulate-status')).toHaveText('200');
  await expect(panel.getByTestId('simulate-status-override')).toHaveCount(0);
});

test('the method request a template reads (query string, headers, stage variables, $context) is set once, and the preview, the header mappings and Simulate all read it', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ pathPart: 'items', statusCodes: ['200'], headers: { 'X-Env': false } });
  await putIntegrationViaHttp(f.api.id, f.resource.id, f.httpMethod, {
    type: 'HTTP',
    httpMethod: 'GET',
    uri: 'https://backend.example/items',
  });
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/${f.httpMethod}/responses/200`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');

  await addTemplate(
    page,
    'application/json',
    '{"q": "$input.params(\'q\')", "who": "$input.params().header.get(\'X-Who\')", "env": "$stageVariables.env", "id": "$context.requestId", "stage": "$context.stage", "ip": "$context.identity.sourceIp"}',
  );
  await page.getByRole('button', { name: 'Add a header mapping' }).click();
  await page.getByLabel('Response header', { exact: true }).selectOption('X-Env');
  await page.getByLabel('Source', { exact: true }).selectOption('stageVariable');
  await page.getByLabel('Stage variable name').fill('env');

  const panel = simulate(page);
  await panel.getByLabel('Query string parameters').fill('q=shoes');
  await panel.getByLabel('Headers', { exact: true }).fill('Accept: application/json\nX-Who: Ada');
  await panel.getByLabel('Stage variables').fill('env=staging');
  await panel.getByLabel('$context.requestId').fill('req-42');
  await panel.getByLabel('$context.stage').fill('beta');
  await panel.getByLabel('$context.identity.sourceIp').fill('203.0.113.9');

  const expected =
    '{"q": "shoes", "who": "Ada", "env": "staging", "id": "req-42", "stage": "beta", "ip": "203.0.113.9"}';
  await expect(page.getByRole('group', { name: 'Rendered output for application/json' })).toHaveText(expected);
  await expect(panel.getByTestId('simulate-body')).toHaveText(expected);
  await expect.poll(() => simulatedHeaders(panel)).toContain('X-Env: staging');
});

test('Simulate is axe-clean and readable in light and dark, at 390 and 1280 px (screenshots in /tmp/shots)', async ({
  page,
}) => {
  const ids = await demoHealthCheck();
  mkdirSync('/tmp/shots', { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/GET/responses/503`);
      const panel = simulate(page);
      await panel.getByLabel('Path parameter check').fill('disk');
      await expect(panel.getByTestId('simulate-status')).toHaveText('503');
      await expectNoAxeViolations(page);
      await panel.screenshot({ path: `/tmp/shots/simulate-${width}-${colorScheme}.png` });
      await page.evaluate('localStorage.clear()');
    }
  }
});

test('a MOCK request template’s $context.responseOverride reaches the response template and the client', async ({
  page,
}) => {
  const f = await createIntegrationFixture({ pathPart: 'override', httpMethod: 'GET', statusCodes: ['200'] });
  await putIntegrationViaHttp(f.api.id, f.resource.id, 'GET', {
    type: 'MOCK',
    requestTemplates: {
      'application/json':
        '#set($context.responseOverride.status = 444)\n#set($context.responseOverride.header.foo = "bar")\n#set($context.responseOverride.custom = "is also passed around")\n{"statusCode": 200}',
    },
  });
  await putIntegrationResponseViaHttp(f.api.id, f.resource.id, 'GET', '200', {
    selectionPattern: '2\\d{2}',
    responseTemplates: {
      'application/json':
        '{"statusOverride": "$context.responseOverride.status", "fooHeader": "$context.responseOverride.header.foo", "custom": "$context.responseOverride.custom"}',
    },
  });
  await page.goto(`/apis/${f.api.id}/resources/${f.resource.id}/methods/GET/responses/200`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('integration response for 200');

  const panel = simulate(page);
  await expect(panel.getByTestId('simulate-status')).toHaveText('444');
  await expect(panel.getByTestId('simulate-body')).toHaveText(
    '{"statusOverride": "444", "fooHeader": "bar", "custom": "is also passed around"}',
  );
  await expect.poll(() => simulatedHeaders(panel)).toEqual(['Content-Type: application/json', 'foo: bar']);
});
