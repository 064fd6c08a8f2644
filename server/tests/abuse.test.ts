// The server under abuse (issue 15's findings), each over real HTTP against the real server processes.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getFreePort, makeTempDir, removeDir, repoRoot, startEmulator } from '../../test-support/emulator-process';
import type { EmulatorProcess } from '../../test-support/emulator-process';
import { apigw, apigwOk } from '../../test-support/http-client';
import { startStudio } from '../../test-support/studio-process';
import type { StudioProcess } from '../../test-support/studio-process';
import { defaultForwardAllowlist, isAllowedTarget } from '../forward';

let emu: EmulatorProcess;

beforeAll(async () => {
  emu = await startEmulator({ args: ['--allowed-hosts', 'studio.test'] });
}, 60_000);

afterAll(async () => {
  await emu?.stop();
  if (emu) removeDir(emu.dataDir);
});

interface Ids {
  apiId: string;
  resourceId: string;
  methodPath: string;
}

async function setUpMethod(base: string, name: string): Promise<Ids> {
  const api = await apigwOk<{ id: string; rootResourceId: string }>(base, 'POST', '/restapis', 201, { name });
  const res = await apigwOk<{ id: string }>(base, 'POST', `/restapis/${api.id}/resources/${api.rootResourceId}`, 201, {
    pathPart: 'r',
  });
  const methodPath = `/restapis/${api.id}/resources/${res.id}/methods/GET`;
  await apigwOk(base, 'PUT', methodPath, 201, { authorizationType: 'NONE' });
  await apigwOk(base, 'PUT', `${methodPath}/integration`, 201, { type: 'MOCK' });
  await apigwOk(base, 'PUT', `${methodPath}/responses/200`, 201, {});
  await apigwOk(base, 'PUT', `${methodPath}/integration/responses/200`, 201, {});
  return { apiId: api.id, resourceId: res.id, methodPath };
}

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with full control over the headers (fetch forbids Host, Origin, Sec-Fetch-*). */
function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
  agent?: Agent,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function apiNames(base: string): Promise<string[]> {
  const list = await apigwOk<{ item: Array<{ name: string }> }>(base, 'GET', '/restapis?limit=500', 200);
  return list.item.map((a) => a.name);
}

describe('1. PATCH cost', () => {
  test('an UpdateIntegrationResponse with 40,000 add operations (2.9 MB) is applied', async () => {
    const ids = await setUpMethod(emu.baseUrl, 'patch-storm');
    const patchOperations = Array.from({ length: 40_000 }, (_, i) => ({
      op: 'add',
      path: `/responseTemplates/application~1x-t${i}`,
      value: '{}',
    }));
    const res = await apigw<{ responseTemplates: Record<string, string> }>(
      emu.baseUrl,
      'PATCH',
      `${ids.methodPath}/integration/responses/200`,
      { patchOperations },
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.responseTemplates)).toHaveLength(40_000);
    expect(res.body.responseTemplates['application/x-t39999']).toBe('{}');
  });
});

describe('2. Host names', () => {
  test('answers the loopback names on its port and configured names; refuses any other Host', async () => {
    for (const host of [`127.0.0.1:${emu.port}`, `localhost:${emu.port}`, `[::1]:${emu.port}`, 'studio.test:8080']) {
      expect((await raw(emu.port, 'GET', '/restapis', { host })).status, host).toBe(200);
    }
    for (const host of ['rebind.attacker.example', `rebind.attacker.example:${emu.port}`, 'localhost:1']) {
      const res = await raw(emu.port, 'GET', '/restapis', { host });
      expect(res.status, host).toBe(403);
      expect(res.headers['x-amzn-errortype']).toBe('ForbiddenException');
      expect(JSON.parse(res.body)).toMatchObject({ __type: 'ForbiddenException' });
    }
  });

  test('a rebinding page cannot create anything', async () => {
    const res = await raw(
      emu.port,
      'POST',
      '/restapis',
      { host: `rebind.attacker.example:${emu.port}`, 'content-type': 'application/json' },
      JSON.stringify({ name: 'rebound' }),
    );
    expect(res.status).toBe(403);
    expect(await apiNames(emu.baseUrl)).not.toContain('rebound');
  });

  test('the default forwarding allowlist names the moto and LocalStack ports, not every loopback port', () => {
    const allowed = ['http://127.0.0.1:5000', 'http://localhost:4566', 'https://apigateway.eu-west-1.amazonaws.com'];
    const refused = ['http://127.0.0.1:22', 'http://localhost:6379', 'http://[::1]:8080', 'http://127.0.0.1'];
    for (const u of allowed) expect(isAllowedTarget(new URL(u), defaultForwardAllowlist), u).toBe(true);
    for (const u of refused) expect(isAllowedTarget(new URL(u), defaultForwardAllowlist), u).toBe(false);
  });
});

