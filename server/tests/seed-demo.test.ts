// The demo seed goes through the emulator's own operations and must leave a believable, varied API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEmulatorApp } from '../app';
import type { IntegrationDoc, MethodDoc } from '../model';
import { seedDemo } from '../seed-demo';
import type { SeedResult } from '../seed-demo';
import { openStore } from '../store';
import type { Store } from '../store';

let dir: string;
let store: Store;
let app: ReturnType<typeof createEmulatorApp>;
let seeded: SeedResult;
let resources: { path: string; resourceMethods?: Record<string, MethodDoc> }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'irs-seed-'));
  store = openStore(dir);
  app = createEmulatorApp({ store });
  seeded = await seedDemo(app);
  const res = await app.request(`/restapis/${seeded.petStoreApiId}/resources?embed=methods&limit=500`);
  resources = ((await res.json()) as { item: typeof resources }).item;
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const methods = () =>
  resources.flatMap((r) => Object.values(r.resourceMethods ?? {}).map((m) => ({ path: r.path, m })));
const integrations = () => methods().flatMap(({ m }) => (m.methodIntegration ? [m.methodIntegration] : []));
const irs = () => integrations().flatMap((i: IntegrationDoc) => Object.values(i.integrationResponses ?? {}));

describe('seedDemo', () => {
  test('creates two APIs; the Pet Store has at least 12 resources and methods', () => {
    expect(
      store
        .listRestApis('us-east-1', '', 10)
        .items.map((a) => a.name)
        .sort(),
    ).toEqual(['Notifications', 'PetStore']);
    expect(resources.length).toBeGreaterThanOrEqual(12);
    expect(methods().length).toBeGreaterThanOrEqual(12);
  });

  test('mixes MOCK, HTTP, Lambda AWS and an AWS_PROXY {proxy+} integration', () => {
    const types = new Set(integrations().map((i) => i.type));
    expect(types).toEqual(new Set(['MOCK', 'HTTP', 'AWS', 'AWS_PROXY']));
    expect(
      integrations().some(
        (i) =>
          i.type === 'AWS' &&
          /^arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:us-east-1:123456789012:function:.+\/invocations$/.test(
            i.uri ?? '',
          ),
      ),
    ).toBe(true);
    const proxy = methods().find(({ path }) => path.endsWith('{proxy+}'));
    expect(proxy?.m.methodIntegration?.type).toBe('AWS_PROXY');
  });

  test('has Lambda error regexes, defaults, all three header-mapping forms, several content types and both contentHandling values', () => {
    const patterns = new Set(irs().map((r) => r.selectionPattern));
    for (const p of ['.*Not Found.*', '.*Invalid.*', '(?s).*Error.*', '']) expect(patterns).toContain(p);
    const values = irs().flatMap((r) => Object.values(r.responseParameters ?? {}));
    expect(values.some((v) => /^'.*'$/.test(v))).toBe(true);
    expect(values.some((v) => v.startsWith('integration.response.header.'))).toBe(true);
    expect(values.some((v) => v.startsWith('integration.response.body.'))).toBe(true);
    const contentTypes = new Set(irs().flatMap((r) => Object.keys(r.responseTemplates ?? {})));
    expect(contentTypes.size).toBeGreaterThanOrEqual(4);
    expect(
      new Set(
        irs()
          .map((r) => r.contentHandling)
          .filter(Boolean),
      ),
    ).toEqual(new Set(['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT']));
    expect(
      methods().some(({ m }) =>
        Object.values(m.methodResponses ?? {}).some((mr) => Object.keys(mr.responseParameters ?? {}).length > 0),
      ),
    ).toBe(true);
  });

  test('contains one method that breaks at run time: an integration response without a method response, and no default', () => {
    const broken = methods().filter(({ m }) => {
      const responses = Object.values(m.methodIntegration?.integrationResponses ?? {});
      if (responses.length === 0) return false;
      const noDefault = responses.every((r) => r.selectionPattern !== undefined && r.selectionPattern !== '');
      const orphan = responses.some((r) => !m.methodResponses?.[r.statusCode]);
      return noDefault && orphan;
    });
    expect(broken.map((b) => b.path)).toEqual(['/search']);
  });
});

describe('the demo is live out of the box', () => {
  test('the Pet Store deploys to a stage, and its MOCK health check test-invokes end to end', async () => {
    const api = seeded.petStoreApiId;
    const deployed = await app.request(`/restapis/${api}/deployments`, {
      method: 'POST',
      body: JSON.stringify({ stageName: 'demo' }),
    });
    expect(deployed.status).toBe(201);
    const check = resources.find((r) => r.path === '/health/{check}') as unknown as { id: string } | undefined;
    expect(check).toBeDefined();
    const invoke = async (path: string) => {
      const res = await app.request(`/restapis/${api}/resources/${check?.id ?? ''}/methods/GET`, {
        method: 'POST',
        body: JSON.stringify({ pathWithQueryString: path }),
      });
      return (await res.json()) as { status: number; body: string; headers: Record<string, string> };
    };
    expect(await invoke('/health/db')).toMatchObject({
      status: 200,
      body: '{"check": "db", "status": "ok"}',
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
    expect(await invoke('/health/disk')).toMatchObject({
      status: 503,
      body: '{"check": "disk", "status": "unknown check"}',
      headers: { 'Content-Type': 'application/json', 'Retry-After': '30', 'X-Unknown-Check': 'disk' },
    });
  });
});
