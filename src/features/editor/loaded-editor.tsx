// The editor's form and everything it runs on (react-hook-form, the rules, the preview, the delete section, the
// leave-page guard), as its own chunk: editor-page.tsx shows the page's frame and reads the method without it.
import { useQuery } from '@tanstack/react-query';
import { useBlocker, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { Method } from '@/api/models';
import { methodRefOf, type ResponseRef } from '@/api/refs';
import { resourcesQueryOptions } from '@/api/queries';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { InTurn } from '@/components/in-turn';
import { DeleteIntegrationResponse } from '@/integration-response/delete-integration-response';
import { NoIntegrationResponses } from '@/integration-response/no-integration-responses';
import { isProxyIntegrationType } from '@/rules/integration-kind';
import { draftKey, loadDraft } from '@/integration-response/drafts';
import { EditorForm } from './editor-form';
import { integrationResponseToForm, sameBody } from '@/integration-response/form-model';
import { hasStagedChanges } from '@/integration-response/send-plan';

export interface LoadedEditorProps {
  target: ResponseRef;
  method: Method;
  onErrorSummaryChange: (hasErrors: boolean) => void;
}

export function LoadedEditor({ target, method, onErrorSummaryChange }: LoadedEditorProps) {
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
      {/* After the form's parts (in-turn.tsx), below them. */}
      {existing ? (
        <InTurn>
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
        </InTurn>
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
