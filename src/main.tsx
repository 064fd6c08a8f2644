// First: it starts the first page's request before the rest of the app is evaluated (see boot.ts).
import { firstPageData, initialSettings, queryClient, startsOnFirstPage } from './boot';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiGatewayClient } from './api/client';
import { connectionScope } from './api/connection';
import { nextTask } from './api/next-task';
import { ConnectionProvider, clientFor, useConnection } from './api/connection-provider';
import { afterNextFrame } from './components/after-first-paint';
import { AppFrame } from './components/app-header';
import { AppNavigationContext } from './components/app-link';
import type { AppNavigation } from './components/app-link';
import { ErrorState } from './components/query-state';
import { FirstPage } from './first-page';
import { deepLinkFrame, prefetchDeepLinkApiName, preloadPageCode } from './route-preloads';
import type * as RouterAppModule from './router-app';
import './styles.css';

type RouterApp = ReturnType<typeof RouterAppModule.createRouterApp>;

// The router's code: fetched once the first page shows its list (or at once on any other page), run on demand.
let routerModule: Promise<typeof RouterAppModule> | undefined;
const loadRouterModule = () => (routerModule ??= import('./router-app'));

// One router for the page's lifetime, created at the address the app is on when it takes over. Created in a task
// after the one that evaluates its code (at 4× CPU slowdown each is ~50–100 ms, and together they were one task).
let routerApp: Promise<RouterApp> | undefined;
const startRouterApp = (connection: { client: ApiGatewayClient; scope: string }) =>
  (routerApp ??= loadRouterModule().then(async (m) => {
    await nextTask();
    return m.createRouterApp(queryClient, connection);
  }));

function whenIdle(fn: () => void) {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
}

/**
 * How long the first page may stay blank waiting for its list, and a deep link's frame (the editor's, an
 * overview's) for the API's name (see the end of this file).
 */
const FIRST_RENDER_WAIT_MS = 150;
// A deep link with a frame of its own (the editor's, an overview's) shows it first and starts the router once it is
// on screen (App).
const DeepLinkFrame = firstPageData ? undefined : deepLinkFrame(window.location.pathname);
const deepLinkApiName = DeepLinkFrame
  ? prefetchDeepLinkApiName(window.location.pathname, queryClient, {
      client: clientFor(initialSettings),
      scope: connectionScope(initialSettings),
    })
  : undefined;
if (!firstPageData && !DeepLinkFrame) {
  void startRouterApp({ client: clientFor(initialSettings), scope: connectionScope(initialSettings) });
  preloadPageCode(window.location.pathname);
}

/**
 * The first page until an in-app link is followed, the router from then on (or from the start on any other
 * page). The providers above stay mounted across the hand-over, so the connection and the query cache carry over;
 * the router gets the current connection from <RouterProvider context> on every render (router-app.tsx).
 */
function App() {
  const { client, scope } = useConnection();
  const [routed, setRouted] = useState<RouterApp | null>(null);

  const [loadFailure, setLoadFailure] = useState<unknown>(null);

  // On the first page the router's code is fetched once the list is on screen: asked for earlier (when the list's
  // answer came in, before React had drawn it), its requests and evaluation ran ahead of the list's first paint.
  useEffect(() => {
    if (firstPageData) void firstPageData.then(() => afterNextFrame(() => whenIdle(() => void loadRouterModule())));
  }, []);

  useEffect(() => {
    if (startsOnFirstPage || !routerApp) return;
    let live = true;
    routerApp.then(
      (app) => live && setRouted(app),
      (error: unknown) => live && setLoadFailure(error),
    );
    return () => {
      live = false;
    };
  }, []);

  // A deep link's frame is on screen: the router's code and the page's, and the router takes over once it has loaded
  // the page (its route's chunk), so the frame is replaced by the same frame and the form comes under the router.
  const frameShown = useCallback(() => {
    startRouterApp({ client, scope })
      .then(async (app) => {
        // Creating the router, loading the page's route and rendering it: each in a task of its own.
        await nextTask();
        await app.router.load();
        await nextTask();
        return app;
      })
      .then(setRouted, setLoadFailure);
    // In a task of its own: asking for a chunk inserts a <link rel=modulepreload> per import it has, and with the
    // router's that was one task of ~100 ms at 4× CPU slowdown on an overview's page load.
    void nextTask().then(() => preloadPageCode(window.location.pathname));
  }, [client, scope]);

  const navigate = useCallback(
    (href: string) => {
      startRouterApp({ client, scope }).then(
        async (app) => {
          // Created at the first page's address, so that entry is the first of the router's history. The
          // navigation is loaded before the router renders: the first page stays until the next page is ready, as
          // with any navigation inside the router.
          await app.router.navigate({ href });
          setRouted(app);
        },
        // The router's code did not arrive (offline, a deploy replaced the files): a page load still gets there.
        () => window.location.assign(href),
      );
    },
    [client, scope],
  );

  const frameNavigation = useMemo<AppNavigation>(() => ({ pathname: window.location.pathname, navigate }), [navigate]);

  if (routed) return <routed.RouterApp />;
  if (startsOnFirstPage) return <FirstPage navigate={navigate} />;
  if (DeepLinkFrame && !loadFailure) {
    return (
      <AppNavigationContext value={frameNavigation}>
        <AppFrame>
          <Suspense fallback={null}>
            <DeepLinkFrame onShown={frameShown} />
          </Suspense>
        </AppFrame>
      </AppNavigationContext>
    );
  }
  // Any other page waits for the router's code; the frame shows meanwhile so the page does not jump when it comes.
  return (
    <AppFrame>
      {loadFailure ? (
        <ErrorState error={loadFailure} context="the app" onRetry={() => window.location.reload()} />
      ) : null}
    </AppFrame>
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

const root = createRoot(rootElement);
const renderApp = () =>
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ConnectionProvider initial={initialSettings}>
          <App />
        </ConnectionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );

// On the first page the first render waits for the list (or FIRST_RENDER_WAIT_MS, whichever comes first). A local
// target answers well within it, and then the page is built once, with its data, instead of once with a loading
// state and again with the list: measured on the bench machine, that second pass (render, style, layout) was a
// third of the time to a usable list. A slower target still gets its loading state, after a wait too short to notice.
// A deep link's frame waits for the API's name the same way: the name, arriving after the frame has painted, can
// make the editor's summary's first row, or the overview's intro, a line taller and push the rest of the page down.
const firstRenderWaitsFor = firstPageData ?? deepLinkApiName;
if (firstRenderWaitsFor) {
  void Promise.race([firstRenderWaitsFor, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(
    renderApp,
  );
} else {
  renderApp();
}
