// loadApiMappings against the real emulator over HTTP, with data written by a client nobody here wrote
// (@aws-sdk/client-api-gateway). Only the read side goes through our client, wrapped to observe concurrency.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  GetMethodCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, removeDir, type EmulatorProcess } from '../../test-support/emulator-process';
import { sdkClientFor } from '../../test-support/aws-sdk-client';
import { ApiError } from '@/api/api-error';
import { createApiGatewayClient, type ApiGatewayClient } from '@/api/client';
import type { LoadProgress, MappingsClient } from './load-api-mappings';
import { loadApiMappings } from './load-api-mappings';

let emu: EmulatorProcess;
let sdk: APIGatewayClient;
let client: ApiGatewayClient;
let restApiId: string;
/** resourceId of /items/{n} for n = 0..itemCount-1. */
const itemIds: string[] = [];
const itemCount = 12;
let plainId: string;
let proxyId: string;

beforeAll(async () => {
  emu = await startEmulator();
  sdk = sdkClientFor(emu.baseUrl);
  client = createApiGatewayClient({ endpoint: emu.baseUrl, region: 'us-east-1' });
  const api = await sdk.send(new CreateRestApiCommand({ name: 'overview-loader' }));
  restApiId = api.id ?? '';
  const root = api.rootResourceId ?? '';
  const items = await sdk.send(new CreateResourceCommand({ restApiId, parentId: root, pathPart: 'items' }));
  for (let n = 0; n < itemCount; n++) {
    const r = await sdk.send(
      new CreateResourceCommand({ restApiId, parentId: items.id ?? '', pathPart: `i${String(n).padStart(2, '0')}` }),
    );
    const resourceId = r.id ?? '';
    itemIds.push(resourceId);
    await sdk.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await sdk.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    await sdk.send(
      new PutMethodResponseCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        statusCode: '200',
        responseParameters: { 'method.response.header.X-Item': false },
      }),
    );
    await sdk.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        statusCode: '200',
        selectionPattern: '',
        responseParameters: { 'method.response.header.X-Item': `'${n}'` },
        responseTemplates: { 'application/json': `{"n": ${n}}` },
      }),
    );
    await sdk.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        statusCode: '404',
        selectionPattern: '4\\d{2}',
      }),
    );
  }
  // A method with no integration, and a proxy.
  const plain = await sdk.send(new CreateResourceCommand({ restApiId, parentId: root, pathPart: 'plain' }));
  plainId = plain.id ?? '';
  await sdk.send(
    new PutMethodCommand({ restApiId, resourceId: plainId, httpMethod: 'POST', authorizationType: 'NONE' }),
  );
  const proxy = await sdk.send(new CreateResourceCommand({ restApiId, parentId: root, pathPart: '{proxy+}' }));
  proxyId = proxy.id ?? '';
  await sdk.send(
    new PutMethodCommand({ restApiId, resourceId: proxyId, httpMethod: 'ANY', authorizationType: 'NONE' }),
  );
  await sdk.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId: proxyId,
      httpMethod: 'ANY',
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri: 'http://example.com/{proxy}',
    }),
  );
}, 120_000);

afterAll(async () => {
  sdk?.destroy();
  await emu?.stop();
  if (emu) removeDir(emu.dataDir);
});

/**
 * Our client, with getMethod instrumented: calls, peak concurrency, and an optional hook before each call. With
 * `listing: 'verbs only'` the listing's methods are cut down to bare verbs (`{}` on the wire, `{httpMethod}` once parsed), as AWS lists them
 * without `embed` (and as a
 * server that ignores `embed` would), so every method takes the GetMethod fallback.
 */
function observed(
  before?: (resourceId: string, httpMethod: string) => Promise<void>,
  listing: 'embedded' | 'verbs only' = 'verbs only',
) {
  const stats = { calls: [] as string[], inFlight: 0, peak: 0 };
  const wrapped: MappingsClient = {
    getAllResources: async (ref, o) => {
      const resources = await client.getAllResources(ref, o);
      if (listing === 'embedded') return resources;
      return resources.map((r) =>
        r.resourceMethods === undefined
          ? r
          : {
              ...r,
              resourceMethods: Object.fromEntries(Object.keys(r.resourceMethods).map((v) => [v, { httpMethod: v }])),
            },
      );
    },
    getMethod: async (ref, o) => {
      const { resourceId: resId, httpMethod: m } = ref;
      stats.calls.push(`${resId} ${m}`);
      stats.inFlight += 1;
      stats.peak = Math.max(stats.peak, stats.inFlight);
      try {
        await before?.(resId, m);
        // A little latency, so that several requests really overlap.
        await new Promise((r) => setTimeout(r, 15));
        return await client.getMethod(ref, o);
      } finally {
        stats.inFlight -= 1;
      }
    },
  };
  return { wrapped, stats };
}

