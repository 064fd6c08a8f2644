// `npm run emulator`: the emulator alone (its flags: the usage below, or `npm run emulator -- --help`).
// Other tooling waits for the exact line "Emulator listening on http://<host>:<port>": keep it stable.
import { createEmulatorApp } from './app';
import { defaultForwardAllowlist } from './forward';
import { LargeRequestWorker } from './large-requests';
import { guardLogStreams } from './log-guard';
import { seedDemo } from './seed-demo';
import { listFlag, listen, onShutdown, parseFlags, parsePort, parseThrottle } from './serve-util';
import { openStore } from './store';

// First, so that even the usage, on a full or closed stdout, is not what ends the process (log-guard.ts).
guardLogStreams();
const values = parseFlags(
  {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    host: { type: 'string' },
    'allowed-hosts': { type: 'string' },
    throttle: { type: 'string' },
  },
  `Usage: npm run emulator -- [--port 4010] [--data-dir .data/emulator] [--no-seed] [--host 127.0.0.1]
       [--allowed-hosts name,name:port] [--throttle aws]`,
);

const port = parsePort(values.port, 4010);
const host = values.host ?? '127.0.0.1';
const store = openStore(values['data-dir'] ?? '.data/emulator');
const largeRequests = new LargeRequestWorker(store, defaultForwardAllowlist);
const throttle = parseThrottle(values.throttle);
const app = createEmulatorApp({ store, largeRequests, ...(throttle ? { throttle } : {}) });

if (!values['no-seed'] && store.isEmpty()) {
  // The demo data is the starting state, not a client's requests: it is written past the throttle.
  await seedDemo(throttle ? createEmulatorApp({ store }) : app);
  console.log('Seeded demo data (PetStore, Notifications)');
}

await largeRequests.ready;
const { server, port: bound } = await listen(app.fetch, port, host, {
  allowedHosts: listFlag(values['allowed-hosts']),
});
onShutdown(server, () => store.close());
console.log(`Emulator listening on http://${host.includes(':') ? `[${host}]` : host}:${bound}`);
