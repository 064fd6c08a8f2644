// A real moto_server (moto 5.2.1) started by a spec on a loopback port: a server nobody here wrote, for the
// journeys that must work against it through the app's forwarding route. The forwarding allowlist names ports,
// so moto runs on one of the two ports playwright.config.ts allowed this worker's server (e2e-ports.ts): the first
// one free, since a moto from an earlier spec may still be shutting down on the other.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { e2ePorts } from './e2e-ports';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function motoPort(): Promise<number> {
  for (const port of e2ePorts.moto) if (await isFree(port)) return port;
  throw new Error(`none of the forwarding-allowed moto ports is free: ${e2ePorts.moto.join(', ')}`);
}

export interface MotoServer {
  endpoint: string;
  stop(): void;
}

/** Whether `moto_server` is on the PATH, with the reason to print when it isn't. */
export const motoServer = (() => {
  const found = spawnSync('sh', ['-c', 'command -v moto_server'], { stdio: 'ignore' }).status === 0;
  return { available: found, reason: found ? '' : 'moto_server is not installed (pip install "moto[server]")' };
})();

export async function startMotoServer(): Promise<MotoServer> {
  const port = await motoPort();
  let log = '';
  const child = spawn('moto_server', ['-p', String(port), '-H', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  try {
    await waitForMoto(port, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function waitForMoto(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (child.exitCode !== null) {
        reject(new Error(`moto_server exited: ${log()}`));
        return;
      }
      // /moto-api/ is moto's own dashboard route: it answers as soon as the server is up.
      fetch(`http://127.0.0.1:${port}/moto-api/`)
        .then(() => resolve())
        .catch(() =>
          Date.now() > deadline ? reject(new Error(`moto_server did not start: ${log()}`)) : setTimeout(tick, 200),
        );
    };
    tick();
  });
}
