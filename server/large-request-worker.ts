// The worker thread of large-requests.ts: the emulator app on its own connection to the store's database,
// answering the requests the main thread hands it.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createEmulatorApp } from './app';
import type { WorkerAnswer, WorkerData, WorkerRequest } from './large-requests';
import { openStore } from './store';
import { WORKER_SIDE, WriteLock } from './write-lock';

const data = workerData as WorkerData;
const port = parentPort;
if (!port) throw new Error('large-request-worker.ts runs as a worker thread');

// The worker's work is the large, slow kind; the event loop's is the small requests that must not wait behind it.
// When both want a CPU, the kernel should pick the event loop: the worker thread runs at a lower priority (nice 10).
// On Linux the nice value belongs to the calling thread (setpriority(2), "the nice value is a per-thread attribute");
// elsewhere it would slow the whole process, so it is set on Linux only.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted in some sandboxes: the worker then runs at the process's priority, as before.
  }
}

const store = openStore(data.dataDir, { lock: new WriteLock(data.lock, WORKER_SIDE) });
const app = createEmulatorApp({ store, forwardAllowlist: data.forwardAllowlist });

port.on('message', (request: WorkerRequest) => {
  void answer(request).then((message) =>
    'body' in message ? port.postMessage(message, [message.body]) : port.postMessage(message),
  );
});
port.postMessage('ready');

async function answer(request: WorkerRequest): Promise<WorkerAnswer> {
  try {
    const response = await app.fetch(
      new Request(request.url, { method: request.method, headers: request.headers, body: request.body }),
    );
    const body = await response.arrayBuffer();
    return { id: request.id, status: response.status, headers: [...response.headers], body };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