describe('3. cross-site requests', () => {
  test.each([
    ['a cross-site text/plain form POST', { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' }],
    ['a text/plain POST from another origin (no Sec-Fetch-Site)', { origin: 'http://evil.example' }],
    ['a text/plain POST with an opaque origin', { origin: 'null' }],
    ['a text/plain POST with no browser headers at all', {}],
  ])('%s creates nothing', async (what, headers: Record<string, string>) => {
    const name = `csrf-${what.length}`;
    const res = await raw(
      emu.port,
      'POST',
      '/restapis',
      { host: `127.0.0.1:${emu.port}`, 'content-type': 'text/plain', ...headers },
      JSON.stringify({ name }),
    );
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(await apiNames(emu.baseUrl)).not.toContain(name);
  });

  test('JSON from the dashboard (same origin or another loopback origin) still works', async () => {
    for (const origin of [`http://127.0.0.1:${emu.port}`, 'http://localhost:5173']) {
      const res = await raw(
        emu.port,
        'POST',
        '/restapis',
        { host: `127.0.0.1:${emu.port}`, 'content-type': 'application/json', origin, 'sec-fetch-site': 'same-site' },
        JSON.stringify({ name: `dash-${origin.length}` }),
      );
      expect(res.status, origin).toBe(201);
    }
  });
});

describe('4, 8. bodies over the limit', () => {
  let studio: StudioProcess;
  let target: Server;
  let targetPort = 0;
  const seen: Array<{ url: string; bytes: number }> = [];
  let release: () => void = () => undefined;

  beforeAll(async () => {
    target = createServer((req, res) => {
      if (req.url === '/stream') {
        // The first part now, the rest only once the test has seen the first part arrive through the relay.
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write('first-part;');
        release = () => res.end('second-part');
        return;
      }
      let bytes = 0;
      req.on('data', (c: Buffer) => (bytes += c.length));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', bytes });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    targetPort = (target.address() as AddressInfo).port;
    studio = await startStudio(['--forward-allow', `127.0.0.1:${targetPort}`]);
  }, 60_000);

  afterAll(async () => {
    await studio?.stop();
    await new Promise((r) => target?.close(r));
  });

  test('4. /__forward answers an oversized request with a 413 in AWS shape and relays nothing', async () => {
    const res = await raw(
      studio.port,
      'POST',
      '/__forward/restapis',
      {
        'x-forward-target': `http://127.0.0.1:${targetPort}`,
        'content-type': 'application/json',
      },
      Buffer.alloc(7 * 1024 * 1024, 0x20),
    );
    expect(res.status).toBe(413);
    expect(res.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    expect(JSON.parse(res.body)).toMatchObject({ __type: 'RequestEntityTooLargeException' });
    expect(seen).toEqual([]);
  });

  test('4. /__forward streams an answer: its first part arrives before the target has finished', async () => {
    const res = await fetch(`${studio.base}/__forward/stream`, {
      headers: { 'x-forward-target': `http://127.0.0.1:${targetPort}` },
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await Promise.race([
      reader.read().then((r) => new TextDecoder().decode(r.value)),
      new Promise<string>((r) => setTimeout(() => r('(nothing: the relay waited for the whole answer)'), 10_000)),
    ]);
    release();
    expect(first).toBe('first-part;');
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe('second-part');
  });

  test('4. /__forward does not reach a loopback port outside the allowlist', async () => {
    const other = createServer((_req, res) => res.end('reached'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as AddressInfo).port;
    const res = await raw(studio.port, 'GET', '/__forward/restapis', {
      'x-forward-target': `http://127.0.0.1:${port}`,
    });
    await new Promise((r) => other.close(r));
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('reached');
  });

  test('8. after a 413 the client gets its answer, and its next pooled request goes through', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const big = await raw(
      emu.port,
      'POST',
      '/restapis',
      { 'content-type': 'application/json' },
      Buffer.alloc(7 * 1024 * 1024, 0x20),
      agent,
    );
    expect(big.status).toBe(413);
    expect(big.headers['x-amzn-errortype']).toBe('RequestEntityTooLargeException');
    const next = await raw(emu.port, 'GET', '/restapis', {}, undefined, agent);
    expect(next.status).toBe(200);
    agent.destroy();
  });

  test('8. a body too large to skip gets a 413 that closes the connection', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await new Promise<RawAnswer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: emu.port,
          method: 'POST',
          path: '/restapis',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      // The server stops listening to the rest of the body: the client's writes may fail after the answer.
      req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
      req.write(Buffer.alloc(1024 * 1024, 0x20));
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    const next = await raw(emu.port, 'GET', '/restapis', {}, undefined, agent);
    expect(next.status).toBe(200);
    agent.destroy();
  });
});

describe('5. large methods', () => {
  test('a tiny write on a method with large integration responses writes kilobytes, not the method', async () => {
    const ids = await setUpMethod(emu.baseUrl, 'large-method');
    const template = 'x'.repeat(280 * 1024);
    for (const sc of ['400', '500']) {
      await apigwOk(emu.baseUrl, 'PUT', `${ids.methodPath}/responses/${sc}`, 201, {});
      const responseTemplates = Object.fromEntries(
        Array.from({ length: 6 }, (_, i) => [`application/x-${i}`, template]),
      );
      await apigwOk(emu.baseUrl, 'PUT', `${ids.methodPath}/integration/responses/${sc}`, 201, { responseTemplates });
    }
    // Empty the WAL from a second connection, then make one small change and see how much it wrote.
    const wal = join(emu.dataDir, 'emulator.sqlite-wal');
    const db = new Database(join(emu.dataDir, 'emulator.sqlite'));
    try {
      const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      expect(row?.busy).toBe(0);
      expect(statSync(wal).size).toBe(0);
      await apigwOk(emu.baseUrl, 'PUT', `${ids.methodPath}/responses/201`, 201, {});
      const written = statSync(wal).size;
      // The method document is 3.4 MB; the change is a few bytes in one row.
      expect(written).toBeLessThan(200 * 1024);
    } finally {
      db.close();
    }
    const method = await apigwOk<{
      integrationResponses?: unknown;
      methodIntegration: { integrationResponses: Record<string, { responseTemplates: Record<string, string> }> };
    }>(emu.baseUrl, 'GET', ids.methodPath, 200);
    expect(Object.keys(method.methodIntegration.integrationResponses)).toEqual(['200', '400', '500']);
    expect(method.methodIntegration.integrationResponses['500']?.responseTemplates['application/x-5']).toBe(template);
  });
});

describe('1, 5. large and small writes together', () => {
  // Large bodies are handled on a second thread with its own connection to the database: what a client sees
  // must not depend on which thread took its request.
  test('large and small writes to one method interleave without losing any, and each read sees every answered write', async () => {
    const ids = await setUpMethod(emu.baseUrl, 'interleave');
    const ir = `${ids.methodPath}/integration/responses`;
    const large = (tag: string) => ({ responseTemplates: { 'application/json': `${tag}${'z'.repeat(200 * 1024)}` } });
    await apigwOk(emu.baseUrl, 'GET', ids.methodPath, 200); // the method is now cached where small requests run
    await apigwOk(emu.baseUrl, 'PUT', `${ir}/200`, 201, large('first'));
    const afterLarge = await apigwOk<{ methodIntegration: { integrationResponses: Record<string, IrShape> } }>(
      emu.baseUrl,
      'GET',
      ids.methodPath,
      200,
    );
    expect(afterLarge.methodIntegration.integrationResponses['200']?.responseTemplates?.['application/json']).toMatch(
      /^first/,
    );

    for (const sc of ['400', '500']) await apigwOk(emu.baseUrl, 'PUT', `${ids.methodPath}/responses/${sc}`, 201, {});
    const small = Array.from({ length: 20 }, (_, i) =>
      apigwOk(emu.baseUrl, 'PATCH', `${ir}/200`, 200, {
        patchOperations: [{ op: 'add', path: `/responseTemplates/text~1x-${i}`, value: `small-${i}` }],
      }),
    );
    const bigOnes = ['400', '500'].map((sc) => apigwOk(emu.baseUrl, 'PUT', `${ir}/${sc}`, 201, large(`big-${sc}`)));
    await Promise.all([...small, ...bigOnes]);

    const method = await apigwOk<{ methodIntegration: { integrationResponses: Record<string, IrShape> } }>(
      emu.baseUrl,
      'GET',
      ids.methodPath,
      200,
    );
    const responses = method.methodIntegration.integrationResponses;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '500']);
    const templates200 = responses['200']?.responseTemplates ?? {};
    expect(templates200['application/json']).toMatch(/^first/);
    for (let i = 0; i < 20; i++) expect(templates200[`text/x-${i}`]).toBe(`small-${i}`);
    expect(responses['400']?.responseTemplates?.['application/json']).toMatch(/^big-400/);
    expect(responses['500']?.responseTemplates?.['application/json']).toMatch(/^big-500/);
    // A small write after the large ones reads the rows they wrote, not a stale copy.
    const patched = await apigwOk<IrShape>(emu.baseUrl, 'PATCH', `${ir}/500`, 200, {
      patchOperations: [{ op: 'add', path: '/responseTemplates/text~1y', value: 'after' }],
    });
    expect(patched.responseTemplates?.['application/json']).toMatch(/^big-500/);
    expect(patched.responseTemplates?.['text/y']).toBe('after');
  });
});

interface IrShape {
  responseTemplates?: Record<string, string>;
}

/** The server process's resident memory, as the kernel counts it (no endpoint needed). */
function residentBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1] ?? Number.NaN) * 1024;
}

describe('5. slow readers', () => {
  test('clients that request a 30 MB method and read nothing do not each pin a copy of it', async () => {
    const ids = await setUpMethod(emu.baseUrl, 'slow-readers');
    const template = 'y'.repeat(290 * 1024);
    const statusCodes = ['200', '201', '202', '203', '204', '205'];
    for (const sc of statusCodes) {
      if (sc !== '200') await apigwOk(emu.baseUrl, 'PUT', `${ids.methodPath}/responses/${sc}`, 201, {});
      const responseTemplates = Object.fromEntries(
        Array.from({ length: 17 }, (_, i) => [`application/x-${i}`, `${sc}${template}`]),
      );
      await apigwOk(emu.baseUrl, 'PUT', `${ids.methodPath}/integration/responses/${sc}`, 201, { responseTemplates });
    }
    // One complete read first: what the answer is, and the memory of a server that has sent it once.
    const whole = await raw(emu.port, 'GET', ids.methodPath, {});
    expect(whole.status).toBe(200);
    expect(whole.body.length).toBeGreaterThan(30 * 1000 * 1000);
    const pid = emu.child.pid ?? 0;
    const before = residentBytes(pid);

    // Readers that send the request and then never read: the kernel buffers a few MB per connection, and
    // whatever the server does not hold back stays in its memory until the reader goes away.
    const readers = 12;
    const sockets = await Promise.all(
      Array.from(
        { length: readers },
        () =>
          new Promise<Socket>((resolve, reject) => {
            const socket = connect(emu.port, '127.0.0.1', () => {
              socket.write(`GET ${ids.methodPath} HTTP/1.1\r\nHost: 127.0.0.1:${emu.port}\r\n\r\n`);
              socket.pause();
              resolve(socket);
            });
            socket.on('error', reject);
          }),
      ),
    );
    try {
      // The server has taken up every reader once it answers the next request on a fresh connection.
      expect((await raw(emu.port, 'GET', '/restapis', {})).status).toBe(200);
      let peak = 0;
      for (let i = 0; i < 10; i++) {
        peak = Math.max(peak, residentBytes(pid) - before);
        await new Promise((r) => setTimeout(r, 100));
      }
      // Streamed with backpressure, a reader holds a piece of the answer, not the answer: the server grew by
      // 3 MiB here, and by 74–139 MiB (two runs) when answers were written whole.
      expect(peak).toBeLessThan(48 * 1024 * 1024);
    } finally {
      for (const s of sockets) s.destroy();
    }
    // And the server goes on answering once they are gone.
    expect((await raw(emu.port, 'GET', ids.methodPath, {})).body.length).toBe(whole.body.length);
  }, 120_000);
});

describe('6. path parts', () => {
  test('a resource path longer than an invoke URL can carry is refused, and nothing is stored', async () => {
    const api = await apigwOk<{ id: string; rootResourceId: string }>(emu.baseUrl, 'POST', '/restapis', 201, {
      name: 'deep',
    });
    const long = await apigwOk<{ id: string; path: string }>(
      emu.baseUrl,
      'POST',
      `/restapis/${api.id}/resources/${api.rootResourceId}`,
      201,
      { pathPart: 'a'.repeat(5000) },
    );
    const res = await apigw<{ message: string }>(emu.baseUrl, 'POST', `/restapis/${api.id}/resources/${long.id}`, {
      pathPart: 'b'.repeat(4000),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(res.body.message).toMatch(/path is too long/);
    const list = await apigwOk<{ item: unknown[] }>(emu.baseUrl, 'GET', `/restapis/${api.id}/resources`, 200);
    expect(list.item).toHaveLength(2);
  });
});

describe('7. a full disk under the log', () => {
  test('the server keeps serving with stdout on /dev/full, and says so once on stderr', async () => {
    const dataDir = makeTempDir();
    const port = await getFreePort();
    const full = openSync('/dev/full', 'w');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'server', 'emulator-cli.ts'), '--port', String(port), '--data-dir', dataDir],
      { cwd: repoRoot, stdio: ['ignore', full, 'pipe'] },
    );
    closeSync(full);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      let up = false;
      for (let i = 0; i < 150 && !up && child.exitCode === null; i++) {
        up = await fetch(`http://127.0.0.1:${port}/restapis`).then(
          (r) => r.ok,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 200));
      }
      expect(child.exitCode, err).toBeNull();
      expect(up).toBe(true);
      // Seeding logged a line, the listening line another: both went nowhere, and the server stayed up.
      const names = await apiNames(`http://127.0.0.1:${port}`);
      expect(names).toContain('PetStore');
      await apigwOk(`http://127.0.0.1:${port}`, 'POST', '/restapis', 201, { name: 'after-enospc' });
      expect(err.match(/writing to stdout failed \(ENOSPC\)/g)).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
      await exited;
      removeDir(dataDir);
    }
  });
});

