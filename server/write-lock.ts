// The store's database is written from two threads: the main thread (every small write) and the large-request
// worker (bodies too large to parse, validate and store without holding the event loop; see
// large-requests.ts). SQLite would serialise their write transactions itself, but by making the second writer
// wait in busy_timeout, a synchronous sleep that would freeze the main thread's event loop for as long as the
// worker writes. This lock, in shared memory, lets each side take its turn without that: the main thread
// only ever tries (and comes back when the lock is free), the worker may block.
//
// The second word counts committed write transactions. Each side caches rows it read; when the count moved
// since it last looked, the other side has written, and its caches are dropped.

const FREE = 0;
const HOLDER = 0;
const GENERATION = 1;

export type LockSide = 1 | 2;
export const MAIN_SIDE: LockSide = 1;
export const WORKER_SIDE: LockSide = 2;

export class WriteLock {
  private readonly cells: Int32Array;
  private readonly other: LockSide;
  private seen: number;
  /** True between a successful acquire and its release. */
  held = false;

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly side: LockSide,
  ) {
    this.cells = new Int32Array(buffer);
    this.other = side === MAIN_SIDE ? WORKER_SIDE : MAIN_SIDE;
    this.seen = Atomics.load(this.cells, GENERATION);
  }

  static createBuffer(): SharedArrayBuffer {
    return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  }

  tryAcquire(): boolean {
    if (this.held) return true;
    this.held = Atomics.compareExchange(this.cells, HOLDER, FREE, this.side) === FREE;
    return this.held;
  }

  /** Waits (blocking the thread) for the lock. The other side holds it for one synchronous batch at most. */
  acquire(): void {
    while (!this.tryAcquire()) Atomics.wait(this.cells, HOLDER, this.other, 100);
  }

  /** Resolves once the other side no longer holds the lock (or right away when it does not). */
  whenFree(): Promise<unknown> {
    const waited = Atomics.waitAsync(this.cells, HOLDER, this.other);
    return waited.async ? waited.value : Promise.resolve();
  }

  /** `wrote`: a write transaction committed under this hold (the other side must not trust its caches). */
  release(wrote: boolean): void {
    if (!this.held) return;
    if (wrote) Atomics.add(this.cells, GENERATION, 1);
    this.seen = Atomics.load(this.cells, GENERATION);
    this.held = false;
    Atomics.store(this.cells, HOLDER, FREE);
    Atomics.notify(this.cells, HOLDER);
  }

  /** Counts the write transactions committed so far, by either side. */
  generation(): number {
    return Atomics.load(this.cells, GENERATION);
  }

  /** The other side stopped (its thread ended) while it may have held the lock: it holds nothing now. */
  releaseOtherSide(): void {
    if (Atomics.compareExchange(this.cells, HOLDER, this.other, FREE) === this.other) {
      Atomics.add(this.cells, GENERATION, 1);
      Atomics.notify(this.cells, HOLDER);
    }
  }

  /** True when the other side committed a write since the last call (or this side's last release). */
  otherSideWrote(): boolean {
    const generation = Atomics.load(this.cells, GENERATION);
    if (generation === this.seen) return false;
    this.seen = generation;
    return true;
  }
}
