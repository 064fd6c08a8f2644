// The first page (/apis, the list of RestApis) without the router. The router and its route tree are a quarter of
// the JavaScript a routed page needs, and nothing on this page needs them to show the list, filter or sort it; they
// load once the list is shown, and the first in-app link followed hands over to them (main.tsx).
import { useMemo } from 'react';
import { FIRST_PAGE_PATH } from './boot';
import { AppFrame } from './components/app-header';
import { AppNavigationContext } from './components/app-link';
import type { AppNavigation } from './components/app-link';
import { PageErrorBoundary } from './components/page-error-boundary';
import { RestApisStep } from './features/wizard/rest-apis-step';

export function FirstPage({ navigate }: { navigate: (href: string) => void }) {
  const navigation = useMemo<AppNavigation>(() => ({ pathname: FIRST_PAGE_PATH, navigate }), [navigate]);
  return (
    <AppNavigationContext value={navigation}>
      <AppFrame>
        <PageErrorBoundary>
          <RestApisStep />
        </PageErrorBoundary>
      </AppFrame>
    </AppNavigationContext>
  );
}
