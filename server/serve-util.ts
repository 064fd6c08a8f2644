// Shared plumbing of the two entry points (emulator-cli.ts, start.ts): their flags, listening and clean shutdown.
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { guardLocal } from './local-guard';
import type { Throttle } from './throttle';
import { throttleFromFlag } from './throttle';

export interface ListenOptions {
  /** Host names to answer besides the bound address and the loopback names (--allowed-hosts). */
  allowedHosts?: readonly string[];
}

/**
 * What Node's HTTP parser refuses (a malformed request line or header, headers over the size limit, a
 * request that took too long) is answered in AWS's error shape, like every other error, instead of Node's
 * bare status line. The connection closes: the parser cannot find the next request in it.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request was not received in time.']
        : [400, 'Bad Request', 'The request is not valid HTTP/1.1.'];
  const type = 'BadRequestException';
  const body = JSON.stringify({ message, __type: type });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-amzn-ErrorType: ${type}\r\nx-amzn-RequestId: ${randomUUID()}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function listen(
  fetchHandler: (req: Request, env: unknown) => Response | Promise<Response>,
  port: number,
  hostname: string,
  options: ListenOptions = {},
): Promise<{ server: ServerType; port: number }> {
  const guarded = guardLocal(fetchHandler, { boundHost: hostname, allowedHosts: options.allowedHosts ?? [] });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: guarded, port, hostname }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.on('clientError', answerClientError);
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

/**
 * The command line's flags. `--help` prints the usage and ends the process (0); a flag the command does not take, or
 * one without its value, says so with the usage and ends it like a bad --port (2), instead of a stack trace.
 */
export function parseFlags<const O extends NonNullable<ParseArgsConfig['options']>>(options: O, usage: string) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true }).values;
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    process.exit(2);
  }
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

/** `--throttle aws` (see throttle.ts); an unknown mode stops the process like a bad --port. */
export function parseThrottle(raw: string | undefined): Throttle | undefined {
  try {
    return throttleFromFlag(raw);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}

/** A comma-separated flag value as a list (empty entries dropped). */
export function listFlag(raw: string | undefined): string[] | undefined {
  return raw
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
