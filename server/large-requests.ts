// Requests with large bodies are handled on a worker thread. Parsing, validating, patching and storing a body
// of up to 6 MB takes the better part of a second of CPU (a 6 MB UpdateIntegrationResponse about 1.2 s on
// this class of machine); on the event loop that is a second in which no other request, however small, is
// answered. The worker runs the same emulator app on its own connection to the same database (WAL mode: the
// main thread's reads never wait for it), so a large request's answer, its errors and its durability are the
// same as on the main thread. The two threads take turns writing through a lock in shared memory
// (write-lock.ts); each drops its cached rows when the other has written.
import { Worker } from 'node:worker_threads';
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { AwsError } from './errors';
import { nodeIncoming, turnTaker } from './http';
import type { Store } from './store';

/** Bodies above this size go to the worker; below it, the work takes well under a millisecond. */
export const OFFLOAD_ABOVE_BYTES = 64 * 1024;

/** UpdateIntegrationResponse's path. */
const PATCH_BY_STORED_SIZE = /^\/restapis\/[^/]+\/resources\/[^/]+\/methods\/[^/]+\/integration\/responses\/[^/]+$/;

export interface WorkerData {
  dataDir: string;
  lock: SharedArrayBuffer;
  forwardAllowlist: readonly string[];
}

export interface WorkerRequest {
  id: number;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
}

export type WorkerAnswer =
  { id: number; status: number; headers: Array<[string, string]>; body: ArrayBuffer } | { id: number; error: string };

/** Answers above this size are written in pieces of it, each when the client has taken the one before. */
const ANSWER_PIECE_BYTES = 64 * 1024;

/**
 * A large answer goes out piece by piece, as GetMethod's does (http.ts answerParts): written at once, a
 * multi-megabyte answer is one long write on the event loop, and sits in the process until a slow client
 * has read it all.
 */
function answerBody(buffer: ArrayBuffer): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array<ArrayBuffer>> | null {
  if (buffer.byteLength === 0) return null;
  const bytes = new Uint8Array(buffer);
  if (bytes.length <= ANSWER_PIECE_BYTES) return bytes;
  const takeTurn = turnTaker();
  let offset = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      async pull(controller) {
        await takeTurn();
        controller.enqueue(bytes.subarray(offset, offset + ANSWER_PIECE_BYTES));
        offset += ANSWER_PIECE_BYTES;
        if (offset >= bytes.length) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

interface Pending {
  resolve: (response: Response) => void;
  reject: (error: Error) => void;
}

export class LargeRequestWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  /** Settles once the worker has loaded the app and opened the store (entry points wait for it). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(
    private readonly store: Store,
    private readonly forwardAllowlist: readonly string[],
  ) {
    store.onClose(() => this.close());
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    // Started now: loading the app on a new thread takes a moment, which the first large request should not wait for.
    this.worker = this.start();
  }

  /** The answer the emulator app on the worker gives to `request`, whose body has been read into `body`. */
  handle(request: Request, body: ArrayBuffer): Promise<Response> {
    if (this.closed) return Promise.reject(new Error('the large-request worker is closed'));
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    const message: WorkerRequest = {
      id,
      method: request.method,
      url: request.url,
      headers: [...request.headers],
      body,
    };
    return new Promise<Response>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message, [body]);
    });
  }

  close(): void {
    this.closed = true;
    void this.worker?.terminate();
  }

  private start(): Worker {
    const data: WorkerData = {
      dataDir: this.store.dataDir,
      lock: this.store.lock.buffer,
      forwardAllowlist: this.forwardAllowlist,
    };
    // The server runs under tsx, whose loader is not inherited by worker threads: the worker registers it first.
    const entry = new URL('./large-request-worker.ts', import.meta.url).href;
    const tsx = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: data });
    worker.on('message', (answer: WorkerAnswer | 'ready') => {
      if (answer !== 'ready') return this.settle(answer);
      // From now on the server keeps the process alive; the worker alone must not (entry points exit once it closes).
      worker.unref();
      this.markReady();
    });
    worker.on('error', (error) => console.error('[emulator] large-request worker failed', error));
    worker.on('exit', () => {
      // A worker that ended mid-write (its transaction is rolled back with its connection) must not keep the lock.
      this.store.lock.releaseOtherSide();
      this.markReady();
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(new Error('the large-request worker stopped'));
      this.pending.clear();
    });
    return worker;
  }

  private settle(answer: WorkerAnswer): void {
    const p = this.pending.get(answer.id);
    if (!p) return;
    this.pending.delete(answer.id);
    if ('error' in answer) {
      p.reject(new Error(answer.error));
      return;
    }
    const headers = Object.fromEntries(answer.headers);
    if (answer.body.byteLength > 0) headers['content-length'] = String(answer.body.byteLength);
    p.resolve(new Response(answerBody(answer.body), { status: answer.status, headers }));
  }
}

/**
 * A body of announced length, copied into one buffer piece by piece as it arrives: no copy of the whole body
 * at once on the event loop (as concatenating the pieces at the end would be). Undefined when the request
 * ended or failed before its announced length.
 */
function readInto(incoming: IncomingMessage, length: number): Promise<ArrayBuffer | undefined> {
  const buffer = new ArrayBuffer(length);
  const bytes = new Uint8Array(buffer);
  let offset = 0;
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      const n = Math.min(chunk.length, length - offset);
      bytes.set(n === chunk.length ? chunk : chunk.subarray(0, n), offset);
      offset += n;
    };
    const finish = (complete: boolean) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('close', onClose);
      resolve(complete && offset === length ? buffer : undefined);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(incoming.readableEnded);
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('close', onClose);
  });
}

/**
 * Hands requests whose body is over OFFLOAD_ABOVE_BYTES to the worker. Goes after the body limit, so an
 * oversized body never gets this far; a body of unknown length is read (under that limit) to find its size.
 */
export function offloadLargeBodies(worker: LargeRequestWorker): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || method === 'DELETE') return next();
    // An UpdateIntegrationResponse costs what the stored integration response weighs, not what the request
    // does: a one-operation patch of a 5 MB one parses, validates and re-serialises 5 MB (about half a second
    // on the event loop, measured). Every such patch goes to the worker.
    const always = method === 'PATCH' && PATCH_BY_STORED_SIZE.test(c.req.path);
    const length = c.req.header('content-length');
    const announced = length === undefined ? Number.NaN : parseInt(length || '0', 10);
    if (!always && announced <= OFFLOAD_ABOVE_BYTES) return next();
    const incoming = nodeIncoming(c);
    if (incoming && Number.isInteger(announced) && c.req.header('transfer-encoding') === undefined) {
      const body = await readInto(incoming, announced);
      // Only a client that went away sends less than it announced: nobody is left to read an answer.
      if (!body) throw new AwsError('SerializationException', 'The request body ended before its announced length');
      return worker.handle(c.req.raw, body);
    }
    // Of unknown length: read (under the body limit) to find the size. A small body stays cached on the
    // request for the handler's own read.
    const body = await c.req.arrayBuffer();
    if (!always && body.byteLength <= OFFLOAD_ABOVE_BYTES) return next();
    return worker.handle(c.req.raw, body);
  };
}
