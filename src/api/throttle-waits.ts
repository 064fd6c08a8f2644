// The requests waiting out a throttling answer (429) right now, across every client of the page: the page shows one
// "Waiting for AWS's request limit" status while there are any (src/components/throttle-status.tsx). Framework-free,
// so the transport can report into it in Node tests too.

type Listener = () => void;

let waiting = 0;
const listeners = new Set<Listener>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Counts one wait until the returned function is called (once; later calls do nothing). */
export function beginThrottleWait(): () => void {
  waiting += 1;
  changed();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    waiting -= 1;
    changed();
  };
}

/** For useSyncExternalStore. */
export function subscribeThrottleWaits(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function throttleWaitCount(): number {
  return waiting;
}
