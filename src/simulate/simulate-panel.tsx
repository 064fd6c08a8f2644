// Simulate: what a client receives from the method for a back-end outcome and a method request the person sets,
// across all of the method's integration responses, with the reasons. Loaded on demand (React.lazy) by the editor
// and the review page; the work runs in a worker (simulation-runner). Server strings are rendered as text only.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { Integration } from '@/api/models';
import type { MethodRef } from '@/api/refs';
import { resourcesQueryOptions, restApiQueryOptions } from '@/api/queries';
import { Field, inputClassName } from '@/components/field';
import { isLambdaIntegration } from '@/rules/integration-kind';
import type { IntegrationResponse, MethodResponse } from '@/rules/types';
import type { RowVerdict, SimulatedKind, SimulationInput, SimulationOutcome } from '@/response/simulate-method';
import { createSimulationRunner } from './simulation-runner';
import { pathParameterNames, type SimulatedOutcome, type SimulationSamples } from '@/response/simulation-inputs';

export interface SimulatePanelProps {
  methodRef: MethodRef;
  integration: Integration;
  /** Every integration response of the method; on the editor and the review, the draft in place of its stored version. */
  integrationResponses: IntegrationResponse[];
  methodResponses?: Record<string, MethodResponse>;
  /** The integration response being edited or reviewed (marked in the table), when there is one. */
  editing?: { statusCode: string; label: string };
  samples: SimulationSamples;
  onSamplesChange: (update: (s: SimulationSamples) => SimulationSamples) => void;
  /** What the panel is about, under its heading. */
  intro: ReactNode;
}

export function simulatedKind(integration: Pick<Integration, 'type' | 'uri'>): SimulatedKind | undefined {
  if (integration.type === 'MOCK') return 'mock';
  if (isLambdaIntegration(integration)) return 'lambda';
  if (integration.type === 'HTTP' || integration.type === 'AWS') return 'http';
  return undefined;
}

const verdictText: Record<RowVerdict, string> = {
  'picked-by-pattern': 'Picked: its pattern matches',
  'picked-as-default': 'Picked: default response',
  'also-matches': 'Matches too, not picked',
  'no-match': 'No match',
  'default-unused': 'Default, not needed',
  'invalid-pattern': 'Never matches: not a valid Java regex',
};

type TextRequestField = Exclude<keyof SimulationSamples['request'], 'pathParams'>;

/** The method request's fields after the path parameters: `Name: value` lists, the body, then `$context` fields. */
const requestFields: { key: TextRequestField; label: string; hint?: string; rows?: number }[] = [
  { key: 'querystring', label: 'Query string parameters', hint: 'One name=value per line', rows: 2 },
  {
    key: 'headers',
    label: 'Headers',
    hint: 'One Name: value per line. Accept picks the response template.',
    rows: 2,
  },
  { key: 'stageVariables', label: 'Stage variables', hint: 'One name=value per line', rows: 2 },
  { key: 'body', label: 'Request body', hint: 'The request template reads it', rows: 2 },
  { key: 'requestId', label: '$context.requestId' },
  { key: 'stage', label: '$context.stage' },
  { key: 'sourceIp', label: '$context.identity.sourceIp' },
];

/** Runs a simulation whenever its input changes (debounced while typing); the last result stays while the next runs. */
function useSimulation(input: SimulationInput | undefined): { outcome?: SimulationOutcome; pending: boolean } {
  const runner = useRef<ReturnType<typeof createSimulationRunner>>(undefined);
  const [state, setState] = useState<{ input?: SimulationInput; outcome?: SimulationOutcome }>({});
  useEffect(() => {
    if (input === undefined) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      runner.current ??= createSimulationRunner();
      void runner.current.run(input).then((outcome) => {
        if (!cancelled) setState({ input, outcome });
      });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [input]);
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = undefined;
    },
    [],
  );
  return { outcome: state.outcome, pending: state.input !== input };
}

