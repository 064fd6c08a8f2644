// Loads every method of every resource of one RestApi with its integration and method responses from one paged
// GetResources?embed=methods listing. GetMethod is the fallback, a bounded number at a time, only for methods the
// listing gave as bare verbs (a server that ignored `embed`). Against AWS, whose control plane allows a few requests
// a second per account, this is the difference between a handful of requests and one per method.
// Framework-free so it runs the same in the page and in a Node test against the emulator.
import { ApiError } from '@/api/api-error';
import type { ApiGatewayClient } from '@/api/client';
import type { Method, Resource } from '@/api/models';
import type { MethodMapping } from './rows';
import { comparePaths } from './rows';
import { compareCodeUnits } from '@/rules/text-order';

export type MappingsClient = Pick<ApiGatewayClient, 'getAllResources' | 'getMethod'>;

export interface LoadProgress {
  phase: 'resources' | 'methods';
  /** Resources listed so far (grows page by page during the 'resources' phase). */
  resourcesLoaded: number;
  /** Methods whose details are complete, out of `methodsTotal` (0 until the listing is done). */
  methodsLoaded: number;
  methodsTotal: number;
  /**
   * The methods complete so far, in the final order, so the page can show its first rows before the rest arrive.
   * Only on some reports (each copy costs a pass over every method): when the count of complete methods has
   * doubled since the last copy, or READY_INTERVAL_MS after it.
   */
  ready?: MethodMapping[];
}

const READY_INTERVAL_MS = 300;

export interface MethodLoadFailure {
  resourceId: string;
  path: string;
  httpMethod: string;
  error: unknown;
}

export interface ApiMappings {
  restApiId: string;
  resourceCount: number;
  /** Ordered by path, then verb. */
  methods: MethodMapping[];
  /** Methods whose GetMethod failed; their row shows what the listing embedded. */
  failures: MethodLoadFailure[];
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Requests in flight at once; AWS throttles GetMethod at a few per second per account, so keep it small. */
  concurrency?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export const defaultConcurrency = 6;

const verbOrder = ['ANY', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];

function compareVerbs(a: string, b: string): number {
  const ia = verbOrder.indexOf(a);
  const ib = verbOrder.indexOf(b);
  return (ia === -1 ? verbOrder.length : ia) - (ib === -1 ? verbOrder.length : ib) || compareCodeUnits(a, b);
}

/**
 * Whether the listing's copy of a method is a bare verb that must be fetched with GetMethod. With `embed=methods`
 * AWS embeds the whole Method, integration and integration responses included (docs/aws/control-plane.md,
 * GetResources); without it, or from a server that ignores `embed`, a method is `{"GET": {}}`. A full Method always
 * has `authorizationType` (PutMethod requires it), so its absence marks the stub.
 */
export function needsGetMethod(embedded: Method): boolean {
  return embedded.authorizationType === undefined;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ApiError({ kind: 'aborted', message: 'The overview load was cancelled.' });
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof ApiError && error.kind === 'aborted');
}

export async function loadApiMappings(
  client: MappingsClient,
  restApiId: string,
  options: LoadOptions = {},
): Promise<ApiMappings> {
  const { signal, onProgress } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency));

  const resources: Resource[] = await client.getAllResources(
    { restApiId },
    {
      embedMethods: true,
      signal,
      onProgress: (loaded) =>
        onProgress?.({ phase: 'resources', resourcesLoaded: loaded, methodsLoaded: 0, methodsTotal: 0 }),
    },
  );
  throwIfAborted(signal);

  const methods: MethodMapping[] = [];
  for (const resource of [...resources].sort((a, b) => comparePaths(a.path, b.path))) {
    const verbs = Object.keys(resource.resourceMethods ?? {}).sort(compareVerbs);
    for (const verb of verbs) {
      const embedded = resource.resourceMethods?.[verb];
      if (embedded === undefined) continue;
      methods.push({ resourceId: resource.id, path: resource.path, httpMethod: verb, method: embedded });
    }
  }

  const toFetch = methods.filter((m) => needsGetMethod(m.method));
  let loaded = methods.length - toFetch.length;
  const pending = new Set(toFetch);
  let readyAt = -Infinity;
  let readyCount = 0;
  const report = (): void => {
    const now = performance.now();
    const withReady = loaded >= 2 * readyCount || now - readyAt >= READY_INTERVAL_MS;
    if (withReady) {
      readyAt = now;
      readyCount = Math.max(1, loaded);
    }
    onProgress?.({
      phase: 'methods',
      resourcesLoaded: resources.length,
      methodsLoaded: loaded,
      methodsTotal: methods.length,
      ...(withReady ? { ready: methods.filter((m) => !pending.has(m)) } : {}),
    });
  };
  report();

  const failures: MethodLoadFailure[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < toFetch.length) {
      throwIfAborted(signal);
      const item = toFetch[next++];
      if (item === undefined) return;
      try {
        item.method = await client.getMethod(
          { restApiId, resourceId: item.resourceId, httpMethod: item.httpMethod },
          { signal },
        );
      } catch (error) {
        if (isAbort(error, signal)) throw error;
        failures.push({ resourceId: item.resourceId, path: item.path, httpMethod: item.httpMethod, error });
      }
      pending.delete(item);
      loaded += 1;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, toFetch.length) }, worker));
  throwIfAborted(signal);

  return { restApiId, resourceCount: resources.length, methods, failures };
}
