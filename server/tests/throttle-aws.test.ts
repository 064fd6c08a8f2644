// `--throttle aws` over HTTP: AWS's answer to a request over its control-plane quota (429 TooManyRequestsException
// with Retry-After, docs/aws/throttling.md), that a refused request changes nothing, the bucket of the other
// operations, and what the AWS CLI v1 (a client nobody here wrote) makes of it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAwsCli, runAws, runAwsJson } from '../../test-support/aws-cli';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import { apigw, apigwOk } from '../../test-support/http-client';

interface RestApis {
  item: { id: string; name: string }[];
}

async function apiIdByName(emu: EmulatorProcess, name: string): Promise<string | undefined> {
  return (await apigwOk<RestApis>(emu.baseUrl, 'GET', '/restapis', 200)).item.find((a) => a.name === name)?.id;
}

async function deploymentCount(emu: EmulatorProcess, apiId: string): Promise<number> {
  return (
    (await apigwOk<{ item?: unknown[] }>(emu.baseUrl, 'GET', `/restapis/${apiId}/deployments`, 200)).item?.length ?? 0
  );
}

const throttledBody = { message: 'Too Many Requests', __type: 'TooManyRequestsException' };

describe('emulator with --throttle aws', () => {
  let emu: EmulatorProcess;
  let petStore: string;

  beforeAll(async () => {
    emu = await startEmulator({ seed: true, args: ['--throttle', 'aws'] });
    petStore = (await apiIdByName(emu, 'PetStore')) ?? '';
  });
  afterAll(async () => {
    await emu?.stop();
    if (emu) removeDir(emu.dataDir);
  });

  test('the demo data is there although seeding it took far more requests than the quotas allow', () => {
    expect(petStore).not.toBe('');
  });

  test("a second CreateDeployment within 5 s: 429 TooManyRequestsException, Retry-After 5, AWS's message; nothing deployed", async () => {
    const first = await apigw(emu.baseUrl, 'POST', `/restapis/${petStore}/deployments`, { stageName: 'one' });
    expect(first.status).toBe(201);
    const second = await apigw(emu.baseUrl, 'POST', `/restapis/${petStore}/deployments`, { stageName: 'two' });
    expect(second.status).toBe(429);
    expect(second.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(second.headers.get('retry-after')).toBe('5');
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(second.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.body).toEqual(throttledBody);
    expect(await deploymentCount(emu, petStore)).toBe(1);
    const stages = await apigwOk<{ item: { stageName: string }[] }>(
      emu.baseUrl,
      'GET',
      `/restapis/${petStore}/stages`,
      200,
    );
    expect(stages.item.map((s) => s.stageName)).toEqual(['one']);
  });

  test('a refused CreateRestApi creates nothing, a refused DeleteRestApi deletes nothing', async () => {
    // An edge-optimized API (the default type): one every 30 seconds.
    expect((await apigw(emu.baseUrl, 'POST', '/restapis', { name: 'first' })).status).toBe(201);
    const refused = await apigw(emu.baseUrl, 'POST', '/restapis', { name: 'second' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body).toEqual(throttledBody);
    // A Regional API has a quota of its own, one every 3 seconds.
    const regional = await apigw(emu.baseUrl, 'POST', '/restapis', {
      name: 'regional',
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    expect(regional.status).toBe(201);
    const names = (await apigwOk<RestApis>(emu.baseUrl, 'GET', '/restapis', 200)).item.map((a) => a.name).sort();
    expect(names).toEqual(['Notifications', 'PetStore', 'first', 'regional']);

    const first = (await apiIdByName(emu, 'first')) ?? '';
    const notifications = (await apiIdByName(emu, 'Notifications')) ?? '';
    expect((await apigw(emu.baseUrl, 'DELETE', `/restapis/${first}`)).status).toBe(202);
    const refusedDelete = await apigw(emu.baseUrl, 'DELETE', `/restapis/${notifications}`);
    expect(refusedDelete.status).toBe(429);
    expect(refusedDelete.headers.get('retry-after')).toBe('30');
    expect(refusedDelete.body).toEqual(throttledBody);
    expect((await apigw(emu.baseUrl, 'GET', `/restapis/${notifications}`)).status).toBe(200);
  });

  test('the other operations share one bucket per account and Region: a burst of 40, then 429', async () => {
    // eu-west-1 is a Region of its own (a store and buckets of its own), so the tests above do not use this bucket.
    const euWest = {
      Authorization:
        'AWS4-HMAC-SHA256 Credential=test/20240101/eu-west-1/apigateway/aws4_request, SignedHeaders=host, Signature=0',
    };
    // 100 at once: at 10 a second after the burst, letting all of them through would take them 6 s to arrive.
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => apigw(emu.baseUrl, 'GET', '/restapis', undefined, { headers: euWest })),
    );
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(ok.length + refused.length).toBe(100);
    expect(ok.length).toBeGreaterThanOrEqual(40);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.body).toEqual(throttledBody);
    }
    // us-east-1's bucket is untouched by all that.
    expect((await apigw(emu.baseUrl, 'GET', '/restapis')).status).toBe(200);
  });

  test('a preflight is no API call: never throttled', async () => {
    const res = await fetch(`${emu.baseUrl}/restapis/${petStore}/deployments`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});

describe('emulator without --throttle (the default)', () => {
  let emu: EmulatorProcess;
  beforeAll(async () => {
    emu = await startEmulator({ seed: true });
  });
  afterAll(async () => {
    await emu?.stop();
    if (emu) removeDir(emu.dataDir);
  });

  test('deploys back to back and creates APIs back to back', async () => {
    const petStore = (await apiIdByName(emu, 'PetStore')) ?? '';
    for (const stageName of ['one', 'two', 'three']) {
      expect((await apigw(emu.baseUrl, 'POST', `/restapis/${petStore}/deployments`, { stageName })).status).toBe(201);
    }
    for (const name of ['a', 'b', 'c'])
      expect((await apigw(emu.baseUrl, 'POST', '/restapis', { name })).status).toBe(201);
  });
});

const cli = findAwsCli();
if (cli.path === null) {
  console.warn(`[throttle-aws.test] AWS CLI tests SKIPPED: ${cli.reason}. Install it with "pip install awscli".`);
}

describe.skipIf(cli.path === null)('AWS CLI v1 against --throttle aws', () => {
  let emu: EmulatorProcess;
  let petStore: string;
  beforeAll(async () => {
    emu = await startEmulator({ seed: true, args: ['--throttle', 'aws'] });
    petStore = (await apiIdByName(emu, 'PetStore')) ?? '';
  });
  afterAll(async () => {
    await emu?.stop();
    if (emu) removeDir(emu.dataDir);
  });

  test(
    'two create-deployment back to back: the second is refused, the CLI retries it by itself, both succeed',
    { timeout: 180_000 },
    async () => {
      // The CLI's own retries (legacy mode: up to 5 attempts, random delays of 0–1, 0–2, 0–4, 0–8 s, Retry-After not
      // read) outlast the 5 s about 9 times in 10; 10 attempts make it certain. docs/aws/throttling.md has the numbers.
      const retries = { AWS_MAX_ATTEMPTS: '10' };
      const args = ['apigateway', 'create-deployment', '--rest-api-id', petStore, '--stage-name', 'cli'];
      const first = await runAws(emu.baseUrl, args, 120_000, retries);
      expect(first.code).toBe(0);
      const second = await runAws(emu.baseUrl, [...args, '--debug'], 120_000, retries);
      expect(second.code).toBe(0);
      // --debug shows what happened on the wire: AWS's 429, and botocore's retry after it.
      expect(second.stderr).toMatch(/"POST \/restapis\/[^/]+\/deployments HTTP\/1\.1" 429 /);
      expect(second.stderr).toContain("'x-amzn-errortype': 'TooManyRequestsException'");
      expect(second.stderr).toContain('retry needed: retryable HTTP status code received: 429');
      const ids = [first, second].map((r) => (JSON.parse(r.stdout) as { id: string }).id);
      const deployments = await runAwsJson<{ items: { id: string }[] }>(emu.baseUrl, [
        'apigateway',
        'get-deployments',
        '--rest-api-id',
        petStore,
      ]);
      expect(deployments.items.map((d) => d.id).sort()).toEqual([...ids].sort());
      const stages = await runAwsJson<{ item: { stageName: string; deploymentId: string }[] }>(emu.baseUrl, [
        'apigateway',
        'get-stages',
        '--rest-api-id',
        petStore,
      ]);
      expect(stages.item).toEqual([expect.objectContaining({ stageName: 'cli', deploymentId: ids[1] })]);
    },
  );

  test(
    "when the CLI's retries run out, its user sees AWS's TooManyRequestsException message and nothing changed",
    { timeout: 120_000 },
    async () => {
      // An edge-optimized CreateRestApi is allowed once every 30 s: the window is wide enough for the CLI to start.
      expect((await apigw(emu.baseUrl, 'POST', '/restapis', { name: 'over-http' })).status).toBe(201);
      const refused = await runAws(emu.baseUrl, ['apigateway', 'create-rest-api', '--name', 'from-cli'], 60_000, {
        AWS_MAX_ATTEMPTS: '1',
      });
      expect(refused.code).toBe(255);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toBe(
        'An error occurred (TooManyRequestsException) when calling the CreateRestApi operation (reached max retries: 0): Too Many Requests',
      );
      const names = (await apigwOk<RestApis>(emu.baseUrl, 'GET', '/restapis', 200)).item.map((a) => a.name);
      expect(names).not.toContain('from-cli');
    },
  );
});
