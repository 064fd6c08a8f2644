// `npx tsx bench/storm-only.ts [--port N]`: only the emulator storm row of `npm run bench` (the p99 of a small
// GetMethod during a storm of large PUT/PATCH against idle, budget 5×), for working on the emulator without
// the browser sections. Prints the row's figures as JSON.
import { parseArgs } from 'node:util';
import { startEmulator } from './lib/processes';
import { round } from './lib/stats';
import { measureStorm } from './lib/storm';

const STORM_VS_IDLE = 5;
const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
const emulator = await startEmulator(values.port === undefined ? 0 : Number(values.port));
try {
  const storm = await measureStorm(emulator.baseUrl, { samples: 6000, rounds: 6, stormClients: 4 });
  console.log(
    JSON.stringify({
      ...storm,
      idleP99Ms: round(storm.idleP99Ms, 2),
      stormP99Ms: round(storm.stormP99Ms, 2),
      ratio: round(storm.ratio, 1),
      holds: storm.ratio <= STORM_VS_IDLE && storm.errors === 0,
    }),
  );
} finally {
  await emulator.stop();
}
