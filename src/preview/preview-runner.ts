// Runs previews without blocking typing. With Web Workers: one worker, at most one render in flight and
// one waiting (the newest; older waiting requests are dropped), plus a watchdog that restarts the worker
// when a template runs away (e.g. #foreach over a huge range). Without workers (Node, old test envs): a
// debounced render on the main thread.
import { checkJsonOutput } from './json-check';
import type { JsonCheckResult } from './json-check';
import type { PreviewResult, PreviewSample } from './render-template';
import type { PreviewRequest, PreviewResponse } from './preview-worker';

/** A render's result, with the JSON check of its output when one was asked for and the output exists. */
export type RenderedPreview = PreviewResult & { json?: JsonCheckResult };

export interface PreviewRenderOptions {
  checkJson?: boolean;
}

export interface PreviewRunner {
  /**
   * Renders `template`. Latest wins: a call superseded by a newer one before it started resolves with the
   * newer call's result, so awaiting callers never hang and never see stale output.
   */
  render(template: string, sample: PreviewSample, options?: PreviewRenderOptions): Promise<RenderedPreview>;
  dispose(): void;
}

/** The part of the Worker interface the runner uses (lets tests pass a fake). */
export interface PreviewWorkerLike {
  postMessage(message: PreviewRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PreviewResponse>) => void): void;
  terminate(): void;
}

export interface PreviewRunnerOptions {
  /** Creates the worker; defaults to the bundled preview-worker when `Worker` exists. */
  createWorker?: () => PreviewWorkerLike;
  /** Debounce of the main-thread fallback, in ms. */
  debounceMs?: number;
  /** A render taking longer than this is abandoned and the worker restarted. */
  timeoutMs?: number;
}

type Waiter = (result: RenderedPreview) => void;

function defaultWorkerFactory(): (() => PreviewWorkerLike) | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return () =>
    new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module' }) as unknown as PreviewWorkerLike;
}

function createMainThreadRunner(debounceMs: number): PreviewRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiters: Waiter[] = [];
  let latest: { template: string; sample: PreviewSample; checkJson: boolean } | undefined;
  return {
    render(template, sample, options) {
      latest = { template, sample, checkJson: options?.checkJson === true };
      if (timer !== undefined) clearTimeout(timer);
      const promise = new Promise<RenderedPreview>((resolve) => waiters.push(resolve));
      timer = setTimeout(() => {
        timer = undefined;
        const job = latest;
        const toResolve = waiters;
        waiters = [];
        if (job === undefined) return;
        // Loaded on first use: with workers (every browser the app supports) the renderer lives in the worker's
        // own file, so the page's chunks never carry a second copy of it.
        void import('./render-template').then(({ renderTemplate }) => {
          const result: RenderedPreview = renderTemplate(job.template, job.sample);
          if (job.checkJson && result.ok) result.json = checkJsonOutput(result.output);
          for (const resolve of toResolve) resolve(result);
        });
      }, debounceMs);
      return promise;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      const disposed: PreviewResult = { ok: false, error: { message: 'Preview stopped' } };
      for (const resolve of waiters) resolve(disposed);
      waiters = [];
    },
  };
}

function createWorkerRunner(factory: () => PreviewWorkerLike, timeoutMs: number): PreviewRunner {
  let worker: PreviewWorkerLike | undefined;
  let nextId = 1;
  let inFlight: { id: number; waiters: Waiter[]; watchdog: ReturnType<typeof setTimeout> } | undefined;
  let pending: { request: PreviewRequest; waiters: Waiter[] } | undefined;
  let disposed = false;

  const start = (request: PreviewRequest, waiters: Waiter[]) => {
    const w = ensureWorker();
    const watchdog = setTimeout(() => {
      // The worker cannot be interrupted mid-render; replace it.
      w.terminate();
      worker = undefined;
      finish(request.id, {
        ok: false,
        error: {
          message: `The template took longer than ${Math.round(timeoutMs / 1000)} s to render and was stopped (runaway loop?)`,
        },
      });
    }, timeoutMs);
    inFlight = { id: request.id, waiters, watchdog };
    w.postMessage(request);
  };

  const finish = (id: number, result: RenderedPreview) => {
    if (inFlight === undefined || inFlight.id !== id) return;
    clearTimeout(inFlight.watchdog);
    const done = inFlight.waiters;
    inFlight = undefined;
    if (pending !== undefined) {
      const next = pending;
      pending = undefined;
      start(next.request, next.waiters);
    }
    for (const resolve of done) resolve(result);
  };

  const ensureWorker = (): PreviewWorkerLike => {
    if (worker !== undefined) return worker;
    const w = factory();
    w.addEventListener('message', (event) => {
      const { id, result, json } = event.data;
      finish(id, json === undefined ? result : { ...result, json });
    });
    worker = w;
    return w;
  };

  return {
    render(template, sample, options) {
      if (disposed) return Promise.resolve({ ok: false, error: { message: 'Preview stopped' } });
      return new Promise<RenderedPreview>((resolve) => {
        const request: PreviewRequest = {
          id: nextId++,
          template,
          sample,
          ...(options?.checkJson === true ? { checkJson: true } : {}),
        };
        if (inFlight === undefined) {
          start(request, [resolve]);
          return;
        }
        // Latest wins: the waiting request is replaced, its callers wait for the newer result.
        pending = { request, waiters: [...(pending?.waiters ?? []), resolve] };
      });
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = undefined;
      const stopped: PreviewResult = { ok: false, error: { message: 'Preview stopped' } };
      if (inFlight !== undefined) {
        clearTimeout(inFlight.watchdog);
        for (const resolve of inFlight.waiters) resolve(stopped);
      }
      for (const resolve of pending?.waiters ?? []) resolve(stopped);
      inFlight = undefined;
      pending = undefined;
    },
  };
}

export function createPreviewRunner(options: PreviewRunnerOptions = {}): PreviewRunner {
  const factory = options.createWorker ?? defaultWorkerFactory();
  if (factory === undefined) return createMainThreadRunner(options.debounceMs ?? 150);
  // Generous: parsing a 300 KB template alone can take a couple of seconds on a slow machine.
  return createWorkerRunner(factory, options.timeoutMs ?? 8000);
}
