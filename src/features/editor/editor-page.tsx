import { useQuery } from '@tanstack/react-query';
import { useBlocker, useNavigate } from '@tanstack/react-router';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { Method } from '@/api/models';
import { methodRefOf, type ResponseRef } from '@/api/refs';
import { methodQueryOptions, resourcesQueryOptions } from '@/api/queries';
import { BackLink } from '@/components/back-link';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ChoicesSummary } from '@/components/choices-summary';
import { PageLayout } from '@/components/page-layout';
import { LoadingState, QueryState } from '@/components/query-state';
import { DeleteIntegrationResponse } from '@/integration-response/delete-integration-response';
import { NoIntegrationResponses } from '@/integration-response/no-integration-responses';
import { isProxyIntegrationType } from '@/rules/integration-kind';
import { draftKey, loadDraft } from '@/integration-response/drafts';
import { EditorForm } from './editor-form';
import { integrationResponseToForm, sameBody } from '@/integration-response/form-model';
import { hasStagedChanges } from '@/integration-response/send-plan';

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
            <LoadedEditor
              target={target}
              key={`${scope}|${statusCode}`}
              method={method}
              onErrorSummaryChange={setHasError}
            />
          )
        }
      </QueryState>
    </PageLayout>
  );
}

function LoadedEditor({
  target,
  method,
  onErrorSummaryChange,
}: EditorPageProps & { method: Method; onErrorSummaryChange: (hasErrors: boolean) => void }) {
  const { httpMethod, statusCode } = target;
  const { client, scope } = useConnection();
  const navigate = useNavigate();
  // Already read by the page's summary: from the cache.
  const resources = useQuery(resourcesQueryOptions(client, scope, target));
  const resourcePath = resources.data?.find((r) => r.id === target.resourceId)?.path;
  const methodRef = useMemo(() => methodRefOf(target), [target]);
  const integration = method.methodIntegration;
  const existing = integration?.integrationResponses?.[statusCode];
  const methodResponse = method.methodResponses?.[statusCode];
  const serverValues = useMemo(() => integrationResponseToForm(existing), [existing]);
  const key = draftKey({ connectionScope: scope, ...target });
  // Read once: later saves of this same page must not turn into a "restored" notice.
  const [restoredDraft] = useState(() => {
    const draft = loadDraft(key);
    return draft && (!sameBody(draft.form, serverValues) || hasStagedChanges(draft.staged)) ? draft : undefined;
  });
  const siblings = useMemo(() => Object.values(integration?.integrationResponses ?? {}), [integration]);

  const dirtyRef = useRef(false);
  const leavingOnPurpose = useRef(false);
  const onDirtyChange = useCallback((dirty: boolean) => {
    dirtyRef.current = dirty;
  }, []);
  const blocker = useBlocker({
    shouldBlockFn: () => dirtyRef.current && !leavingOnPurpose.current,
    enableBeforeUnload: () => dirtyRef.current && !leavingOnPurpose.current,
    withResolver: true,
  });

  if (!integration || isProxyIntegrationType(integration.type)) {
    return <NoIntegrationResponses integration={integration} httpMethod={httpMethod} />;
  }

  return (
    <>
      <EditorForm
        statusCode={statusCode}
        integration={integration}
        methodResponse={methodResponse}
        methodRef={methodRef}
        {...(method.methodResponses ? { methodResponses: method.methodResponses } : {})}
        {...(resourcePath !== undefined ? { resourcePath } : {})}
        siblings={siblings}
        serverValues={serverValues}
        draftStorageKey={key}
        restoredDraft={restoredDraft}
        base={existing ?? null}
        onDirtyChange={onDirtyChange}
        onErrorSummaryChange={onErrorSummaryChange}
        onContinue={() => {
          leavingOnPurpose.current = true;
          void navigate({
            to: '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode/review',
            params: target,
          }).finally(() => {
            leavingOnPurpose.current = false;
          });
        }}
      />
      {existing ? (
        <section aria-labelledby="manage-heading" className="mt-10 border-t border-border pt-6">
          <h2 id="manage-heading" className="text-lg font-semibold">
            Delete this integration response
          </h2>
          <p className="mt-1 mb-3 max-w-prose text-sm text-fg-muted">
            Deleting removes the integration response for {statusCode} from {httpMethod} at once
            {methodResponse ? '; the method response stays' : ''}.
          </p>
          <DeleteIntegrationResponse
            target={target}
            onDeleted={() => {
              // The draft is gone with the response: nothing is left unsaved, so leaving must not ask.
              leavingOnPurpose.current = true;
              void navigate({
                to: '/apis/$restApiId/resources/$resourceId/methods/$httpMethod',
                params: methodRefOf(target),
              }).finally(() => {
                leavingOnPurpose.current = false;
              });
            }}
          />
        </section>
      ) : null}
      <ConfirmDialog
        open={blocker.status === 'blocked'}
        onOpenChange={(open) => {
          if (!open) blocker.reset?.();
        }}
        title="Leave without reviewing your changes?"
        confirmLabel="Leave this page"
        onConfirm={() => blocker.proceed?.()}
        tone="primary"
      >
        <p>
          Your changes have not been sent to API Gateway. A draft stays in this browser, so you can come back and
          continue.
        </p>
      </ConfirmDialog>
    </>
  );
}
