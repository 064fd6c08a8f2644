// The real AWS CLI v1 against the emulator process for ImportRestApi, PutRestApi and the round trip through
// GetExport: `--body fileb://…` sends the file's bytes, signed, with the CLI's own Content-Type, through the
// emulator's cross-site checks (docs/aws/import.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAwsCli, runAws, runAwsJson } from '../../test-support/aws-cli';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';

const cli = findAwsCli();
if (cli.path === null) {
  console.warn(
    `[aws-cli-import.test] SKIPPED: ${cli.reason}. Install it with "pip install awscli" to run these tests.`,
  );
}

const fixture = (name: string) => fileURLToPath(new URL(`../../test-support/openapi/${name}`, import.meta.url));
const SWAGGER_JSON = fixture('pet-store.swagger.json');
const OAS30_YAML = fixture('pet-store.oas30.yaml');

interface RestApi {
  id: string;
  name: string;
  rootResourceId: string;
  binaryMediaTypes?: string[];
  warnings?: string[];
}

/** An export with what changes from one API or deployment to the next taken out. */
const stable = (text: string) =>
  text.replace(/[a-z0-9]{10}\.execute-api/g, 'API.execute-api').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'DATE');

// Each CLI call is a fresh Python process (several seconds on a loaded machine), hence the long timeouts; the
// tests use separate RestApis and run side by side.
describe.skipIf(cli.path === null)(
  'AWS CLI v1: import-rest-api, put-rest-api, get-export',
  { concurrent: true },
  () => {
    let emu: EmulatorProcess;
    let dir: string;
    const aws = <T>(args: string[]): Promise<T> => runAwsJson<T>(emu.baseUrl, ['apigateway', ...args]);
    const paths = async (apiId: string) =>
      (await aws<{ items: { path: string }[] }>(['get-resources', '--rest-api-id', apiId])).items
        .map((r) => r.path)
        .sort();

    beforeAll(async () => {
      emu = await startEmulator();
      dir = mkdtempSync(join(tmpdir(), 'irs-cli-import-'));
    });
    afterAll(async () => {
      await emu?.stop();
      if (emu) removeDir(emu.dataDir);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test(
      'import-rest-api --body fileb:// (Swagger JSON, OpenAPI 3 YAML with --parameters) and its integration responses',
      { timeout: 300_000 },
      async () => {
        const api = await aws<RestApi>(['import-rest-api', '--body', `fileb://${SWAGGER_JSON}`]);
        expect(api).toMatchObject({ name: 'ImportedPetStore', binaryMediaTypes: ['image/png', 'image/jpeg'] });
        expect(api).not.toHaveProperty('warnings');
        expect(await paths(api.id)).toEqual(['/', '/pets', '/pets/{petId}']);
        const resources = await aws<{ items: { id: string; path: string }[] }>([
          'get-resources',
          '--rest-api-id',
          api.id,
        ]);
        const pets = resources.items.find((r) => r.path === '/pets');
        expect(
          await aws([
            'get-integration-response',
            '--rest-api-id',
            api.id,
            '--resource-id',
            pets?.id ?? '',
            '--http-method',
            'GET',
            '--status-code',
            '500',
          ]),
        ).toEqual({
          statusCode: '500',
          selectionPattern: '5\\d{2}',
          responseTemplates: { 'application/json': expect.stringContaining('The pet store failed') as unknown },
        });

        const yaml = await aws<RestApi & { endpointConfiguration: unknown }>([
          'import-rest-api',
          '--fail-on-warnings',
          '--parameters',
          'basepath=prepend,endpointConfigurationTypes=REGIONAL',
          '--body',
          `fileb://${OAS30_YAML}`,
        ]);
        expect(yaml).toMatchObject({ name: 'ImportedPetStoreOas3', endpointConfiguration: { types: ['REGIONAL'] } });
        expect(await paths(yaml.id)).toEqual(['/', '/test', '/test/pets', '/test/pets/{petId}']);
      },
    );

    test("a bad file is refused with AWS's words and creates nothing", { timeout: 300_000 }, async () => {
      // An emulator of its own: the other tests create APIs meanwhile.
      const own = await startEmulator();
      try {
        const bad = join(dir, 'bad.json');
        writeFileSync(bad, "{'key:value}");
        const refused = await runAws(own.baseUrl, ['apigateway', 'import-rest-api', '--body', `fileb://${bad}`]);
        expect(refused.code).toBe(255);
        expect(refused.stderr.trim()).toBe(
          'An error occurred (BadRequestException) when calling the ImportRestApi operation: Invalid OpenAPI input.',
        );
        expect(await runAwsJson(own.baseUrl, ['apigateway', 'get-rest-apis'])).toEqual({ items: [] });
      } finally {
        await own.stop();
        removeDir(own.dataDir);
      }
    });

    test(
      'put-rest-api --mode merge keeps what the file does not name; --mode overwrite replaces it',
      { timeout: 300_000 },
      async () => {
        const api = await aws<RestApi>(['create-rest-api', '--name', 'cli-put', '--binary-media-types', 'image/heif']);
        await aws([
          'create-resource',
          '--rest-api-id',
          api.id,
          '--parent-id',
          api.rootResourceId,
          '--path-part',
          'kept',
        ]);
        const merged = await aws<RestApi>([
          'put-rest-api',
          '--rest-api-id',
          api.id,
          '--mode',
          'merge',
          '--body',
          `fileb://${SWAGGER_JSON}`,
        ]);
        expect(merged).toMatchObject({
          id: api.id,
          name: 'ImportedPetStore',
          binaryMediaTypes: ['image/heif', 'image/png', 'image/jpeg'],
        });
        expect(await paths(api.id)).toEqual(['/', '/kept', '/pets', '/pets/{petId}']);
        const overwritten = await aws<RestApi>([
          'put-rest-api',
          '--rest-api-id',
          api.id,
          '--mode',
          'overwrite',
          '--body',
          `fileb://${OAS30_YAML}`,
        ]);
        expect(overwritten).toMatchObject({
          id: api.id,
          name: 'ImportedPetStoreOas3',
          binaryMediaTypes: ['image/png'],
        });
        expect(await paths(api.id)).toEqual(['/', '/pets', '/pets/{petId}']);
      },
    );

    const forms = [
      { type: 'swagger', yaml: false },
      { type: 'swagger', yaml: true },
      { type: 'oas30', yaml: false },
      { type: 'oas30', yaml: true },
    ] as const;
    for (const { type, yaml } of forms) {
      test(
        `import → create-deployment → get-export ${type} ${yaml ? 'YAML' : 'JSON'} → import: the second export equals the first`,
        { timeout: 300_000 },
        async () => {
          const exportOf = async (apiId: string, file: string): Promise<string> => {
            await aws(['create-deployment', '--rest-api-id', apiId, '--stage-name', 'rt']);
            const args = [
              'get-export',
              '--rest-api-id',
              apiId,
              '--stage-name',
              'rt',
              '--export-type',
              type,
              '--parameters',
              'extensions=apigateway',
            ];
            if (yaml) args.push('--accepts', 'application/yaml');
            await aws([...args, file]);
            return readFileSync(file, 'utf8');
          };
          const name = `${type}-${yaml ? 'yaml' : 'json'}`;
          const first = await aws<RestApi>([
            'import-rest-api',
            '--body',
            `fileb://${yaml ? OAS30_YAML : SWAGGER_JSON}`,
          ]);
          const exported = await exportOf(first.id, join(dir, `${name}-1`));
          const second = await aws<RestApi>([
            'import-rest-api',
            '--fail-on-warnings',
            '--body',
            `fileb://${join(dir, `${name}-1`)}`,
          ]);
          expect(stable(await exportOf(second.id, join(dir, `${name}-2`)))).toBe(stable(exported));
          expect(exported).toContain('x-amazon-apigateway-integration');
        },
      );
    }
  },
);