describe('loadApiMappings', () => {
  async function expectSameAsGetMethod(methods: Awaited<ReturnType<typeof loadApiMappings>>['methods']) {
    expect(methods.map((m) => `${m.path} ${m.httpMethod}`)).toEqual([
      ...itemIds.map((_, n) => `/items/i${String(n).padStart(2, '0')} GET`),
      '/plain POST',
      '/{proxy+} ANY',
    ]);
    for (const [n, resourceId] of itemIds.entries()) {
      const loaded = methods.find((m) => m.resourceId === resourceId);
      const truth = await sdk.send(new GetMethodCommand({ restApiId, resourceId, httpMethod: 'GET' }));
      expect(Object.keys(loaded?.method.methodIntegration?.integrationResponses ?? {}).sort()).toEqual(
        Object.keys(truth.methodIntegration?.integrationResponses ?? {}).sort(),
      );
      expect(loaded?.method.methodIntegration?.integrationResponses?.['200']?.responseParameters).toEqual({
        'method.response.header.X-Item': `'${n}'`,
      });
      expect(loaded?.method.methodIntegration?.integrationResponses?.['200']?.responseTemplates).toEqual({
        'application/json': `{"n": ${n}}`,
      });
      expect(loaded?.method.methodIntegration?.integrationResponses?.['404']?.selectionPattern).toBe('4\\d{2}');
      expect(loaded?.method.methodResponses?.['200']?.responseParameters).toEqual({
        'method.response.header.X-Item': false,
      });
    }
    expect(methods.find((m) => m.resourceId === plainId)?.method.methodIntegration).toBeUndefined();
    expect(methods.find((m) => m.resourceId === proxyId)?.method.methodIntegration?.type).toBe('HTTP_PROXY');
  }

  test('takes every method, integration responses included, from the embed=methods listing alone', async () => {
    const { wrapped, stats } = observed(undefined, 'embedded');
    const result = await loadApiMappings(wrapped, restApiId, { concurrency: 4 });
    expect(result.failures).toEqual([]);
    await expectSameAsGetMethod(result.methods);
    expect(stats.calls).toEqual([]);
  });

  test('falls back to one GetMethod per method when the listing has bare verbs only', async () => {
    const { wrapped, stats } = observed();
    const result = await loadApiMappings(wrapped, restApiId, { concurrency: 4 });
    expect(result.failures).toEqual([]);
    await expectSameAsGetMethod(result.methods);
    expect(new Set(stats.calls).size).toBe(stats.calls.length);
    expect(stats.calls).toHaveLength(itemCount + 2);
  });

  test('never has more GetMethod requests in flight than the concurrency allows', async () => {
    const { wrapped, stats } = observed();
    await loadApiMappings(wrapped, restApiId, { concurrency: 3 });
    expect(stats.peak).toBe(3);
    const serial = observed();
    await loadApiMappings(serial.wrapped, restApiId, { concurrency: 1 });
    expect(serial.stats.peak).toBe(1);
  });

  test('reports progress that only grows and ends at "all methods loaded"', async () => {
    const seen: LoadProgress[] = [];
    const { wrapped } = observed();
    await loadApiMappings(wrapped, restApiId, { concurrency: 6, onProgress: (p) => seen.push(p) });
    const methodsPhase = seen.filter((p) => p.phase === 'methods');
    expect(seen[0]?.phase).toBe('resources');
    expect(methodsPhase.length).toBeGreaterThan(1);
    for (const p of methodsPhase) expect(p.methodsTotal).toBe(itemCount + 2);
    const loaded = methodsPhase.map((p) => p.methodsLoaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(loaded.at(-1)).toBe(itemCount + 2);
  });

  test('hands over the methods complete so far while the rest load, in the final order', async () => {
    // The last items answer only after a first batch is reported, so the page has rows to show meanwhile.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const late = new Set(itemIds.slice(6));
    const { wrapped } = observed((resourceId) => (late.has(resourceId) ? gate : Promise.resolve()));
    const snapshots: string[][] = [];
    const done = loadApiMappings(wrapped, restApiId, {
      concurrency: 2,
      onProgress: (p) => {
        if (p.ready) snapshots.push(p.ready.map((m) => `${m.path} ${m.httpMethod}`));
        if (snapshots.some((s) => s.length >= 4)) release();
      },
    });
    // Released by a snapshot with the first rows, or after a while (the assertions below then fail).
    setTimeout(release, 5000);
    const result = await done;
    const all = result.methods.map((m) => `${m.path} ${m.httpMethod}`);
    const partial = snapshots.find((s) => s.length > 1 && s.length < all.length);
    expect(partial).toBeDefined();
    // A snapshot lists complete methods only, in the order of the final list.
    expect(partial).toEqual(all.filter((k) => partial?.includes(k)));
    expect(partial).toContain('/items/i00 GET');
    expect(partial).not.toContain('/items/i11 GET');
  });

  test('stops sending requests once the signal is aborted, and rejects as aborted', async () => {
    const controller = new AbortController();
    const { wrapped, stats } = observed();
    const load = loadApiMappings(wrapped, restApiId, {
      concurrency: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'methods' && p.methodsLoaded >= 2) controller.abort();
      },
    });
    await expect(load).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.kind === 'aborted');
    const callsAtAbort = stats.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(stats.calls.length).toBe(callsAtAbort);
    expect(callsAtAbort).toBeLessThan(itemCount + 2);
  });

  test('keeps going when one method disappears between the listing and its GetMethod', async () => {
    const victim = itemIds[5] ?? '';
    const { wrapped } = observed(async (resourceId) => {
      if (resourceId === victim) await sdk.send(new DeleteMethodCommand({ restApiId, resourceId, httpMethod: 'GET' }));
    });
    const result = await loadApiMappings(wrapped, restApiId, { concurrency: 4 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.resourceId).toBe(victim);
    expect(result.failures[0]?.error).toBeInstanceOf(ApiError);
    expect((result.failures[0]?.error as ApiError).status).toBe(404);
    expect(result.methods).toHaveLength(itemCount + 2);
  });

  test('rejects with the typed error when the API does not exist', async () => {
    await expect(loadApiMappings(client, 'nosuchapi0', {})).rejects.toSatisfy(
      (e: unknown) => e instanceof ApiError && e.status === 404,
    );
  });
});
