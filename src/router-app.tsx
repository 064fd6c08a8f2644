// Everything the routed pages need on top of the first page: the router, the route tree and its chunks' loader.
// main.tsx loads this module lazily, so the first page (/apis) shows its list without it.
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useConnection } from './api/connection-provider';
import { createAppRouter } from './router';
import type { RouterContext } from './router';

export function createRouterApp(queryClient: QueryClient, connection: RouterContext['connection']) {
  const router = createAppRouter(queryClient, connection);
  /** Hands the current connection to route loaders, so a switch of target is seen by the next navigation's loader. */
  function RouterApp() {
    const { client, scope } = useConnection();
    return <RouterProvider router={router} context={{ queryClient, connection: { client, scope } }} />;
  }
  return { router, RouterApp };
}
