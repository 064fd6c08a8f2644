// Reproduces issue 15's nine findings (the local server under abuse) against a running server, and prints one
// line per finding with what a person would observe: statuses, waits, memory and disk growth. Run it against the
// code before the fixes and against today's to see each finding before and after (docs/server-hardening-repros.md).
//   npx tsx scripts/abuse-repro.ts --base http://127.0.0.1:PORT [--only 1,2,...]
// Every wait is capped (--cap-seconds, 60 by default), so a server that stalls for minutes does not hang it.
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReproArgs, usage } from './abuse-repro-args';
import type { ReproOptions } from './abuse-repro-args';

const MB = 1000 * 1000;
const MiB = 1024 * 1024;

interface Answer {
  ok: true;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  bytes: number;
  ms: number;
  reusedSocket: boolean;
}
interface Failure {
  ok: false;
  /** 'timeout' when the cap ran out, else the socket error's code. */
  error: string;
  /** Bytes of the answer received before the failure. */
  bytes: number;
  ms: number;
}
type Outcome = Answer | Failure;

interface SendOptions {
  headers?: Record<string, string>;
  /** A buffer, or a writer for bodies too large to hold (it must end the request). */
  body?: string | Buffer | ((write: (chunk: Buffer) => Promise<void>) => Promise<void>);
  agent?: Agent;
  capMs?: number;
  /** Count the answer's bytes without keeping them. */
  discard?: boolean;
  onSocket?: (socket: Socket) => void;
  /** Called once the whole request has been handed to the socket. */
  onSent?: () => void;
}

const quieted = new WeakSet<Socket>();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function send(o: ReproOptions, method: string, path: string, opts: SendOptions = {}): Promise<Outcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((done) => {
    let settled = false;
    // Once the server has answered, the rest of a streamed body is not sent (it may have stopped reading).
    let answered = false;
    let bytes = 0;
    const finish = (out: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(out);
    };
    const req = request(
      {
        host: o.base.hostname.replace(/^\[|\]$/g, ''),
        port: o.port,
        method,
        path,
        // A fresh connection unless the repro is about reusing one (finding 8): a socket the server dropped
        // must not fail an unrelated request.
        agent: opts.agent ?? false,
        headers: { host: o.base.host, ...opts.headers },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (!opts.discard) chunks.push(c);
        });
        res.on('end', () =>
          finish({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            bytes,
            ms: ms(),
            reusedSocket: req.reusedSocket,
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          finish({ ok: false, error: e.code ?? e.message, ms: ms(), bytes }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, error: 'timeout', ms: ms(), bytes });
      req.destroy();
    }, opts.capMs ?? o.capMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, error: e.code ?? e.message, ms: ms(), bytes }));
    // A pooled socket can fail after its answer (the server dropped it while the body was still going out); the
    // next request on it reports that, so the error is not this one's to throw.
    if (opts.onSent) req.once('finish', opts.onSent);
    req.on('socket', (socket) => {
      opts.onSocket?.(socket);
      if (quieted.has(socket)) return;
      quieted.add(socket);
      socket.on('error', () => undefined);
    });
    const body = opts.body;
    if (typeof body === 'function') {
      const write = (chunk: Buffer) =>
        new Promise<void>((r) => {
          if (answered || settled || req.destroyed || req.writableEnded) r();
          else if (req.write(chunk)) r();
          else {
            const events = ['drain', 'response', 'close'] as const;
            const go = () => {
              for (const e of events) req.off(e, go);
              r();
            };
            for (const e of events) req.once(e, go);
          }
        });
      body(write).then(
        () => req.end(),
        () => req.destroy(),
      );
    } else req.end(body);
  });
}

function json(o: ReproOptions, method: string, path: string, value: unknown, capMs?: number): Promise<Outcome> {
  return send(o, method, path, {
    headers: { 'content-type': 'application/json' },
    body: value === undefined ? undefined : JSON.stringify(value),
    capMs,
  });
}

/** A call the repro needs to succeed; throws with what the server said otherwise. */
async function must<T>(o: ReproOptions, method: string, path: string, value?: unknown): Promise<T> {
  const res = await json(o, method, path, value);
  if (!res.ok || res.status >= 300) {
    const what = res.ok ? `${res.status} ${res.body.slice(0, 200)}` : res.error;
    throw new Error(`${method} ${path}: ${what}`);
  }
  return (res.body ? JSON.parse(res.body) : undefined) as T;
}

