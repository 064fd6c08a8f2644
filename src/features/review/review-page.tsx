import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { ApiError, describeApiError } from '@/api/api-error';
import { resolveEndpoint } from '@/api/connection';
import { useConnection } from '@/api/connection-provider';
import { invalidateIntegrationResponse } from '@/api/invalidation';
import type { Method, MethodResponse } from '@/api/models';
import { methodRefOf, restApiRefOf, type ResponseRef } from '@/api/refs';
import {
  MethodResponseExistsError,
  PartialSendError,
  StoredVersionChangedError,
  useSendIntegrationResponse,
  type SendStage,
} from '@/api/mutations';
import { methodQueryOptions, resourcesQueryOptions } from '@/api/queries';
import { BackLink } from '@/components/back-link';
import { Button } from '@/components/button';
import { ErrorSummary, type FormError } from '@/components/error-summary';
import { Notice } from '@/components/notice';
import { ChoicesSummary } from '@/components/choices-summary';
import { PageLayout } from '@/components/page-layout';
import { ErrorState, LoadingState } from '@/components/query-state';
import type { IntegrationResponse } from '@/rules/types';
import type { BaseVersion, Draft } from '@/integration-response/drafts';
import {
  clearDraft,
  draftKey,
  loadDraft,
  recordDraftBase,
  saveDraft,
  updateDraftStaged,
} from '@/integration-response/drafts';
import { formToPutBody, integrationResponseToForm } from '@/integration-response/form-model';
import { MissingMethodResponseNotice } from '@/integration-response/missing-method-response';
import {
  describeStep,
  hasStagedChanges,
  integrationResponsePatch,
  integrationResponseStep,
  methodResponseStep,
  withStaged,
  type SendMode,
  type StagedMethodResponse,
} from '@/integration-response/send-plan';
import { ChangeTable } from './change-table';
import { CodeBlock } from './code-block';
import { DeleteIntegrationResponse } from '@/integration-response/delete-integration-response';
import type { ExportInput, ExportTarget } from './exports';
import { createDeploymentCommand } from './exports';
import { DeployPanel, TestInvokePanel } from '@/deployment/live-panels';
import { ExportTabs, RequestPanel } from './request-panel';
import { fieldId, fieldsForError, firstKnown, reviewRows, sameVersion, storedShape } from './review-model';
import { ReviewSimulate } from './review-simulate';
import { ReviewWarnings } from './review-warnings';
import { StoredView } from './stored-view';
import type { SimulationSamples } from '@/response/simulation-inputs';

export interface ReviewPageProps {
  target: ResponseRef;
}

type Outcome =
  | {
      kind: 'sent';
      stored: IntegrationResponse;
      created: boolean;
      mode: SendMode;
      /** The method response as stored by the same send, when it changed it. */
      methodResponse?: MethodResponse;
    }
  | { kind: 'deleted' };

/** The method response request of a send that is stored, while the integration response request failed. */
interface PartialSend {
  methodResponse: MethodResponse;
  description: string;
  kind: string;
}

/** Headers declared in either copy: a declaration stored by a send counts even before the method is read again. */
function mergeDeclared(
  read: MethodResponse | undefined,
  stored: MethodResponse | undefined,
): MethodResponse | undefined {
  if (!stored) return read;
  if (!read) return stored;
  return { ...read, responseParameters: { ...stored.responseParameters, ...read.responseParameters } };
}

