// Child processes the bench needs (the app server, the emulator CLI, moto_server), each on a free loopback port.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Running {
  baseUrl: string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
}

// BENCH_PORT_BASE=N: the servers listen on N, N+1, … instead of on ports the system picks (on a machine where each
// user keeps to a range of ports).
let nextPort = Number(process.env.BENCH_PORT_BASE ?? 0);
function chosenPort(): number {
  return nextPort > 0 ? nextPort++ : 0;
}

export function freePort(): Promise<number> {
  const chosen = chosenPort();
  if (chosen) return Promise.resolve(chosen);
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `irs-bench-${prefix}-`));
}

function stopChild(child: ChildProcess, cleanup?: () => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cleanup?.();
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
    // A server that ignores SIGTERM must not stall the bench.
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** Spawns and resolves once stdout matches `ready` (the capture group is the port), or rejects on exit/timeout. */
function spawnUntil(
  cmd: string,
  args: string[],
  ready: RegExp,
  timeoutMs: number,
  cleanup?: () => void,
): Promise<Running & { child: ChildProcess }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} did not become ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = ready.exec(output);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        resolve({
          child,
          port,
          pid: child.pid ?? 0,
          baseUrl: `http://127.0.0.1:${port}`,
          stop: () => stopChild(child, cleanup),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/**
 * `tsx server/start.ts` serving `distDir` (the built SPA, or the floor app): with a fresh demo-seeded store, or
 * with the store already in `dataDir` (which is removed on stop either way).
 */
export function startAppServer(distDir: string, dataDirWithStore?: string): Promise<Running> {
  const dataDir = dataDirWithStore ?? tempDir('app');
  const reset = dataDirWithStore ? [] : ['--reset'];
  return spawnUntil(
    tsx,
    ['server/start.ts', '--port', String(chosenPort()), '--data-dir', dataDir, ...reset, '--dist-dir', distDir],
    /http:\/\/127\.0\.0\.1:(\d+)/,
    60_000,
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
}

/** `tsx server/emulator-cli.ts` with an empty store, on `port` (0: the next of BENCH_PORT_BASE, or a free one). */
export function startEmulator(port = 0): Promise<Running> {
  const dataDir = tempDir('emu');
  return spawnUntil(
    tsx,
    ['server/emulator-cli.ts', '--port', String(port || chosenPort()), '--data-dir', dataDir, '--no-seed'],
    /Emulator listening on http:\/\/127\.0\.0\.1:(\d+)/,
    60_000,
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
}

/** `tsx server/emulator-cli.ts` on the store already in `dataDir` (removed on stop), with more flags. */
export function startEmulatorOn(dataDir: string, args: string[] = []): Promise<Running> {
  return spawnUntil(
    tsx,
    [
      'server/emulator-cli.ts',
      '--port',
      String(chosenPort()),
      '--data-dir',
      join(dataDir, 'emulator'),
      '--no-seed',
      ...args,
    ],
    /Emulator listening on http:\/\/127\.0\.0\.1:(\d+)/,
    60_000,
    () => rmSync(dataDir, { recursive: true, force: true }),
  );
}

/** moto_server on a free port; ready once it answers HTTP. */
export async function startMoto(): Promise<Running> {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/moto-api/`);
      await res.arrayBuffer();
      return { baseUrl, port, pid: child.pid ?? 0, stop: () => stopChild(child) };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`moto_server did not answer in time:\n${output}`);
}

/**
 * CPU seconds (user + system) used so far by `pid` and its descendants (tsx runs the server in a child node
 * process), from /proc; NaN where /proc is unavailable. The bench machine may be shared, so CPU per request is
 * a steadier figure than wall-clock throughput.
 */
export function cpuSeconds(pid: number): number {
  try {
    const ticks = 100; // USER_HZ on Linux
    const stats = new Map<number, { ppid: number; cpu: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let text: string;
      try {
        text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the parenthesised command name: state ppid … utime(14) stime(15).
      const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(rest[1]), cpu: (Number(rest[11]) + Number(rest[12])) / ticks });
    }
    let total = 0;
    const queue = [pid];
    while (queue.length) {
      const p = queue.pop() ?? 0;
      total += stats.get(p)?.cpu ?? 0;
      for (const [child, s] of stats) if (s.ppid === p) queue.push(child);
    }
    return total;
  } catch {
    return Number.NaN;
  }
}
