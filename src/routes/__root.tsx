import { createRootRouteWithContext, Link, Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { useMemo } from 'react';
import { AppFrame } from '@/components/app-header';
import { AppNavigationContext } from '@/components/app-link';
import type { AppNavigation } from '@/components/app-link';
import { usePageTitle } from '@/components/page-title';
import type { RouterContext } from '@/router';

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
});

function RootLayout() {
  const router = useRouter();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // The links shared with the router-free first page (header, API list) navigate through the router from here on.
  const navigation = useMemo<AppNavigation>(
    () => ({ pathname, navigate: (href) => void router.navigate({ href }) }),
    [pathname, router],
  );
  return (
    <AppNavigationContext value={navigation}>
      <AppFrame>
        <Outlet />
      </AppFrame>
    </AppNavigationContext>
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-fg">Page not found</h1>
      <p className="text-fg-muted">This address does not match any page of the app.</p>
      <p>
        <Link to="/apis" className="text-accent underline underline-offset-2">
          Go to the list of APIs
        </Link>
      </p>
    </div>
  );
}