function time(res: Outcome, capMs: number): string {
  if (res.ok) return `${res.ms.toLocaleString('en-US')} ms`;
  if (res.error === 'timeout') return `>${capMs / 1000} s (no answer)`;
  return `${res.error} after ${res.ms.toLocaleString('en-US')} ms`;
}

function status(res: Outcome, capMs: number): string {
  return res.ok ? String(res.status) : time(res, capMs);
}

function size(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`;
  return `${bytes} B`;
}

const mib = (bytes: number) => `${Math.round(bytes / MiB)} MiB`;

function errorType(res: Outcome): string {
  if (!res.ok) return '';
  const t = res.headers['x-amzn-errortype'];
  return typeof t === 'string' ? ` ${t}` : '';
}

/** Waits until the server answers a small request again, so one finding's stall does not bleed into the next. */
async function settle(o: ReproOptions): Promise<void> {
  const res = await send(o, 'GET', '/restapis?limit=1', { capMs: 10 * o.capMs });
  if (!res.ok) throw new Error(`the server did not recover: ${res.error}`);
}

interface Ids {
  apiId: string;
  rootId: string;
  methodPath: string;
}

let serial = 0;
const stamp = `${Date.now().toString(36)}`;

async function setUpMethod(o: ReproOptions, label: string): Promise<Ids> {
  const api = await must<{ id: string; rootResourceId: string }>(o, 'POST', '/restapis', {
    name: `repro-${label}-${stamp}-${serial++}`,
  });
  const res = await must<{ id: string }>(o, 'POST', `/restapis/${api.id}/resources/${api.rootResourceId}`, {
    pathPart: 'r',
  });
  const methodPath = `/restapis/${api.id}/resources/${res.id}/methods/GET`;
  await must(o, 'PUT', methodPath, { authorizationType: 'NONE' });
  await must(o, 'PUT', `${methodPath}/integration`, { type: 'MOCK' });
  await must(o, 'PUT', `${methodPath}/responses/200`, {});
  await must(o, 'PUT', `${methodPath}/integration/responses/200`, {});
  return { apiId: api.id, rootId: api.rootResourceId, methodPath };
}

async function apiNames(o: ReproOptions): Promise<string[]> {
  const list = await must<{ item?: Array<{ name: string }> }>(o, 'GET', '/restapis?limit=500');
  return (list.item ?? []).map((a) => a.name);
}

/**
 * Sends `big` and, from the moment its body is sent until it is answered, small GetMethods on another method one
 * after another: how long did a small request wait while the big one was being handled?
 */
async function withProbe(
  o: ReproOptions,
  probePath: string,
  big: (onSent: () => void) => Promise<Outcome>,
): Promise<{ big: Outcome; probes: Outcome[] }> {
  let sent = () => undefined as void;
  const bodySent = new Promise<void>((r) => (sent = r));
  let running = true;
  const bigOne = big(() => sent()).finally(() => (running = false));
  await Promise.race([bodySent, bigOne]);
  const probes: Outcome[] = [];
  while (running) probes.push(await send(o, 'GET', probePath));
  return { big: await bigOne, probes };
}

function probeSummary(probes: Outcome[], capMs: number): string {
  if (probes.length === 0) return 'it was answered before a GetMethod could be sent';
  const worst = probes.reduce((a, b) => (b.ms > a.ms || !b.ok ? b : a));
  return `${probes.length} GetMethod(s) on another method sent meanwhile, the longest waited ${time(worst, capMs)}`;
}

// ---- the server process: memory and data directory ----

function serverPid(o: ReproOptions): number | undefined {
  if (o.pid) return o.pid;
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${o.port}`], { encoding: 'utf8' });
    const m = /pid=(\d+)/.exec(out);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function residentBytes(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? Number.NaN) * 1024;
}

/** Samples the process's memory while `work` runs: where it started and its peak. */
async function watchMemory<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; before: number; peak: number }> {
  const before = residentBytes(pid);
  let peak = before;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, residentBytes(pid));
      await sleep(20);
    }
  })();
  try {
    const result = await work();
    for (let i = 0; i < 10; i++) {
      peak = Math.max(peak, residentBytes(pid));
      await sleep(50);
    }
    return { result, before, peak };
  } finally {
    running = false;
    await sampler;
  }
}

