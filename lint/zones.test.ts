// Proof that the import zones of eslint.config.js hold: each fixture is linted as if it lived at `as`, and must
// fail with exactly the listed rules (or pass, for the allowed imports). The fixtures sit outside the normal lint
// run because they are wrong on purpose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => join(root, 'lint/fixtures', name);

const zones = 'import-x/no-restricted-paths';
const screenFetch = 'no-restricted-properties';

const cases: { fixture: string; as: string; rules: string[] }[] = [
  { fixture: 'rules-imports-preview.ts', as: 'src/rules/fixture.ts', rules: [zones, 'no-restricted-imports'] },
  { fixture: 'rules-imports-react.ts', as: 'src/rules/fixture.ts', rules: ['no-restricted-imports'] },
  { fixture: 'preview-imports-api.ts', as: 'src/preview/fixture.ts', rules: [zones] },
  { fixture: 'preview-imports-ui.ts', as: 'src/preview/fixture.ts', rules: [zones] },
  { fixture: 'response-imports-feature.ts', as: 'src/response/fixture.ts', rules: [zones] },
  // The OpenAPI writer runs in the browser and in the emulator: it imports nothing of either, not even the rules.
  { fixture: 'openapi-imports-api.ts', as: 'src/openapi/fixture.ts', rules: [zones] },
  // Two zones forbid it: the writer's own and the browser code's (no server imports).
  { fixture: 'openapi-imports-server.ts', as: 'src/openapi/fixture.ts', rules: [zones, zones] },
  { fixture: 'openapi-imports-rules.ts', as: 'src/openapi/fixture.ts', rules: [zones] },
  { fixture: 'api-imports-feature.ts', as: 'src/api/fixture.ts', rules: [zones] },
  { fixture: 'feature-imports-feature.ts', as: 'src/features/editor/fixture.ts', rules: [zones] },
  { fixture: 'feature-imports-server.ts', as: 'src/features/overview/fixture.ts', rules: [zones] },
  { fixture: 'feature-imports-server-app.ts', as: 'src/features/editor/fixture.ts', rules: [zones] },
  { fixture: 'component-imports-feature.ts', as: 'src/components/fixture.ts', rules: [zones] },
  { fixture: 'component-imports-feature.ts', as: 'src/deployment/fixture.ts', rules: [zones] },
  // Two zones forbid it: the module's own (src/api, the rules and the template engine only) and the shared modules'.
  { fixture: 'component-imports-feature.ts', as: 'src/api-mappings/fixture.ts', rules: [zones, zones] },
  { fixture: 'screen-calls-window-fetch.ts', as: 'src/api-mappings/fixture.ts', rules: [screenFetch] },
  { fixture: 'server-imports-api.ts', as: 'server/fixture.ts', rules: [zones] },
  { fixture: 'server-imports-feature.ts', as: 'server/fixture.ts', rules: [zones] },
  { fixture: 'server-imports-preview.ts', as: 'server/fixture.ts', rules: [zones] },
  { fixture: 'screen-calls-fetch.ts', as: 'src/features/editor/fixture.ts', rules: ['no-restricted-globals'] },
  { fixture: 'screen-calls-window-fetch.ts', as: 'src/components/fixture.ts', rules: [screenFetch] },
  { fixture: 'screen-calls-globalthis-fetch.ts', as: 'src/routes/fixture.ts', rules: [screenFetch] },
  { fixture: 'screen-destructures-fetch.ts', as: 'src/features/review/fixture.ts', rules: [screenFetch] },
  { fixture: 'feature-imports-shared.ts', as: 'src/features/review/fixture.ts', rules: [] },
  { fixture: 'server-imports-pure-modules.ts', as: 'server/fixture.ts', rules: [] },
  { fixture: 'server-imports-openapi.ts', as: 'server/fixture.ts', rules: [] },
  // Outside a screen, fetch is fine (src/api is the one place that calls it).
  { fixture: 'screen-calls-window-fetch.ts', as: 'src/api/fixture.ts', rules: [] },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleIds(results: ESLint.LintResult[]): Promise<string[]> {
  return results.flatMap((r) => r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`)).sort();
}

describe('lint zones', () => {
  test.each(cases)('$fixture as $as: $rules', async (c) => {
    const results = await eslint.lintText(readFileSync(fixture(c.fixture), 'utf8'), { filePath: join(root, c.as) });
    expect(await ruleIds(results)).toEqual([...c.rules].sort());
  });

  test('an import cycle fails', async () => {
    const withFixtures = new ESLint({ cwd: root, ignore: false });
    const results = await withFixtures.lintFiles([fixture('cycle-a.ts'), fixture('cycle-b.ts')]);
    expect(await ruleIds(results)).toEqual(['import-x/no-cycle', 'import-x/no-cycle']);
  });
});
