import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import type { ApiGatewayClient } from './api/client';
import { routeTree } from './routeTree.gen';

/**
 * What route loaders need to start a page's first request while its code chunk is still loading. `connection` is
 * the ConnectionProvider's current client and scope (the single source of truth), handed to <RouterProvider> on
 * every render, and given at creation when the router takes over from the first page (main.tsx).
 */
export type RouterContext = {
  queryClient: QueryClient;
  connection?: { client: ApiGatewayClient; scope: string };
};

export function createAppRouter(queryClient: QueryClient, connection?: RouterContext['connection']) {
  return createRouter({
    routeTree,
    context: { queryClient, connection } satisfies RouterContext,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
