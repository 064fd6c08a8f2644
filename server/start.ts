// `npm start`: one origin serving the built SPA (dist/), the emulator API at the root (/restapis/...) and
// the forwarding route (/__forward). Binds 127.0.0.1 only.
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEmulatorApp } from './app';
import { createForwardApp, defaultForwardAllowlist } from './forward';
import { securityHeaders } from './security-headers';
import { seedDemo } from './seed-demo';
import { listen, onShutdown, parsePort } from './serve-util';
import { openStore } from './store';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    reset: { type: 'boolean', default: false },
    'forward-allow': { type: 'string' },
    // Where the built SPA lives; tests point it at a fixture. Default: the repo's dist/.
    'dist-dir': { type: 'string' },
  },
  strict: true,
});

const host = '127.0.0.1';
const port = parsePort(values.port, 5173);
const dataDir = values['data-dir'] ?? '.data';
const allowlist = values['forward-allow']
  ? values['forward-allow']
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
  : [...defaultForwardAllowlist];
const distDir = resolve(values['dist-dir'] ?? fileURLToPath(new URL('../dist', import.meta.url)));
const indexHtml = join(distDir, 'index.html');

// Same layout as the emulator CLI's default (.data/emulator), so `npm start` and `npm run emulator` share data.
const store = openStore(join(dataDir, 'emulator'));
const emulator = createEmulatorApp({ store, forwardAllowlist: allowlist });
if (values.reset) store.resetDemo();
if (store.isEmpty()) {
  await seedDemo(emulator);
  console.log('Seeded demo data (PetStore, Notifications)');
}

const app = new Hono();
app.use('*', securityHeaders());
app.route('/__forward', createForwardApp({ allowlist }));
app.all('/restapis', (c) => emulator.fetch(c.req.raw, c.env));
app.all('/restapis/*', (c) => emulator.fetch(c.req.raw, c.env));
app.use('*', serveStatic({ root: relative(process.cwd(), distDir) || '.' }));
app.get('*', (c) => {
  if (!existsSync(indexHtml)) return c.text('dist/index.html not found: run `npm run build` first.', 503);
  // Read per request so a rebuild is picked up without a restart; the file is small.
  return c.html(readFileSync(indexHtml, 'utf8'));
});

const { server, port: bound } = await listen(app.fetch, port, host);
onShutdown(server, () => store.close());
console.log(`Integration Response Studio: http://${host}:${bound}`);
