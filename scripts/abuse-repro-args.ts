// Command line of scripts/abuse-repro.ts, kept apart so it can be tested without a server. The script floods
// the server it is given with hundreds of megabytes, so it only accepts a loopback one.
import { parseArgs } from 'node:util';

export const FINDINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export interface ReproOptions {
  base: URL;
  port: number;
  only: ReadonlySet<number>;
  /** The server process (for its memory); found from the listening port when absent. */
  pid?: number;
  /** The server's data directory (for its size); read from the process's command line when absent. */
  dataDir?: string;
  /** A checkout whose server the script may start itself (finding 7) and whose client code it may call (9). */
  checkout?: string;
  /** Port of the script's own relay target for /__forward (finding 4); the server must allow it. */
  sinkPort: number;
  /** Upper bound on any one wait. */
  capMs: number;
}

export const usage =
  'usage: npx tsx scripts/abuse-repro.ts --base http://127.0.0.1:PORT [--only 1,2,...] [--pid PID] ' +
  '[--data-dir DIR] [--checkout DIR] [--sink-port PORT] [--cap-seconds 60]';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function positiveInt(raw: string, what: string, max: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${what} must be a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < 1 || n > max) throw new Error(`${what} must be between 1 and ${max}, got ${n}`);
  return n;
}

/** Parses the arguments; throws an Error whose message says what is wrong. */
export function parseReproArgs(argv: readonly string[]): ReproOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      base: { type: 'string' },
      only: { type: 'string' },
      pid: { type: 'string' },
      'data-dir': { type: 'string' },
      checkout: { type: 'string' },
      'sink-port': { type: 'string' },
      'cap-seconds': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.base) throw new Error('--base is required');
  let base: URL;
  try {
    base = new URL(values.base);
  } catch {
    throw new Error(`--base is not a URL: ${values.base}`);
  }
  if (base.protocol !== 'http:') throw new Error(`--base must be http://, got ${base.protocol}`);
  if (!LOOPBACK.has(base.hostname)) {
    throw new Error(`refusing ${base.hostname}: the repros flood the server, so only a loopback server is accepted`);
  }
  if (!base.port) throw new Error('--base must name the port');
  if (base.pathname !== '/' || base.search || base.hash) throw new Error('--base must be an origin, without a path');

  let only: Set<number> = new Set(FINDINGS);
  if (values.only !== undefined) {
    only = new Set(
      values.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => positiveInt(s, '--only entry', FINDINGS.length)),
    );
    if (only.size === 0) throw new Error('--only names no finding');
  }
  return {
    base,
    port: Number(base.port),
    only,
    pid: values.pid === undefined ? undefined : positiveInt(values.pid, '--pid', 2 ** 22),
    dataDir: values['data-dir'],
    checkout: values.checkout,
    sinkPort: values['sink-port'] === undefined ? 0 : positiveInt(values['sink-port'], '--sink-port', 65535),
    capMs:
      1000 * (values['cap-seconds'] === undefined ? 60 : positiveInt(values['cap-seconds'], '--cap-seconds', 3600)),
  };
}
