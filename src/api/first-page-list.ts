// The first page's list request to the default connection, preloaded by the first page's HTML (apis.html, written by
// scripts/first-page-html.ts) so that on a slow network it is on its way while the app's code arrives, not after.
//
// Browsers hand a preloaded answer to a later fetch of the same URL, mode and credentials mode whatever its headers
// (HTML's "preload key": URL, destination, mode, credentials mode). The preload is unsigned, and the embedded emulator
// answers an unsigned request for us-east-1; the same URL signed for another region must not get that answer. So only
// the boot request of a tab on the default connection is sent with the preload's credentials mode, `include`; every
// other request of the app keeps fetch's default `same-origin`, and for a same-origin request the two send the same.
import { QueryClient } from '@tanstack/react-query';
import { createApiGatewayClient } from './client';
import { connectionScope, embeddedConnection, type ConnectionSettings } from './connection';
import { restApisQueryOptions } from './queries';

/** The preload's credentials mode, as fetch names it; the HTML names it `crossorigin="use-credentials"`. */
export const PRELOAD_CREDENTIALS = 'include' satisfies RequestCredentials;

/** Whether the preloaded answer is this connection's: the default one (embedded, us-east-1, no keys). */
export function takesPreloadedList(settings: ConnectionSettings): boolean {
  return connectionScope(settings) === connectionScope(embeddedConnection);
}

/** fetch as the preload was sent, so that a request of the default connection can take its answer. */
export const fetchAsPreloaded: typeof fetch = (input, init) =>
  globalThis.fetch(input, { ...init, credentials: PRELOAD_CREDENTIALS });

// Any origin: only the path and query of the request are kept. The embedded target is the page's own origin.
const SOME_ORIGIN = 'http://build.invalid';

/**
 * The path and query of the list request, found by sending it as boot.ts does (the app's own client and query
 * options) to a fetch that records it, so that what the HTML preloads is what the app asks for. Build time only.
 */
export async function firstPageListPath(): Promise<string> {
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
