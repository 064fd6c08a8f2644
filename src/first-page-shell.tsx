// Build time only: scripts/prerender-first-page.ts renders the first page with react-dom/server into dist/apis.html,
// as the browser draws it before its list has arrived, so that it paints from the HTML and the stylesheet instead of
// after the app's JavaScript has loaded and run. The same components as the page itself (first-page.tsx); main.tsx's
// first render replaces it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { createApiGatewayClient } from './api/client';
import { connectionScope, embeddedConnection } from './api/connection';
import { ConnectionProvider } from './api/connection-provider';
import { restApisQueryOptions } from './api/queries';
import { FirstPage } from './first-page';

const noNavigation = () => {};

export function renderFirstPageShell(): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <ConnectionProvider initial={embeddedConnection}>
        {/* Inert until the app takes over: a click or a chosen file would otherwise go to controls nobody listens to. */}
        <div inert className="contents">
          <FirstPage navigate={noNavigation} />
        </div>
      </ConnectionProvider>
    </QueryClientProvider>,
  );
}

// Any origin: only the path and query of the request are kept. The embedded target is the page's own origin.
const SOME_ORIGIN = 'http://prerender.invalid';

/**
 * The path and query of the list request the first page sends to the default (embedded) target, found by sending it
 * the way boot.ts does, through the app's own client, to a fetch that records it. The HTML preloads it, so that
 * the list is on its way while the app's JavaScript loads instead of after.
 */
export async function firstPageListRequestPath(): Promise<string> {
  const sent: string[] = [];
  const client = createApiGatewayClient({
    endpoint: SOME_ORIGIN,
    region: embeddedConnection.region,
    maxRetries: 0,
    fetchImpl: (input) => {
      sent.push(input instanceof Request ? input.url : String(input));
      return Promise.resolve(Response.json({ item: [] }));
    },
  });
  await new QueryClient().fetchQuery(restApisQueryOptions(client, connectionScope(embeddedConnection)));
  if (sent.length !== 1 || !sent[0]) throw new Error(`the first page's list took ${sent.length} requests, not 1`);
  const url = new URL(sent[0]);
  return `${url.pathname}${url.search}`;
}
