// On a page load at a routed address, main.tsx fetches the page's own code alongside the router's, instead of
// after it: the router only asks for a route's chunk once its own code has loaded and matched the address, which put
// one more round trip before the page could show (on a phone network, about a second on the editor's deep link).
// The route files import the same modules, so nothing is loaded twice.
//
// A page whose deep link matters gets a line here; a page without one still loads, one round trip later.
import { createElement } from 'react';
import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiGatewayClient } from './api/client';
import { nextTask } from './api/next-task';
import { restApiQueryOptions } from './api/queries';
import type { ResponseRef, RestApiRef } from './api/refs';
import { isValidStatusCode } from './rules/status-code';
import { DeepLinkEditorFrame } from './features/editor/editor-frame';
import { DeepLinkOverviewFrame } from './features/overview/overview-frame';

const EDITOR_PATH = /^\/apis\/([^/]+)\/resources\/([^/]+)\/methods\/([^/]+)\/responses\/([^/]+)\/?$/;
const OVERVIEW_PATH = /^\/apis\/([^/]+)\/overview\/?$/;

const pages: { path: RegExp; load: () => Promise<unknown> }[] = [
  {
    path: EDITOR_PATH,
    // The page's frame and its form, which the frame would otherwise ask for only once it has run. The form's in a
    // task after the frame's: each import inserts a <link rel=modulepreload> per chunk it needs (the form's 18), and
    // the two were one task of ~70 ms at 4× CPU slowdown.
    load: () =>
      Promise.all([
        import('./features/editor/editor-page'),
        nextTask().then(() => import('./features/editor/loaded-editor')),
      ]),
  },
  {
    path: /^\/apis\/[^/]+\/resources\/[^/]+\/methods\/[^/]+\/responses\/[^/]+\/review\/?$/,
    load: () => import('./features/review/review-page'),
  },
  { path: OVERVIEW_PATH, load: () => import('./features/overview/overview-page') },
];

export function preloadPageCode(pathname: string): void {
  // A failed fetch is left to the router, which asks again and shows its error.
  for (const p of pages) if (p.path.test(pathname)) void p.load().catch(() => undefined);
}

export type DeepLinkFrameProps = { onShown: () => void };

function editorTarget(pathname: string): ResponseRef | undefined {
  const m = EDITOR_PATH.exec(pathname);
  if (!m) return undefined;
  try {
    const [restApiId, resourceId, httpMethod, statusCode] = m.slice(1).map((s) => decodeURIComponent(s ?? ''));
    // A status code AWS would reject is the router's page not found.
    if (restApiId && resourceId && httpMethod && statusCode && isValidStatusCode(statusCode))
      return { restApiId, resourceId, httpMethod, statusCode };
  } catch {
    // A malformed escape: the router's page not found too.
  }
  return undefined;
}

function overviewTarget(pathname: string): RestApiRef | undefined {
  const m = OVERVIEW_PATH.exec(pathname);
  try {
    const restApiId = decodeURIComponent(m?.[1] ?? '');
    return restApiId ? { restApiId } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The page frame a deep link shows before the router's code has loaded, for the pages that have one. main.tsx
 * renders it and starts the router once it calls `onShown`; until then nothing else is fetched, so the frame is not
 * held back by the router's and the page's code.
 *
 * The editor's frame is part of the entry (1.5 kB gzip for every page) and is drawn in the app's first render; it
 * calls `onShown` once it is on screen, and starts its own reads then too (editor-frame.tsx). As a chunk of its own
 * it was a second round of requests after the entry before the page's largest paint (its intro), and React, which
 * reveals a lazy component's content no sooner than 300 ms after the Suspense fallback it replaces, held it back
 * further. The overview's frame is in the entry for the same reasons (against the router's, the page's and the code
 * of the rules its Problems column runs, which load once it is on screen).
 */
export function deepLinkFrame(pathname: string): ComponentType<DeepLinkFrameProps> | undefined {
  const api = overviewTarget(pathname);
  if (api) return (props: DeepLinkFrameProps) => createElement(DeepLinkOverviewFrame, { ...props, target: api });
  const target = editorTarget(pathname);
  if (!target) return undefined;
  return (props: DeepLinkFrameProps) => createElement(DeepLinkEditorFrame, { ...props, target });
}

/**
 * The one read an editor deep link (or an overview's page load) starts as the entry runs, before its frame has
 * painted: the API's name, for the first row of the editor's summary of choices or the overview's intro, which
 * main.tsx's first render waits for (briefly). The frame's other reads wait until it is on screen (editor-frame.tsx;
 * the overview's listing starts from boot.ts); the answer is small and needs no other code. Settles once the read
 * has, whatever its outcome; undefined on any other address.
 */
export function prefetchDeepLinkApiName(
  pathname: string,
  queryClient: QueryClient,
  connection: { client: ApiGatewayClient; scope: string },
): Promise<void> | undefined {
  const target = editorTarget(pathname) ?? overviewTarget(pathname);
  if (!target) return undefined;
  return queryClient.prefetchQuery(restApiQueryOptions(connection.client, connection.scope, target));
}