function serverDataDir(o: ReproOptions, pid: number | undefined): string | undefined {
  if (o.dataDir) return resolve(o.dataDir);
  if (!pid) return undefined;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const i = args.indexOf('--data-dir');
    const inline = args.find((a) => a.startsWith('--data-dir='));
    const dir = inline?.slice('--data-dir='.length) ?? (i >= 0 ? args[i + 1] : '.data');
    return resolve(readlinkSync(`/proc/${pid}/cwd`), dir ?? '.data');
  } catch {
    return undefined;
  }
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

// ---- a local target for /__forward ----

interface Sink {
  server: Server;
  port: number;
  received: number;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((r) => {
    const go = () => {
      res.off('drain', go).off('close', go);
      r();
    };
    res.once('drain', go).once('close', go);
  });
}

async function startSink(port: number, answerBytes: number): Promise<Sink> {
  const sink: Sink = { server: createServer(), port: 0, received: 0 };
  sink.server.on('request', (req, res) => {
    req.on('data', (c: Buffer) => (sink.received += c.length));
    req.on('end', async () => {
      if (req.url !== '/big') {
        res.end('reached-the-loopback-service');
        return;
      }
      // A large answer, written with backpressure so the sink itself stays small.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(MiB, 0x61);
      for (let sent = 0; sent < answerBytes && !res.destroyed; sent += chunk.length) {
        if (!res.write(chunk)) await drained(res);
      }
      res.end();
    });
  });
  await new Promise<void>((r) => sink.server.listen(port, '127.0.0.1', r));
  sink.port = (sink.server.address() as AddressInfo).port;
  return sink;
}

async function stopSink(sink: Sink): Promise<void> {
  sink.server.closeAllConnections();
  await new Promise((r) => sink.server.close(r));
}

// ---- the findings ----

type Finding = (o: ReproOptions) => Promise<string>;

const finding1: Finding = async (o) => {
  const ids = await setUpMethod(o, 'patch');
  const probe = await setUpMethod(o, 'probe');
  const patchOperations = Array.from({ length: 12_000 }, (_, i) => ({
    op: 'add',
    path: `/responseTemplates/application~1x-t${i}`,
    value: '{}',
  }));
  const body = JSON.stringify({ patchOperations });
  const { big, probes } = await withProbe(o, probe.methodPath, (onSent) =>
    send(o, 'PATCH', `${ids.methodPath}/integration/responses/200`, {
      headers: { 'content-type': 'application/json' },
      body,
      onSent,
      discard: true,
    }),
  );
  return (
    `UpdateIntegrationResponse with 12,000 add operations (${size(body.length)}): ${status(big, o.capMs)} ` +
    `in ${time(big, o.capMs)}; ${probeSummary(probes, o.capMs)}`
  );
};

const finding2: Finding = async (o) => {
  const evil = await send(o, 'GET', '/restapis', { headers: { host: 'evil.example' } });
  const evilPort = await send(o, 'GET', '/restapis', { headers: { host: `evil.example:${o.port}` } });
  const rebindWrite = await send(o, 'POST', '/restapis', {
    headers: { host: `evil.example:${o.port}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `repro-rebound-${stamp}` }),
  });
  const created = (await apiNames(o)).includes(`repro-rebound-${stamp}`);
  // Some loopback service on a port nobody configured (an ephemeral port: nothing allowlists it).
  const other = await startSink(0, 0);
  try {
    const relayed = await send(o, 'GET', '/__forward/anything', {
      headers: { 'x-forward-target': `http://127.0.0.1:${other.port}` },
    });
    const reached = relayed.ok && relayed.body.includes('reached-the-loopback-service');
    return (
      `GET /restapis with Host: evil.example → ${status(evil, o.capMs)}${errorType(evil)}, ` +
      `with Host: evil.example:${o.port} → ${status(evilPort, o.capMs)}${errorType(evilPort)}; ` +
      `CreateRestApi with that Host → ${status(rebindWrite, o.capMs)}, API ${created ? 'created' : 'not created'}; ` +
      `/__forward to loopback port ${other.port} (not configured) → ${status(relayed, o.capMs)}${errorType(relayed)}, ` +
      `service ${reached ? 'reached' : 'not reached'}`
    );
  } finally {
    await stopSink(other);
  }
};

