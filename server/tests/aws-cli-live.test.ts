// The real AWS CLI v1 against the emulator for the operations that make an API live: create-deployment,
// get-stages, update-stage, get-export, test-invoke-method, delete-deployment. If botocore parses what the
// emulator sends, the wire format is what it expects from AWS.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAwsCli, runAws, runAwsJson } from '../../test-support/aws-cli';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';

const cli = findAwsCli();
if (cli.path === null) {
  console.warn(`[aws-cli-live.test] SKIPPED: ${cli.reason}. Install it with "pip install awscli" to run these tests.`);
}

describe.skipIf(cli.path === null)('AWS CLI v1: deployments, stages, export, test invoke', () => {
  let emu: EmulatorProcess;
  let out: string;
  const aws = <T>(args: string[]): Promise<T> => runAwsJson<T>(emu.baseUrl, ['apigateway', ...args]);

  beforeAll(async () => {
    emu = await startEmulator({ seed: true });
    out = mkdtempSync(join(tmpdir(), 'irs-cli-export-'));
  });
  afterAll(async () => {
    await emu?.stop();
    if (emu) removeDir(emu.dataDir);
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('deploys the demo, lists and updates its stage, exports it, test-invokes it', { timeout: 300_000 }, async () => {
    const apis = (await (await fetch(`${emu.baseUrl}/restapis`)).json()) as { item: { id: string; name: string }[] };
    const api = apis.item.find((a) => a.name === 'PetStore')?.id ?? '';
    const resources = (await (await fetch(`${emu.baseUrl}/restapis/${api}/resources?limit=500`)).json()) as {
      item: { id: string; path: string }[];
    };
    const health = resources.item.find((r) => r.path === '/health/{check}')?.id ?? '';

    const dep = await aws<{ id: string; createdDate: number; description: string }>([
      'create-deployment',
      '--rest-api-id',
      api,
      '--stage-name',
      'demo',
      '--description',
      'first',
      '--variables',
      'env=test',
    ]);
    expect(dep).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{6}$/),
      description: 'first',
      createdDate: expect.any(Number),
    });

    const stages = await aws<{ item: Record<string, unknown>[] }>(['get-stages', '--rest-api-id', api]);
    expect(stages).toEqual({
      item: [
        {
          deploymentId: dep.id,
          stageName: 'demo',
          cacheClusterEnabled: false,
          cacheClusterStatus: 'NOT_AVAILABLE',
          methodSettings: {},
          variables: { env: 'test' },
          tracingEnabled: false,
          createdDate: expect.any(Number),
          lastUpdatedDate: expect.any(Number),
        },
      ],
    });

    const updated = await aws<Record<string, unknown>>([
      'update-stage',
      '--rest-api-id',
      api,
      '--stage-name',
      'demo',
      '--patch-operations',
      'op=replace,path=/description,value=Demo stage',
      'op=replace,path=/*/*/metrics/enabled,value=true',
    ]);
    expect(updated).toMatchObject({
      description: 'Demo stage',
      methodSettings: { '*/*': { metricsEnabled: true, throttlingBurstLimit: 5000 } },
    });
    const badPath = await runAws(emu.baseUrl, [
      'apigateway',
      'update-stage',
      '--rest-api-id',
      api,
      '--stage-name',
      'demo',
      '--patch-operations',
      'op=replace,path=/tags/a,value=b',
    ]);
    expect(badPath.code).toBe(255);
    expect(badPath.stderr).toContain(
      'An error occurred (BadRequestException) when calling the UpdateStage operation: Invalid method setting path: /tags/a. Must be one of: [/deploymentId,',
    );

    const file = join(out, 'demo.json');
    const exported = await aws<{ contentType: string; contentDisposition: string }>([
      'get-export',
      '--rest-api-id',
      api,
      '--stage-name',
      'demo',
      '--export-type',
      'oas30',
      '--parameters',
      'extensions=integrations',
      file,
    ]);
    expect(exported.contentType).toBe('application/octet-stream');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.0.1');
    expect(doc.paths['/health/{check}']?.get).toMatchObject({ 'x-amazon-apigateway-integration': { type: 'mock' } });
    const yamlFile = join(out, 'demo.yaml');
    await aws([
      'get-export',
      '--rest-api-id',
      api,
      '--stage-name',
      'demo',
      '--export-type',
      'swagger',
      '--accepts',
      'application/yaml',
      yamlFile,
    ]);
    expect(readFileSync(yamlFile, 'utf8')).toMatch(/^"swagger": "2\.0"\n/);

    const invoked = await aws<Record<string, unknown>>([
      'test-invoke-method',
      '--rest-api-id',
      api,
      '--resource-id',
      health,
      '--http-method',
      'GET',
      '--path-with-query-string',
      '/health/disk',
    ]);
    expect(invoked).toEqual({
      status: 503,
      body: '{"check": "disk", "status": "unknown check"}',
      headers: { 'Content-Type': 'application/json', 'Retry-After': '30', 'X-Unknown-Check': 'disk' },
      multiValueHeaders: {
        'Content-Type': ['application/json'],
        'Retry-After': ['30'],
        'X-Unknown-Check': ['disk'],
      },
      log: expect.stringContaining('Method completed with status: 503'),
      latency: expect.any(Number),
    });

    const refused = await runAws(emu.baseUrl, [
      'apigateway',
      'delete-deployment',
      '--rest-api-id',
      api,
      '--deployment-id',
      dep.id,
    ]);
    expect(refused.code).toBe(255);
    expect(refused.stderr.trim()).toBe(
      'An error occurred (BadRequestException) when calling the DeleteDeployment operation: Active stages pointing to this deployment must be moved or deleted',
    );
    const second = await aws<{ id: string }>(['create-deployment', '--rest-api-id', api, '--stage-name', 'demo']);
    const deleted = await runAws(emu.baseUrl, [
      'apigateway',
      'delete-deployment',
      '--rest-api-id',
      api,
      '--deployment-id',
      dep.id,
    ]);
    expect(deleted).toMatchObject({ code: 0, stdout: '' });
    const deployments = await aws<{ items: { id: string }[] }>(['get-deployments', '--rest-api-id', api]);
    expect(deployments.items.map((d) => d.id)).toEqual([second.id]);
  });
});
