// The large writers of the storm row, in a process of their own at the lowest priority (nice 19). They send while
// told to (`send`), and on `pause` finish the writes in flight and report `paused` once none is left, so the server
// is idle again; on `stop` they report how many writes (and bytes) went out and how many failed.
//
// Why a process at nice 19: on a real network the storm's clients are other machines; here they share two cores
// with the server and the measured client. Encoding, sending and reading back megabytes costs them about as much
// CPU as the server's own part of the work, and at the same priority the kernel let them run out their time slices
// while the server's event loop or the measured client waited: the row timed the bench's load generator as much as
// the server (storm p99 1.74 / 1.63 ms with the writers at nice 0 in a process of their own, 1.01 / 0.83 ms at
// nice 19, alternated on the same machine, same number of writes). At nice 19 every thread of theirs (V8's helper
// threads too, which one thread's nice value does not reach, hence a process rather than a worker thread) gives way
// whenever the server or the measured client wants a core, and sends whenever one is free.
import { Agent, request } from 'node:http';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
type Report = 'ready' | 'sending' | 'wrote' | 'paused' | StormCount;

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

interface Channel {
  on(event: 'message', listener: (message: Command) => void): void;
  postMessage(report: Report): void;
}

function serveCommands(setup: StormSetup, port: Channel): void {
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
      port.postMessage('wrote');
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

/** Set in the writers' process, which this module is the entry of. */
const CHILD_ENV = 'BENCH_STORM_WRITERS';

if (process.env[CHILD_ENV] === '1' && process.send) {
  const send = process.send.bind(process);
  process.once('message', (setup: StormSetup) => {
    const listeners: Array<(command: Command) => void> = [];
    process.on('message', (command: Command) => listeners.forEach((l) => l(command)));
    serveCommands(setup, { on: (_event, listener) => void listeners.push(listener), postMessage: (r) => void send(r) });
  });
  // The bench going away (or stopping us) ends the writers too.
  process.once('disconnect', () => process.exit(0));
}

export interface StormWriters {
  /** Resolves once the writers have started sending. */
  send(): Promise<void>;
  /** Resolves once `n` more large writes have been answered. */
  afterWrites(n: number): Promise<void>;
  /** Resolves once every write in flight has been answered: the server has nothing of the storm left to do. */
  pause(): Promise<void>;
  /** Stops the writers and their process; what they sent in all. */
  stop(): Promise<StormCount>;
}

/** Starts the storm's writers in a process of their own, not yet sending. */
export async function startStormWriters(setup: StormSetup): Promise<StormWriters> {
  // The bench runs under tsx: the child runs this file with the same loader flags (process.execArgv).
  const args = [...process.execArgv, fileURLToPath(import.meta.url)];
  const env = { ...process.env, [CHILD_ENV]: '1' };
  const stdio: Array<'ignore' | 'inherit' | 'ipc'> = ['ignore', 'inherit', 'inherit', 'ipc'];
  // `nice` starts the process, and so every thread it will have, at the lowest priority; where there is no
  // `nice` (Windows), the writers run at the bench's own priority.
  const child: ChildProcess =
    process.platform === 'win32'
      ? spawn(process.execPath, args, { env, stdio })
      : spawn('nice', ['-n', '19', process.execPath, ...args], { env, stdio });
  let failed: Error | undefined;
  const waiters: Array<{ want: Report | 'count'; resolve: (r: Report) => void; reject: (e: Error) => void }> = [];
  let written = 0;
  let writeWaiters: Array<{ at: number; resolve: () => void }> = [];
  const fail = (error: Error) => {
    failed = error;
    for (const w of waiters.splice(0)) w.reject(error);
    // Writes that will never come: whoever waits for them goes on, and its next command fails with `error`.
    for (const w of writeWaiters.splice(0)) w.resolve();
  };
  child.on('message', (report: Report) => {
    if (report === 'wrote') {
      written++;
      const due = writeWaiters.filter((w) => w.at <= written);
      writeWaiters = writeWaiters.filter((w) => w.at > written);
      for (const w of due) w.resolve();
      return;
    }
    const want = typeof report === 'string' ? report : 'count';
    const i = waiters.findIndex((w) => w.want === want);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(report);
  });
  child.once('error', fail);
  child.once('exit', (code) => fail(new Error(`the storm's writers exited (${code})`)));
  const next = (want: Report | 'count', command?: Command) =>
    new Promise<Report>((resolve, reject) => {
      if (failed) return reject(failed);
      waiters.push({ want, resolve, reject });
      if (command) child.send(command);
    });
  const ready = next('ready');
  child.send(setup);
  try {
    await ready;
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    send: async () => void (await next('sending', 'send')),
    afterWrites: (n) =>
      new Promise((resolve) => (failed ? resolve() : writeWaiters.push({ at: written + n, resolve }))),
    pause: async () => void (await next('paused', 'pause')),
    stop: async () => {
      try {
        return (await next('count', 'stop')) as StormCount;
      } finally {
        child.disconnect();
      }
    },
  };
}
