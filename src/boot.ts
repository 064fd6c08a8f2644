// The first module main.tsx evaluates. ES modules run in import order, so the first page's request is on the wire
// before React DOM and the components are evaluated (React DOM alone took ~40 ms of a cold load on the bench
// machine). Nothing imported here pulls in React DOM.
import './api/zod-config';
import { connectionScope, embeddedConnection } from './api/connection';
import { clientFor, loadSettings } from './api/connection-provider';
import { fetchAsPreloaded, takesPreloadedList } from './api/first-page-list';
import { restApiQueryOptions, restApisQueryOptions } from './api/queries';
import { createQueryClient } from './query-client';

export const FIRST_PAGE_PATH = '/apis';

/** `/` redirects to the list of APIs, as the router's index route does. */
function isFirstPagePath(pathname: string): boolean {
  return pathname === '/' || pathname === FIRST_PAGE_PATH || pathname === `${FIRST_PAGE_PATH}/`;
}

export const queryClient = createQueryClient();
export const initialSettings = loadSettings() ?? embeddedConnection;
export const startsOnFirstPage = isFirstPagePath(window.location.pathname);

function startFirstPageRequest(): Promise<void> {
  // `/` shows the list of APIs under its own address, as the router's redirect does.
  if (window.location.pathname !== FIRST_PAGE_PATH) {
    window.history.replaceState(
      window.history.state,
      '',
      `${FIRST_PAGE_PATH}${window.location.search}${window.location.hash}`,
    );
  }
  // The page's useQuery finds the answer under the same key. On the default connection the request takes the answer
  // the first page's HTML preloaded (api/first-page-list.ts says why no other request may).
  const client = clientFor(initialSettings, takesPreloadedList(initialSettings) ? fetchAsPreloaded : undefined);
  return queryClient.prefetchQuery(restApisQueryOptions(client, connectionScope(initialSettings)));
}

/** The first page's list request, settled when its answer (or error) is in the query cache. */
export const firstPageData: Promise<void> | undefined = startsOnFirstPage ? startFirstPageRequest() : undefined;

/** An API's overview: its id, or undefined for any other address. */
function overviewApiId(pathname: string): string | undefined {
  const match = /^\/apis\/([^/]+)\/overview\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

// An overview's page load: the API (for its name, which the first render waits for) is on the wire before React
// DOM is evaluated. Its resource listing starts once the frame has painted, with the router's and the page's code
// (overview-frame.tsx, resource-listing-head-start.ts).
const overviewOf = startsOnFirstPage ? undefined : overviewApiId(window.location.pathname);
if (overviewOf !== undefined) {
  const client = clientFor(initialSettings);
  const scope = connectionScope(initialSettings);
  void queryClient.prefetchQuery(restApiQueryOptions(client, scope, { restApiId: overviewOf }));
}
