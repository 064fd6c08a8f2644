import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo, useState } from 'react';
import { useController, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import * as z from 'zod/mini';
import { useConnection } from '@/api/connection-provider';
import type { Method } from '@/api/models';
import { methodRefOf, resourceRefOf, restApiRefOf, type MethodRef, type ResponseRef } from '@/api/refs';
import { methodQueryOptions, resourcesQueryOptions } from '@/api/queries';
import { BackLink } from '@/components/back-link';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { ErrorSummary, type FormError } from '@/components/error-summary';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { ChoicesSummary } from '@/components/choices-summary';
import { LiveActions, StageComparePanel, UndeployedMarkPanel, type StageReport } from '@/deployment/lazy-panels';
import { DeleteIntegrationResponseDialog } from '@/integration-response/delete-integration-response';
import { NoIntegrationResponses } from '@/integration-response/no-integration-responses';
import { PageLayout } from '@/components/page-layout';
import { QueryState } from '@/components/query-state';
import { integrationKind, isProxyKind } from '@/rules/integration-kind';
import { MethodResponseForm } from './method-response-form';
import type { ResponseDiff } from '@/deployment/stage-diff';
import { newStatusCodeError, statusCodeRows, type StatusCodeRow } from './status-code-choice';

type StepProps = { target: MethodRef };

const NEW = '__new__';

export function StatusCodeStep({ target }: StepProps) {
  const { httpMethod } = target;
  const { client, scope } = useConnection();
  const query = useQuery(methodQueryOptions(client, scope, target));
  const [hasError, setHasError] = useState(false);
  return (
    <PageLayout
      step={4}
      title="Choose a status code"
      hasError={hasError}
      intro="Each status code pairs a method response (what the method declares to clients) with an integration response (how the backend's answer is mapped to it)."
      back={
        <BackLink to="/apis/$restApiId/resources/$resourceId" params={resourceRefOf(target)}>
          Back to methods
        </BackLink>
      }
      summary={<ChoicesSummary choices={target} />}
    >
      <QueryState query={query} context={`the ${httpMethod} method`} loadingLabel="Loading status codes…">
        {(method) => <StatusCodeChooser target={target} method={method} onErrorChange={setHasError} />}
      </QueryState>
    </PageLayout>
  );
}

type StatusCodeFormValues = {
  /** A listed status code, NEW for the typed one, or '' while nothing is chosen. */
  selected: string;
  typed: string;
};

/** The choice is required; a typed code is checked by newStatusCodeError against the codes already listed. */
function statusCodeFormSchema(taken: readonly string[]) {
  return z.object({ selected: z.string(), typed: z.string() }).check(
    z.superRefine((values, ctx) => {
      if (values.selected === '') {
        ctx.addIssue({ code: 'custom', message: 'Select a status code', path: ['selected'] });
      } else if (values.selected === NEW) {
        const message = newStatusCodeError(values.typed, taken);
        if (message) ctx.addIssue({ code: 'custom', message, path: ['typed'] });
      }
    }),
  );
}

function StatusCodeChooser({
  target,
  method,
  onErrorChange,
}: StepProps & { method: Method; onErrorChange: (hasError: boolean) => void }) {
  const { httpMethod } = target;
  const navigate = useNavigate();
  const { client, scope } = useConnection();
  // The resource's path names the method in the stage's export; the listing is the one the summary above reads.
  const path = useQuery(resourcesQueryOptions(client, scope, target)).data?.find(
    (r) => r.id === target.resourceId,
  )?.path;
  const current = useMemo(
    () => (path === undefined ? undefined : [{ path, httpMethod, method }]),
    [path, httpMethod, method],
  );
  const [report, setReport] = useState<StageReport | null>(null);
  const kind = integrationKind(method.methodIntegration);
  const rows = statusCodeRows(method);
  const taken = rows.map((r) => r.statusCode);
  const takenKey = taken.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- takenKey stands for taken, which is a new array each render
  const resolver = useMemo(() => zodResolver(statusCodeFormSchema(taken)), [takenKey]);
  const { control, register, handleSubmit, setValue, formState } = useForm<StatusCodeFormValues>({
    defaultValues: { selected: '', typed: '' },
    resolver,
    // The error summary takes focus (GOV.UK); react-hook-form must not move it to the first field afterwards.
    shouldFocusError: false,
  });
  const { field: choice } = useController({ control, name: 'selected' });
  const selected = choice.value;
  const typed = useWatch({ control, name: 'typed' });
  const [summary, setSummary] = useState<FormError[]>([]);
  const [toDelete, setToDelete] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const newInputId = useId();
  const firstRadioId = useId();
  const newRadioId = useId();

  if (kind === 'none' || isProxyKind(kind)) {
    return <NoIntegrationResponses integration={method.methodIntegration} httpMethod={httpMethod} />;
  }

  const typedTrim = typed.trim();
  // Shown while typing, before any Continue: the same rule the schema applies on submit.
  const liveError = selected === NEW && typedTrim !== '' ? newStatusCodeError(typedTrim, taken) : null;
  const chosenCode = selected === NEW ? (liveError === null && typedTrim !== '' ? typedTrim : null) : selected || null;
  const chosenRow = chosenCode ? rows.find((r) => r.statusCode === chosenCode) : undefined;
  const needsMethodResponse = chosenCode !== null && !chosenRow?.methodResponse;

  const goOn = (code: string) => {
    void navigate({
      to: '/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode',
      params: { ...methodRefOf(target), statusCode: code },
    });
  };

  const showErrors = (errs: FieldErrors<StatusCodeFormValues>) => {
    const found: FormError[] = [];
    if (errs.selected?.message) found.push({ fieldId: firstRadioId, message: errs.selected.message });
    if (errs.typed?.message) found.push({ fieldId: newInputId, message: errs.typed.message });
    setSummary(found);
    onErrorChange(found.length > 0);
  };

  const onSubmit = handleSubmit((values) => {
    setSummary([]);
    onErrorChange(false);
    goOn(values.selected === NEW ? values.typed.trim() : values.selected);
  }, showErrors);

  const choiceError = formState.errors.selected?.message;
  const typedError = formState.errors.typed?.message ?? liveError ?? undefined;

  return (
    <div className="flex flex-col gap-6">
      <ErrorSummary errors={summary} />
      {created ? <Notice tone="success" role="status" title={`Method response ${created} created`} /> : null}
      {deleted ? <Notice tone="success" role="status" title={`Integration response ${deleted} deleted`} /> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex flex-col gap-6">
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">Status codes of {httpMethod}</legend>
          {choiceError ? (
            <p className="text-sm font-medium text-danger">
              <span className="sr-only">Error: </span>
              {choiceError}
            </p>
          ) : null}
          {rows.length === 0 ? (
            <p className="text-sm text-fg-muted">
              This method has no method responses and no integration responses yet.
            </p>
          ) : null}
          {rows.map((row, i) => (
            <StatusCodeCard
              key={row.statusCode}
              row={row}
              radioId={i === 0 ? firstRadioId : undefined}
              checked={selected === row.statusCode}
              onSelect={() => choice.onChange(row.statusCode)}
              onDelete={() => setToDelete(row.statusCode)}
              undeployed={
                report && path !== undefined
                  ? { stageName: report.stageName, diff: report.diffOf(path, httpMethod, row.statusCode) }
                  : undefined
              }
            />
          ))}
          <div className="rounded-md border border-border bg-surface-raised p-4">
            <div className="flex items-center gap-3">
              <input
                id={rows.length === 0 ? firstRadioId : newRadioId}
                type="radio"
                name={choice.name}
                value={NEW}
                className="size-4 shrink-0 accent-accent"
                checked={selected === NEW}
                onChange={() => choice.onChange(NEW)}
              />
              <label htmlFor={rows.length === 0 ? firstRadioId : newRadioId} className="font-medium">
                A new status code
              </label>
            </div>
            {selected === NEW ? (
              <Field
                id={newInputId}
                label="Status code"
                hint="Three digits from 100 to 599, like 404."
                error={typedError}
                className="mt-3 flex max-w-xs flex-col gap-1 pl-7"
              >
                {(p) => (
                  <input
                    {...p}
                    {...register('typed')}
                    className={`${inputClassName} font-mono`}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={3}
                  />
                )}
              </Field>
            ) : null}
          </div>
        </fieldset>
        {chosenCode !== null && needsMethodResponse ? (
          <MissingMethodResponse
            target={{ ...methodRefOf(target), statusCode: chosenCode }}
            onContinueAnyway={() => goOn(chosenCode)}
            onCreated={(code) => {
              choice.onChange(code);
              setValue('typed', '');
              setCreated(code);
            }}
          />
        ) : (
          <div>
            <Button type="submit">Continue</Button>
          </div>
        )}
      </form>
      <StageComparePanel target={restApiRefOf(target)} methods={current} onReport={setReport} />
      <LiveActions target={restApiRefOf(target)} method={methodRefOf(target)} resourcePath={path} />
      {toDelete !== null ? (
        <DeleteIntegrationResponseDialog
          target={{ ...methodRefOf(target), statusCode: toDelete }}
          open
          onOpenChange={(open) => {
            if (!open) setToDelete(null);
          }}
          onDeleted={() => {
            setDeleted(toDelete);
            setToDelete(null);
            if (selected === toDelete) choice.onChange('');
          }}
        />
      ) : null}
    </div>
  );
}

function StatusCodeCard({
  row,
  radioId,
  checked,
  onSelect,
  onDelete,
  undeployed,
}: {
  row: StatusCodeRow;
  radioId?: string;
  checked: boolean;
  onSelect: () => void;
  onDelete: () => void;
  /** Set when a stage is compared; `diff` is undefined when the stage serves this status code as it is now. */
  undeployed?: { stageName: string; diff: ResponseDiff | undefined };
}) {
  const { statusCode, methodResponse: mr, integrationResponse: ir } = row;
  const ownId = useId();
  const inputId = radioId ?? ownId;
  const mrHeaders = Object.entries(mr?.responseParameters ?? {});
  const mrModels = Object.entries(mr?.responseModels ?? {});
  const irHeaders = Object.entries(ir?.responseParameters ?? {});
  const irTemplates = Object.keys(ir?.responseTemplates ?? {});
  return (
    <div
      className={`rounded-md border bg-surface-raised p-4 ${checked ? 'border-accent ring-1 ring-accent' : 'border-border'}`}
    >
      <div className="flex flex-wrap items-center gap-3">
        <input
          id={inputId}
          type="radio"
          name="statusCode"
          value={statusCode}
          className="size-4 shrink-0 accent-accent"
          checked={checked}
          onChange={onSelect}
        />
        <label htmlFor={inputId} className="font-mono text-lg font-semibold">
          {statusCode}
          {ir && (ir.selectionPattern ?? '') === '' ? <span className="sr-only"> (default response)</span> : null}
        </label>
        {ir && (ir.selectionPattern ?? '') === '' ? <Badge tone="accent">default response</Badge> : null}
        {undeployed && !undeployed.diff && ir ? <Badge tone="success">Deployed to {undeployed.stageName}</Badge> : null}
        {ir ? (
          <Button variant="danger" className="ml-auto !px-3 !py-1 text-xs" onClick={onDelete}>
            Delete<span className="sr-only"> integration response {statusCode}</span>
          </Button>
        ) : null}
      </div>
      {undeployed?.diff ? (
        <div className="mt-2 pl-7">
          <UndeployedMarkPanel diff={undeployed.diff} stageName={undeployed.stageName} />
        </div>
      ) : null}
      <div className="mt-3 grid gap-4 pl-7 md:grid-cols-2">
        <section aria-label={`Method response ${statusCode}`} className="text-sm">
          <h3 className="mb-1 font-semibold">Method response</h3>
          {!mr ? (
            <p className="text-warning">None declared</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
              <dt className="text-fg-muted">Headers</dt>
              <dd>
                {mrHeaders.length === 0
                  ? 'none'
                  : mrHeaders.map(([name, required]) => (
                      <div key={name} className="font-mono text-xs break-all">
                        {name.replace(/^method\.response\.header\./, '')}
                        {required ? ' (required)' : ''}
                      </div>
                    ))}
              </dd>
              <dt className="text-fg-muted">Models</dt>
              <dd>
                {mrModels.length === 0
                  ? 'none'
                  : mrModels.map(([ct, model]) => (
                      <div key={ct} className="font-mono text-xs break-all">
                        {ct}: {model}
                      </div>
                    ))}
              </dd>
            </dl>
          )}
        </section>
        <section aria-label={`Integration response ${statusCode}`} className="text-sm">
          <h3 className="mb-1 font-semibold">Integration response</h3>
          {!ir ? (
            <p className="text-fg-muted">None yet</p>
          ) : (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
              <dt className="text-fg-muted">Selection pattern</dt>
              <dd className="font-mono text-xs break-all">
                {(ir.selectionPattern ?? '') === '' ? (
                  <span className="font-sans text-sm">default response</span>
                ) : (
                  ir.selectionPattern
                )}
              </dd>
              <dt className="text-fg-muted">Content handling</dt>
              <dd>{ir.contentHandling ?? 'passthrough'}</dd>
              <dt className="text-fg-muted">Templates</dt>
              <dd className="font-mono text-xs break-all">
                {irTemplates.length === 0 ? <span className="font-sans text-sm">none</span> : irTemplates.join(', ')}
              </dd>
              <dt className="text-fg-muted">Header mappings</dt>
              <dd>
                {irHeaders.length === 0
                  ? 'none'
                  : irHeaders.map(([target, source]) => (
                      <div key={target} className="font-mono text-xs break-all">
                        {target.replace(/^method\.response\.header\./, '')} ← {source}
                      </div>
                    ))}
              </dd>
            </dl>
          )}
        </section>
      </div>
    </div>
  );
}

function MissingMethodResponse({
  target,
  onContinueAnyway,
  onCreated,
}: {
  target: ResponseRef;
  onContinueAnyway: () => void;
  onCreated: (code: string) => void;
}) {
  const { statusCode } = target;
  return (
    <section
      aria-labelledby="missing-mr-heading"
      className="flex flex-col gap-4 rounded-md border border-warning bg-surface-raised p-4"
    >
      <h2 id="missing-mr-heading" className="text-lg font-semibold">
        {statusCode} has no method response
      </h2>
      <Notice tone="warning" title="An integration response needs a method response to map headers">
        <p>
          AWS accepts an integration response without a method response only while it has no header mappings, and such a
          response fails at run time with “Output mapping refers to an invalid method response”. Create the method
          response first unless you know you need otherwise.
        </p>
      </Notice>
      <MethodResponseForm target={target} onCreated={onCreated} />
      <div>
        <Button variant="secondary" onClick={onContinueAnyway}>
          Continue without a method response
        </Button>
      </div>
    </section>
  );
}
