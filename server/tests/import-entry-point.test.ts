// ImportRestApi against the emulator process (the entry point users run): the cross-site rules let a signed
// YAML or JSON definition through and still refuse an unsigned one a form could send; a definition above 64 KB is
// handled by the large-request worker thread with the same answer; one over 6 MB is refused and creates nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import { dummyAuthorization } from '../../test-support/http-client';

let emu: EmulatorProcess;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu?.stop();
  if (emu) removeDir(emu.dataDir);
});

async function post(
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emu.baseUrl}/restapis?mode=import`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function apiNames(): Promise<string[]> {
  const res = await fetch(`${emu.baseUrl}/restapis?limit=500`, { headers: { authorization: dummyAuthorization } });
  const body = (await res.json()) as { item?: { name: string }[] };
  return (body.item ?? []).map((a) => a.name).sort();
}

/** A Swagger definition with `count` paths, each with a MOCK GET and an integration response. */
function definition(title: string, count: number): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    paths[`/items/item${i}`] = {
      get: {
        responses: { '200': { description: 'ok', headers: { 'X-Item': { type: 'string' } } } },
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: {
            default: { statusCode: '200', responseParameters: { 'method.response.header.X-Item': `'${i}'` } },
          },
        },
      },
    };
  }
  return JSON.stringify({ swagger: '2.0', info: { title, version: '1' }, paths });
}

const yaml = 'openapi: 3.0.1\ninfo:\n  title: signed-yaml\n  version: "1"\npaths: {}\n';

describe('ImportRestApi through the entry point', () => {
  test('a signed YAML body is accepted; the same body unsigned (as a cross-site page could send it) is refused', async () => {
    const signed = await post(yaml, { 'content-type': 'application/yaml', authorization: dummyAuthorization });
    expect(signed.status).toBe(201);
    expect(signed.json.name).toBe('signed-yaml');
    const unsigned = await post(yaml.replace('signed-yaml', 'unsigned-yaml'), { 'content-type': 'text/plain' });
    expect(unsigned.status).toBe(403);
    expect(await apiNames()).not.toContain('unsigned-yaml');
  });

  test('a definition of several hundred KB (the worker thread) imports every path', { timeout: 120_000 }, async () => {
    const body = definition('large-definition', 1500);
    expect(body.length).toBeGreaterThan(64 * 1024);
    const r = await post(body, { 'content-type': 'application/json', authorization: dummyAuthorization });
    expect(r.status).toBe(201);
    let count = 0;
    let position: string | undefined;
    do {
      const query = position ? `&position=${encodeURIComponent(position)}` : '';
      const res = await fetch(`${emu.baseUrl}/restapis/${String(r.json.id)}/resources?limit=500${query}`, {
        headers: { authorization: dummyAuthorization },
      });
      const page = (await res.json()) as { item: unknown[]; position?: string };
      count += page.item.length;
      position = page.position;
    } while (position);
    // Every path, their parent /items and the root.
    expect(count).toBe(1502);
  });

  test('a definition over 6 MB is refused with 413 and creates nothing', { timeout: 120_000 }, async () => {
    const body = definition('too-large', 1).replace(
      '"paths"',
      `"x-padding": "${'x'.repeat(6 * 1024 * 1024)}", "paths"`,
    );
    const r = await post(body, { 'content-type': 'application/json', authorization: dummyAuthorization });
    expect(r.status).toBe(413);
    expect(await apiNames()).not.toContain('too-large');
  });
});
