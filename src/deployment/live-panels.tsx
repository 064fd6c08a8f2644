// Deploy the API to a stage (CreateDeployment) and test-invoke the method (TestInvokeMethod) against
// the current target, like the console's Deploy and Test. Server strings are rendered as text, never as HTML.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { describeApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import type { Deployment, TestInvokeResult } from '@/api/models';
import { useCreateDeployment, useTestInvokeMethod } from '@/api/mutations';
import { stagesQueryOptions } from '@/api/queries';
import { methodRefOf, restApiRefOf, type MethodRef, type RestApiRef } from '@/api/refs';
import { Button } from '@/components/button';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { useComparedStage } from './stage-choice';

const NEW_STAGE = '__new__';
const STAGE_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

export function invokeUrl(restApiId: string, region: string, stageName: string): string {
  return `https://${restApiId}.execute-api.${region}.amazonaws.com/${stageName}`;
}

function parseHeaderLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

function parseVariableLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

export function DeployPanel({ target }: { target: RestApiRef }) {
  const { restApiId } = target;
  const { client, scope, settings } = useConnection();
  const stages = useQuery(stagesQueryOptions(client, scope, target));
  const deploy = useCreateDeployment();
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState('');
  const [description, setDescription] = useState('');
  const [waiting, setWaiting] = useState<number | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const [done, setDone] = useState<{ deployment: Deployment; stageName: string } | null>(null);
  const headingId = useId();

  // The stage the pages compare with is the one a deploy most likely means.
  const [compared] = useComparedStage(scope, restApiId);
  const existing = stages.data ?? [];
  const fallback = existing.find((s) => s.stageName === compared)?.stageName ?? existing[0]?.stageName;
  const selected = choice === '' ? (fallback ?? NEW_STAGE) : choice;
  const stageName = selected === NEW_STAGE ? newName.trim() : selected;

  function submit() {
    if (!STAGE_NAME.test(stageName)) {
      setNameError('Enter a stage name of letters, digits, hyphens or underscores (up to 128).');
      return;
    }
    setNameError(undefined);
    setDone(null);
    setWaiting(null);
    deploy.mutate(
      { ...restApiRefOf(target), stageName, description, onThrottled: (ms) => setWaiting(Math.round(ms / 1000)) },
      {
        onSuccess: (deployment) => {
          setWaiting(null);
          setDone({ deployment, stageName });
          // The new stage is now a stage like the others: the next deploy goes to it unless another is chosen.
          setChoice(stageName);
          setNewName('');
        },
        onError: () => setWaiting(null),
      },
    );
  }

  const error = deploy.error ? describeApiError(deploy.error) : null;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-border p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Deploy to a stage
      </h2>
      <Field label="Stage">
        {(p) => (
          <select {...p} className={inputClassName} value={selected} onChange={(e) => setChoice(e.target.value)}>
            {existing.map((s) => (
              <option key={s.stageName} value={s.stageName}>
                {s.stageName}
              </option>
            ))}
            <option value={NEW_STAGE}>New stage…</option>
          </select>
        )}
      </Field>
      {selected === NEW_STAGE ? (
        <Field label="New stage name" error={nameError}>
          {(p) => (
            <input {...p} className={inputClassName} value={newName} onChange={(e) => setNewName(e.target.value)} />
          )}
        </Field>
      ) : null}
      <Field label="Deployment description (optional)">
        {(p) => (
          <input
            {...p}
            className={inputClassName}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <div>
        <Button onClick={submit} busy={deploy.isPending} disabled={deploy.isPending}>
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

export function TestInvokePanel({ target, resourcePath }: { target: MethodRef; resourcePath?: string }) {
  const { httpMethod } = target;
  const invoke = useTestInvokeMethod();
  const [path, setPath] = useState(resourcePath ?? '');
  const [headers, setHeaders] = useState('');
  const [variables, setVariables] = useState('');
  const [body, setBody] = useState('');
  const headingId = useId();
  const error = invoke.error ? describeApiError(invoke.error) : null;

  function run() {
    invoke.mutate({
      ...methodRefOf(target),
      request: {
        ...(path.trim() !== '' ? { pathWithQueryString: path.trim() } : {}),
        ...(body !== '' ? { body } : {}),
        headers: parseHeaderLines(headers),
        stageVariables: parseVariableLines(variables),
      },
    });
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-border p-4">
      <h2 id={headingId} className="text-lg font-semibold">
        Test invoke {httpMethod}
      </h2>
      <p className="text-sm text-fg-muted">
        Runs the method's current configuration on the target (TestInvokeMethod), without a deployment.
      </p>
      <Field label="Path and query string" hint="e.g. /pets/42?type=dog">
        {(p) => <input {...p} className={inputClassName} value={path} onChange={(e) => setPath(e.target.value)} />}
      </Field>
      <Field label="Headers" hint="One Name: value per line">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            className={inputClassName}
            value={headers}
            onChange={(e) => setHeaders(e.target.value)}
          />
        )}
      </Field>
      <Field label="Stage variables" hint="One name=value per line">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            className={inputClassName}
            value={variables}
            onChange={(e) => setVariables(e.target.value)}
          />
        )}
      </Field>
      <Field label="Request body">
        {(p) => (
          <textarea {...p} rows={3} className={inputClassName} value={body} onChange={(e) => setBody(e.target.value)} />
        )}
      </Field>
      <div>
        <Button variant="secondary" onClick={run} busy={invoke.isPending} disabled={invoke.isPending}>
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
