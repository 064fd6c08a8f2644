// Section 5: PutIntegrationResponse + GetMethod under a fixed concurrent load from a loopback keep-alive client.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { apiFixtures } from '../../test-support/api-fixtures';
import { dummyAuthorization } from '../../test-support/http-client';
import { cpuSeconds } from './processes';
import { p99 } from './stats';

export interface LoadOptions {
  concurrency: number;
  /** Stop after this many requests… */
  maxRequests: number;
  /** …or after this long, whichever comes first. */
  maxSeconds: number;
  /** For diagnosis: only one of the two operations. */
  only?: 'put' | 'get';
}

export interface LoadResult {
  target: string;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  putP99Ms: number;
  getP99Ms: number;
  /** Server CPU (process tree) per request during the measured phase; NaN without /proc. */
  serverCpuMsPerRequest: number;
  /** This (client) process's CPU per request: if it is near the server's, the client is part of the limit. */
  clientCpuMsPerRequest: number;
}

/**
 * One keep-alive HTTP/1.1 connection over a raw socket, one request at a time (no pipelining). The load client
 * shares the machine with the server under test; node:http's client cost ~0.15 ms of CPU per request, most of a
 * core at the emulator's rate, so the measurement was partly of the client. This one writes prebuilt request text
 * and reads only the status line and Content-Length. A server that answers `Connection: close` (moto_server does)
 * gets a new connection for the next request, as any HTTP client would open.
 */
class LoopbackConnection {
  private socket: Socket | undefined;
  private received: Buffer = Buffer.alloc(0);
  private pending: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  request(text: string): Promise<number> {
    const socket = (this.socket ??= this.open());
    this.received = Buffer.alloc(0);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      socket.write(text);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    // Events of a socket this connection has already given up on (closed after its last answer) are ignored.
    socket.on('data', (chunk: Buffer) => {
      if (this.socket !== socket) return;
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.settle(false);
    });
    socket.on('error', (error) => {
      if (this.socket === socket) this.fail(error);
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.settle(true);
      this.socket = undefined;
    });
    return socket;
  }

  private settle(closed: boolean): void {
    if (!this.pending) return;
    const headEnd = this.received.indexOf('\r\n\r\n');
    if (headEnd === -1) {
      if (closed) this.fail(new Error('connection closed before a complete response'));
      return;
    }
    const head = this.received.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    const bodyBytes = this.received.length - headEnd - 4;
    // Without Content-Length the body runs to the end of the connection.
    if (length === undefined ? !closed : bodyBytes < Number(length)) {
      if (closed) this.fail(new Error('connection closed before a complete response'));
      return;
    }
    const { resolve } = this.pending;
    this.pending = undefined;
    if (/\r\nconnection:\s*close/i.test(head)) this.close();
    resolve(Number(head.slice(9, 12)));
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    this.close();
    pending?.reject(error);
  }
}

function requestText(url: URL, method: string, path: string, body: string | undefined): string {
  const head = `${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: application/json\r\nAuthorization: ${dummyAuthorization}\r\n`;
  if (body === undefined) return `${head}\r\n`;
  return `${head}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Half PutIntegrationResponse (a realistic body, different each time), half GetMethod, interleaved. */
export async function runLoad(
  target: string,
  baseUrl: string,
  serverPid: number,
  opts: LoadOptions,
): Promise<LoadResult> {
  const f = await apiFixtures(baseUrl).createIntegrationFixture({
    name: `load-${target}`,
    headers: { 'X-Version': false },
  });
  const methodPath = `/restapis/${f.api.id}/resources/${f.resource.id}/methods/GET`;
  const irPath = `${methodPath}/integration/responses/200`;
  const url = new URL(baseUrl);
  const connections = Array.from(
    { length: opts.concurrency },
    () => new LoopbackConnection(url.hostname, Number(url.port)),
  );
  const getText = requestText(url, 'GET', methodPath, undefined);
  const putBody = (i: number) =>
    JSON.stringify({
      selectionPattern: '2\\d{2}',
      responseTemplates: { 'application/json': `{"version": ${i}, "message": "$input.path('$.message')"}` },
      responseParameters: { 'method.response.header.X-Version': `'${i}'` },
    });
  const one = async (connection: LoopbackConnection, i: number): Promise<{ put: boolean; ms: number; ok: boolean }> => {
    const put = opts.only ? opts.only === 'put' : i % 2 === 0;
    const t = performance.now();
    const status = await connection.request(put ? requestText(url, 'PUT', irPath, putBody(i)) : getText);
    return { put, ms: performance.now() - t, ok: put ? status === 201 || status === 200 : status === 200 };
  };
  // Warm-up: connections opened, code paths compiled; not counted.
  for (let i = 0; i < 50; i++) await one(connections[i % opts.concurrency]!, i);

  const putMs: number[] = [];
  const getMs: number[] = [];
  let errors = 0;
  let next = 0;
  const cpu0 = cpuSeconds(serverPid);
  const client0 = process.cpuUsage();
  const started = performance.now();
  const deadline = started + opts.maxSeconds * 1000;
  const worker = async (connection: LoopbackConnection) => {
    while (next < opts.maxRequests && performance.now() < deadline) {
      const r = await one(connection, next++);
      (r.put ? putMs : getMs).push(r.ms);
      if (!r.ok) errors++;
    }
  };
  await Promise.all(connections.map(worker));
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(serverPid) - cpu0;
  const client = process.cpuUsage(client0);
  for (const c of connections) c.close();
  const requests = putMs.length + getMs.length;
  return {
    target,
    requests,
    errors,
    seconds,
    throughput: requests / seconds,
    putP99Ms: p99(putMs),
    getP99Ms: p99(getMs),
    serverCpuMsPerRequest: (serverCpu * 1000) / requests,
    clientCpuMsPerRequest: (client.user + client.system) / 1000 / requests,
  };
}
