// The mapping overview of a whole API, against the built app and the emulator's demo data. Ground truth comes
// from the AWS CLI (a client nobody here wrote); big-API data is written over the emulator's HTTP API.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  apiRequest,
  awsCli,
  createResourceViaHttp,
  createRestApiViaHttp,
  deleteRestApiViaHttp,
  getRestApisViaHttp,
  putIntegrationResponseViaHttp,
  putIntegrationViaHttp,
  putMethodViaHttp,
  e2eBaseUrl,
  uniqueName,
  type IntegrationResponseJson,
} from './support/e2e-server';
import { expectNoAxeViolations, trackConsoleErrors } from './support/page-checks';
import { runAws } from '../test-support/aws-cli';

interface CliMethod {
  httpMethod: string;
  methodResponses?: Record<string, { statusCode: string; responseParameters?: Record<string, boolean> }>;
  methodIntegration?: { type: string; integrationResponses?: Record<string, IntegrationResponseJson> };
}
interface CliMethodRef {
  resourceId: string;
  path: string;
  httpMethod: string;
  method: CliMethod;
}

/** The AWS CLI's JSON output; a generous timeout because the CLI starts slowly on a busy machine. */
async function runAwsCliJson<T = unknown>(args: readonly string[]): Promise<T> {
  const result = await runAws(e2eBaseUrl, args, 120_000);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited with ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

async function petStoreId(): Promise<string> {
  const api = (await getRestApisViaHttp()).find((a) => a.name === 'PetStore');
  if (!api) throw new Error('the demo PetStore API is not seeded');
  return api.id;
}

/** Every method of the API as the AWS CLI sees it: get-resources, then get-method for each verb. */
async function methodsViaCli(restApiId: string): Promise<CliMethodRef[]> {
  const { items } = await runAwsCliJson<{
    items: { id: string; path: string; resourceMethods?: Record<string, unknown> }[];
  }>(['apigateway', 'get-resources', '--rest-api-id', restApiId, '--limit', '500']);
  const refs = items.flatMap((r) =>
    Object.keys(r.resourceMethods ?? {}).map((verb) => ({ resourceId: r.id, path: r.path, httpMethod: verb })),
  );
  const out: CliMethodRef[] = [];
  // The CLI takes a second or more to start, so a few run at once.
  await inParallel(refs, 3, async (ref) => {
    const method = await runAwsCliJson<CliMethod>([
      'apigateway',
      'get-method',
      '--rest-api-id',
      restApiId,
      '--resource-id',
      ref.resourceId,
      '--http-method',
      ref.httpMethod,
    ]);
    out.push({ ...ref, method });
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.httpMethod.localeCompare(b.httpMethod)));
}

async function openOverview(page: Page, restApiId: string): Promise<void> {
  await page.goto(`/apis/${restApiId}/overview`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mapping overview' })).toBeVisible();
  await expect(page.getByTestId('overview-summary')).toBeVisible({ timeout: 30_000 });
}

function row(page: Page, resourceId: string, httpMethod: string, statusCode: string) {
  return page.locator(`[data-testid="overview-row"][data-row-id="${resourceId} ${httpMethod} ${statusCode}"]`);
}

async function filterTo(page: Page, path: string, httpMethod?: string): Promise<void> {
  await page.getByLabel('Path contains').fill(path);
  if (httpMethod !== undefined) await page.getByLabel('Method', { exact: true }).selectOption(httpMethod);
}

test.describe('mapping overview', () => {
  test.skip(!awsCli.available, `the AWS CLI is needed for ground truth: ${awsCli.reason}`);
  // Ground truth comes from one AWS CLI process per method, each about a second.
  test.describe.configure({ timeout: 180_000 });

  test('shows every integration response the AWS CLI lists, with the same values, and is accessible', async ({
    page,
  }) => {
    const errors = trackConsoleErrors(page);
    const apiId = await petStoreId();
    const truth = await methodsViaCli(apiId);
    const irCount = truth.reduce(
      (n, m) => n + Object.keys(m.method.methodIntegration?.integrationResponses ?? {}).length,
      0,
    );
    const emptyMethods = truth.filter(
      (m) => Object.keys(m.method.methodIntegration?.integrationResponses ?? {}).length === 0,
    ).length;
    expect(irCount, 'the demo API has integration responses').toBeGreaterThan(5);

    // One listing per API: against AWS's few control-plane requests a second, a GetMethod per method is minutes.
    const methodGets: string[] = [];
    page.on('request', (r) => {
      if (/\/restapis\/[^/]+\/resources\/[^/]+\/methods\/[A-Z]+$/.test(new URL(r.url()).pathname))
        methodGets.push(r.url());
    });
    await openOverview(page, apiId);
    await expect(page.getByTestId('overview-summary')).toContainText(
      `${truth.length} methods, ${irCount + emptyMethods} rows`,
    );
    expect(methodGets, 'GetMethod requests: the embed=methods listing has everything').toEqual([]);

    // A few rows in detail: every integration response of methods with header mappings and several codes.
    const sampled = truth
      .filter((m) => Object.keys(m.method.methodIntegration?.integrationResponses ?? {}).length >= 2)
      .slice(0, 3);
    expect(sampled.length).toBeGreaterThan(0);
    for (const m of sampled) {
      await filterTo(page, m.path, m.httpMethod);
      for (const ir of Object.values(m.method.methodIntegration?.integrationResponses ?? {})) {
        const r = row(page, m.resourceId, m.httpMethod, ir.statusCode);
        await expect(r).toBeVisible();
        const cells = r.locator('td');
        await expect(cells.nth(0)).toContainText(m.path);
        await expect(cells.nth(2)).toHaveText(m.method.methodIntegration?.type ?? '');
        await expect(cells.nth(3)).toHaveText(ir.statusCode);
        await expect(cells.nth(4)).toHaveText(
          (ir.selectionPattern ?? '') === '' ? 'default' : (ir.selectionPattern ?? ''),
        );
        await expect(cells.nth(5)).toHaveText(ir.contentHandling ?? '');
        await expect(cells.nth(6)).toHaveText(
          Object.keys(ir.responseTemplates ?? {})
            .sort()
            .join(', '),
        );
        for (const [key, source] of Object.entries(ir.responseParameters ?? {})) {
          await expect(cells.nth(7)).toContainText(
            new RegExp(
              `${escapeRegExp(key.replace('method.response.header.', ''))}\\W+(from\\s+)?${escapeRegExp(source)}`,
            ),
          );
        }
      }
    }
    await filterTo(page, '', '');
    await expect(page.getByTestId('overview-count')).toHaveText(`Showing all ${irCount + emptyMethods} rows`);

    // The flow picture is drawn on demand: the first row's method, with a text alternative.
    await page.getByRole('button', { name: 'Show the flow picture' }).click();
    await expect(page.getByTestId('flow-diagram')).toHaveAccessibleName(
      /Backend|Lambda|Mock|status|Proxy|No integration/,
    );
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  test('flags the seeded broken method, and the flags go away once it is fixed with the AWS CLI', async ({ page }) => {
    const apiId = await petStoreId();
    const truth = await methodsViaCli(apiId);
    // The seed's broken method: an integration response without a method response, and no default response.
    const broken = truth.find((m) => {
      const irs = Object.values(m.method.methodIntegration?.integrationResponses ?? {});
      return (
        irs.length > 0 &&
        !irs.some((ir) => (ir.selectionPattern ?? '') === '') &&
        irs.some((ir) => m.method.methodResponses?.[ir.statusCode] === undefined)
      );
    });
    if (!broken) throw new Error('the demo seed has no method with a missing method response and no default response');
    const irs = Object.values(broken.method.methodIntegration?.integrationResponses ?? {});
    const orphan = irs.find((ir) => broken.method.methodResponses?.[ir.statusCode] === undefined);
    const first = [...irs].sort((a, b) => a.statusCode.localeCompare(b.statusCode))[0];
    if (!orphan || !first) throw new Error('unreachable');
    const cliBase = ['--rest-api-id', apiId, '--resource-id', broken.resourceId, '--http-method', broken.httpMethod];

    await openOverview(page, apiId);
    await filterTo(page, broken.path, broken.httpMethod);
    const orphanRow = row(page, broken.resourceId, broken.httpMethod, orphan.statusCode);
    await expect(orphanRow.locator('[data-problem="missing-method-response"]')).toBeVisible();
    await expect(orphanRow.locator('[data-problem="no-default"]')).toBeVisible();
    await page.getByLabel('Problems').selectOption('missing-method-response');
    await expect(orphanRow).toBeVisible();
    await page.getByLabel('Problems').selectOption('without-problems');
    await expect(orphanRow).toBeHidden();

    try {
      // The fix, with the AWS CLI: declare the missing method response, and make the lowest code the default.
      await runAwsCliJson(['apigateway', 'put-method-response', ...cliBase, '--status-code', orphan.statusCode]);
      await runAwsCliJson([
        'apigateway',
        'update-integration-response',
        ...cliBase,
        '--status-code',
        first.statusCode,
        '--patch-operations',
        JSON.stringify([{ op: 'replace', path: '/selectionPattern', value: '' }]),
      ]);
      await page.reload();
      await expect(page.getByTestId('overview-summary')).toBeVisible({ timeout: 30_000 });
      await filterTo(page, broken.path, broken.httpMethod);
      await expect(row(page, broken.resourceId, broken.httpMethod, orphan.statusCode)).toBeVisible();
      // Other advice (e.g. about multi-line Lambda errors) may remain; the two fixed problems must not.
      for (const ir of irs) {
        const r = row(page, broken.resourceId, broken.httpMethod, ir.statusCode);
        await expect(r.locator('[data-problem="missing-method-response"], [data-problem="no-default"]')).toHaveCount(0);
      }
    } finally {
      // Put the seed back as it was: other specs rely on the broken method.
      await apiRequest(
        'DELETE',
        `/restapis/${apiId}/resources/${broken.resourceId}/methods/${broken.httpMethod}/responses/${orphan.statusCode}`,
      );
      await putIntegrationResponseViaHttp(apiId, broken.resourceId, broken.httpMethod, first.statusCode, {
        selectionPattern: first.selectionPattern,
        responseTemplates: first.responseTemplates,
        responseParameters: first.responseParameters,
        contentHandling: first.contentHandling,
      });
    }
  });

  test('downloads the filtered table as CSV and as Markdown', async ({ page }) => {
    const apiId = await petStoreId();
    await openOverview(page, apiId);
    await page.getByLabel('Status code starts with').fill('4');
    // The table follows the filter with a deferred render: wait for the count to change before reading it.
    await expect(page.getByTestId('overview-count')).toHaveText(/^Showing \d+ of \d+ rows$/);
    const shown = await page.getByTestId('overview-count').textContent();
    const count = Number(/Showing (\d+) of/.exec(shown ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`${apiId}-mappings.csv`);
    const csv = await readFile((await csvDownload.path()) ?? '', 'utf8');
    const csvLines = csv.split('\r\n').filter((l) => l !== '');
    expect(csvLines[0]).toMatch(/^Path,Method,Integration type,Status code,Selection pattern/);
    // Rows may contain quoted line breaks in principle; the demo's do not, so one line per row.
    expect(csvLines).toHaveLength(count + 1);
    for (const line of csvLines.slice(1)) expect(line.split(',')[3]).toMatch(/^4\d\d$/);

    const [mdDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(mdDownload.suggestedFilename()).toBe(`${apiId}-mappings.md`);
    const md = await readFile((await mdDownload.path()) ?? '', 'utf8');
    const mdLines = md.trimEnd().split('\n');
    expect(mdLines[0]).toMatch(/^\| Path \| Method \|/);
    expect(mdLines).toHaveLength(count + 2);
    expect(mdLines.slice(2).every((l) => /^\| `\/.*` \| `[A-Z]+` \| `[A-Z_]+` \| `4\d\d` \|/.test(l))).toBe(true);
  });

  test('keyboard: sort with a header button, move between rows with the arrow keys, open the editor with Enter', async ({
    page,
  }) => {
    const apiId = await petStoreId();
    await openOverview(page, apiId);
    const statusSort = page.getByRole('button', { name: /^Status/ });
    await statusSort.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: /Status/ })).toHaveAttribute('aria-sort', 'ascending');

    const links = page.locator('a[data-row-link]');
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(2)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(links.nth(1)).toBeFocused();
    const href = await links.nth(1).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/apis/${apiId}/resources/[^/]+/methods/[A-Z]+(/responses/\\d{3})?$`));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href ?? '');
  });

  test('a 2,000-method API loads with a progress bar, stops loading when left, and stays usable', async ({ page }) => {
    test.setTimeout(600_000);
    const api = await createRestApiViaHttp(uniqueName('overview-big'));
    try {
      const verbs = ['GET', 'POST', 'PUT', 'DELETE'];
      const resourceCount = 500;
      const resources: string[] = [];
      await inParallel(
        Array.from({ length: resourceCount }, (_, i) => i),
        16,
        async (i) => {
          const r = await createResourceViaHttp(api.id, api.rootResourceId, `r${String(i).padStart(4, '0')}`);
          resources[i] = r.id;
        },
      );
      // Every write is fsynced by the emulator, so the seed keeps to three calls per method: no method
      // responses, hence no header mappings (AWS would reject them), but one default integration response each.
      await inParallel(
        resources.flatMap((id) => verbs.map((v) => [id, v] as const)),
        16,
        async ([id, verb]) => {
          await putMethodViaHttp(api.id, id, verb);
          await putIntegrationViaHttp(api.id, id, verb, {
            type: 'MOCK',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
          });
          await putIntegrationResponseViaHttp(api.id, id, verb, '200', {
            selectionPattern: '',
            responseTemplates: { 'application/json': `{"verb": "${verb}"}` },
          });
        },
      );

      // The listing is answered as a server that ignores `embed` would (bare verbs), so the page takes the GetMethod
      // fallback, and each GetMethod is held back a little, so that the progress is observable and leaving happens
      // mid-load.
      await page.route(/\/restapis\/[^/]+\/resources\?/, async (route) => {
        const response = await route.fetch();
        const listing = (await response.json()) as { item?: { resourceMethods?: Record<string, unknown> }[] };
        for (const r of listing.item ?? []) {
          if (r.resourceMethods)
            r.resourceMethods = Object.fromEntries(Object.keys(r.resourceMethods).map((v) => [v, {}]));
        }
        await route.fulfill({ response, json: listing });
      });
      const methodGets: string[] = [];
      await page.route(/\/restapis\/[^/]+\/resources\/[^/]+\/methods\/[A-Z]+$/, async (route) => {
        methodGets.push(route.request().url());
        await new Promise((r) => setTimeout(r, 20));
        await route.continue();
      });
      await page.goto(`/apis/${api.id}/overview`);
      const progress = page.getByRole('progressbar');
      await expect(page.getByText(/^Loaded \d+ of 2000 methods$/)).toBeVisible({ timeout: 30_000 });
      await expect(progress).toBeVisible();
      await expect(progress).toHaveAccessibleName(/Loaded \d+ of 2000 methods/);
      // The first rows show while the rest of the API is still loading.
      await expect(page.getByTestId('overview-row').first()).toBeVisible();
      await expect(progress).toBeVisible();

      // Leaving cancels the load: no new GetMethod requests after the page is gone.
      await page.getByRole('link', { name: 'Back to the resources of this API' }).click();
      await expect(page).toHaveURL(new RegExp(`/apis/${api.id}$`));
      // Requests already on their way when the page went may still reach the route handler a little later on a
      // busy machine; once those have arrived, nothing new may start. Without cancellation the load would go on
      // at hundreds of GetMethod requests a second.
      await page.waitForTimeout(1_000);
      const settled = methodGets.length;
      expect(settled).toBeLessThan(2000);
      await page.waitForTimeout(2_000);
      expect(methodGets.length - settled, 'GetMethod requests still being started after leaving').toBe(0);

      await page.unroute(/\/restapis\/[^/]+\/resources\/[^/]+\/methods\/[A-Z]+$/);
      await page.unroute(/\/restapis\/[^/]+\/resources\?/);
      await page.goto(`/apis/${api.id}/overview`);
      // Rows show from the first batch on; the summary counts them all once the load is done.
      await expect(page.getByTestId('overview-summary')).toContainText(
        '2000 methods, 2000 rows, 2000 rows with problems',
        { timeout: 180_000 },
      );
      // Virtualized: a screenful of rows is in the DOM, not 2,000.
      expect(await page.getByTestId('overview-row').count()).toBeLessThan(100);
      await filterTo(page, '/r0042');
      await expect(page.getByTestId('overview-count')).toHaveText('Showing 4 of 2000 rows');
      await expect(page.getByTestId('overview-row')).toHaveCount(4);
      await page.getByLabel('Method', { exact: true }).selectOption('PUT');
      await expect(page.getByTestId('overview-count')).toHaveText('Showing 1 of 2000 rows');
      await expect(page.getByTestId('overview-row').locator('td').nth(6)).toHaveText('application/json');
      await expect(page.getByTestId('overview-row').locator('[data-problem="missing-method-response"]')).toBeVisible();
      // Scrolling far down still renders rows (the virtualizer keeps up).
      await filterTo(page, '', '');
      await page.getByTestId('overview-scroll').evaluate((el: HTMLElement) => el.scrollTo(0, el.scrollHeight));
      await expect(page.locator('[data-testid="overview-row"][data-row-id$="DELETE 200"]').last()).toContainText(
        '/r0499',
      );
    } finally {
      await deleteRestApiViaHttp(api.id);
    }
  });
});

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    }),
  );
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
