// `--throttle aws`: AWS's fixed control-plane quotas as token buckets (docs/aws/throttling.md has the table, its
// source and the choices made here). Pure: the clock is passed in, nothing here knows about HTTP.

/** `requests` every `perSeconds` seconds, at most `burst` at once (default: `requests`). */
export interface Quota {
  requests: number;
  perSeconds: number;
  burst?: number;
}

/** The quota keys: an operation of AWS's table, split where the table splits it (the endpoint type). */
export type QuotaKey =
  | 'CreateDeployment'
  | 'CreateResource'
  | 'CreateRestApi (Regional or private)'
  | 'CreateRestApi (edge-optimized)'
  | 'DeleteResource'
  | 'DeleteRestApi'
  | 'GetResources'
  | 'ImportRestApi (Regional or private)'
  | 'ImportRestApi (edge-optimized)'
  | 'PutRestApi';

/**
 * "API Gateway quotas for creating, deploying and managing an API", the rows for operations the emulator serves
 * (or is about to: ImportRestApi, PutRestApi). The table's other rows name operations it has no route for.
 */
export const AWS_OPERATION_QUOTAS: Readonly<Record<QuotaKey, Quota>> = {
  CreateDeployment: { requests: 1, perSeconds: 5 },
  CreateResource: { requests: 5, perSeconds: 1 },
  'CreateRestApi (Regional or private)': { requests: 1, perSeconds: 3 },
  'CreateRestApi (edge-optimized)': { requests: 1, perSeconds: 30 },
  DeleteResource: { requests: 5, perSeconds: 1 },
  DeleteRestApi: { requests: 1, perSeconds: 30 },
  GetResources: { requests: 5, perSeconds: 2 },
  'ImportRestApi (Regional or private)': { requests: 1, perSeconds: 3 },
  'ImportRestApi (edge-optimized)': { requests: 1, perSeconds: 30 },
  PutRestApi: { requests: 1, perSeconds: 1 },
};

/** The table's "Total operations" row: every request counts against it, those with a row of their own too. */
export const AWS_TOTAL_QUOTA: Quota = { requests: 10, perSeconds: 1, burst: 40 };

export interface ThrottledRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** CreateRestApi's `endpointConfiguration.types`, when the body names them. */
  endpointTypes?: readonly string[];
}

const isEdge = (types: readonly string[] | undefined) =>
  types === undefined || types.length === 0 || types[0] === 'EDGE';

/** Which row of the table a request falls under; undefined for the "other operations". */
export function quotaKeyOf(req: ThrottledRequest): QuotaKey | undefined {
  const segments = req.path.split('/').filter((s) => s !== '');
  if (segments[0] !== 'restapis') return undefined;
  const method = req.method.toUpperCase();
  if (segments.length === 1 && method === 'POST') {
    if (req.query.get('mode') === 'import') {
      // ImportRestApi takes the endpoint type from its `parameters` (endpointConfigurationTypes=REGIONAL).
      const types = req.query.get('endpointConfigurationTypes')?.split(',');
      return isEdge(types) ? 'ImportRestApi (edge-optimized)' : 'ImportRestApi (Regional or private)';
    }
    return isEdge(req.endpointTypes) ? 'CreateRestApi (edge-optimized)' : 'CreateRestApi (Regional or private)';
  }
  if (segments.length === 2) {
    if (method === 'PUT') return 'PutRestApi';
    if (method === 'DELETE') return 'DeleteRestApi';
    return undefined;
  }
  if (segments[2] === 'deployments' && segments.length === 3 && method === 'POST') return 'CreateDeployment';
  if (segments[2] === 'resources') {
    if (segments.length === 3 && method === 'GET') return 'GetResources';
    if (segments.length === 4 && method === 'POST') return 'CreateResource';
    if (segments.length === 4 && method === 'DELETE') return 'DeleteResource';
  }
  return undefined;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface ThrottleOptions {
  now: () => number;
  operations?: Readonly<Record<QuotaKey, Quota>>;
  total?: Quota;
}

/**
 * Token buckets per account (the caller's key) and quota. A request takes one token from the total bucket and one
 * from its operation's bucket, or, when either is empty, none: a refused request costs nothing, and its
 * Retry-After is the wait until both have a token.
 */
export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly operations: Readonly<Record<QuotaKey, Quota>>;
  private readonly total: Quota;

  constructor(opts: ThrottleOptions) {
    this.now = opts.now;
    this.operations = opts.operations ?? AWS_OPERATION_QUOTAS;
    this.total = opts.total ?? AWS_TOTAL_QUOTA;
  }

  take(account: string, key: QuotaKey | undefined): ThrottleVerdict {
    const now = this.now();
    const quotas: Array<[string, Quota]> = [[`${account}\0total`, this.total]];
    if (key !== undefined) quotas.push([`${account}\0${key}`, this.operations[key]]);
    const filled = quotas.map(([id, quota]) => ({ id, quota, bucket: this.refill(id, quota, now) }));
    const waitMs = Math.max(
      0,
      ...filled.map(({ quota, bucket }) =>
        bucket.tokens >= 1 - EPSILON ? 0 : ((1 - bucket.tokens) * 1000) / rate(quota),
      ),
    );
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const { bucket } of filled) bucket.tokens -= 1;
    return { allowed: true };
  }

  private refill(id: string, quota: Quota, now: number): Bucket {
    const capacity = quota.burst ?? quota.requests;
    const bucket = this.buckets.get(id) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate(quota));
    bucket.at = now;
    this.buckets.set(id, bucket);
    return bucket;
  }
}

/** Refill arithmetic in floating point must not turn a full token into 0.9999999 of one. */
const EPSILON = 1e-9;

/** Tokens per second. */
const rate = (q: Quota) => q.requests / q.perSeconds;

/** `--throttle <mode>`: `aws` models AWS's quotas; absent, nothing is throttled (the default). */
export function throttleFromFlag(value: string | undefined, now: () => number = Date.now): Throttle | undefined {
  if (value === undefined) return undefined;
  if (value === 'aws') return new Throttle({ now });
  throw new Error(`--throttle: unknown mode "${value}" (the one mode is "aws")`);
}
