import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, startTransition, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { ApiGatewayClient } from '@/api/client';
import { stagesQueryOptions } from '@/api/queries';
import { takeResourceListing } from '@/api/resource-listing-head-start';
import { apiGatewayKeys } from '@/api/query-keys';
import type { RestApiRef } from '@/api/refs';
import { Button } from '@/components/button';
import { downloadText } from '@/components/download';
import { Field, inputClassName } from '@/components/field';
import { FilterInput } from '@/components/filter-input';
import { Notice } from '@/components/notice';
import { EmptyState, ErrorState } from '@/components/query-state';
import { LiveActions } from '@/deployment/lazy-panels';
// Not lazy here: drawn in the same commit as the rows, instead of arriving a chunk later above the table and pushing
// the filters and the rows down (a layout shift of 0.36 in Lighthouse's mobile run). The page's code is fetched
// with theirs (they are chunks of their own, shared with the wizard's steps), so nothing waits longer for them.
import { StageCompare, type StageReport } from '@/deployment/stage-compare';
import { ExportPanel } from '@/import-export/export-panel';
import { toCsv, toMarkdown } from './export';
import type { LoadProgress, MappingsClient } from '@/api-mappings/load-api-mappings';
import { defaultConcurrency, loadApiMappings } from '@/api-mappings/load-api-mappings';
import { LoadProgressView, OverviewFrame } from './overview-frame';
import { OverviewTable } from './overview-table';
import { problemLabels } from '@/api-mappings/problems';
import type { MethodMapping, OverviewRow } from '@/api-mappings/rows';
import { buildRows, methodKey, prepareRows } from '@/api-mappings/rows';
import type { RowFilter, RowSort } from './table-model';
import { defaultSort, emptyFilter, filterRows, methodsIn, sortRows } from './table-model';

// Drawn on demand (its Show button, or a row's flow button), from a chunk of its own.
const FlowDiagram = lazy(() => import('./flow-diagram').then((m) => ({ default: m.FlowDiagram })));

/** The client, but the resource listing boot.ts started on this page load is used when there is one. */
function withListingHeadStart(client: ApiGatewayClient, scope: string): MappingsClient {
  return {
    getAllResources: (ref, opts) =>
      takeResourceListing(scope, ref.restApiId, opts?.onProgress) ?? client.getAllResources(ref, opts),
    getMethod: client.getMethod,
  };
}

export function OverviewPage({ target }: { target: RestApiRef }) {
  const { restApiId } = target;
  const { client, scope } = useConnection();
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  // The stages, for the stage comparison and the export panel above the table: asked for with the page, so that
  // they are in when those panels first show, instead of the comparison saying it is loading them and then growing,
  // which pushed everything below it down (a layout shift in Lighthouse's mobile run).
  usePrefetchQuery(stagesQueryOptions(client, scope, target));
  // The methods complete so far: their rows show while the rest of the API loads.
  const [ready, setReady] = useState<MethodMapping[]>([]);
  const query = useQuery({
    queryKey: apiGatewayKeys.apiMappings(scope, target),
    // TanStack Query aborts `signal` when the page is left before the load finishes (the signal is consumed).
    queryFn: async ({ signal }) => {
      // The rows of the methods to show are built (their problems found) in slices before the render that shows
      // them, in the order they came; each render then finds them built.
      let rowsBuilt = Promise.resolve();
      const result = await loadApiMappings(withListingHeadStart(client, scope), restApiId, {
        signal,
        concurrency: defaultConcurrency,
        // In a transition: the table of the methods loaded so far renders in slices between the network's
        // answers instead of blocking the page, and a render that a newer count overtakes is dropped.
        onProgress: (p) => {
          startTransition(() => setProgress(p));
          const { ready: methods } = p;
          if (methods) {
            rowsBuilt = rowsBuilt
              .then(() => prepareRows(methods, signal))
              .then(() => {
                if (!signal.aborted) startTransition(() => setReady(methods));
              });
          }
        },
      });
      await rowsBuilt;
      await prepareRows(result.methods, signal);
      return result;
    },
    // The client already retries throttling and 5xx per request; repeating hundreds of requests helps nobody.
    retry: false,
    staleTime: 0,
  });
  // The answer comes through TanStack Query's store, which React renders at once and in one piece: deferred, the
  // table (its rows, their problems, the panels around it) is built in a transition, in slices between which the
  // browser stays responsive, while the page keeps what it showed.
  const data = useDeferredValue(query.data);

  return (
    <OverviewFrame target={target} hasError={query.isError}>
      {query.isError ? (
        <ErrorState
          error={query.error}
          context="the methods of this API"
          retrying={query.isFetching}
          onRetry={() => void query.refetch()}
        />
      ) : data === undefined && ready.length === 0 ? (
        <LoadProgressView progress={progress} />
      ) : (
        <>
          {query.isFetching ? <LoadProgressView progress={progress} compact={data !== undefined} /> : null}
          <LoadedOverview
            restApiId={restApiId}
            methods={data?.methods ?? ready}
            complete={data !== undefined}
            failures={data?.failures.length ?? 0}
            onReload={() => void query.refetch()}
            reloading={query.isFetching}
          />
        </>
      )}
    </OverviewFrame>
  );
}

