// Shared plumbing of the two entry points (emulator-cli.ts, start.ts): listening and clean shutdown.
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listen(
  fetchHandler: (req: Request, env: unknown) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: fetchHandler, port, hostname }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
}

/** Closes the server (dropping idle keep-alive sockets, which would otherwise hold it open) then runs cleanup. */
export function onShutdown(server: ServerType, cleanup: () => void): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const http = server as Server;
    http.close(() => {
      cleanup();
      process.exit(0);
    });
    http.closeAllConnections?.();
    // A stuck connection must not keep the process alive past a termination request.
    setTimeout(() => {
      cleanup();
      process.exit(0);
    }, 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`Invalid --port: ${raw}`);
    process.exit(2);
  }
  return n;
}
