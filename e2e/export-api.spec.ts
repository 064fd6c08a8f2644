// The API as it is now, exported from the overview: an API with no stage (nothing GetExport could export) downloads
// as an OpenAPI 3 file with its integration responses, and the real AWS CLI imports that file into an API whose
// integration responses are the original's: the round trip. The APIs it creates are named RoundTripExport-… (no
// other spec matches that name) and deleted at the end.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  awsCli,
  createIntegrationFixture,
  deleteRestApiViaHttp,
  putIntegrationResponseViaHttp,
  runAwsCliJson,
  uniqueName,
} from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';

if (!awsCli.available)
  console.warn(`[export-api.spec] SKIPPED: ${awsCli.reason}. Install it with "pip install awscli".`);

const integrationResponses = {
  // The default response has no selection pattern at all: one set to "" is the same response to API Gateway, but an
  // export cannot tell the two apart (both are written as `default`), so "" would come back as no pattern.
  '200': {
    responseParameters: { 'method.response.header.X-Order': "'42'" },
    responseTemplates: { 'application/json': '{"id": 42}' },
  },
  '500': {
    selectionPattern: '.*error.*',
    responseTemplates: { 'application/json': '{"message": "$input.path(\'$.errorMessage\')"}' },
    contentHandling: 'CONVERT_TO_TEXT',
  },
} as const;

test.describe('export the API as it is now', () => {
  test.skip(!awsCli.available, `The file is imported back with the AWS CLI: ${awsCli.reason}`);

  test('an API with no stage downloads as OpenAPI 3 with its integration responses, and importing the file gives the same integration responses', async ({
    page,
  }) => {
    // Each CLI call is a fresh Python process: seconds each on a loaded machine.
    test.setTimeout(180_000);
    const created: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'irs-e2e-export-api-'));
    try {
      const { api, resource, httpMethod } = await createIntegrationFixture({
        name: uniqueName('RoundTripExport'),
        pathPart: 'orders',
        statusCodes: ['200', '500'],
        headers: { 'X-Order': false },
      });
      created.push(api.id);
      for (const [code, body] of Object.entries(integrationResponses))
        await putIntegrationResponseViaHttp(api.id, resource.id, httpMethod, code, body);

      await page.goto(`/apis/${api.id}/overview`);
      // What the user sees of the API: both integration responses.
      await expect(page.getByRole('cell', { name: '.*error.*' })).toBeVisible();
      const panel = page.getByRole('region', { name: 'Export a stage or the API as it is now' });
      await expect(panel).toContainText('This API has no stage yet');
      await panel.getByLabel('API or stage').selectOption({ label: 'The API as it is now' });
      await panel.getByLabel('Export type').selectOption({ label: 'OpenAPI 3' });
      await panel.getByLabel('Format').selectOption('json');
      await panel.getByLabel('Extensions').selectOption('integrations');
      await expect(panel.getByTestId('api-export-note')).toContainText('names no server URL');
      await expectNoAxeViolations(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Download the export' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${api.id}-oas30.json`);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);

      const doc = JSON.parse(readFileSync(file, 'utf8')) as {
        openapi: string;
        info: { title: string };
        servers?: unknown;
        paths: Record<string, Record<string, { 'x-amazon-apigateway-integration'?: { responses?: unknown } }>>;
      };
      expect(doc.openapi).toBe('3.0.1');
      expect(doc.info.title).toBe(api.name);
      expect(doc).not.toHaveProperty('servers');
      // The export's keys: the selection pattern, `default` for none (docs/aws/deployments-stages.md).
      expect(doc.paths['/orders']?.get?.['x-amazon-apigateway-integration']?.responses).toEqual({
        default: {
          statusCode: '200',
          responseParameters: integrationResponses['200'].responseParameters,
          responseTemplates: integrationResponses['200'].responseTemplates,
        },
        '.*error.*': {
          statusCode: '500',
          responseTemplates: integrationResponses['500'].responseTemplates,
          contentHandling: 'CONVERT_TO_TEXT',
        },
      });

      const imported = await runAwsCliJson<{ id: string; name: string }>([
        'apigateway',
        'import-rest-api',
        '--body',
        `fileb://${file}`,
      ]);
      created.push(imported.id);
      expect(imported.name).toBe(api.name);
      const resources = await runAwsCliJson<{ items: { id: string; path: string }[] }>([
        'apigateway',
        'get-resources',
        '--rest-api-id',
        imported.id,
      ]);
      const importedResource = resources.items.find((r) => r.path === '/orders');
      expect(importedResource).toBeDefined();
      for (const code of Object.keys(integrationResponses)) {
        const read = (restApiId: string, resourceId: string) =>
          runAwsCliJson(
            ['apigateway', 'get-integration-response', '--rest-api-id', restApiId].concat([
              '--resource-id',
              resourceId,
              '--http-method',
              httpMethod,
              '--status-code',
              code,
            ]),
          );
        const original = await read(api.id, resource.id);
        expect(original).toMatchObject({ statusCode: code });
        expect(await read(imported.id, importedResource?.id ?? '')).toEqual(original);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      for (const id of created) await deleteRestApiViaHttp(id);
    }
  });
});
