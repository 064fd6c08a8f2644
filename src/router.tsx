import { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import type { ApiGatewayClient } from './api/client';
import { routeTree } from './routeTree.gen';

/**
 * What route loaders need to start a page's first request while its code chunk is still loading. `connection` is
 * the ConnectionProvider's current client and scope (the single source of truth), handed to <RouterProvider> on
 * every render; it is absent only until the provider has rendered once.
 */
export type RouterContext = {
  queryClient: QueryClient;
  connection?: { client: ApiGatewayClient; scope: string };
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The API client already retries throttling and network errors with backoff; retrying here too would
      // multiply the wait before an error shows.
      queries: { retry: 0, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: 0 },
    },
  });
}

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient } satisfies RouterContext,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
