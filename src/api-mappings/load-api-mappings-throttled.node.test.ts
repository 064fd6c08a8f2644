// The overview's loader against an emulator started with `--throttle aws` (AWS's control-plane quotas,
// docs/aws/throttling.md): an API with many methods loads completely, with no method failed, both from the
// embed=methods listing and by the GetMethod-per-method fallback, which runs into the account's 10 requests a
// second. The API is written first by an emulator without the flag on the same data directory.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiFixtures } from '../../test-support/api-fixtures';
import { makeTempDir, removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import { createApiGatewayClient } from '@/api/client';
import type { ApiGatewayClient } from '@/api/client';
import type { MappingsClient } from './load-api-mappings';
import { loadApiMappings } from './load-api-mappings';

const methodCount = 150;
const dataDir = makeTempDir();
let emu: EmulatorProcess;
let restApiId: string;

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++] as T);
    }),
  );
}

beforeAll(async () => {
  const writer = await startEmulator({ dataDir });
  try {
    const f = apiFixtures(writer.baseUrl);
    const api = await f.createRestApi('throttled-overview');
    restApiId = api.id;
    await inParallel(
      Array.from({ length: methodCount }, (_, i) => i),
      8,
      async (i) => {
        const r = await f.createResource(api.id, api.rootResourceId, `r${String(i).padStart(3, '0')}`);
        await f.putMethod(api.id, r.id, 'GET');
        await f.putIntegration(api.id, r.id, 'GET', {
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
        });
        await f.putIntegrationResponse(api.id, r.id, 'GET', '200', {
          selectionPattern: '',
          responseTemplates: { 'application/json': `{"n": ${i}}` },
        });
      },
    );
  } finally {
    await writer.stop();
  }
  emu = await startEmulator({ dataDir, args: ['--throttle', 'aws'] });
}, 300_000);

afterAll(async () => {
  await emu?.stop();
  removeDir(dataDir);
});

/** Our client, counting what reaches the server and how much of it was refused. */
function countingClient(): { client: ApiGatewayClient; sent: () => number; throttled: () => number } {
  let sent = 0;
  let throttled = 0;
  const client = createApiGatewayClient({
    endpoint: emu.baseUrl,
    region: 'us-east-1',
    fetchImpl: async (input, init) => {
      sent += 1;
      const res = await fetch(input, init);
      if (res.status === 429) throttled += 1;
      return res;
    },
  });
  return { client, sent: () => sent, throttled: () => throttled };
}

function expectEveryMethodComplete(methods: Awaited<ReturnType<typeof loadApiMappings>>['methods']): void {
  expect(methods).toHaveLength(methodCount);
  for (const m of methods) {
    expect(m.method.methodIntegration?.integrationResponses?.['200']?.responseTemplates).toEqual({
      'application/json': `{"n": ${Number(m.path.slice(2))}}`,
    });
  }
}

test('from the embed=methods listing: every method, none failed, a handful of requests', async () => {
  const { client, sent } = countingClient();
  const result = await loadApiMappings(client, restApiId);
  expect(result.failures).toEqual([]);
  expectEveryMethodComplete(result.methods);
  // One page of GetResources (limit 500), and the retries of it if the account's requests were used up.
  expect(sent()).toBeLessThan(10);
}, 120_000);

test('GetMethod per method (a listing of bare verbs): refused by the limit along the way, none failed', async () => {
  const { client, throttled } = countingClient();
  const verbsOnly: MappingsClient = {
    getMethod: (ref, o) => client.getMethod(ref, o),
    getAllResources: async (ref, o) =>
      (await client.getAllResources(ref, o)).map((r) => ({
        ...r,
        ...(r.resourceMethods
          ? {
              resourceMethods: Object.fromEntries(Object.keys(r.resourceMethods).map((v) => [v, { httpMethod: v }])),
            }
          : {}),
      })),
  };
  const result = await loadApiMappings(verbsOnly, restApiId);
  expect(result.failures).toEqual([]);
  expectEveryMethodComplete(result.methods);
  // 150 GetMethod at 10 a second after a burst of 40: the quota was in play, and waited out.
  expect(throttled()).toBeGreaterThan(0);
}, 300_000);