describe('9. smaller findings', () => {
  test.each([
    ['a malformed header line', 'GET /restapis HTTP/1.1\r\nHost: 127.0.0.1\r\nBad header\r\n\r\n', 400],
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400],
    [
      'headers over the size limit',
      `GET /restapis HTTP/1.1\r\nHost: 127.0.0.1\r\nX: ${'a'.repeat(20000)}\r\n\r\n`,
      431,
    ],
  ])('the HTTP parser’s refusal of %s comes in AWS’s error shape', async (_what, text, status) => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(emu.port, '127.0.0.1', () => socket.write(text));
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/\r\nx-amzn-ErrorType: BadRequestException\r\n/i);
    expect(JSON.parse(body)).toMatchObject({ __type: 'BadRequestException', message: expect.any(String) });
  });

  test('a body that is not UTF-8 is refused with a SerializationException, and nothing is created', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"bad-'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await raw(emu.port, 'POST', '/restapis', { 'content-type': 'application/json' }, body);
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-errortype']).toBe('SerializationException');
    expect((await apiNames(emu.baseUrl)).some((n) => n.startsWith('bad-'))).toBe(false);
  });

  test('a UTF-8 byte-order mark before the JSON is skipped, as AWS’s JSON reader does', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"with-bom"}')]);
    const res = await raw(emu.port, 'POST', '/restapis', { 'content-type': 'application/json' }, body);
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ name: 'with-bom' });
  });
});
