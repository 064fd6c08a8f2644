// The large writers of the storm row, on a worker thread of the bench: they send until told to stop, then report
// how many writes (and bytes) went out and how many failed.
import { Agent, request } from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { dummyAuthorization } from '../../test-support/http-client';

interface StormSetup {
  url: string;
  putBody: string;
  patchBody: string;
  clients: number;
}

interface StormCount {
  largeWrites: number;
  largeWriteBytes: number;
  errors: number;
}

function send(agent: Agent, url: URL, method: string, body: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        agent,
        method,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: dummyAuthorization,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve((res.statusCode ?? 0) < 300));
      },
    );
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

async function runStorm(setup: StormSetup, stopped: () => boolean): Promise<StormCount> {
  const url = new URL(setup.url);
  const count: StormCount = { largeWrites: 0, largeWriteBytes: 0, errors: 0 };
  await Promise.all(
    Array.from({ length: setup.clients }, async (_, w) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let i = 0; !stopped(); i++) {
        const usePut = (i + w) % 2 === 0;
        const body = usePut ? setup.putBody : setup.patchBody;
        if (!(await send(agent, url, usePut ? 'PUT' : 'PATCH', body))) count.errors++;
        count.largeWrites++;
        count.largeWriteBytes += body.length;
      }
      agent.destroy();
    }),
  );
  return count;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  let stop = false;
  port.on('message', (m: string) => {
    if (m === 'stop') stop = true;
  });
  port.postMessage('sending');
  void runStorm(workerData as StormSetup, () => stop).then((count) => port.postMessage(count));
}

/** Runs `during` while the storm's writers send from a worker thread; stops them once it is done. */
export async function withStormWorker<T>(
  setup: StormSetup,
  during: () => Promise<T>,
): Promise<StormCount & { samples: T }> {
  const entry = new URL(import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  // The bench runs under tsx, whose loader worker threads do not inherit: the worker registers it first.
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: setup });
  let sending: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (sending = resolve));
  const counted = new Promise<StormCount>((resolve, reject) => {
    worker.on('message', (m: StormCount | 'sending') => (m === 'sending' ? sending() : resolve(m)));
    worker.once('error', reject);
  });
  try {
    await Promise.race([started, counted]);
    const samples = await during();
    worker.postMessage('stop');
    return { ...(await counted), samples };
  } finally {
    await worker.terminate();
  }
}
