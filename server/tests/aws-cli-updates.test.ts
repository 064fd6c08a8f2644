// The real AWS CLI v1 against the emulator for the control plane's other PATCH operations: update-rest-api,
// update-resource, update-method, update-integration. botocore builds the patch operations and parses the answers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAwsCli, runAws, runAwsJson } from '../../test-support/aws-cli';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';

const cli = findAwsCli();
if (cli.path === null) {
  console.warn(
    `[aws-cli-updates.test] SKIPPED: ${cli.reason}. Install it with "pip install awscli" to run these tests.`,
  );
}

describe.skipIf(cli.path === null)(
  'AWS CLI v1: update-rest-api, update-resource, update-method, update-integration',
  () => {
    let emu: EmulatorProcess;
    const aws = <T>(args: string[]): Promise<T> => runAwsJson<T>(emu.baseUrl, ['apigateway', ...args]);

    beforeAll(async () => {
      emu = await startEmulator({ seed: false });
    });
    afterAll(async () => {
      await emu?.stop();
      if (emu) removeDir(emu.dataDir);
    });

    test('each update answers as AWS does and the next get agrees', { timeout: 120_000 }, async () => {
      const api = await aws<{ id: string; rootResourceId: string }>(['create-rest-api', '--name', 'cli-updates']);
      const renamed = await aws<{ name: string; binaryMediaTypes: string[] }>([
        'update-rest-api',
        '--rest-api-id',
        api.id,
        '--patch-operations',
        'op=replace,path=/name,value=renamed',
        'op=add,path=/binaryMediaTypes/image~1png',
      ]);
      expect(renamed).toMatchObject({ name: 'renamed', binaryMediaTypes: ['image/png'] });

      const pets = await aws<{ id: string }>([
        'create-resource',
        '--rest-api-id',
        api.id,
        '--parent-id',
        api.rootResourceId,
        '--path-part',
        'pets',
      ]);
      const moved = await aws<{ path: string }>([
        'update-resource',
        '--rest-api-id',
        api.id,
        '--resource-id',
        pets.id,
        '--patch-operations',
        'op=replace,path=/pathPart,value=animals',
      ]);
      expect(moved.path).toBe('/animals');

      const ids = ['--rest-api-id', api.id, '--resource-id', pets.id, '--http-method', 'GET'];
      await aws(['put-method', ...ids, '--authorization-type', 'NONE']);
      const method = await aws<Record<string, unknown>>([
        'update-method',
        ...ids,
        '--patch-operations',
        'op=add,path=/requestParameters/method.request.querystring.q,value=true',
      ]);
      expect(method.requestParameters).toEqual({ 'method.request.querystring.q': true });

      await aws(['put-integration', ...ids, '--type', 'MOCK']);
      const integration = await aws<Record<string, unknown>>([
        'update-integration',
        ...ids,
        '--patch-operations',
        // The JSON form: a template's braces and quotes don't fit the shorthand syntax.
        JSON.stringify([{ op: 'add', path: '/requestTemplates/application~1json', value: '{"statusCode": 200}' }]),
      ]);
      expect(integration.requestTemplates).toEqual({ 'application/json': '{"statusCode": 200}' });
      expect(await aws(['get-integration', ...ids])).toEqual(integration);

      // A refusal reaches the CLI user in AWS's words, and nothing changed.
      const refused = await runAws(emu.baseUrl, [
        'apigateway',
        'update-resource',
        '--rest-api-id',
        api.id,
        '--resource-id',
        api.rootResourceId,
        '--patch-operations',
        'op=replace,path=/pathPart,value=x',
      ]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('(BadRequestException) when calling the UpdateResource operation');
      expect(refused.stderr).toContain('Root resource cannot update its pathPart.');
    });
  },
);
