// `npm start`: one origin serving the built SPA (dist/), the emulator API at the root (/restapis/...) and
// the forwarding route (/__forward). Binds 127.0.0.1 only.
import { Hono } from 'hono';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulatorApp } from './app';
import { createForwardApp, defaultForwardAllowlist } from './forward';
import { LargeRequestWorker } from './large-requests';
import { guardLogStreams } from './log-guard';
import { securityHeaders } from './security-headers';
import { seedDemo } from './seed-demo';
import { listFlag, listen, onShutdown, parseFlags, parsePort, parseThrottle } from './serve-util';
import { noStore, staticFiles } from './static-files';
import { openStore } from './store';

// First, so that even the usage, on a full or closed stdout, is not what ends the process (log-guard.ts).
guardLogStreams();
const values = parseFlags(
  {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    reset: { type: 'boolean', default: false },
    'forward-allow': { type: 'string' },
    'allowed-hosts': { type: 'string' },
    // `aws`: AWS's control-plane quotas (server/throttle.ts); absent: no throttling.
    throttle: { type: 'string' },
    // Where the built SPA lives; tests point it at a fixture. Default: the repo's dist/.
    'dist-dir': { type: 'string' },
  },
  `Usage: tsx server/start.ts [--port 5173] [--data-dir .data] [--reset] [--forward-allow host:port,...]
       [--allowed-hosts name,name:port] [--throttle aws] [--dist-dir dist]
(npm start builds the app first, then runs this.)`,
);

const host = '127.0.0.1';
const port = parsePort(values.port, 5173);
const dataDir = values['data-dir'] ?? '.data';
const allowlist = listFlag(values['forward-allow'] || undefined) ?? [...defaultForwardAllowlist];
const distDir = resolve(values['dist-dir'] ?? fileURLToPath(new URL('../dist', import.meta.url)));

// Same layout as the emulator CLI's default (.data/emulator), so `npm start` and `npm run emulator` share data.
const store = openStore(join(dataDir, 'emulator'));
const largeRequests = new LargeRequestWorker(store, allowlist);
const throttle = parseThrottle(values.throttle);
const emulator = createEmulatorApp({
  store,
  forwardAllowlist: allowlist,
  largeRequests,
  ...(throttle ? { throttle } : {}),
});
if (values.reset) store.resetDemo();
if (store.isEmpty()) {
  // The demo data is the starting state, not a client's requests: it is written past the throttle.
  await seedDemo(throttle ? createEmulatorApp({ store, forwardAllowlist: allowlist }) : emulator);
  console.log('Seeded demo data (PetStore, Notifications)');
}

const app = new Hono();
app.use('*', securityHeaders());
app.use('/restapis/*', noStore);
app.use('/__forward/*', noStore);
app.route('/__forward', createForwardApp({ allowlist }));
app.all('/restapis', (c) => emulator.fetch(c.req.raw, c.env));
app.all('/restapis/*', (c) => emulator.fetch(c.req.raw, c.env));
app.use('*', staticFiles({ root: distDir }));

await largeRequests.ready;
const { server, port: bound } = await listen(app.fetch, port, host, {
  allowedHosts: listFlag(values['allowed-hosts']),
});
onShutdown(server, () => store.close());
console.log(`Integration Response Studio: http://${host}:${bound}`);
