import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useEffect, useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { ResponseRef } from '@/api/refs';
import { methodQueryOptions } from '@/api/queries';
import { LoadingState, QueryState } from '@/components/query-state';
import { EDITOR_LOADING_LABEL, EditorFrame, takesOverDeepLinkRead } from './editor-frame';

// The form's code (react-hook-form, the rules, the preview: about 46 of the 80 kB gzip this page adds to the
// first page's) is not needed to show the page's frame and start reading the method: it is asked for when the page
// first renders, so it arrives while the method is being read, instead of holding back the frame and the read. On
// a deep link (route-preloads.ts) it is fetched alongside the router's code.
const loadEditorForm = () => import('./loaded-editor');
const LoadedEditor = lazy(() => loadEditorForm().then((m) => ({ default: m.LoadedEditor })));

export interface EditorPageProps {
  target: ResponseRef;
}

export function EditorPage({ target }: EditorPageProps) {
  const { httpMethod, statusCode } = target;
  const { client, scope } = useConnection();
  // The form is built once, from the method as loaded. A cached copy may predate a write made since (on the
  // review page, or by the CLI), and continuing from it would silently revert that write: so always read the
  // method again on arrival, and build the form only from this visit's own read. On a deep link that read is the
  // one its frame started before the router took over (editor-frame.tsx).
  const [continuesDeepLinkRead] = useState(() => takesOverDeepLinkRead(scope, target));
  const query = useQuery({
    ...methodQueryOptions(client, scope, target),
    refetchOnMount: continuesDeepLinkRead ? false : 'always',
  });
  const readThisVisit = continuesDeepLinkRead ? query.isFetched : query.isFetchedAfterMount;
  // The form is the page's largest render: deferred, React renders it in a transition, in slices that leave the
  // main thread free between them (a query's answer otherwise renders in one synchronous task), and the page shows
  // its loading state until the form is ready.
  const formReady = useDeferredValue(readThisVisit);
  const [hasError, setHasError] = useState(false);
  // A failed fetch is left to the form's render, which asks again and shows its error.
  useEffect(() => void loadEditorForm().catch(() => undefined), []);
  return (
    <EditorFrame target={target} method={query.data} hasError={hasError}>
      <QueryState query={query} context={`the ${httpMethod} method`} loadingLabel={EDITOR_LOADING_LABEL}>
        {(method) =>
          !readThisVisit || !formReady ? (
            <LoadingState label={EDITOR_LOADING_LABEL} />
          ) : (
            <Suspense fallback={<LoadingState label={EDITOR_LOADING_LABEL} />}>
              <LoadedEditor
                target={target}
                key={`${scope}|${statusCode}`}
                method={method}
                onErrorSummaryChange={setHasError}
              />
            </Suspense>
          )
        }
      </QueryState>
    </EditorFrame>
  );
}