const finding3: Finding = async (o) => {
  const name = `repro-csrf-${stamp}`;
  // What Chrome sends for <form enctype="text/plain" method="post" action="http://127.0.0.1:PORT/restapis">
  // on another site (and what a no-cors fetch sends, with Sec-Fetch-Mode: no-cors).
  const form = await send(o, 'POST', '/restapis', {
    headers: {
      'content-type': 'text/plain',
      origin: 'http://evil.example',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    },
    body: `{"name":"${name}","x":"=y"}`,
  });
  const noCors = await send(o, 'POST', '/restapis', {
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      origin: 'http://evil.example',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'no-cors',
      'sec-fetch-dest': 'empty',
    },
    body: JSON.stringify({ name: `${name}-fetch` }),
  });
  const names = await apiNames(o);
  const dashboard = await send(o, 'POST', '/restapis', {
    headers: {
      'content-type': 'application/json',
      origin: `http://${o.base.host}`,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
    },
    body: JSON.stringify({ name: `${name}-dashboard` }),
  });
  return (
    `cross-site text/plain form POST /restapis → ${status(form, o.capMs)}${errorType(form)}, API ` +
    `${names.includes(name) ? 'exists afterwards' : 'does not exist'}; no-cors fetch → ` +
    `${status(noCors, o.capMs)}${errorType(noCors)}, API ${names.includes(`${name}-fetch`) ? 'exists' : 'does not exist'}; ` +
    `same-origin JSON from the dashboard → ${status(dashboard, o.capMs)}`
  );
};

const finding4: Finding = async (o) => {
  const pid = serverPid(o);
  if (!pid) return 'skipped: no server process found on the port (pass --pid)';
  const sink = await startSink(o.sinkPort, 300 * MiB);
  try {
    const chunk = Buffer.alloc(MiB, 0x20);
    const up = await watchMemory(pid, () =>
      send(o, 'POST', '/__forward/restapis', {
        headers: {
          'x-forward-target': `http://127.0.0.1:${sink.port}`,
          'content-type': 'application/json',
          'content-length': String(150 * MiB),
        },
        body: async (write) => {
          // A pause after the first MiB lets a server that refuses by the announced length answer before the
          // client is still writing into a socket it has closed (which shows as EPIPE instead of the answer).
          await write(chunk);
          await sleep(200);
          for (let i = 1; i < 150; i++) await write(chunk);
        },
      }),
    );
    const upRelayed = sink.received;
    await settle(o);
    const down = await watchMemory(pid, () =>
      send(o, 'GET', '/__forward/big', {
        headers: { 'x-forward-target': `http://127.0.0.1:${sink.port}` },
        discard: true,
      }),
    );
    const downBytes = down.result.bytes;
    return (
      `/__forward with a 150 MiB request body → ${status(up.result, o.capMs)}${errorType(up.result)}, ` +
      `${mib(upRelayed)} reached the target, server RSS ${mib(up.before)} → peak ${mib(up.peak)} ` +
      `(+${mib(up.peak - up.before)}); a 300 MiB answer → ${status(down.result, o.capMs)}, ` +
      `${mib(downBytes)} relayed, RSS ${mib(down.before)} → peak ${mib(down.peak)} (+${mib(down.peak - down.before)})`
    );
  } finally {
    await stopSink(sink);
  }
};

const finding5: Finding = async (o) => {
  const ids = await setUpMethod(o, 'large');
  const probe = await setUpMethod(o, 'probe');
  // AWS caps one mapping template at 300 KB: nineteen of 290,000 characters make one 5.5 MB integration response.
  const template = 'x'.repeat(290_000);
  const statusCodes = Array.from({ length: 12 }, (_, i) => String(200 + i));
  const started = performance.now();
  for (const sc of statusCodes) {
    if (sc !== '200') await must(o, 'PUT', `${ids.methodPath}/responses/${sc}`, {});
    const res = await json(o, 'PUT', `${ids.methodPath}/integration/responses/${sc}`, {
      responseTemplates: Object.fromEntries(
        Array.from({ length: 19 }, (_, i) => [`application/x-${i}`, `${sc}${template}`]),
      ),
    });
    if (!res.ok || res.status !== 201) {
      return `setting up: PutIntegrationResponse ${sc} → ${status(res, o.capMs)} ${res.ok ? res.body.slice(0, 200) : ''}`;
    }
  }
  const setUp = Math.round((performance.now() - started) / 1000);
  const { big: tiny, probes } = await withProbe(o, probe.methodPath, (onSent) =>
    send(o, 'PUT', `${ids.methodPath}/responses/299`, {
      headers: { 'content-type': 'application/json' },
      body: '{}',
      onSent,
    }),
  );
  return (
    `a method with twelve 5.5 MB integration responses (${setUp} s to create): a tiny PutMethodResponse → ` +
    `${status(tiny, o.capMs)} in ${time(tiny, o.capMs)}; ${probeSummary(probes, o.capMs)}`
  );
};

