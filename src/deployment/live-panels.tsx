// Deploy the API to a stage (CreateDeployment) and test-invoke the method (TestInvokeMethod) against
// the current target, like the console's Deploy and Test. Server strings are rendered as text, never as HTML.
// Both are react-hook-form + zod forms like every other form of the dashboard; the stage rules are the emulator's.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { describeApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import type { Deployment, TestInvokeResult } from '@/api/models';
import { useCreateDeployment, useTestInvokeMethod } from '@/api/mutations';
import { stagesQueryOptions } from '@/api/queries';
import { methodRefOf, restApiRefOf, type MethodRef, type RestApiRef } from '@/api/refs';
import { Button } from '@/components/button';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { lastValues, parseHeaderLines, parseNameValueLines } from '@/response/simulation-inputs';
import { isStageName } from '@/rules/stage';
import { useComparedStage } from './stage-choice';

const NEW_STAGE = '__new__';

export function invokeUrl(restApiId: string, region: string, stageName: string): string {
  return `https://${restApiId}.execute-api.${region}.amazonaws.com/${stageName}`;
}

interface DeployValues {
  /** A stage's name, NEW_STAGE, or '' for the stage the page suggests (known once the stages have loaded). */
  stage: string;
  newName: string;
  description: string;
}

function deploySchema(suggested: string | undefined) {
  return z.object({ stage: z.string(), newName: z.string(), description: z.string() }).check(
    z.superRefine((v, ctx) => {
      const stage = v.stage === '' ? (suggested ?? NEW_STAGE) : v.stage;
      if (stage === NEW_STAGE && !isStageName(v.newName.trim())) {
        ctx.addIssue({
          code: 'custom',
          message: 'Enter a stage name of letters, digits, hyphens or underscores (up to 128).',
          path: ['newName'],
        });
      }
    }),
  );
}

