import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useEffect, useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import { methodRefOf, type ResponseRef } from '@/api/refs';
import { methodQueryOptions } from '@/api/queries';
import { BackLink } from '@/components/back-link';
import { ChoicesSummary } from '@/components/choices-summary';
import { PageLayout } from '@/components/page-layout';
import { LoadingState, QueryState } from '@/components/query-state';

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
  // method again on arrival, and build the form only from this visit's own read.
  const query = useQuery({
    ...methodQueryOptions(client, scope, target),
    refetchOnMount: 'always',
  });
  // The form is the page's largest render: deferred, React renders it in a transition, in slices that leave the
  // main thread free between them (a query's answer otherwise renders in one synchronous task), and the page shows
  // its loading state until the form is ready.
  const formReady = useDeferredValue(query.isFetchedAfterMount);
  const [hasError, setHasError] = useState(false);
  // A failed fetch is left to the form's render, which asks again and shows its error.
  useEffect(() => void loadEditorForm().catch(() => undefined), []);
  const existing = query.data?.methodIntegration?.integrationResponses?.[statusCode];
  const title =
    query.data && !existing
      ? `Set up the integration response for ${statusCode}`
      : `Edit the integration response for ${statusCode}`;
  return (
    <PageLayout
      step={5}
      title={title}
      hasError={hasError}
      intro="Choose when API Gateway uses this response, and how the back end's answer is turned into the client's response. Nothing is sent until you confirm on the next page."
      back={
        <BackLink to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod" params={methodRefOf(target)}>
          Back to status codes
        </BackLink>
      }
      summary={<ChoicesSummary choices={target} />}
    >
      <QueryState query={query} context={`the ${httpMethod} method`} loadingLabel="Loading the integration…">
        {(method) =>
          !query.isFetchedAfterMount || !formReady ? (
            <LoadingState label="Loading the integration…" />
          ) : (
            <Suspense fallback={<LoadingState label="Loading the integration…" />}>
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
    </PageLayout>
  );
}
