// Work done in slices lets the browser in between them by awaiting `nextTask()`: the rest runs in a new task, so input,
// rendering and other tasks can go first. Not `setTimeout(…, 0)`, for two reasons. Timeouts set from a timeout's own
// continuation are held to at least 4 ms once they are nested five deep (the HTML standard's timer rules): slices of
// about 5 ms then spent nearly as long waiting as working (20 chained zero timeouts took 59 ms in Chromium here, 20 of
// these 0.3–0.7 ms). And a hidden tab runs timeouts at most once a second (Chromium's background timer throttling;
// after five minutes hidden, chained ones once a minute), so an overview opened in a background tab would have taken
// a second per slice. `scheduler.yield()` where the browser has it (Chromium 129+); elsewhere a MessageChannel
// message, a task that is neither clamped nor throttled.

interface YieldingScheduler {
  yield(): Promise<void>;
}

function browserScheduler(): YieldingScheduler | undefined {
  const s = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  return typeof s?.yield === 'function' ? (s as YieldingScheduler) : undefined;
}

/**
 * What is used of a MessageChannel. Under Node's types (the server's typecheck, tsconfig.node.json) a MessagePort has
 * no `onmessage`, though Node's ports take one as the browser's do (the unit tests run this under Node).
 */
interface Channel {
  port1: { onmessage: ((event: unknown) => void) | null; unref?: () => void };
  port2: { postMessage(message: null): void };
}

let channel: Channel | undefined;
const waiting: Array<() => void> = [];

function viaMessage(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel() as unknown as Channel;
    // One message per waiter, answered in order: each resumes in a task of its own.
    channel.port1.onmessage = () => waiting.shift()?.();
    // Under Node (the unit tests) a port with a listener would keep the process alive; browsers have no unref.
    channel.port1.unref?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** Resolves in a later task than the caller's, without a timer. */
export function nextTask(): Promise<void> {
  const scheduler = browserScheduler();
  return scheduler ? scheduler.yield() : viaMessage();
}
