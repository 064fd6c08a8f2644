// Runs simulations in a Web Worker, one at a time, with a watchdog that replaces the worker when a template runs
// away (a #foreach over a huge range). Without Web Workers (component tests) it runs on the main thread.
import type { SimulationInput, SimulationOutcome } from '@/response/simulate-method';
import type { SimulateRequest, SimulateResponse } from './simulate-worker';

export interface SimulationRunner {
  run(input: SimulationInput): Promise<SimulationOutcome>;
  dispose(): void;
}

interface WorkerLike {
  postMessage(message: SimulateRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SimulateResponse>) => void): void;
  terminate(): void;
}

const TIMEOUT_MS = 8000;

export function createSimulationRunner(
  createWorker: (() => WorkerLike) | undefined = typeof Worker === 'undefined'
    ? undefined
    : () => new Worker(new URL('./simulate-worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
): SimulationRunner {
  if (createWorker === undefined) {
    return {
      run: (input) => import('@/response/simulate-method').then(({ simulateMethod }) => simulateMethod(input)),
      dispose() {},
    };
  }
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve: (o: SimulationOutcome) => void; watchdog: ReturnType<typeof setTimeout> }
  >();

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.addEventListener('message', (event) => {
      const entry = waiting.get(event.data.id);
      if (!entry) return;
      clearTimeout(entry.watchdog);
      waiting.delete(event.data.id);
      entry.resolve(event.data.outcome);
    });
    worker = w;
    return w;
  };

  const stopAll = (outcome: SimulationOutcome) => {
    worker?.terminate();
    worker = undefined;
    for (const entry of waiting.values()) {
      clearTimeout(entry.watchdog);
      entry.resolve(outcome);
    }
    waiting.clear();
  };

  return {
    run(input) {
      const id = nextId++;
      const w = ensureWorker();
      return new Promise<SimulationOutcome>((resolve) => {
        const watchdog = setTimeout(
          () =>
            stopAll({
              ok: false,
              inputError: `The simulation took longer than ${TIMEOUT_MS / 1000} s and was stopped: does a template loop for ever?`,
            }),
          TIMEOUT_MS,
        );
        waiting.set(id, { resolve, watchdog });
        w.postMessage({ id, input });
      });
    },
    dispose() {
      stopAll({ ok: false, inputError: 'Simulation stopped' });
    },
  };
}
