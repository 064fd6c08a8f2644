// Issue 14's "throttled overview": the mapping overview of a 2,000-method API against the emulator with
// `--throttle aws` (AWS's control-plane quotas, docs/aws/throttling.md), loaded by the dashboard's own loader and
// client in Node: from the GetResources?embed=methods listing, and the GetMethod-per-method way (the listing cut to
// bare verbs, as from a server that ignores `embed`), one after the other against the same server, each starting
// with the account's buckets full. Requests made (429s included) and time until every method is complete.
import { createApiGatewayClient } from '../../src/api/client';
import { loadApiMappings } from '../../src/api-mappings/load-api-mappings';
import type { MappingsClient } from '../../src/api-mappings/load-api-mappings';
import { inProcessEmulator } from './in-process-emulator';
import { pool } from './pool';
import { startEmulatorOn, tempDir } from './processes';

export interface ThrottledOverviewRun {
  requests: number;
  throttled: number;
  seconds: number;
  failures: number;
  methods: number;
}

export interface ThrottledOverviewResult {
  methods: number;
  embedded: ThrottledOverviewRun;
  perMethod: ThrottledOverviewRun;
}

const VERBS = ['GET', 'POST', 'PUT', 'DELETE'];

/** `methods / 4` resources with GET, POST, PUT and DELETE, each MOCK with a default integration response. */
async function createApi(dataDir: string, methods: number): Promise<string> {
  const { send, close } = inProcessEmulator(dataDir);
  try {
    const api = await send<{ id: string; rootResourceId: string }>('POST', '/restapis', 201, { name: 'Throttled2k' });
    await pool(Math.ceil(methods / VERBS.length), 200, async (i) => {
      const r = await send<{ id: string }>('POST', `/restapis/${api.id}/resources/${api.rootResourceId}`, 201, {
        pathPart: `r${String(i).padStart(4, '0')}`,
      });
      for (const verb of VERBS) {
        const m = `/restapis/${api.id}/resources/${r.id}/methods/${verb}`;
        await send('PUT', m, 201, { authorizationType: 'NONE' });
        await send('PUT', `${m}/integration`, 201, {
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
        });
        await send('PUT', `${m}/integration/responses/200`, 201, {
          selectionPattern: '',
          responseTemplates: { 'application/json': `{"verb": "${verb}"}` },
        });
      }
    });
    return api.id;
  } finally {
    close();
  }
}

async function measure(baseUrl: string, restApiId: string, verbsOnly: boolean): Promise<ThrottledOverviewRun> {
  let requests = 0;
  let throttled = 0;
  const client = createApiGatewayClient({
    endpoint: baseUrl,
    region: 'us-east-1',
    fetchImpl: async (input, init) => {
      requests += 1;
      const res = await fetch(input, init);
      if (res.status === 429) throttled += 1;
      return res;
    },
  });
  const loader: MappingsClient = verbsOnly
    ? {
        getMethod: (ref, o) => client.getMethod(ref, o),
        getAllResources: async (ref, o) =>
          (await client.getAllResources(ref, o)).map((r) =>
            r.resourceMethods
              ? {
                  ...r,
                  resourceMethods: Object.fromEntries(
                    Object.keys(r.resourceMethods).map((v) => [v, { httpMethod: v }]),
                  ),
                }
              : r,
          ),
      }
    : client;
  const t = performance.now();
  const result = await loadApiMappings(loader, restApiId);
  return {
    requests,
    throttled,
    seconds: (performance.now() - t) / 1000,
    failures: result.failures.length,
    methods: result.methods.length,
  };
}

export async function measureThrottledOverview(methods = 2000): Promise<ThrottledOverviewResult> {
  const dataDir = tempDir('throttled-overview');
  const restApiId = await createApi(dataDir, methods);
  const emulator = await startEmulatorOn(dataDir, ['--throttle', 'aws']);
  try {
    const embedded = await measure(emulator.baseUrl, restApiId, false);
    // The total bucket (40, refilled at 10 a second) is full again after 4 s of quiet: each way starts alike.
    await new Promise((r) => setTimeout(r, 5_000));
    const perMethod = await measure(emulator.baseUrl, restApiId, true);
    return { methods, embedded, perMethod };
  } finally {
    await emulator.stop();
  }
}