const finding6: Finding = async (o) => {
  const pid = serverPid(o);
  const dataDir = serverDataDir(o, pid);
  const before = dataDir && existsSync(dataDir) ? dirBytes(dataDir) : undefined;
  const api = await must<{ id: string; rootResourceId: string }>(o, 'POST', '/restapis', {
    name: `repro-paths-${stamp}`,
  });
  // 40 nested resources with 100,000-character path parts: 4 MB sent, and each full path repeats its parents'.
  const statuses = new Map<string, number>();
  let parent = api.rootResourceId;
  let sent = 0;
  for (let i = 0; i < 40; i++) {
    const body = JSON.stringify({ pathPart: String.fromCharCode(97 + (i % 26)).repeat(100_000) });
    sent += body.length;
    const res = await send(o, 'POST', `/restapis/${api.id}/resources/${parent}`, {
      headers: { 'content-type': 'application/json' },
      body,
    });
    const key = status(res, o.capMs);
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (!res.ok || res.status !== 201) continue;
    parent = (JSON.parse(res.body) as { id: string }).id;
  }
  const listing = await send(o, 'GET', `/restapis/${api.id}/resources?limit=500`, { discard: true });
  const after = dataDir && existsSync(dataDir) ? dirBytes(dataDir) : undefined;
  const counts = [...statuses].map(([s, n]) => `${n}× ${s}`).join(', ');
  const disk =
    before === undefined || after === undefined
      ? 'data dir unknown (pass --data-dir)'
      : `data dir ${size(before)} → ${size(after)}`;
  return (
    `40 nested CreateResource calls with 100,000-character path parts (${size(sent)} sent): ${counts}; ` +
    `GetResources answer ${listing.ok ? size(listing.bytes) : time(listing, o.capMs)}; ${disk}`
  );
};

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

