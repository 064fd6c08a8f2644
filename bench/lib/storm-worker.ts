// The large writers of the storm row, on a worker thread of the bench. They send while told to (`send`), and on
// `pause` finish the writes in flight and report `paused` once none is left, so the server is idle again; on
// `stop` they report how many writes (and bytes) went out and how many failed.
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

type Command = 'send' | 'pause' | 'stop';
type Report = 'ready' | 'sending' | 'paused' | StormCount;

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

function serveCommands(setup: StormSetup, port: NonNullable<typeof parentPort>): void {
  const url = new URL(setup.url);
  const count: StormCount = { largeWrites: 0, largeWriteBytes: 0, errors: 0 };
  const agents = Array.from({ length: setup.clients }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  let sending = false;
  let writes = 0;
  let running: Promise<void> = Promise.resolve();
  const client = async (agent: Agent, w: number) => {
    while (sending) {
      const usePut = (writes + w) % 2 === 0;
      writes++;
      const body = usePut ? setup.putBody : setup.patchBody;
      if (!(await send(agent, url, usePut ? 'PUT' : 'PATCH', body))) count.errors++;
      count.largeWrites++;
      count.largeWriteBytes += body.length;
    }
  };
  port.on('message', (command: Command) => {
    if (command === 'send') {
      sending = true;
      running = Promise.all(agents.map(client)).then(() => undefined);
      port.postMessage('sending' satisfies Report);
    } else if (command === 'pause') {
      sending = false;
      void running.then(() => port.postMessage('paused' satisfies Report));
    } else {
      sending = false;
      void running.then(() => {
        for (const agent of agents) agent.destroy();
        port.postMessage(count satisfies Report);
      });
    }
  });
  port.postMessage('ready' satisfies Report);
}

if (!isMainThread && parentPort) serveCommands(workerData as StormSetup, parentPort);

export interface StormWriters {
  /** Resolves once the writers have started sending. */
  send(): Promise<void>;
  /** Resolves once every write in flight has been answered: the server has nothing of the storm left to do. */
  pause(): Promise<void>;
  /** Stops the writers and the thread; what they sent in all. */
  stop(): Promise<StormCount>;
}

/** Starts the storm's writers on a worker thread, not yet sending. */
export async function startStormWriters(setup: StormSetup): Promise<StormWriters> {
  const entry = new URL(import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  // The bench runs under tsx, whose loader worker threads do not inherit: the worker registers it first.
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: setup });
  let failed: Error | undefined;
  const waiters: Array<{ want: Report | 'count'; resolve: (r: Report) => void; reject: (e: Error) => void }> = [];
  worker.on('message', (report: Report) => {
    const want = typeof report === 'string' ? report : 'count';
    const i = waiters.findIndex((w) => w.want === want);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(report);
  });
  worker.once('error', (error) => {
    failed = error;
    for (const w of waiters.splice(0)) w.reject(error);
  });
  const next = (want: Report | 'count', command?: Command) =>
    new Promise<Report>((resolve, reject) => {
      if (failed) return reject(failed);
      waiters.push({ want, resolve, reject });
      if (command) worker.postMessage(command);
    });
  try {
    await next('ready');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    send: async () => void (await next('sending', 'send')),
    pause: async () => void (await next('paused', 'pause')),
    stop: async () => {
      try {
        return (await next('count', 'stop')) as StormCount;
      } finally {
        await worker.terminate();
      }
    },
  };
}
