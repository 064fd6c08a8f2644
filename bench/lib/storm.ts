// Emulator under a storm: p99 of a small GetMethod while other clients send large writes (PutIntegrationResponse
// with 280 KB templates, UpdateIntegrationResponse with thousands of operations), against the same p99 with the
// server otherwise idle, measured in the same run. A single event loop serves both, so what this shows is how
// long the large writes hold it at a time.
//
// Idle and storm alternate in rounds (idle, storm, idle, storm…) and each side's p99 is over all its rounds: the
// machine is shared, and a burst of someone else's work that lands in one phase of a back-to-back pair moves
// that phase's p99 (a p99 of under a millisecond moved threefold between runs that way). The first two rounds of
// each are not counted: they warm both up. One was not enough: the server's worker thread compiles its code on its
// first large write, and the idle round right after that first storm was slow in every run recorded (p99 1.8–2.4 ms
// against 0.2–0.9 ms for the later idle rounds), which raised the idle side and so lowered the ratio.
import { Agent, request } from 'node:http';
import { apiFixtures } from '../../test-support/api-fixtures';
import { dummyAuthorization } from '../../test-support/http-client';
import { p99, round } from './stats';
import { startStormWriters } from './storm-worker';

const round2 = (ms: number) => round(ms, 2);

/** Rounds (idle, then storm) run before the counted ones, not counted. */
const WARM_UP_ROUNDS = 2;

/** Large writes answered in each storm round (the measured GETs go on until then, and for at least their share). */
const WRITES_PER_ROUND = 25;

export interface StormResult {
  idleP99Ms: number;
  stormP99Ms: number;
  ratio: number;
  smallRequests: number;
  largeWrites: number;
  largeWriteBytes: number;
  errors: number;
  /** Each round's own p99 (idle, storm), to see how much a single back-to-back pair would have moved. */
  roundP99Ms: { idle: number[]; storm: number[] };
}

export interface StormOptions {
  /** Small GetMethod requests measured per phase (idle, storm), over all rounds. */
  samples: number;
  /** Rounds of idle then storm the samples are spread over. */
  rounds: number;
  /** Clients sending large writes during the storm. */
  stormClients: number;
}

function timedGet(agent: Agent, url: URL): Promise<{ ms: number; ok: boolean }> {
  return new Promise((resolve) => {
    const t = performance.now();
    const req = request(
      url,
      { agent, headers: { accept: 'application/json', authorization: dummyAuthorization } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ ms: performance.now() - t, ok: res.statusCode === 200 }));
      },
    );
    req.on('error', () => resolve({ ms: performance.now() - t, ok: false }));
    req.end();
  });
}

export async function measureStorm(baseUrl: string, opts: StormOptions): Promise<StormResult> {
  const fixtures = apiFixtures(baseUrl);
  const small = await fixtures.createIntegrationFixture({ name: 'storm-small', headers: { 'X-Version': false } });
  const smallMethod = `/restapis/${small.api.id}/resources/${small.resource.id}/methods/GET`;
  await fixtures.putIntegrationResponse(small.api.id, small.resource.id, 'GET', '200', {});
  const large = await fixtures.createIntegrationFixture({ name: 'storm-large', headers: { 'X-Version': false } });
  const largeMethod = `/restapis/${large.api.id}/resources/${large.resource.id}/methods/GET`;
  await fixtures.putIntegrationResponse(large.api.id, large.resource.id, 'GET', '200', {});

  const template = `{"items": [${'"x",'.repeat(70_000)}"end"]}`; // 280 KB, under AWS's 300 KB per template
  const putBody = JSON.stringify({ responseTemplates: { 'application/json': template } });
  const patchBody = JSON.stringify({
    patchOperations: Array.from({ length: 4_000 }, (_, i) => ({
      op: 'add',
      path: `/responseTemplates/application~1x-storm-${i}`,
      value: '{"ok": true}',
    })),
  });
  const getUrl = new URL(`${baseUrl}${smallMethod}`);
  const irUrl = new URL(`${baseUrl}${largeMethod}/integration/responses/200`);

  const reader = new Agent({ keepAlive: true, maxSockets: 1 });
  let errors = 0;
  const sample = async (count: number, into: number[]): Promise<void> => {
    for (let i = 0; i < count; i++) {
      const r = await timedGet(reader, getUrl);
      if (!r.ok) errors++;
      into.push(r.ms);
    }
  };

  // The storm comes from a worker thread: its clients' work (encoding and writing megabytes) must not delay the
  // measured client's own event loop, or the row would time the bench rather than the server.
  const writers = await startStormWriters({ url: irUrl.href, putBody, patchBody, clients: opts.stormClients });
  const idle: number[] = [];
  const stormed: number[] = [];
  const roundP99Ms: StormResult['roundP99Ms'] = { idle: [], storm: [] };
  const perRound = Math.ceil(opts.samples / opts.rounds);
  let storm: Awaited<ReturnType<typeof writers.stop>>;
  try {
    for (let r = 0; r < WARM_UP_ROUNDS + opts.rounds; r++) {
      const idleRound: number[] = [];
      const stormRound: number[] = [];
      await sample(perRound, idleRound);
      await writers.send();
      // A storm round is a fixed amount of storm (WRITES_PER_ROUND large writes answered), not a fixed time: the
      // writers run at the lowest priority (storm-worker.ts), so how many they get through in a given time
      // depends on what else wants the cores, and a round of few writes would be hardly a storm.
      let stormDone = false;
      void writers.afterWrites(WRITES_PER_ROUND).then(() => (stormDone = true));
      await sample(perRound, stormRound);
      while (!stormDone) await sample(1, stormRound);
      await writers.pause();
      if (r < WARM_UP_ROUNDS) continue;
      idle.push(...idleRound);
      stormed.push(...stormRound);
      roundP99Ms.idle.push(round2(p99(idleRound)));
      roundP99Ms.storm.push(round2(p99(stormRound)));
    }
  } finally {
    reader.destroy();
    storm = await writers.stop();
  }
  errors += storm.errors;
  const { largeWrites, largeWriteBytes } = storm;

  const idleP99Ms = p99(idle);
  const stormP99Ms = p99(stormed);
  return {
    idleP99Ms,
    stormP99Ms,
    ratio: stormP99Ms / idleP99Ms,
    smallRequests: idle.length + stormed.length,
    largeWrites,
    largeWriteBytes,
    errors,
    roundP99Ms,
  };
}