export function DeployPanel({ target }: { target: RestApiRef }) {
  const { restApiId } = target;
  const { client, scope, settings } = useConnection();
  const stages = useQuery(stagesQueryOptions(client, scope, target));
  const deploy = useCreateDeployment();
  const [waiting, setWaiting] = useState<number | null>(null);
  const [done, setDone] = useState<{ deployment: Deployment; stageName: string } | null>(null);
  const headingId = useId();

  // The stage the pages compare with is the one a deploy most likely means.
  const [compared] = useComparedStage(scope, restApiId);
  const existing = stages.data ?? [];
  const suggested = existing.find((s) => s.stageName === compared)?.stageName ?? existing[0]?.stageName;
  const resolver = useMemo(() => zodResolver(deploySchema(suggested)), [suggested]);
  const { control, register, handleSubmit, formState, setValue } = useForm<DeployValues>({
    defaultValues: { stage: '', newName: '', description: '' },
    resolver,
  });
  const chosen = useWatch({ control, name: 'stage' });
  const selected = chosen === '' ? (suggested ?? NEW_STAGE) : chosen;

  const submit = handleSubmit(({ newName, description }) => {
    const stageName = selected === NEW_STAGE ? newName.trim() : selected;
    setDone(null);
    setWaiting(null);
    deploy.mutate(
      { ...restApiRefOf(target), stageName, description, onThrottled: (ms) => setWaiting(Math.round(ms / 1000)) },
      {
        onSuccess: (deployment) => {
          setWaiting(null);
          setDone({ deployment, stageName });
          // The new stage is now a stage like the others: the next deploy goes to it unless another is chosen.
          setValue('stage', stageName);
          setValue('newName', '');
        },
        onError: () => setWaiting(null),
      },
    );
  });

  const error = deploy.error ? describeApiError(deploy.error) : null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-border p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Deploy to a stage
      </h2>
      <Field label="Stage">
        {(p) => (
          <Controller
            control={control}
            name="stage"
            render={({ field }) => (
              <select {...p} {...field} className={inputClassName} value={selected}>
                {existing.map((s) => (
                  <option key={s.stageName} value={s.stageName}>
                    {s.stageName}
                  </option>
                ))}
                <option value={NEW_STAGE}>New stage…</option>
              </select>
            )}
          />
        )}
      </Field>
      {selected === NEW_STAGE ? (
        <Field label="New stage name" error={formState.errors.newName?.message}>
          {(p) => <input {...p} {...register('newName')} className={inputClassName} autoComplete="off" />}
        </Field>
      ) : null}
      <Field label="Deployment description (optional)">
        {(p) => <input {...p} {...register('description')} className={inputClassName} autoComplete="off" />}
      </Field>
      <div>
        <Button onClick={() => void submit()} busy={deploy.isPending} disabled={deploy.isPending}>
          Deploy
        </Button>
      </div>
      {waiting !== null ? (
        <Notice tone="info" role="status" title="Waiting for AWS's deployment limit">
          <p>AWS allows about one deployment every 5 seconds. Trying again in {waiting} seconds; nothing is lost.</p>
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="danger" role="alert" title={`Not deployed: ${error.title}`}>
          <p>{error.detail}</p>
        </Notice>
      ) : null}
      {existing.length > 0 ? (
        <table className="w-full text-left text-sm" data-testid="stages-table">
          <caption className="sr-only">Stages of this API</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">
                Stage
              </th>
              <th scope="col" className="py-1 pr-3">
                Last deployed
              </th>
              <th scope="col" className="py-1 pr-3">
                Description
              </th>
              <th scope="col" className="py-1">
                Invoke URL
              </th>
            </tr>
          </thead>
          <tbody>
            {existing.map((s) => (
              <tr key={s.stageName} className="border-t border-border">
                <td className="py-1 pr-3 font-medium">{s.stageName}</td>
                <td className="py-1 pr-3">
                  {s.lastUpdatedDate !== undefined ? new Date(s.lastUpdatedDate * 1000).toLocaleString() : ''}
                </td>
                <td className="py-1 pr-3">{s.description ?? ''}</td>
                <td className="py-1 break-all">
                  <code>{invokeUrl(restApiId, settings.region, s.stageName)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {done ? (
        <Notice tone="success" role="status" title={`Deployed to stage ${done.stageName}`}>
          <p>
            Deployment <code>{done.deployment.id}</code>. Invoke URL
            {settings.kind === 'aws' ? '' : ' (on AWS; this target does not serve API calls)'}:{' '}
            <code data-testid="invoke-url">{invokeUrl(restApiId, settings.region, done.stageName)}</code>
          </p>
        </Notice>
      ) : null}
    </section>
  );
}

function ResultView({ result }: { result: TestInvokeResult }) {
  return (
    <div className="flex flex-col gap-2" data-testid="test-invoke-result">
      <p>
        <span className="font-semibold">Status:</span> <span data-testid="test-invoke-status">{result.status}</span>
        {result.latency !== undefined ? <span className="text-fg-muted"> · {result.latency} ms</span> : null}
      </p>
      <p className="font-semibold">Headers</p>
      <pre className="overflow-x-auto rounded bg-surface-sunken p-2 text-sm" data-testid="test-invoke-headers">
        {Object.entries(result.headers ?? {})
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n') || '(none)'}
      </pre>
      <p className="font-semibold">Body</p>
      <pre className="overflow-x-auto rounded bg-surface-sunken p-2 text-sm" data-testid="test-invoke-body">
        {result.body ?? ''}
      </pre>
      <details>
        <summary className="cursor-pointer font-semibold">Log</summary>
        <pre className="overflow-x-auto rounded bg-surface-sunken p-2 text-xs" data-testid="test-invoke-log">
          {result.log ?? ''}
        </pre>
      </details>
    </div>
  );
}

interface TestInvokeValues {
  path: string;
  /** `Name: value` per line. */
  headers: string;
  /** `name=value` per line. */
  variables: string;
  body: string;
}

/** The 1-based numbers of the non-blank lines that lack `separator` after a name: they would be dropped unseen. */
function malformedLines(text: string, separator: ':' | '='): number[] {
  return text.split('\n').flatMap((line, i) => (line.trim() !== '' && line.indexOf(separator) <= 0 ? [i + 1] : []));
}

function linesMessage(lines: number[], shape: string): string {
  const which = lines.length === 1 ? `Line ${lines[0]}` : `Lines ${lines.join(', ')}`;
  return `${which}: write each as ${shape}, or delete ${lines.length === 1 ? 'it' : 'them'}.`;
}

// Only the shape is checked: AWS's own checks on a test invocation's values are unverified, and the form must not
// refuse what AWS would run.
const testInvokeSchema = z
  .object({ path: z.string(), headers: z.string(), variables: z.string(), body: z.string() })
  .check(
    z.superRefine((v, ctx) => {
      const badHeaders = malformedLines(v.headers, ':');
      if (badHeaders.length > 0) {
        ctx.addIssue({ code: 'custom', message: linesMessage(badHeaders, 'Name: value'), path: ['headers'] });
      }
      const badVariables = malformedLines(v.variables, '=');
      if (badVariables.length > 0) {
        ctx.addIssue({ code: 'custom', message: linesMessage(badVariables, 'name=value'), path: ['variables'] });
      }
    }),
  );
const testInvokeResolver = zodResolver(testInvokeSchema);

export function TestInvokePanel({ target, resourcePath }: { target: MethodRef; resourcePath?: string }) {
  const { httpMethod } = target;
  const invoke = useTestInvokeMethod();
  const { register, handleSubmit, formState } = useForm<TestInvokeValues>({
    defaultValues: { path: resourcePath ?? '', headers: '', variables: '', body: '' },
    resolver: testInvokeResolver,
  });
  const headingId = useId();
  const error = invoke.error ? describeApiError(invoke.error) : null;

  const run = handleSubmit(({ path, headers, variables, body }) => {
    invoke.mutate({
      ...methodRefOf(target),
      request: {
        ...(path.trim() !== '' ? { pathWithQueryString: path.trim() } : {}),
        ...(body !== '' ? { body } : {}),
        // TestInvokeMethod's `headers` is a single-value map: a repeated name sends its last value.
        headers: lastValues(parseHeaderLines(headers)),
        stageVariables: parseNameValueLines(variables),
      },
    });
  });

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-border p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Test invoke {httpMethod}
      </h2>
      <p className="text-sm text-fg-muted">
        Runs the method's current configuration on the target (TestInvokeMethod), without a deployment.
      </p>
      <Field label="Path and query string" hint="e.g. /pets/42?type=dog">
        {(p) => <input {...p} {...register('path')} className={inputClassName} autoComplete="off" />}
      </Field>
      <Field label="Headers" hint="One Name: value per line" error={formState.errors.headers?.message}>
        {(p) => <textarea {...p} {...register('headers')} rows={2} className={inputClassName} />}
      </Field>
      <Field label="Stage variables" hint="One name=value per line" error={formState.errors.variables?.message}>
        {(p) => <textarea {...p} {...register('variables')} rows={2} className={inputClassName} />}
      </Field>
      <Field label="Request body">
        {(p) => <textarea {...p} {...register('body')} rows={3} className={inputClassName} />}
      </Field>
      <div>
        <Button variant="secondary" onClick={() => void run()} busy={invoke.isPending} disabled={invoke.isPending}>
          Test
        </Button>
      </div>
      {error ? (
        <Notice tone="danger" role="alert" title={`Test invoke failed: ${error.title}`}>
          <p>{error.detail}</p>
        </Notice>
      ) : null}
      {invoke.data ? <ResultView result={invoke.data} /> : null}
    </section>
  );
}