export function ReviewPage({ target }: ReviewPageProps) {
  const { statusCode } = target;
  const { scope } = useConnection();
  const key = draftKey({ connectionScope: scope, ...target });
  // Read once per target/key: the page sends exactly the draft the person reviewed.
  const [draftState] = useState(() => ({ key, draft: loadDraft(key) }));
  const draft = draftState.key === key ? draftState.draft : loadDraft(key);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [hasError, setHasError] = useState(false);
  // Simulate's inputs start from the editor's and carry over to the simulation after sending.
  const [simulation, setSimulation] = useState<SimulationSamples | undefined>(() => draft?.samples?.simulation);

  const title =
    outcome?.kind === 'sent'
      ? `Integration response ${statusCode} ${outcome.created ? 'created' : outcome.mode === 'patch' ? 'updated' : 'replaced'}`
      : outcome?.kind === 'deleted'
        ? `Integration response ${statusCode} deleted`
        : `Check and send the integration response for ${statusCode}`;

  return (
    <PageLayout
      step={6}
      title={title}
      hasError={hasError && outcome === undefined}
      intro={
        outcome === undefined && draft
          ? 'Compare what is stored now with what will be stored, then send. Nothing has been sent yet.'
          : undefined
      }
      back={
        outcome === undefined ? (
          <BackLink
            to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode"
            params={target}
          >
            Back to the integration response
          </BackLink>
        ) : undefined
      }
      summary={<ChoicesSummary choices={target} />}
    >
      {outcome ? (
        <OutcomeView target={target} outcome={outcome} simulation={simulation} setSimulation={setSimulation} />
      ) : draft ? (
        <LoadedReview
          target={target}
          key={key}
          draftStorageKey={key}
          draft={draft}
          onOutcome={setOutcome}
          onErrorChange={setHasError}
          simulation={simulation}
          setSimulation={setSimulation}
        />
      ) : (
        <Notice tone="info" title="There is nothing to review">
          <p>
            No unsent changes were found for this integration response in this browser. Set it up or edit it first; the
            review comes after.
          </p>
          <p>
            <Link
              to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode"
              params={target}
              className="font-medium text-accent underline underline-offset-2"
            >
              Go to the integration response for {statusCode}
            </Link>
          </p>
        </Notice>
      )}
    </PageLayout>
  );
}

interface SimulationState {
  simulation: SimulationSamples | undefined;
  setSimulation: Dispatch<SetStateAction<SimulationSamples | undefined>>;
}

interface LoadedReviewProps extends ReviewPageProps, SimulationState {
  draftStorageKey: string;
  draft: Draft;
  onOutcome: (outcome: Outcome) => void;
  onErrorChange: (hasError: boolean) => void;
}

function useExportTarget(): ExportTarget {
  const { settings } = useConnection();
  const endpoint = resolveEndpoint(settings.endpoint, settings.region);
  return {
    kind: settings.kind,
    endpointUrl: endpoint !== '' ? endpoint : window.location.origin,
    region: settings.region,
  };
}

