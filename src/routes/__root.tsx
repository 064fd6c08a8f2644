import { createRootRouteWithContext, Link, Outlet } from '@tanstack/react-router';
import { AppHeader, SkipLink } from '../components/app-header';
import { usePageTitle } from '../components/page-title';
import type { RouterContext } from '../router';

export const Route = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
});

function RootLayout() {
  return (
    <>
      <SkipLink />
      <AppHeader />
      <main id="main" className="mx-auto w-full max-w-6xl px-6 py-8">
        <Outlet />
      </main>
    </>
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
