// Runs a search over every RestApi of the target's region: the API list, then each API's methods (one listing per
// API, src/api-mappings), two APIs at a time, matched as each arrives. What was loaded stays in the query cache under
// the same key as the overview's, so a second search (or the overview) reuses it until a write invalidates it.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { describeApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import { restApisQueryOptions } from '@/api/queries';
import { apiGatewayKeys } from '@/api/query-keys';
import { loadApiMappings } from '@/api-mappings/load-api-mappings';
import type { SearchHit } from '@/api-mappings/search';
import { searchApi } from '@/api-mappings/search';
import type { SearchQuery } from '@/api-mappings/search-query';

/** APIs loaded at once: AWS allows a few control-plane requests a second per account, so a small number. */
const API_CONCURRENCY = 2;

export interface SearchFailure {
  restApiId: string;
  name: string;
  message: string;
}

export interface CrossApiSearch {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  apisTotal: number;
  apisSearched: number;
  hits: SearchHit[];
  failures: SearchFailure[];
  /** Why the search could not start (the API list failed). */
  error?: string;
}

const idle: CrossApiSearch = { status: 'idle', apisTotal: 0, apisSearched: 0, hits: [], failures: [] };

/** The query as the hook's key: equal queries are the same search, whatever object they come in. */
export function searchKey(query: SearchQuery | null): string | null {
  return query === null ? null : JSON.stringify([query.text, query.field, query.problem]);
}

function parseKey(key: string): SearchQuery {
  const [text, field, problem] = JSON.parse(key) as [string, SearchQuery['field'], string];
  return { text, field, problem };
}

/** `key` from searchKey; a new `run` repeats the same search (after a reload). */
export function useCrossApiSearch(key: string | null, run: number): CrossApiSearch & { cancel(): void } {
  const { client, scope } = useConnection();
  const qc = useQueryClient();
  const [state, setState] = useState<CrossApiSearch>(idle);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    if (key === null) {
      setState(idle);
      return;
    }
    const query = parseKey(key);
    const controller = new AbortController();
    controllerRef.current = controller;
    const { signal } = controller;
    // A search that a newer one replaced may still settle: only the current one updates the page.
    const update = (next: (s: CrossApiSearch) => CrossApiSearch) => {
      if (controllerRef.current === controller) setState(next);
    };
    setState({ ...idle, status: 'running' });

    void (async () => {
      let apis;
      try {
        // Reused while cached; an import invalidates it, and "Reload and search" refetches it.
        apis = await qc.fetchQuery({ ...restApisQueryOptions(client, scope), staleTime: Infinity });
      } catch (error) {
        if (!signal.aborted) update(() => ({ ...idle, status: 'failed', error: describeApiError(error).detail }));
        return;
      }
      const ordered = [...apis].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      update((s) => ({ ...s, apisTotal: ordered.length }));
      let next = 0;
      const worker = async () => {
        while (!signal.aborted && next < ordered.length) {
          const api = ordered[next++];
          if (api === undefined) break;
          try {
            const mappings = await qc.fetchQuery({
              queryKey: apiGatewayKeys.apiMappings(scope, { restApiId: api.id }),
              queryFn: ({ signal: querySignal }) =>
                loadApiMappings(client, api.id, { signal: AbortSignal.any([querySignal, signal]) }),
              staleTime: Infinity,
              // The client already retries throttling and 5xx per request.
              retry: false,
            });
            if (signal.aborted) break;
            const found = searchApi(api, mappings.methods, query);
            update((s) => ({ ...s, apisSearched: s.apisSearched + 1, hits: [...s.hits, ...found] }));
          } catch (error) {
            if (signal.aborted) break;
            const failure = { restApiId: api.id, name: api.name, message: describeApiError(error).detail };
            update((s) => ({ ...s, apisSearched: s.apisSearched + 1, failures: [...s.failures, failure] }));
          }
        }
      };
      await Promise.all(Array.from({ length: API_CONCURRENCY }, worker));
      update((s) => ({ ...s, status: signal.aborted ? 'cancelled' : 'done' }));
    })();

    return () => controller.abort();
  }, [key, run, client, scope, qc]);

  return {
    ...state,
    cancel() {
      controllerRef.current?.abort();
      setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
    },
  };
}
