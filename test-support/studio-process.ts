// Starts `server/start.ts` (the SPA, the emulator and /__forward on one origin) as a child process on a free
// port, with a fixture dist/ and a throwaway data directory.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeDir, repoRoot } from './emulator-process';

export interface StudioProcess {
  readonly base: string;
  readonly port: number;
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface StudioOptions {
  /** Writes the files to serve into the empty `dist` directory; by default a one-line index.html. */
  prepareDist?: (dist: string) => void;
  /** Serve this directory instead (e.g. the repo's built `dist/`, for Playwright); prepareDist is not used then. */
  distDir?: string;
  /** Default: a free port. */
  port?: number;
}

export async function startStudio(args: string[] = [], options: StudioOptions = {}): Promise<StudioProcess> {
  const dir = makeTempDir('irs-studio-');
  const dist = options.distDir ?? join(dir, 'dist');
  if (options.distDir === undefined) {
    mkdirSync(dist);
    if (options.prepareDist) options.prepareDist(dist);
    else writeFileSync(join(dist, 'index.html'), '<!doctype html><title>fixture</title>');
  }
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'server', 'start.ts'),
      ...['--port', String(options.port ?? 0), '--data-dir', join(dir, 'data'), '--reset', '--dist-dir', dist],
      ...args,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start.ts not ready in time:\n${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`start.ts exited early (${code}):\n${out}`)));
  });
  return {
    base,
    port: Number(new URL(base).port),
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      removeDir(dir);
    },
  };
}
