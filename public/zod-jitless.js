// Runs before the app's modules. zod 4 probes for eval support with `new Function("")` when it first loads;
// under this app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe is reported as a
// CSP violation even though zod catches it. jitless makes zod skip the probe (and its eval-based fast path).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
