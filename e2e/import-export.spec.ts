// Bring your own API: an OpenAPI file imported through the list of APIs (file picker and drag and drop) becomes a
// new API whose overview shows its integration responses; a bad file is refused with AWS's words and the page stays
// usable; a stage's export downloads the same file the AWS CLI's get-export writes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { awsCli, deleteRestApiViaHttp, runAwsCliJson } from './support/e2e-server';
import { expectNoAxeViolations } from './support/page-checks';

const fixture = (name: string) => fileURLToPath(new URL(`../test-support/openapi/${name}`, import.meta.url));
const OAS30_YAML = fixture('pet-store.oas30.yaml');
const SWAGGER_JSON = fixture('pet-store.swagger.json');

// The specs on one Playwright worker share its server: an API imported here and left behind shows up in the next
// specs' lists (a second "…PetStore…" link broke the wizard's "PetStore" click), so each test deletes what it imported.
const imported: string[] = [];
test.afterEach(async () => {
  for (const id of imported.splice(0)) await deleteRestApiViaHttp(id);
});

/** The id of the API the success notice names. */
async function importedId(page: Page): Promise<string> {
  const notice = page.getByRole('status').filter({ hasText: 'The new API' });
  await expect(notice).toBeVisible();
  const text = (await notice.textContent()) ?? '';
  const id = /id is ([a-z0-9]{10})/.exec(text)?.[1];
  expect(id).toBeDefined();
  if (id) imported.push(id);
  return id ?? '';
}

test('import a file through the picker: the API is in the list and its overview shows its integration responses', async ({
  page,
}) => {
  await page.goto('/apis');
  await expect(page.getByRole('heading', { name: 'Import an API from an OpenAPI file' })).toBeVisible();
  await page.getByLabel('Choose an OpenAPI file…').setInputFiles(OAS30_YAML);
  await expect(page.getByRole('status').filter({ hasText: 'Imported pet-store.oas30.yaml' })).toContainText(
    'Imported pet-store.oas30.yaml as “ImportedPetStoreOas3”',
  );
  const id = await importedId(page);
  await expect(page.getByRole('row').filter({ hasText: id })).toContainText('ImportedPetStoreOas3');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Open its overview' }).click();
  await expect(page).toHaveURL(new RegExp(`/apis/${id}/overview$`));
  // GET /, GET and POST /pets, GET and ANY /pets/{petId}.
  await expect(page.getByTestId('overview-summary')).toContainText('5 methods');
  await expect(page.getByRole('cell', { name: '5\\d{2}' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '.*not found.*' })).toBeVisible();
});

test('a bad file shows AWS’s error, creates nothing and leaves the page usable; dropping a good file then imports it', async ({
  page,
}) => {
  await page.goto('/apis');
  const before = await page.getByRole('status').filter({ hasText: /APIs/ }).textContent();
  await page.getByLabel('Choose an OpenAPI file…').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from("{'key:value}"),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'bad.json was not imported' });
  await expect(alert).toContainText('BadRequestException: Invalid OpenAPI input.');
  await expect(alert).toContainText('Nothing was created.');
  await expect(page.getByRole('status').filter({ hasText: /APIs/ })).toHaveText(before ?? '');

  const text = readFileSync(SWAGGER_JSON, 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'pet-store.swagger.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('status').filter({ hasText: 'Imported pet-store.swagger.json' })).toContainText(
    '“ImportedPetStore”',
  );
  await expect(alert).toHaveCount(0);
  const id = await importedId(page);
  await expect(page.getByRole('row').filter({ hasText: id })).toBeVisible();
});

test.describe('export', () => {
  test.skip(!awsCli.available, `The download is compared with the AWS CLI's get-export: ${awsCli.reason}`);

  for (const { type, label, format } of [
    { type: 'swagger', label: 'Swagger 2', format: 'yaml' },
    { type: 'oas30', label: 'OpenAPI 3', format: 'json' },
  ] as const) {
    test(`a stage's ${label} ${format.toUpperCase()} export downloads what get-export writes`, async ({ page }) => {
      const api = await runAwsCliJson<{ id: string }>([
        'apigateway',
        'import-rest-api',
        '--body',
        `fileb://${SWAGGER_JSON}`,
      ]);
      imported.push(api.id);
      await runAwsCliJson(['apigateway', 'create-deployment', '--rest-api-id', api.id, '--stage-name', 'shipped']);
      await page.goto(`/apis/${api.id}/overview`);
      const panel = page.getByRole('region', { name: 'Export a stage' });
      await panel.getByLabel('Stage').selectOption('shipped');
      await panel.getByLabel('Export type').selectOption({ label });
      await panel.getByLabel('Format').selectOption(format);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Download the export' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${api.id}-shipped-${type}.${format}`);
      const dir = mkdtempSync(join(tmpdir(), 'irs-e2e-export-'));
      try {
        const downloaded = join(dir, 'downloaded');
        await download.saveAs(downloaded);
        const cliFile = join(dir, 'cli');
        const args = ['apigateway', 'get-export', '--rest-api-id', api.id, '--stage-name', 'shipped'];
        args.push('--export-type', type, '--parameters', 'extensions=apigateway');
        if (format === 'yaml') args.push('--accepts', 'application/yaml');
        await runAwsCliJson([...args, cliFile]);
        const fromCli = readFileSync(cliFile, 'utf8');
        expect(fromCli).toContain('x-amazon-apigateway-integration');
        expect(readFileSync(downloaded, 'utf8')).toBe(fromCli);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
