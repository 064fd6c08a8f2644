// The two entry points as users run them: `npm run emulator` (emulator-cli.ts) and `npm start` (start.ts).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'irs-entry-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  base: string;
  stop(): Promise<number | null>;
}

async function run(script: string, args: string[], ready: RegExp): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'server', script), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), 20_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = ready.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited early (${code}):\n${out}`)));
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    base,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

const apiNames = async (base: string) =>
  (
    (await (await fetch(`${base}/restapis`, { headers: { accept: 'application/json' } })).json()) as {
      item: { name: string }[];
    }
  ).item
    .map((a) => a.name)
    .sort();

describe('emulator-cli', () => {
  const ready = /Emulator listening on (http:\/\/127\.0\.0\.1:\d+)/;

  test('seeds an empty data dir once, serves /restapis, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir();
    const first = await run('emulator-cli.ts', ['--port', '0', '--data-dir', dataDir], ready);
    expect(await apiNames(first.base)).toEqual(['Notifications', 'PetStore']);
    await fetch(`${first.base}/restapis`, {
      method: 'POST',
      body: JSON.stringify({ name: 'mine' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(await first.stop()).toBe(0);
    const second = await run('emulator-cli.ts', ['--port', '0', '--data-dir', dataDir], ready);
    expect(await apiNames(second.base)).toEqual(['Notifications', 'PetStore', 'mine']);
    expect(await second.stop()).toBe(0);
  });

  test('--no-seed starts empty', async () => {
    const emu = await run('emulator-cli.ts', ['--port', '0', '--data-dir', tempDir(), '--no-seed'], ready);
    expect(await apiNames(emu.base)).toEqual([]);
    expect(await emu.stop()).toBe(0);
  });
});

describe('start', () => {
  const ready = /Integration Response Studio: (http:\/\/127\.0\.0\.1:\d+)/;

  test('serves the SPA with fallback, the emulator at the root, /__forward, and --reset reseeds', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>studio</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const dataDir = tempDir();
    const args = ['--port', '0', '--data-dir', dataDir, '--dist-dir', dist];
    const app = await run('start.ts', args, ready);
    expect(await apiNames(app.base)).toEqual(['Notifications', 'PetStore']);
    const deep = await fetch(`${app.base}/apis/abc/resources`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>studio</title>');
    const asset = await fetch(`${app.base}/assets/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const unknownApi = await fetch(`${app.base}/restapis/nope`, { headers: { accept: 'application/json' } });
    expect(unknownApi.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    const forward = await fetch(`${app.base}/__forward/restapis`);
    expect(forward.headers.get('content-type') ?? '').not.toContain('text/html');
    await fetch(`${app.base}/restapis`, {
      method: 'POST',
      body: JSON.stringify({ name: 'extra' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(await app.stop()).toBe(0);

    const reset = await run('start.ts', [...args, '--reset'], ready);
    expect(await apiNames(reset.base)).toEqual(['Notifications', 'PetStore']);
    expect(await reset.stop()).toBe(0);
  });
});

describe('the command line', () => {
  const runOnce = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'server', script), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });

  test.each(['start.ts', 'emulator-cli.ts'])(
    '%s: a flag it does not take, or one without its value, gets the usage and exit 2, not a stack trace',
    (script) => {
      for (const args of [['--bogus'], ['--port']]) {
        const r = runOnce(script, args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(
          args[0] === '--bogus' ? /Unknown option '--bogus'/ : /'--port <value>' argument missing/,
        );
        expect(r.stderr).toContain('Usage:');
        expect(r.stderr).not.toMatch(/^\s+at /m);
      }
    },
  );

  test.each(['start.ts', 'emulator-cli.ts'])('%s --help prints the usage and exits 0', (script) => {
    const r = runOnce(script, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: .*--port/);
    expect(r.stderr).toBe('');
  });
});
