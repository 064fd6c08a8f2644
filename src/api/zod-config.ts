// zod 4 probes for eval support with `new Function("")` when it builds its first object schema, and under the app's
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe is reported as a violation even though
// zod catches it. `jitless` skips the probe (and the eval-based fast path). The setting lives on globalThis, so it
// covers every copy of zod the lazy chunks load; boot.ts imports this first, since the schemas themselves (models.ts)
// are no longer in the entry. Only zod's small `config` function comes with it.
import { config } from 'zod/mini';

config({ jitless: true });
