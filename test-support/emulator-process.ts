// Starts the real emulator CLI as a child process, so tests exercise the same binary users run
// (`npm run emulator`) over real HTTP, and durability tests can SIGKILL it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const emulatorCli = join(repoRoot, 'server', 'emulator-cli.ts');
const startupTimeoutMs = 30_000;

export interface EmulatorOptions {
  /** Reuse a data directory (restart after a crash); a fresh temp dir is created when absent. */
  dataDir?: string;
  /** Default false: tests want an empty store so their assertions do not depend on the demo data. */
  seed?: boolean;
  port?: number;
  /** More command-line flags, e.g. `['--allowed-hosts', 'a.test']`. */
  args?: string[];
}

export interface EmulatorProcess {
  readonly port: number;
  /** `http://127.0.0.1:<port>`: the endpoint URL for the AWS CLI/SDK. */
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout + stderr), for failure messages. */
  output(): string;
  /** Graceful stop (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
  /** Simulated crash: SIGKILL with no chance to flush or close anything. */
  kill9(): Promise<void>;
}

export function makeTempDir(prefix = 'irs-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function getFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not determine a free port'));
        return;
      }
      const { port } = addr;
      srv.close(() => resolvePort(port));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/** Signals the whole process group: if anything in between (a wrapper) forked, nothing survives a "crash". */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorProcess> {
  const dataDir = options.dataDir ?? makeTempDir();
  const port = options.port ?? (await getFreePort());
  const args = ['--import', 'tsx', emulatorCli, '--port', String(port), '--data-dir', dataDir];
  if (!options.seed) args.push('--no-seed');
  args.push(...(options.args ?? []));
  // `node --import tsx` rather than the `tsx` binary: tsx's CLI runs the script in a second Node process,
  // and a SIGKILL to the wrapper would leave the real server running.
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let out = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(`emulator did not print "Emulator listening on" within ${startupTimeoutMs} ms. Output:\n${out}`),
      );
    }, startupTimeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      if (out.includes(`Emulator listening on http://127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited before it was ready (code ${code}, signal ${signal}). Output:\n${out}`));
    });
  });
  try {
    await ready;
  } catch (err) {
    signalGroup(child, 'SIGKILL');
    throw err;
  }
  const exited = waitForExit(child);
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    child,
    output: () => out,
    async stop() {
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      signalGroup(child, 'SIGKILL');
      await exited;
    },
  };
}