function LoadedReview(props: LoadedReviewProps) {
  const { target: ref, draftStorageKey, draft, onOutcome, onErrorChange } = props;
  const { resourceId, httpMethod, statusCode } = ref;
  const { client, scope, settings } = useConnection();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const exportTarget = useExportTarget();
  const body = useMemo(() => formToPutBody(draft.form), [draft.form]);
  const after = useMemo(() => storedShape(statusCode, body), [statusCode, body]);

  // What is stored now, from the method, re-read when the page opens (the editor may have shown a cached copy): GetMethod
  // embeds every integration response in full, so a status code it does not list has none, and asking for it with
  // GetIntegrationResponse would only log a 404 (docs/aws/control-plane.md, GetMethod).
  const method = useQuery({
    ...methodQueryOptions(client, scope, ref),
    staleTime: 0,
    refetchOnMount: 'always',
  });
  const resources = useQuery(resourcesQueryOptions(client, scope, ref));
  const resourcePath = resources.data?.find((r) => r.id === resourceId)?.path;
  const currentLoaded = method.isFetchedAfterMount && method.isSuccess;
  const before: IntegrationResponse | null = method.data?.methodIntegration?.integrationResponses?.[statusCode] ?? null;

  // The version the edit started from: recorded by the editor in the draft. A draft without one (saved before the
  // editor had read the method) gets it here, from the editor's cached method (what the editor showed) or, failing
  // that, from the first read on this page, and keeps it in the draft itself.
  const baseRef = useRef<BaseVersion | undefined>(undefined);
  const [initialBase] = useState<BaseVersion | undefined>(() => {
    if (draft.base !== undefined) return draft.base;
    const method = qc.getQueryData<Method>(methodQueryOptions(client, scope, ref).queryKey);
    if (method) return method.methodIntegration?.integrationResponses?.[statusCode] ?? null;
    return undefined;
  });
  useEffect(() => {
    if (draft.base !== undefined) return;
    if (baseRef.current === undefined) baseRef.current = initialBase;
    if (baseRef.current === undefined && currentLoaded) baseRef.current = before;
    if (baseRef.current !== undefined) recordDraftBase(draftStorageKey, baseRef.current);
  }, [draft, initialBase, currentLoaded, before, draftStorageKey]);

  const [staged, setStaged] = useState<StagedMethodResponse | undefined>(draft.staged);
  const [partial, setPartial] = useState<PartialSend | undefined>();
  const storedMethodResponse = mergeDeclared(method.data?.methodResponses?.[statusCode], partial?.methodResponse);
  const methodStep = useMemo(() => methodResponseStep(storedMethodResponse, staged), [storedMethodResponse, staged]);
  const methodResponseAfter = useMemo(
    () => withStaged(storedMethodResponse, staged, statusCode),
    [storedMethodResponse, staged, statusCode],
  );
  const changeStaged = (next: StagedMethodResponse) => {
    setStaged(next);
    updateDraftStaged(draftStorageKey, next);
  };

  const [chosenMode, setMode] = useState<SendMode>('put');
  const patchOperations = useMemo(() => (before ? integrationResponsePatch(before, body) : []), [before, body]);
  const canPatch = before !== null && patchOperations.length > 0;
  const mode: SendMode = canPatch ? chosenMode : 'put';
  const integrationStep = useMemo(() => integrationResponseStep(mode, body, before), [mode, body, before]);

  const put = useSendIntegrationResponse();
  const [phase, setPhase] = useState<'idle' | SendStage>('idle');
  const stageRef = useRef<'idle' | SendStage>('idle');
  const [failedStep, setFailedStep] = useState<string | undefined>();
  const [sendError, setSendError] = useState<unknown>();
  const [conflict, setConflict] = useState<{ server: IntegrationResponse | null; base: BaseVersion } | undefined>();
  /** The method response this send was to create, created by someone else meanwhile (nothing was sent). */
  const [methodConflict, setMethodConflict] = useState<MethodResponse | undefined>();
  const methodConflictRef = useRef<HTMLDivElement>(null);
  const errorPanelRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  useEffect(() => onErrorChange(sendError !== undefined), [sendError, onErrorChange]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  useEffect(() => {
    if (methodConflict) methodConflictRef.current?.focus();
  }, [methodConflict]);

  const errorMessage =
    sendError instanceof ApiError ? sendError.message : sendError instanceof Error ? sendError.message : undefined;
  const errorFields = useMemo(() => (errorMessage ? fieldsForError(errorMessage, body) : []), [errorMessage, body]);
  const fieldErrors = useMemo(
    () => Object.fromEntries(errorFields.map((f) => [fieldId(f), errorMessage ?? ''])),
    [errorFields, errorMessage],
  );
  const rows = useMemo(() => reviewRows(before, after), [before, after]);
  const summary: FormError[] = useMemo(() => {
    if (sendError === undefined) return [];
    const message = errorMessage ?? describeApiError(sendError).detail;
    if (errorFields.length === 0) return [{ fieldId: 'review-send-error', message }];
    return errorFields.map((f) => ({
      fieldId: fieldId(f),
      message: `${rows.find((r) => fieldId(r.field) === fieldId(f))?.label ?? 'This field'}: ${message}`,
    }));
  }, [sendError, errorMessage, errorFields, rows]);

  async function send(acceptedBase?: BaseVersion) {
    setSendError(undefined);
    setFailedStep(undefined);
    setConflict(undefined);
    setMethodConflict(undefined);
    const known = firstKnown(acceptedBase, draft.base, baseRef.current, initialBase);
    const onStage = (stage: SendStage) => {
      stageRef.current = stage;
      setPhase(stage);
    };
    try {
      const sent = await put.mutateAsync({
        ...ref,
        methodStep,
        // Built from what is stored at the moment of sending: a PATCH changes exactly that version into yours.
        integrationStep: (server) => integrationResponseStep(mode, body, server),
        // Only when no version was ever recorded (storage unavailable and nothing cached) is there nothing to compare.
        isExpected: (server) => known === undefined || sameVersion(server, known),
        onStage,
      });
      clearDraft(draftStorageKey);
      onOutcome({ kind: 'sent', ...sent, mode, methodResponse: sent.methodResponse ?? partial?.methodResponse });
    } catch (error) {
      if (error instanceof StoredVersionChangedError) setConflict({ server: error.server, base: known ?? null });
      else if (error instanceof MethodResponseExistsError) setMethodConflict(error.server);
      else if (error instanceof PartialSendError) {
        setPartial({
          methodResponse: error.storedMethodResponse,
          description: describeStep(error.stored, statusCode),
          kind: error.stored.kind,
        });
        setFailedStep(integrationStep.kind);
        setSendError(error.cause);
      } else {
        if (stageRef.current === 'method-response' && methodStep) setFailedStep(methodStep.kind);
        setSendError(error);
      }
      stageRef.current = 'idle';
      setPhase('idle');
    }
  }

  useEffect(() => {
    if (sendError !== undefined && (errorFields.length === 0 || partial)) errorPanelRef.current?.focus();
  }, [sendError, errorFields.length, partial]);

  async function reloadIntoEditor(server: IntegrationResponse | null) {
    const form = integrationResponseToForm(server ?? undefined);
    saveDraft(draftStorageKey, {
      body: formToPutBody(form),
      form,
      samples: draft.samples,
      base: server,
      ...(hasStagedChanges(staged) && staged ? { staged } : {}),
    });
    // The editor reads the method (cached for 30 s): fetch it now so it starts from this same server version.
    await Promise.allSettled([
      qc.fetchQuery({ ...methodQueryOptions(client, scope, ref), staleTime: 0 }),
      invalidateIntegrationResponse(qc, scope, ref),
    ]);
    await navigate({
      to: '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode',
      params: ref,
    });
  }

  if (method.isError) {
    return (
      <ErrorState
        error={method.error}
        context={`the ${httpMethod} method`}
        onRetry={() => void method.refetch()}
        retrying={method.isFetching}
      />
    );
  }
  // Only this visit's own read counts as what is stored now; the cached copy may predate a change made since.
  if (!currentLoaded) return <LoadingState label="Reading what is stored now…" />;

  const isNew = before === null;
  const exportInput: ExportInput = {
    ...ref,
    body,
    target: exportTarget,
    resourcePath,
    withSessionToken: Boolean(settings.credentials?.sessionToken),
    methodStep,
    methodResponseAfter,
    integrationStep,
  };
  const busy = phase !== 'idle';
  const sendLabel = isNew
    ? `Create integration response ${statusCode}`
    : mode === 'patch'
      ? `Update integration response ${statusCode}`
      : `Replace integration response ${statusCode}`;
  const described = sendError === undefined ? undefined : describeApiError(sendError);
  const steps = methodStep ? [methodStep, integrationStep] : [integrationStep];

  return (
    <div className="flex flex-col gap-8">
      <ErrorSummary key={String(errorMessage)} errors={summary} />

      {storedMethodResponse === undefined ? (
        <MissingMethodResponseNotice
          statusCode={statusCode}
          staged={staged}
          onCreateChange={(create) => changeStaged({ declareHeaders: staged?.declareHeaders ?? [], create })}
        />
      ) : null}

      {methodStep || partial ? (
        <section
          aria-labelledby="review-method-response-heading"
          className="flex flex-col gap-3"
          data-testid="method-response-change"
        >
          <h2 id="review-method-response-heading" className="text-lg font-semibold text-fg">
            {methodStep
              ? `First: ${describeStep(methodStep, statusCode)}`
              : `Method response ${statusCode}: already stored`}
          </h2>
          {methodStep ? (
            <p className="max-w-prose text-sm text-fg">
              {methodStep.kind === 'PutMethodResponse'
                ? `There is no method response for ${statusCode} yet. It is created first (PutMethodResponse)`
                : `The method response for ${statusCode} gets ${methodStep.headers.length === 1 ? 'this header' : 'these headers'}, as optional, first (UpdateMethodResponse)`}
              {methodStep.headers.length > 0 ? `, declaring ${methodStep.headers.join(', ')}` : ''}; the integration
              response is sent only when that succeeds. Headers it already declares stay as they are.
            </p>
          ) : (
            <p className="max-w-prose text-sm text-fg" data-testid="method-response-stored">
              {partial?.description} ({partial?.kind}) is stored. Sending again sends only the integration response.
            </p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="review-changes-heading" className="flex flex-col gap-3">
        <h2 id="review-changes-heading" className="text-lg font-semibold text-fg">
          {methodStep ? 'Then: ' : ''}
          {isNew ? `What will be created on ${httpMethod} ${resourcePath ?? ''}` : 'What changes'}
        </h2>
        {!isNew ? (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-fg">How to send it</legend>
            <label className="flex items-start gap-3 text-sm text-fg">
              <input
                type="radio"
                name="review-send-mode"
                className="mt-1 size-4 accent-accent"
                checked={mode === 'put'}
                onChange={() => setMode('put')}
              />
              <span>
                <span className="font-medium">Replace the whole integration response</span>
                <span className="text-fg-muted"> (PutIntegrationResponse)</span>
              </span>
            </label>
            <label className="flex items-start gap-3 text-sm text-fg">
              <input
                type="radio"
                name="review-send-mode"
                className="mt-1 size-4 accent-accent"
                checked={mode === 'patch'}
                disabled={!canPatch}
                onChange={() => setMode('patch')}
              />
              <span>
                <span className="font-medium">Send only the changed fields</span>
                <span className="text-fg-muted">
                  {canPatch
                    ? ` (UpdateIntegrationResponse, ${patchOperations.length} patch ${patchOperations.length === 1 ? 'operation' : 'operations'})`
                    : ' (nothing in the integration response changed)'}
                </span>
              </span>
            </label>
          </fieldset>
        ) : null}
        {mode === 'put' ? (
          <Notice tone="warning" title="Sending replaces the whole integration response">
            <p>
              API Gateway&apos;s PutIntegrationResponse stores exactly what is sent: any field left out is cleared, not
              kept.
              {isNew
                ? ' Fields not set below stay unset.'
                : ' Everything below marked “cleared” will be gone after sending.'}
            </p>
          </Notice>
        ) : (
          <Notice tone="info" title="Only the changed fields are sent">
            <p>
              UpdateIntegrationResponse applies the patch operations below to what is stored; fields you did not change
              are left as they are on the server.
            </p>
          </Notice>
        )}
        <ChangeTable rows={rows} isNew={isNew} editor={ref} errors={fieldErrors} />
        <ReviewWarnings target={ref} body={body} />
      </section>

      <ReviewSimulate
        responseRef={ref}
        draft={after}
        samples={props.simulation}
        setSamples={props.setSimulation}
        intro={
          <p>
            What a client will receive once this is sent and deployed, across all of {httpMethod}&apos;s integration
            responses, with yours in place of the stored {statusCode}. It runs in this browser; nothing is sent.
          </p>
        }
      />

      <section aria-labelledby="review-request-heading" className="flex flex-col gap-3">
        <h2 id="review-request-heading" className="text-lg font-semibold text-fg">
          {steps.length > 1 ? 'The requests that will be sent, in this order' : 'The request that will be sent'}
        </h2>
        {steps.map((step, index) => (
          <div key={step.kind} className="flex flex-col gap-2">
            {steps.length > 1 ? (
              <h3 className="text-base font-semibold text-fg" data-testid={`request-step-${index + 1}`}>
                {index + 1}. {step.kind}: {describeStep(step, statusCode)}
              </h3>
            ) : null}
            <RequestPanel
              ids={ref}
              step={step}
              testIdPrefix={step.kind.endsWith('MethodResponse') ? 'method-request' : 'request'}
              name={step.kind.endsWith('MethodResponse') ? 'Method response request' : 'Request'}
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="review-export-heading" className="flex flex-col gap-3">
        <h2 id="review-export-heading" className="text-lg font-semibold text-fg">
          The same change as code
        </h2>
        <p className="max-w-prose text-sm text-fg-muted">
          Each of these makes the same change as the button below
          {methodStep ? ', the method response included' : ''}. None of them contains your credentials.
        </p>
        <ExportTabs input={exportInput} />
      </section>

      {conflict ? (
        <ConflictPanel
          panelRef={conflictRef}
          conflict={conflict}
          yours={after}
          busy={busy}
          onOverwrite={() => void send(conflict.server)}
          onReload={() => void reloadIntoEditor(conflict.server)}
          onCancel={() => setConflict(undefined)}
        />
      ) : null}

      {methodConflict ? (
        <div
          ref={methodConflictRef}
          tabIndex={-1}
          role="alert"
          data-testid="method-response-conflict"
          className="rounded-md border-l-4 border-warning bg-warning-soft px-4 py-3 text-fg"
        >
          <p className="font-semibold">
            Method response {statusCode} was created by someone else since this page read the method
          </p>
          <p className="mt-2 text-sm">
            Nothing was sent: creating it (PutMethodResponse) would have replaced theirs
            {methodConflict.responseParameters && Object.keys(methodConflict.responseParameters).length > 0
              ? `, which declares ${Object.keys(methodConflict.responseParameters)
                  .map((k) => k.replace(/^method\.response\.header\./, ''))
                  .join(', ')}`
              : ''}
            . Your draft is kept, and the requests above now start from the method response as it is; check them and
            send again.
          </p>
        </div>
      ) : null}

      {sendError !== undefined ? (
        <div
          id="review-send-error"
          ref={errorPanelRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border-l-4 border-danger bg-danger-soft px-4 py-3 text-fg"
          data-testid="send-error"
        >
          <p className="font-semibold">
            {partial && failedStep
              ? `Only part of the change was sent: ${described?.title}`
              : `The change was not sent: ${described?.title}`}
          </p>
          {partial && failedStep ? (
            <ul className="mt-2 list-disc pl-5 text-sm" data-testid="send-partial">
              <li>
                Stored: {partial.description} ({partial.kind}).
              </li>
              <li>
                Not stored: integration response {statusCode} ({failedStep}): API Gateway refused it.
              </li>
            </ul>
          ) : failedStep ? (
            <p className="mt-2 text-sm">
              The {failedStep} request failed, so nothing was stored: the integration response was not sent.
            </p>
          ) : null}
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">Error type</dt>
            <dd className="font-mono break-all" data-testid="send-error-type">
              {sendError instanceof ApiError ? (sendError.errorType ?? sendError.kind) : 'unknown'}
            </dd>
            <dt className="font-medium">Message</dt>
            <dd className="break-words" data-testid="send-error-message">
              {errorMessage ?? described?.detail}
            </dd>
            <dt className="font-medium">Request id</dt>
            <dd className="font-mono break-all">
              {sendError instanceof ApiError && sendError.requestId ? sendError.requestId : 'not given'}
            </dd>
          </dl>
          <p className="mt-2 text-sm">
            Your changes are kept. Fix them with the Change links, or try again
            {partial ? ': sending again does not repeat what is already stored.' : '.'}
          </p>
        </div>
      ) : null}

      <section aria-labelledby="review-send-heading" className="flex flex-col gap-3">
        <h2 id="review-send-heading" className="text-lg font-semibold text-fg">
          Send
        </h2>
        <p className="max-w-prose text-sm text-fg-muted">
          Just before sending, the integration response is read again; if someone changed it since you started editing,
          you can choose what to do.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={() => void send()} busy={busy} disabled={busy || conflict !== undefined}>
            {sendLabel}
          </Button>
          {!isNew ? (
            <DeleteIntegrationResponse target={ref} disabled={busy} onDeleted={() => onOutcome({ kind: 'deleted' })} />
          ) : null}
          <span role="status" className="text-sm text-fg-muted">
            {phase === 'checking'
              ? 'Checking for changes on the server…'
              : phase === 'method-response'
                ? `Sending the method response for ${statusCode}…`
                : phase === 'sending'
                  ? 'Sending…'
                  : ''}
          </span>
        </div>
      </section>
    </div>
  );
}

function ConflictPanel({
  panelRef,
  conflict,
  yours,
  busy,
  onOverwrite,
  onReload,
  onCancel,
}: {
  panelRef: RefObject<HTMLElement | null>;
  conflict: { server: IntegrationResponse | null; base: BaseVersion };
  yours: IntegrationResponse;
  busy: boolean;
  onOverwrite: () => void;
  onReload: () => void;
  onCancel: () => void;
}) {
  const { server } = conflict;
  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      aria-labelledby="review-conflict-heading"
      data-testid="conflict"
      className="flex flex-col gap-4 rounded-md border-4 border-warning bg-surface-raised p-4"
    >
      <h2 id="review-conflict-heading" className="text-lg font-semibold text-fg">
        Someone changed this integration response while you were editing
      </h2>
      <p className="text-sm text-fg">
        {server === null
          ? 'It was deleted on the server after you started editing.'
          : 'What is stored now is not the version you started from. Nothing has been sent.'}{' '}
        Compare the two versions and choose what to do.
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-fg">On the server now</h3>
          {server === null ? (
            <p className="text-sm text-fg">Does not exist.</p>
          ) : (
            <StoredView response={server} testId="conflict-server" />
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold text-fg">Yours (not sent)</h3>
          <StoredView response={yours} testId="conflict-yours" />
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button variant="danger" onClick={onOverwrite} busy={busy} disabled={busy}>
          Overwrite with my version
        </Button>
        <Button variant="secondary" onClick={onReload} disabled={busy}>
          Reload into the editor
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
      <p className="text-sm text-fg-muted">
        Reload replaces your draft with the server&apos;s version and goes back to the editor. Cancel sends nothing and
        keeps your draft.
      </p>
    </section>
  );
}

function OutcomeView({
  target,
  outcome,
  simulation,
  setSimulation,
}: ReviewPageProps & SimulationState & { outcome: Outcome }) {
  const { restApiId, httpMethod, statusCode } = target;
  const exportTarget = useExportTarget();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const linkClass = 'font-medium text-accent underline underline-offset-2 hover:text-accent-hover';
  return (
    <div className="flex flex-col gap-6">
      <div ref={ref} tabIndex={-1} data-testid="outcome">
        {outcome.kind === 'sent' ? (
          <Notice
            tone="success"
            role="status"
            title={`API Gateway ${outcome.created ? 'created' : outcome.mode === 'patch' ? 'updated' : 'replaced'} the integration response`}
          >
            {outcome.methodResponse ? (
              <p data-testid="stored-method-response">
                Method response {statusCode} is stored too, declaring{' '}
                {Object.keys(outcome.methodResponse.responseParameters ?? {})
                  .map((k) => k.replace(/^method\.response\.header\./, ''))
                  .join(', ') || 'no headers'}
                .
              </p>
            ) : null}
            <p>This is what the server stored, as it answered the request:</p>
          </Notice>
        ) : (
          <Notice
            tone="success"
            role="status"
            title={`The integration response for ${statusCode} of ${httpMethod} was deleted`}
          />
        )}
      </div>
      {outcome.kind === 'sent' ? <StoredView response={outcome.stored} testId="stored-response" showJson /> : null}
      <Notice tone="warning" title="Clients see this only after a deployment">
        <p>
          Changes to integration responses take effect when the API is deployed to a stage. Deploy it from your usual
          pipeline, or with:
        </p>
      </Notice>
      <CodeBlock
        code={createDeploymentCommand({ restApiId, target: exportTarget })}
        label="create-deployment command"
        testId="deploy-command"
      />
      <DeployPanel target={target} />
      <ReviewSimulate
        responseRef={target}
        samples={simulation}
        setSamples={setSimulation}
        intro={
          <p>
            What a client receives from {httpMethod} as it is stored now (after a deployment), across all of its
            integration responses. It runs in this browser; Test invoke below runs the same configuration on the target.
          </p>
        }
      />
      <TestInvokePanel target={target} />
      <ul className="flex flex-col gap-2">
        <li>
          <Link
            to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod"
            params={methodRefOf(target)}
            className={linkClass}
          >
            Back to the status codes of {httpMethod}
          </Link>
        </li>
        {outcome.kind === 'sent' ? (
          <li>
            <Link
              to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode"
              params={target}
              className={linkClass}
            >
              Edit integration response {statusCode} again
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/apis/$restApiId/overview" params={restApiRefOf(target)} className={linkClass}>
            See all integration responses of this API
          </Link>
        </li>
      </ul>
    </div>
  );
}