export default function SimulatePanel(props: SimulatePanelProps) {
  const { methodRef, integration, samples, onSamplesChange } = props;
  const { client, scope } = useConnection();
  const id = useId();
  // Both are read by the page's summary already: these come from the cache.
  const resources = useQuery(resourcesQueryOptions(client, scope, { restApiId: methodRef.restApiId }));
  const api = useQuery(restApiQueryOptions(client, scope, { restApiId: methodRef.restApiId }));
  const resourcePath = resources.data?.find((r) => r.id === methodRef.resourceId)?.path;
  const kind = simulatedKind(integration);

  const input = useMemo<SimulationInput | undefined>(() => {
    if (kind === undefined) return undefined;
    return {
      kind,
      ...(kind === 'mock'
        ? {
            mock: {
              ...(integration.requestTemplates ? { requestTemplates: integration.requestTemplates } : {}),
              ...(integration.passthroughBehavior ? { passthroughBehavior: integration.passthroughBehavior } : {}),
            },
          }
        : {}),
      integrationResponses: props.integrationResponses,
      ...(props.methodResponses ? { methodResponses: props.methodResponses } : {}),
      ...(api.data?.binaryMediaTypes ? { binaryMediaTypes: api.data.binaryMediaTypes } : {}),
      method: { httpMethod: methodRef.httpMethod, ...(resourcePath !== undefined ? { resourcePath } : {}) },
      samples,
    };
  }, [
    kind,
    integration,
    props.integrationResponses,
    props.methodResponses,
    api.data,
    methodRef,
    resourcePath,
    samples,
  ]);
  const { outcome, pending } = useSimulation(input);

  const setOutcome = (patch: Partial<SimulatedOutcome>) =>
    onSamplesChange((s) => ({ ...s, outcome: { ...s.outcome, ...patch } }));
  const setRequest = (patch: Partial<SimulationSamples['request']>) =>
    onSamplesChange((s) => ({ ...s, request: { ...s.request, ...patch } }));

  const headingId = `${id}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-4 rounded-md border border-border bg-surface-raised p-4"
      data-testid="simulate"
    >
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-fg">
          Simulate
        </h2>
        <div className="max-w-prose text-sm text-fg-muted">{props.intro}</div>
      </div>
      {kind === undefined ? (
        <p className="text-sm text-fg">
          A {integration.type} integration has no integration responses: there is nothing to simulate here.
        </p>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <OutcomeFields kind={kind} outcome={samples.outcome} onChange={setOutcome} />
            <fieldset className="flex min-w-0 flex-col gap-3">
              <legend className="mb-2 text-base font-semibold text-fg">Method request</legend>
              {resourcePath === undefined
                ? null
                : pathParameterNames(resourcePath).map((name) => (
                    <TextField
                      key={name}
                      label={`Path parameter ${name}`}
                      hint={`In ${resourcePath}`}
                      value={samples.request.pathParams[name] ?? ''}
                      onChange={(value) =>
                        onSamplesChange((s) => ({
                          ...s,
                          request: { ...s.request, pathParams: { ...s.request.pathParams, [name]: value } },
                        }))
                      }
                    />
                  ))}
              {requestFields
                .filter((f) => f.key !== 'body' || kind === 'mock')
                .map((f) => (
                  <TextField
                    key={f.key}
                    label={f.rows === undefined ? <code className="font-mono">{f.label}</code> : f.label}
                    {...(f.hint !== undefined ? { hint: f.hint } : {})}
                    {...(f.rows !== undefined ? { rows: f.rows } : {})}
                    className="text-sm"
                    value={samples.request[f.key]}
                    onChange={(value) => setRequest({ [f.key]: value })}
                  />
                ))}
              <p className="text-sm text-fg-muted">
                <code className="font-mono">$context.httpMethod</code> is{' '}
                <code className="font-mono">{methodRef.httpMethod}</code> and{' '}
                <code className="font-mono">$context.resourcePath</code> is{' '}
                <code className="font-mono">{resourcePath ?? '…'}</code>, as for this method.
              </p>
            </fieldset>
          </div>
          <SimulationView outcome={outcome} pending={pending} editing={props.editing} />
        </>
      )}
    </section>
  );
}

/** A monospace text input, or a textarea of `rows` lines (for `Name: value` lists, bodies and messages). */
function TextField({
  label,
  hint,
  value,
  onChange,
  className = '',
  inputMode,
  rows,
}: {
  label: ReactNode;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  className?: string;
  inputMode?: 'numeric';
  rows?: number;
}) {
  const common = { className: `${inputClassName} font-mono ${className}`, spellCheck: false, value };
  return (
    <Field label={label} hint={hint}>
      {(p) =>
        rows === undefined ? (
          <input
            {...p}
            {...common}
            autoComplete="off"
            inputMode={inputMode}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <textarea {...p} {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

function OutcomeFields({
  kind,
  outcome,
  onChange,
}: {
  kind: SimulatedKind;
  outcome: SimulatedOutcome;
  onChange: (patch: Partial<SimulatedOutcome>) => void;
}) {
  const id = useId();
  if (kind === 'mock') {
    return (
      <div className="flex flex-col gap-2">
        <h3 className="text-base font-semibold text-fg">Back-end outcome</h3>
        <p className="max-w-prose text-sm text-fg">
          A MOCK integration calls no back end: its request template writes the status code (for example{' '}
          <code className="font-mono">{'{"statusCode": 200}'}</code>) from the method request, and the integration
          response is selected by that status code. Set the method request to try each case.
        </p>
      </div>
    );
  }
  if (kind === 'lambda') {
    return (
      <fieldset className="flex min-w-0 flex-col gap-3">
        <legend className="mb-2 text-base font-semibold text-fg">Back-end outcome: the Lambda call</legend>
        <div className="flex flex-col gap-2" role="radiogroup" aria-label="Result of the Lambda call">
          {(
            [
              ['success', 'The function returned a result'],
              ['error', 'The function failed with an error'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-3 text-sm text-fg">
              <input
                type="radio"
                name={`${id}-lambda`}
                className="size-4 accent-accent"
                checked={outcome.lambda === value}
                onChange={() => onChange({ lambda: value })}
              />
              {label}
            </label>
          ))}
        </div>
        {outcome.lambda === 'success' ? (
          <TextField
            label="Function result"
            hint="The JSON the function returned: the integration response's body"
            rows={5}
            value={outcome.body}
            onChange={(body) => onChange({ body })}
            className="text-sm"
          />
        ) : (
          <>
            <TextField
              label="Error message (errorMessage)"
              hint="Selection patterns are matched against the whole message; it may span several lines."
              rows={3}
              value={outcome.errorMessage}
              onChange={(errorMessage) => onChange({ errorMessage })}
              className="text-sm"
            />
            <TextField
              label="Error type (errorType, optional)"
              value={outcome.errorType}
              onChange={(errorType) => onChange({ errorType })}
            />
          </>
        )}
      </fieldset>
    );
  }
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-base font-semibold text-fg">Back-end outcome: the HTTP response</legend>
      <TextField
        label="Back-end status code"
        className="max-w-32"
        inputMode="numeric"
        value={outcome.status}
        onChange={(status) => onChange({ status })}
      />
      <TextField
        label="Response headers"
        hint="One Name: value per line"
        value={outcome.headers}
        onChange={(headers) => onChange({ headers })}
        rows={2}
        className="text-sm"
      />
      <TextField
        label="Response body"
        rows={5}
        value={outcome.body}
        onChange={(body) => onChange({ body })}
        className="text-sm"
      />
    </fieldset>
  );
}

function SimulationView({
  outcome,
  pending,
  editing,
}: {
  outcome: SimulationOutcome | undefined;
  pending: boolean;
  editing?: { statusCode: string; label: string };
}) {
  const id = useId();
  if (outcome === undefined) return <p className="text-sm text-fg-muted">Simulating…</p>;
  if (!outcome.ok) {
    return (
      <p role="alert" className="rounded border-l-4 border-danger bg-danger-soft px-3 py-2 text-sm text-fg">
        {outcome.inputError}
      </p>
    );
  }
  const { simulation } = outcome;
  const { result } = simulation;
  const picked = result.ok ? result.selected.statusCode : undefined;
  return (
    <div className="flex flex-col gap-4 border-t border-border pt-4" aria-busy={pending || undefined}>
      <div className="flex flex-col gap-2">
        <h3 id={`${id}-picked`} className="text-base font-semibold text-fg">
          Which integration response API Gateway uses
        </h3>
        <p className="max-w-prose text-sm text-fg" data-testid="simulate-why">
          {simulation.why}
        </p>
        {simulation.rows.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-labelledby={`${id}-picked`}>
              <thead>
                <tr className="border-b border-border">
                  <th scope="col" className="py-1 pr-3 font-semibold">
                    Status code
                  </th>
                  <th scope="col" className="py-1 pr-3 font-semibold">
                    Selection pattern
                  </th>
                  <th scope="col" className="py-1 font-semibold">
                    Result
                  </th>
                </tr>
              </thead>
              <tbody>
                {simulation.rows.map((row) => (
                  <tr
                    key={row.statusCode}
                    className={`border-b border-border ${row.statusCode === picked ? 'bg-accent-soft font-medium' : ''}`}
                  >
                    <th scope="row" className="py-1 pr-3 font-mono font-medium">
                      {row.statusCode}
                      {editing?.statusCode === row.statusCode ? (
                        <span className="ml-2 font-sans text-xs font-normal text-fg-muted">({editing.label})</span>
                      ) : null}
                    </th>
                    <td className="py-1 pr-3 font-mono break-words">
                      {row.selectionPattern === '' ? (
                        <span className="font-sans whitespace-nowrap text-fg-muted">(none: default)</span>
                      ) : (
                        row.selectionPattern
                      )}
                    </td>
                    <td className="py-1">{verdictText[row.verdict]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      <div className="flex flex-col gap-2" data-testid="simulate-client">
        <h3 className="text-base font-semibold text-fg">What the client receives</h3>
        <p className="text-sm text-fg" role="status">
          Status <span data-testid="simulate-status">{result.status}</span>
          {simulation.overridden?.status ? (
            <span data-testid="simulate-status-override">
              {' '}
              (set by <code className="font-mono">$context.responseOverride.status</code>; the integration response is{' '}
              {simulation.overridden.status.from})
            </span>
          ) : null}
          {pending ? <span className="text-fg-muted"> · updating…</span> : null}
        </p>
        {!result.ok ? (
          <div className="rounded border-l-4 border-danger bg-danger-soft px-3 py-2 text-sm text-fg">
            <p className="font-semibold">The method fails: API Gateway answers {result.status}.</p>
            <p>{result.explanation}</p>
            <p className="mt-1 font-mono text-xs break-words">
              Execution failed due to configuration error: {result.logLine}
            </p>
          </div>
        ) : null}
        <h4 className="text-sm font-semibold text-fg">Headers</h4>
        <ul
          className="rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm break-all"
          data-testid="simulate-headers"
        >
          {result.headers.map(([name, value], index) => (
            <li key={`${name}-${index}`}>
              {name}: {value}
              {simulation.overridden?.headers.some((h) => h.toLowerCase() === name.toLowerCase()) ? (
                <span className="font-sans text-xs text-fg-muted"> (from $context.responseOverride)</span>
              ) : null}
            </li>
          ))}
        </ul>
        {result.ok && result.mappedHeaders.some((m) => !('value' in m.result)) ? (
          <ul className="text-sm text-fg-muted">
            {result.mappedHeaders.map((m) =>
              'missing' in m.result ? (
                <li key={m.name}>
                  {m.name} is not sent: {m.result.missing} ({m.expression}).
                </li>
              ) : null,
            )}
          </ul>
        ) : null}
        <h4 className="text-sm font-semibold text-fg">Body</h4>
        <pre
          tabIndex={0}
          aria-label="Body the client receives"
          className="max-h-72 overflow-auto rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm break-words whitespace-pre-wrap text-fg"
          data-testid="simulate-body"
        >
          {result.body === '' ? '(empty)' : result.body}
        </pre>
        {result.ok && result.templateContentType !== undefined ? (
          <p className="text-sm text-fg-muted">
            Body from the <code className="font-mono">{result.templateContentType}</code> response template.
          </p>
        ) : result.ok ? (
          <p className="text-sm text-fg-muted">No response template applies: the back end’s body passes through.</p>
        ) : null}
      </div>
    </div>
  );
}