function LoadedOverview({
  restApiId,
  methods,
  complete,
  failures,
  onReload,
  reloading,
}: {
  restApiId: string;
  methods: MethodMapping[];
  /** Every method is loaded (not just the first ones): only then is the API compared with a stage. */
  complete: boolean;
  failures: number;
  onReload: () => void;
  reloading: boolean;
}) {
  const allRows = useMemo(() => buildRows(methods), [methods]);
  const [filter, setFilter] = useState<RowFilter>(emptyFilter);
  const [sort, setSort] = useState<RowSort>(defaultSort);
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(() => sortRows(filterRows(allRows, deferredFilter), sort), [allRows, deferredFilter, sort]);
  const [selected, setSelected] = useState<string | null>(null);
  const [flowOpen, setFlowOpen] = useState(false);
  const [report, setReport] = useState<StageReport | null>(null);
  const methodByKey = useMemo(() => new Map(methods.map((m) => [methodKey(m.resourceId, m.httpMethod), m])), [methods]);
  const firstRow: OverviewRow | undefined = rows[0];
  const shownKey = selected ?? (firstRow ? methodKey(firstRow.resourceId, firstRow.httpMethod) : null);
  const shown = shownKey === null ? undefined : methodByKey.get(shownKey);
  const withProblems = allRows.filter((r) => r.problems.length > 0).length;
  const codes = useMemo(() => [...new Set(allRows.flatMap((r) => r.problems.map((p) => p.code)))].sort(), [allRows]);

  if (methods.length === 0) {
    return (
      <EmptyState title="This API has no methods">
        Add methods and integrations with the AWS console or CLI, then{' '}
        <Button variant="link" onClick={onReload}>
          reload
        </Button>
        .
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {failures > 0 ? (
        <Notice
          tone="warning"
          title={`${failures} ${failures === 1 ? 'method' : 'methods'} could not be loaded in full`}
        >
          <p>Their rows show what the resource listing contained, which may lack responses.</p>
          <Button variant="secondary" onClick={onReload} busy={reloading}>
            Reload
          </Button>
        </Notice>
      ) : null}
      <p className="text-sm text-fg" data-testid="overview-summary">
        {methods.length} methods, {allRows.length} rows, {withProblems} {withProblems === 1 ? 'row' : 'rows'} with
        problems.
      </p>
      <StageCompare
        target={{ restApiId }}
        methods={complete && failures === 0 ? methods : undefined}
        wholeApi
        onReport={setReport}
      />
      <LiveActions target={{ restApiId }} />
      <ExportPanel target={{ restApiId }} />
      <Filters filter={filter} onChange={setFilter} verbs={methodsIn(allRows)} codes={codes} />
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-sm text-fg-muted" data-testid="overview-count">
          {rows.length === allRows.length
            ? `Showing all ${rows.length} rows`
            : `Showing ${rows.length} of ${allRows.length} rows`}
        </p>
        <div className="ml-auto flex gap-2">
          <Button
            variant="secondary"
            onClick={() => downloadText(`${restApiId}-mappings.csv`, 'text/csv;charset=utf-8', toCsv(rows))}
          >
            Download CSV
          </Button>
          <Button
            variant="secondary"
            onClick={() => downloadText(`${restApiId}-mappings.md`, 'text/markdown;charset=utf-8', toMarkdown(rows))}
          >
            Download Markdown
          </Button>
        </div>
      </div>
      {shown ? (
        <section
          aria-labelledby="flow-heading"
          className="flex flex-col gap-2 rounded-md border border-border bg-surface-raised p-4"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="flow-heading" className="text-lg font-semibold text-fg">
              Flow of <span className="font-mono">{shown.httpMethod}</span>{' '}
              <span className="font-mono">{shown.path}</span>
            </h2>
            <Button variant="secondary" aria-expanded={flowOpen} onClick={() => setFlowOpen((open) => !open)}>
              {flowOpen ? 'Hide the flow picture' : 'Show the flow picture'}
            </Button>
          </div>
          {flowOpen ? (
            <Suspense fallback={<p className="text-sm text-fg-muted">Drawing the flow…</p>}>
              <FlowDiagram mapping={shown} />
            </Suspense>
          ) : null}
        </section>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="No row matches the filters">Clear a filter to see more rows.</EmptyState>
      ) : (
        <OverviewTable
          rows={rows}
          sort={sort}
          onSort={setSort}
          restApiId={restApiId}
          report={report}
          selectedMethod={flowOpen ? shownKey : null}
          onShowFlow={(row) => {
            setSelected(methodKey(row.resourceId, row.httpMethod));
            setFlowOpen(true);
          }}
        />
      )}
      <p className="text-sm text-fg-muted">
        Rows link to the editor of their integration response; a method without one links to its method step.{' '}
        <Link to="/apis/$restApiId" params={{ restApiId }} className="text-accent underline underline-offset-2">
          Browse resources instead
        </Link>
        .
      </p>
    </div>
  );
}

function Filters({
  filter,
  onChange,
  verbs,
  codes,
}: {
  filter: RowFilter;
  onChange: (f: RowFilter) => void;
  verbs: string[];
  codes: string[];
}) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <legend className="sr-only">Filter rows</legend>
      <FilterInput label="Path contains" value={filter.path} onChange={(path) => onChange({ ...filter, path })} />
      <Field label="Method">
        {(p) => (
          <select
            {...p}
            className={inputClassName}
            value={filter.httpMethod}
            onChange={(e) => onChange({ ...filter, httpMethod: e.target.value })}
          >
            <option value="">Any method</option>
            {verbs.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FilterInput
        label="Status code starts with"
        hint="For example 4 or 404; a dash (-) finds methods without integration responses."
        inputMode="numeric"
        value={filter.statusCode}
        onChange={(statusCode) => onChange({ ...filter, statusCode })}
      />
      <Field label="Problems">
        {(p) => (
          <select
            {...p}
            className={inputClassName}
            value={filter.problem}
            onChange={(e) => onChange({ ...filter, problem: e.target.value })}
          >
            <option value="all">All rows</option>
            <option value="with-problems">Rows with problems</option>
            <option value="without-problems">Rows without problems</option>
            {codes.map((c) => (
              <option key={c} value={c}>
                {problemLabels[c] ?? c}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
