// "Undeployed changes": a stage picker, the verdict of comparing the current configuration with what the chosen
// stage serves (its GetExport), and the marks with their field-by-field differences. Loaded on demand by the method
// list, the status codes and the overview, which mark their own rows through the report this panel hands them.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { describeApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import { stageExportQueryOptions, stagesQueryOptions } from '@/api/queries';
import { Badge } from '@/components/badge';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { useComparedStage } from './stage-choice';
import type { Resource } from '@/api/models';
import type { RestApiRef } from '@/api/refs';
import {
  compareStage,
  methodsOfResources,
  type CurrentMethod,
  type FieldChange,
  type MethodDiff,
  type ResponseDiff,
} from './stage-diff';

/** What the pages need to mark their rows: the chosen stage and the differences, looked up by method and code. */
export type StageReport = {
  stageName: string;
  diffOf: (path: string, httpMethod: string, statusCode: string) => ResponseDiff | undefined;
  methodOf: (path: string, httpMethod: string) => MethodDiff | undefined;
};

const NO_STAGE = '';

function countResponses(methods: MethodDiff[]): number {
  return methods.reduce((n, m) => n + m.responses.length, 0);
}

export function StageCompare({
  target,
  resources,
  methods,
  wholeApi = false,
  onReport,
}: {
  target: RestApiRef;
  /** Every resource of the API with its methods embedded: the whole API is compared. */
  resources?: Resource[];
  /** Or the methods to compare, as configured now; undefined while they load. */
  methods?: CurrentMethod[];
  /** With `methods`: they are every method of the API, so methods deleted since the deployment are reported too. */
  wholeApi?: boolean;
  onReport: (report: StageReport | null) => void;
}) {
  const { client, scope } = useConnection();
  const headingId = useId();
  const { restApiId } = target;
  const stages = useQuery(stagesQueryOptions(client, scope, target));
  const [chosen, setChosen] = useComparedStage(scope, restApiId);
  // A remembered stage that no longer exists is not compared with.
  const stageName = chosen !== null && stages.data?.some((s) => s.stageName === chosen) ? chosen : null;
  const exported = useQuery({
    ...stageExportQueryOptions(client, scope, { restApiId, stageName: stageName ?? '' }),
    enabled: stageName !== null,
  });
  const current = useMemo(() => (resources ? methodsOfResources(resources) : methods), [resources, methods]);
  const whole = resources !== undefined || wholeApi;
  const comparison = useMemo(
    () => (exported.data && current ? compareStage(current, exported.data, whole) : undefined),
    [exported.data, current, whole],
  );
  const report = useMemo<StageReport | null>(() => {
    if (stageName === null || !comparison?.comparable) return null;
    const byMethod = new Map(comparison.methods.map((m) => [`${m.path} ${m.httpMethod}`, m]));
    return {
      stageName,
      methodOf: (path, httpMethod) => byMethod.get(`${path} ${httpMethod}`),
      diffOf: (path, httpMethod, statusCode) =>
        byMethod.get(`${path} ${httpMethod}`)?.responses.find((r) => r.statusCode === statusCode),
    };
  }, [stageName, comparison]);
  useEffect(() => {
    onReport(report);
  }, [report, onReport]);

  const stageList = stages.data ?? [];
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-md border border-border bg-surface-raised p-4"
      data-testid="stage-compare"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Undeployed changes
      </h2>
      {stages.isError ? (
        <Notice tone="warning" title="The stages of this API could not be read">
          <p>{describeApiError(stages.error).detail}</p>
        </Notice>
      ) : stages.isPending ? (
        <p className="text-sm text-fg-muted">Loading the stages…</p>
      ) : stageList.length === 0 ? (
        <p className="text-sm text-fg-muted">
          This API has no stages yet, so nothing is live. Deploy it to a stage to compare with what clients get.
        </p>
      ) : (
        <Field label="Compare with stage" className="flex max-w-sm flex-col gap-1">
          {(p) => (
            <select
              {...p}
              className={inputClassName}
              value={stageName ?? NO_STAGE}
              onChange={(e) => setChosen(e.target.value === NO_STAGE ? null : e.target.value)}
            >
              <option value={NO_STAGE}>No stage (do not compare)</option>
              {stageList.map((s) => (
                <option key={s.stageName} value={s.stageName}>
                  {s.stageName}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {stageName === null ? null : exported.isError ? (
        <Notice tone="warning" title={`What stage ${stageName} serves could not be read`}>
          <p>{describeApiError(exported.error).detail}</p>
        </Notice>
      ) : current === undefined ? (
        <p className="text-sm text-fg-muted">Comparing with stage {stageName} once every method has loaded…</p>
      ) : comparison === undefined ? (
        <p className="text-sm text-fg-muted">Reading what stage {stageName} serves…</p>
      ) : !comparison.comparable ? (
        <Notice tone="info" title="No comparison with this target">
          <p>{comparison.reason}</p>
        </Notice>
      ) : comparison.methods.length === 0 ? (
        <p className="text-sm text-fg" data-testid="stage-verdict">
          <Badge tone="success">Deployed</Badge> Stage <strong>{stageName}</strong> serves the current configuration
          {whole ? ' of every integration response' : ''}.
        </p>
      ) : (
        <StageDifferences stageName={stageName} methods={comparison.methods} />
      )}
    </section>
  );
}

function StageDifferences({ stageName, methods }: { stageName: string; methods: MethodDiff[] }) {
  const n = countResponses(methods);
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-fg" data-testid="stage-verdict">
        <Badge tone="warning">Not deployed</Badge> {n} integration {n === 1 ? 'response differs' : 'responses differ'}{' '}
        from what stage <strong>{stageName}</strong> serves. Clients get the old {n === 1 ? 'one' : 'ones'} until the
        next deployment to {stageName}.
      </p>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-accent">Show every difference</summary>
        <ul className="mt-2 flex flex-col gap-3">
          {methods.map((m) => (
            <li key={`${m.path} ${m.httpMethod}`} className="flex flex-col gap-2">
              <p className="text-sm font-semibold">
                <span className="font-mono">
                  {m.httpMethod} {m.path}
                </span>
                {m.deployed ? '' : ` (not on stage ${stageName} yet)`}
              </p>
              {m.responses.map((r) => (
                <div key={r.statusCode} className="pl-3">
                  <p className="text-sm">
                    <span className="font-mono font-semibold">{r.statusCode}</span>: {stateText(r.state, stageName)}
                  </p>
                  <ChangeTable diff={r} stageName={stageName} />
                </div>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function stateText(state: ResponseDiff['state'], stageName: string): string {
  if (state === 'added') return `new since the last deployment to ${stageName}`;
  if (state === 'removed') return `deleted since the last deployment; ${stageName} still serves it`;
  return `changed since the last deployment to ${stageName}`;
}

function fieldLabel(c: FieldChange) {
  switch (c.field) {
    case 'selectionPattern':
      return 'Selection pattern';
    case 'contentHandling':
      return 'Content handling';
    case 'template':
      return (
        <>
          Template <span className="font-mono">{c.contentType}</span>
        </>
      );
    case 'responseParameter':
      return (
        <>
          Header mapping <span className="font-mono">{c.name.replace(/^method\.response\.header\./, '')}</span>
        </>
      );
  }
}

function Value({ change, side }: { change: FieldChange; side: 'deployed' | 'current' }) {
  const v = change[side];
  if (v === undefined) return <span className="text-fg-muted italic">none</span>;
  if (change.field === 'selectionPattern' && v === '') return <span className="italic">default response</span>;
  if (change.field === 'template' && v === '') return <span className="text-fg-muted italic">empty</span>;
  return <pre className="max-h-40 overflow-auto font-mono text-xs break-all whitespace-pre-wrap">{v}</pre>;
}

function ChangeTable({ diff, stageName }: { diff: ResponseDiff; stageName: string }) {
  return (
    <table className="mt-1 w-full table-fixed border-collapse text-left text-sm" data-testid="undeployed-diff">
      <caption className="sr-only">
        Integration response {diff.statusCode}: stage {stageName} against the current configuration
      </caption>
      <thead>
        <tr className="border-b border-border">
          <th scope="col" className="w-1/4 py-1 pr-2 font-medium">
            Setting
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            On stage {stageName}
          </th>
          <th scope="col" className="py-1 font-medium">
            Now
          </th>
        </tr>
      </thead>
      <tbody>
        {diff.changes.map((c, i) => (
          <tr key={i} className="border-b border-border align-top">
            <th scope="row" className="py-1 pr-2 font-normal">
              {fieldLabel(c)}
            </th>
            <td className="py-1 pr-2">
              <Value change={c} side="deployed" />
            </td>
            <td className="py-1">
              <Value change={c} side="current" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The mark on one integration response that the chosen stage serves differently, with its differences. */
export function UndeployedMark({ diff, stageName }: { diff: ResponseDiff; stageName: string }) {
  return (
    <details className="text-sm" data-testid="undeployed-mark">
      <summary className="cursor-pointer">
        <Badge tone="warning">Not deployed</Badge>{' '}
        <span>
          {diff.state === 'added' ? 'New' : diff.state === 'removed' ? 'Deleted' : 'Changed'} since the deployment to{' '}
          {stageName}
        </span>
      </summary>
      <ChangeTable diff={diff} stageName={stageName} />
    </details>
  );
}

/** The mark on a method some of whose integration responses the chosen stage serves differently. */
export function UndeployedMethodMark({ diff, stageName }: { diff: MethodDiff; stageName: string }) {
  const n = diff.responses.length;
  return (
    <details className="text-sm" data-testid="undeployed-mark">
      <summary className="cursor-pointer">
        <Badge tone="warning">Not deployed</Badge>{' '}
        <span>
          {n} integration {n === 1 ? 'response differs' : 'responses differ'} from stage {stageName}
        </span>
      </summary>
      <ul className="mt-1 flex flex-col gap-2">
        {diff.responses.map((r) => (
          <li key={r.statusCode}>
            <span className="font-mono font-semibold">{r.statusCode}</span>: {stateText(r.state, stageName)}
            <ChangeTable diff={r} stageName={stageName} />
          </li>
        ))}
      </ul>
    </details>
  );
}
