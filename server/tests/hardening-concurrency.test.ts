// A burst of concurrent writes to the same integration response, with the emulator staying up: the stored object
// is exactly one of the written versions, never fields from two. (durability.test.ts covers the same burst with a
// SIGKILL in the middle, and acknowledged writes surviving a crash.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeDir, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import { apigw, apigwOk, integrationResponsePath } from '../../test-support/http-client';

let emu: EmulatorProcess;
beforeAll(async () => {
  emu = await startEmulator();
}, 60_000);
afterAll(async () => {
  await emu?.stop();
  if (emu) removeDir(emu.dataDir);
});

/** Every field carries the tag, so an object assembled from two writes is detectable. */
function version(tag: string) {
  return {
    selectionPattern: `${tag}-\\d+`,
    responseTemplates: { 'application/json': `{"v": "${tag}"}`, 'text/plain': tag },
    responseParameters: { 'method.response.header.X-Version': `'${tag}'` },
    contentHandling: 'CONVERT_TO_TEXT',
  };
}

test(
  'ends with exactly one whole version after 200 concurrent PUTs, and every answer was a whole version',
  { timeout: 60_000 },
  async () => {
    const base = emu.baseUrl;
    const api = await apigwOk<{ id: string; rootResourceId: string }>(base, 'POST', '/restapis', 201, {
      name: 'burst',
    });
    const res = await apigwOk<{ id: string }>(
      base,
      'POST',
      `/restapis/${api.id}/resources/${api.rootResourceId}`,
      201,
      { pathPart: 'items' },
    );
    const method = `/restapis/${api.id}/resources/${res.id}/methods/GET`;
    await apigwOk(base, 'PUT', method, 201, { authorizationType: 'NONE' });
    await apigwOk(base, 'PUT', `${method}/integration`, 201, { type: 'MOCK' });
    await apigwOk(base, 'PUT', `${method}/responses/200`, 201, {
      responseParameters: { 'method.response.header.X-Version': false },
    });
    const path = integrationResponsePath(api.id, res.id, 'GET', '200');

    const tags = Array.from({ length: 200 }, (_, i) => `v${i}`);
    // Reads interleaved with the writes must never see a half-applied version either.
    const [writes, reads] = await Promise.all([
      Promise.all(tags.map((tag) => apigw(base, 'PUT', path, version(tag)))),
      Promise.all(Array.from({ length: 50 }, () => apigw<Record<string, unknown>>(base, 'GET', path))),
    ]);
    writes.forEach((w, i) => {
      expect(w.status).toBe(201);
      expect(w.body).toEqual({ statusCode: '200', ...version(tags[i] ?? '') });
    });
    for (const r of reads) {
      if (r.status === 404) continue; // read before the first write committed
      const tag = String(r.body.selectionPattern).replace(/-\\d\+$/, '');
      expect(r.body).toEqual({ statusCode: '200', ...version(tag) });
    }

    const final = await apigwOk<Record<string, unknown>>(base, 'GET', path, 200);
    const tag = String(final.selectionPattern).replace(/-\\d\+$/, '');
    expect(tags).toContain(tag);
    expect(final).toEqual({ statusCode: '200', ...version(tag) });
  },
);