const finding7: Finding = async (o) => {
  if (!o.checkout) {
    return (
      'not reproducible against a running server: it needs the server started with its log on a full disk. ' +
      'Pass --checkout DIR to start that checkout with stdout on /dev/full (Linux); covered by ' +
      "server/tests/abuse.test.ts '7. a full disk under the log'"
    );
  }
  if (!existsSync('/dev/full')) return 'not reproducible here: no /dev/full (Linux only)';
  const checkout = resolve(o.checkout);
  const dataDir = mkdtempSync(join(tmpdir(), 'abuse-repro-7-'));
  const port = await freePort();
  const full = openSync('/dev/full', 'w');
  // start.ts as `npm start` runs it (after its build), with stdout on a device that is always full.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(checkout, 'server', 'start.ts'), '--port', String(port), '--data-dir', dataDir],
    { cwd: checkout, stdio: ['ignore', full, 'pipe'] },
  );
  closeSync(full);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const local: ReproOptions = { ...o, base: new URL(`http://127.0.0.1:${port}`), port };
  try {
    let up: Outcome | undefined;
    const deadline = performance.now() + o.capMs;
    while (child.exitCode === null && performance.now() < deadline) {
      up = await send(local, 'GET', '/restapis', { capMs: 2000 });
      if (up.ok) break;
      await sleep(250);
    }
    if (child.exitCode !== null || !up?.ok) {
      const why = /\b(E[A-Z]+)\b/.exec(stderr)?.[1] ?? 'no error code';
      return (
        `server with stdout on /dev/full: exited with code ${child.exitCode ?? '(still starting)'} before ` +
        `answering (${why}: ${JSON.stringify(stderr.split('\n').find((l) => l.includes('Error')) ?? '')})`
      );
    }
    const created = await json(local, 'POST', '/restapis', { name: 'after-enospc' });
    const said = stderr.split('\n').filter((l) => /ENOSPC/.test(l));
    return (
      `server with stdout on /dev/full: answers GET /restapis ${up.status}, CreateRestApi ${status(created, o.capMs)}; ` +
      `stderr has ${said.length} line(s) about it: ${JSON.stringify(said[0] ?? '')}`
    );
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const finding8: Finding = async (o) => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let closed: number | undefined;
  try {
    const big = await send(o, 'POST', '/restapis', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(7 * MiB, 0x20),
      agent,
      onSocket: (s) => s.once('close', () => (closed ??= performance.now())),
    });
    const answered = performance.now();
    // A client with a connection pool sends its next request at once on the socket it was told to keep.
    const next = await send(o, 'GET', '/restapis?limit=1', { agent });
    const connection = big.ok ? (big.headers.connection ?? '(none: keep-alive implied)') : '-';
    const nextSays = next.ok
      ? `→ ${next.status} after ${time(next, o.capMs)} on ${next.reusedSocket ? 'the same' : 'a new'} socket`
      : `fails: ${next.error}${next.error === 'ECONNRESET' ? ' (socket hang up)' : ''}`;
    const socket =
      closed === undefined
        ? 'the socket stayed open'
        : `the first socket closed ${Math.max(0, Math.round(closed - answered))} ms after the answer`;
    // A body announced as 100 MiB of which 1 MiB is sent: too large to read and drop, so the honest answer
    // closes the connection.
    const pool = new Agent({ keepAlive: true, maxSockets: 1 });
    const announced = await send(o, 'POST', '/restapis', {
      headers: { 'content-type': 'application/json', 'content-length': String(100 * MiB) },
      body: async (write) => write(Buffer.alloc(MiB, 0x20)),
      capMs: Math.min(o.capMs, 15_000),
      agent: pool,
    });
    const afterAnnounced = await send(o, 'GET', '/restapis?limit=1', { agent: pool });
    pool.destroy();
    const announcedConnection = announced.ok ? (announced.headers.connection ?? '(none)') : '-';
    const nextAfterAnnounced = afterAnnounced.ok
      ? `→ ${afterAnnounced.status} on ${afterAnnounced.reusedSocket ? 'the same' : 'a new'} socket`
      : `fails: ${afterAnnounced.error}`;
    return (
      `POST /restapis with a 7 MiB body → ${status(big, o.capMs)}${errorType(big)}, Connection: ${connection}; ` +
      `the client's next pooled request, sent at once, ${nextSays}; ${socket}; ` +
      `100 MiB announced, 1 MiB sent → ${status(announced, 15_000)}, Connection: ${announcedConnection}, ` +
      `the next pooled request ${nextAfterAnnounced}`
    );
  } finally {
    agent.destroy();
  }
};

function rawExchange(o: ReproOptions, text: string): Promise<string> {
  return new Promise((done) => {
    let data = '';
    const socket = connect(o.port, o.base.hostname.replace(/^\[|\]$/g, ''), () => socket.write(text));
    const timer = setTimeout(() => socket.destroy(), 10_000);
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      done(data);
    });
    socket.on('error', () => undefined);
  });
}

function describeRaw(answer: string): string {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const statusLine = head.split('\r\n')[0] || '(nothing)';
  const type = /\r\nx-amzn-ErrorType: ([^\r]+)/i.exec(head)?.[1];
  return `${statusLine.replace(/^HTTP\/1\.1 /, '')}, ${type ? `x-amzn-ErrorType ${type}` : 'no x-amzn-ErrorType'}, body ${JSON.stringify(body.slice(0, 60))}`;
}

async function csvGuard(o: ReproOptions): Promise<string> {
  if (!o.checkout) return 'CSV guard: client-side, skipped (pass --checkout DIR to call its toCsv)';
  const dir = resolve(o.checkout, 'src', 'features', 'overview');
  const exportModule: unknown = await import(pathToFileURL(join(dir, 'export.ts')).href);
  // The row builder moved to src/api-mappings after the fixes.
  const rowsFile = [join(dir, 'test-rows.ts'), resolve(o.checkout, 'src', 'api-mappings', 'test-rows.ts')].find((f) =>
    existsSync(f),
  );
  if (!rowsFile) return 'CSV guard: test-rows.ts (makeRow) not found in the checkout';
  const rowsModule: unknown = await import(pathToFileURL(rowsFile).href);
  const toCsv = (exportModule as { toCsv?: unknown }).toCsv;
  const makeRow = (rowsModule as { makeRow?: unknown }).makeRow;
  if (typeof toCsv !== 'function' || typeof makeRow !== 'function') return 'CSV guard: toCsv/makeRow not found';
  const cells: Array<[string, string]> = [
    ['=1+1', '"=1+1"'],
    ['\n=1+1', 'LF then =1+1'],
    [' =1+1', 'space then =1+1'],
    ['"=1+1', 'quote then =1+1'],
    ['\uff1d1+1', 'fullwidth ＝1+1'],
  ];
  const verdicts = cells.map(([value, label]) => {
    const csv = String(toCsv([makeRow({ isDefault: false, selectionPattern: value })]));
    const guarded = csv.includes(`'${value}`.replaceAll('"', '""'));
    return `${label} ${guarded ? 'guarded' : 'NOT guarded'}`;
  });
  return `CSV guard (this checkout's toCsv): ${verdicts.join(', ')}`;
}

