// Lighthouse (mobile preset: Moto G Power viewport, simulated Slow 4G and 4× CPU slowdown) against the built app
// served by `npm start` and against the floor app, median of 3 runs per page, in one headless Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { median } from './stats';

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  /** Bytes of JS transferred during the load (Lighthouse's network records). */
  jsTransferBytes: number;
}

export interface LighthouseResult extends LighthouseRun {
  name: string;
  url: string;
  runs: LighthouseRun[];
}

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return chromium.executablePath();
  return '/usr/bin/chromium';
}

async function launch(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'irs-bench-lh-'));
  const child = spawn(
    chromiumPath(),
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--remote-debugging-port=${process.env.BENCH_DEVTOOLS_PORT ?? 0}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 30_000);
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          // Chromium's helper processes may still be writing into the profile when the browser process has exited
          // (ENOTEMPTY once ended a whole bench here): retry, and never fail the bench over a temporary directory.
          try {
            rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
          } catch (error) {
            console.warn(`  could not remove ${profile}: ${error instanceof Error ? error.message : String(error)}`);
          }
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function runOnce(url: string, port: number): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
  // BENCH_LH_REPORTS=<dir> keeps each run's whole report (its trace-based audits: long tasks, the largest paint's
  // element and phases, the request chains) for a closer look.
  const reports = process.env.BENCH_LH_REPORTS;
  if (reports) {
    mkdirSync(reports, { recursive: true });
    const name = `${new URL(url).pathname.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}.json`;
    writeFileSync(join(reports, name), JSON.stringify(result.lhr));
  }
  const items = (audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] })
    ?.items;
  const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
    jsTransferBytes: (items ?? [])
      .filter((i) => i.resourceType === 'Script')
      .reduce((a, i) => a + (i.transferSize ?? 0), 0),
  };
}

/**
 * Lighthouse now and then fails to record a trace on a busy machine ("NO_NAVSTART"); such a run is repeated (twice at
 * most) instead of losing the whole bench.
 */
async function withRetries<T>(fn: () => Promise<T>, retries = 2): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= retries) throw error;
      console.warn(`  Lighthouse run failed, repeating it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Each page `runs` times; the reported figures are the medians over its runs (each figure on its own). */
export async function measureLighthouse(pages: { name: string; url: string }[], runs = 3): Promise<LighthouseResult[]> {
  const browser = await launch();
  try {
    const out: LighthouseResult[] = [];
    for (const p of pages) {
      const all: LighthouseRun[] = [];
      for (let i = 0; i < runs; i++) all.push(await withRetries(() => runOnce(p.url, browser.port)));
      const m = (f: (r: LighthouseRun) => number) => median(all.map(f));
      out.push({
        ...p,
        runs: all,
        performance: m((r) => r.performance),
        accessibility: m((r) => r.accessibility),
        bestPractices: m((r) => r.bestPractices),
        lcpMs: m((r) => r.lcpMs),
        tbtMs: m((r) => r.tbtMs),
        jsTransferBytes: m((r) => r.jsTransferBytes),
      });
    }
    return out;
  } finally {
    await browser.stop();
  }
}
