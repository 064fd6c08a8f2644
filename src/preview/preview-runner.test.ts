import { describe, expect, test } from 'vitest';
import { createPreviewRunner } from './preview-runner';
import type { PreviewWorkerLike } from './preview-runner';
import type { PreviewRequest, PreviewResponse } from './preview-worker';
import { renderTemplate } from './render-template';
import type { PreviewSample } from './render-template';

const sample: PreviewSample = { body: '{"n":1}', headers: {}, statusCode: '200' };

/** Renders like the real worker, but only when the test says so, to control ordering. */
class ManualWorker implements PreviewWorkerLike {
  received: PreviewRequest[] = [];
  terminated = false;
  private listener: ((event: MessageEvent<PreviewResponse>) => void) | undefined;
  postMessage(message: PreviewRequest): void {
    this.received.push(message);
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent<PreviewResponse>) => void): void {
    this.listener = listener;
  }
  terminate(): void {
    this.terminated = true;
  }
  complete(index: number): void {
    const req = this.received[index];
    if (req === undefined || this.listener === undefined) throw new Error('nothing to complete');
    this.listener({
      data: { id: req.id, result: renderTemplate(req.template, req.sample), ms: 0 },
    } as MessageEvent<PreviewResponse>);
  }
}

describe('createPreviewRunner', () => {
  test('without Worker (Node) it falls back to a debounced main-thread render; superseded calls get the latest result', async () => {
    expect(typeof Worker).toBe('undefined');
    const runner = createPreviewRunner({ debounceMs: 5 });
    const first = runner.render('first $input.path("$.n")', sample);
    const second = runner.render('second $input.path("$.n")', sample);
    await expect(second).resolves.toEqual({ ok: true, output: 'second 1' });
    await expect(first).resolves.toEqual({ ok: true, output: 'second 1' });
    runner.dispose();
  });

  test('checks the output against JSON when asked, and only then', async () => {
    const runner = createPreviewRunner({ debounceMs: 1 });
    await expect(runner.render('{"n": $input.path("$.n")}', sample, { checkJson: true })).resolves.toEqual({
      ok: true,
      output: '{"n": 1}',
      json: { valid: true },
    });
    const broken = await runner.render('{"n": }', sample, { checkJson: true });
    expect(broken.ok && broken.json?.valid).toBe(false);
    await expect(runner.render('{"n": }', sample)).resolves.toEqual({ ok: true, output: '{"n": }' });
    runner.dispose();
  });

  test('with a worker: one render in flight, only the newest waiting request is sent next', async () => {
    const worker = new ManualWorker();
    const runner = createPreviewRunner({ createWorker: () => worker });
    const a = runner.render('a', sample);
    const b = runner.render('b', sample);
    const c = runner.render('c', sample);
    expect(worker.received.map((r) => r.template)).toEqual(['a']);
    worker.complete(0);
    await expect(a).resolves.toEqual({ ok: true, output: 'a' });
    expect(worker.received.map((r) => r.template)).toEqual(['a', 'c']);
    worker.complete(1);
    await expect(b).resolves.toEqual({ ok: true, output: 'c' });
    await expect(c).resolves.toEqual({ ok: true, output: 'c' });
    runner.dispose();
    expect(worker.terminated).toBe(true);
  });

  test('a runaway render is stopped by the watchdog and the worker replaced', async () => {
    const workers: ManualWorker[] = [];
    const runner = createPreviewRunner({
      createWorker: () => {
        const w = new ManualWorker();
        workers.push(w);
        return w;
      },
      timeoutMs: 20,
    });
    const stuck = await runner.render('#foreach($i in [1..100000000])x#end', sample);
    expect(stuck.ok).toBe(false);
    if (!stuck.ok) expect(stuck.error.message).toMatch(/longer than/);
    expect(workers[0]?.terminated).toBe(true);
    const next = runner.render('ok', sample);
    workers[1]?.complete(0);
    await expect(next).resolves.toEqual({ ok: true, output: 'ok' });
    runner.dispose();
  });
});