async function workerCsp(o: ReproOptions): Promise<string> {
  const page = await send(o, 'GET', '/');
  if (!page.ok || page.status !== 200) return `preview worker: the page is not served (${status(page, o.capMs)})`;
  const scripts = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  // The worker's file name is in one of the page's chunks (new URL('./preview-worker.ts', import.meta.url)).
  for (let i = 0; i < scripts.length && i < 40; i++) {
    const path = scripts[i] ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await send(o, 'GET', path);
    if (!res.ok) continue;
    const worker = /preview-worker[-.\w]*\.js/.exec(res.body)?.[0];
    if (worker) {
      const w = await send(o, 'GET', `/assets/${worker}`);
      const csp = w.ok ? w.headers['content-security-policy'] : undefined;
      return `preview worker /assets/${worker} → ${status(w, o.capMs)}, ${csp ? `CSP "${String(csp).slice(0, 40)}…"` : 'no CSP header'}`;
    }
    for (const m of res.body.matchAll(/["'`](?:\.\/|\/assets\/)?([-\w]+\.js)["'`]/g)) scripts.push(`/assets/${m[1]}`);
  }
  return 'preview worker: its script was not found in the built page';
}

const finding9: Finding = async (o) => {
  const badHeader = describeRaw(
    await rawExchange(o, `GET /restapis HTTP/1.1\r\nHost: ${o.base.host}\r\nBad header\r\n\r\n`),
  );
  const garbage = describeRaw(await rawExchange(o, 'GARBAGE\r\n\r\n'));
  const bomName = `repro-bom-${stamp}`;
  const bom = await send(o, 'POST', '/restapis', {
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: bomName }))]),
  });
  const badUtf8 = await send(o, 'POST', '/restapis', {
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([Buffer.from(`{"name":"repro-utf8-${stamp}-`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
  });
  const stored = (await apiNames(o)).find((n) => n.startsWith(`repro-utf8-${stamp}`));
  const body = (res: Outcome) => (res.ok ? JSON.stringify(res.body.slice(0, 70)) : '');
  return [
    `malformed header line → ${badHeader}`,
    `request line "GARBAGE" → ${garbage}`,
    await csvGuard(o),
    await workerCsp(o),
    `BOM before the JSON → ${status(bom, o.capMs)}${errorType(bom)} ${body(bom)}`,
    `invalid UTF-8 (C3 28) → ${status(badUtf8, o.capMs)}${errorType(badUtf8)} ${body(badUtf8)}, ` +
      (stored ? `stored as ${JSON.stringify(stored.slice(-4))}` : 'nothing stored'),
  ].join('; ');
};

const findings: Record<number, Finding> = {
  1: finding1,
  2: finding2,
  3: finding3,
  4: finding4,
  5: finding5,
  6: finding6,
  7: finding7,
  8: finding8,
  9: finding9,
};

async function main(): Promise<number> {
  let o: ReproOptions;
  try {
    o = parseReproArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const ready = await send(o, 'GET', '/restapis?limit=1', { capMs: 10_000 });
  if (!ready.ok) {
    console.error(`no server at ${o.base.origin}: ${ready.error}`);
    return 1;
  }
  let failed = 0;
  for (const n of [...o.only].sort((a, b) => a - b)) {
    const run = findings[n];
    if (!run) continue;
    try {
      console.log(`(${n}) ${await run(o)}`);
      await settle(o);
    } catch (e) {
      failed++;
      console.log(`(${n}) could not run: ${(e as Error).message}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
