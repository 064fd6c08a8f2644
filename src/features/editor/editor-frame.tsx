// The editor's page frame (step, back link, title, intro, the summary of choices), free of the router: an editor
// deep link shows it from the entry, before the router's code and the form's have loaded (route-preloads.ts), and
// the routed page (editor-page.tsx) draws the same frame around the form.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { Method } from '@/api/models';
import { methodQueryOptions, resourcesQueryOptions } from '@/api/queries';
import type { ResponseRef } from '@/api/refs';
import { afterFirstContentfulPaint } from '@/components/after-first-paint';
import { statusCodesPath } from '@/components/app-paths';
import { BackAppLink } from '@/components/back-app-link';
import { ChoicesSummary } from '@/components/choices-summary';
import { PageLayout } from '@/components/page-layout';
import { LoadingState, QueryState } from '@/components/query-state';

export const EDITOR_LOADING_LABEL = 'Loading the integration…';

export function EditorFrame({
  target,
  method,
  hasError = false,
  readNames = true,
  children,
}: {
  target: ResponseRef;
  /** The method once read: whether the status code has an integration response yet decides the title. */
  method: Method | undefined;
  hasError?: boolean;
  /** Whether the summary of choices asks for the API's and the resource's names (else it shows what the cache has). */
  readNames?: boolean;
  children: ReactNode;
}) {
  const { statusCode } = target;
  const existing = method?.methodIntegration?.integrationResponses?.[statusCode];
  const title =
    method && !existing
      ? `Set up the integration response for ${statusCode}`
      : `Edit the integration response for ${statusCode}`;
  return (
    <PageLayout
      step={5}
      title={title}
      hasError={hasError}
      intro="Choose when API Gateway uses this response, and how the back end's answer is turned into the client's response. Nothing is sent until you confirm on the next page."
      back={<BackAppLink href={statusCodesPath(target)}>Back to status codes</BackAppLink>}
      summary={<ChoicesSummary choices={target} read={readNames} />}
    >
      {children}
    </PageLayout>
  );
}

// The method's read that the deep link's frame started, for the routed page to continue instead of reading again.
let handedOver: string | undefined;
const handOverKey = (scope: string, t: ResponseRef) =>
  JSON.stringify([scope, t.restApiId, t.resourceId, t.httpMethod, t.statusCode]);

/**
 * Whether the routed page takes over the deep link's own read of the method (read in render, once: the frame's
 * clean-up forgets it when the frame goes, after the page that replaces it has rendered). The page otherwise reads
 * the method again on arrival, since a cached copy may predate a write made since; on a page load at the editor's
 * address the cache holds nothing older than this visit.
 */
export function takesOverDeepLinkRead(scope: string, target: ResponseRef): boolean {
  return handedOver === handOverKey(scope, target);
}

/**
 * An editor deep link's page until the router takes over: the frame, the method's read (which the routed page
 * continues) and the loading state where the form will be. The frame is drawn from the entry alone, in the app's
 * first render; its reads and `onShown` wait until it is on screen (the router's code and the form's are fetched from
 * then on), so that nothing else competes with the page's first paint: on a phone network each request answered
 * before that paint was time the page stayed blank. The reads, the router's code and the form's then load side by
 * side, and the form needs all of them.
 */
export function DeepLinkEditorFrame({ target, onShown }: { target: ResponseRef; onShown: () => void }) {
  const { client, scope } = useConnection();
  const queryClient = useQueryClient();
  // The frame's observers only read the cache, and the reads are started from the query client: enabling them once
  // the frame is on screen re-rendered the whole frame (110 ms at 4× CPU slowdown, blocking time) for nothing to see.
  const query = useQuery({ ...methodQueryOptions(client, scope, target), enabled: false });
  useEffect(() => {
    handedOver = handOverKey(scope, target);
    return () => {
      handedOver = undefined;
    };
  }, [scope, target]);
  useEffect(
    () =>
      afterFirstContentfulPaint(() => {
        // The API's name was asked for as the entry ran (route-preloads.ts).
        void queryClient.prefetchQuery(methodQueryOptions(client, scope, target));
        void queryClient.prefetchQuery(resourcesQueryOptions(client, scope, target));
        onShown();
      }),
    [onShown, queryClient, client, scope, target],
  );
  return (
    <EditorFrame target={target} method={query.data} readNames={false}>
      <QueryState query={query} context={`the ${target.httpMethod} method`} loadingLabel={EDITOR_LOADING_LABEL}>
        {() => <LoadingState label={EDITOR_LOADING_LABEL} />}
      </QueryState>
    </EditorFrame>
  );
}
