import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useConnection } from '../../api/connection-provider';
import type { Resource } from '../../api/models';
import { resourcesQueryOptions } from '../../api/queries';
import { BackLink } from '../../components/back-link';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { inputClassName } from '../../components/field';
import { PageLayout } from '../../components/page-layout';
import { EmptyState, QueryState } from '../../components/query-state';
import { buildResourceIndex, visibleResourceRows } from './resource-tree';

const ROW_HEIGHT = 40;

export function ResourcesStep({ restApiId }: { restApiId: string }) {
  const { client, scope } = useConnection();
  const query = useQuery(resourcesQueryOptions(client, scope, restApiId));
  return (
    <PageLayout
      step={2}
      title="Choose a resource"
      intro={
        <>
          Resources are listed by path. Pick the one whose method has the integration response. To review every
          mapping of this API at once, open the{' '}
          <Link to="/apis/$restApiId/overview" params={{ restApiId }} className="text-accent underline underline-offset-2">
            mapping overview
          </Link>
          .
        </>
      }
      back={<BackLink to="/apis">Back to APIs</BackLink>}
      choices={{ restApiId }}
    >
      <QueryState
        query={query}
        context="the resources"
        loadingLabel="Loading resources…"
        isEmpty={(rs) => rs.length === 0}
        empty={<EmptyState title="This API has no resources">Even the root resource “/” is missing.</EmptyState>}
      >
        {(resources) => <ResourceTree restApiId={restApiId} resources={resources} />}
      </QueryState>
    </PageLayout>
  );
}

function ResourceTree({ restApiId, resources }: { restApiId: string; resources: Resource[] }) {
  const index = useMemo(() => buildResourceIndex(resources), [resources]);
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  // Typing stays responsive: the input updates at once, the list follows at lower priority.
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(() => visibleResourceRows(index, deferredFilter, collapsed), [index, deferredFilter, collapsed]);
  const filtering = deferredFilter.trim() !== '';
  const filterId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is designed to be used this way
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.id ?? i,
  });

  const toggle = (path: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const parents = useMemo(() => index.filter((e) => e.hasChildren).map((e) => e.path), [index]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex w-full max-w-md flex-col gap-1">
          <label htmlFor={filterId} className="text-sm font-medium">
            Filter by path
          </label>
          <input
            id={filterId}
            type="search"
            className={inputClassName}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        {!filtering ? (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setCollapsed(new Set())} disabled={collapsed.size === 0}>
              Expand all
            </Button>
            <Button variant="secondary" onClick={() => setCollapsed(new Set(parents))} disabled={parents.length === 0}>
              Collapse all
            </Button>
          </div>
        ) : null}
      </div>
      <p role="status" className="text-sm text-fg-muted">
        {filtering ? `${rows.length} of ${index.length} resources match` : `${index.length} resources`}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No resource path matches the filter">Try a shorter part of the path.</EmptyState>
      ) : (
        <div
          ref={scrollRef}
          data-testid="resource-list"
          className="max-h-[60vh] overflow-auto rounded-md border border-border bg-surface-raised"
          style={{ height: Math.min(rows.length * ROW_HEIGHT + 2, 640) }}
        >
          <ul aria-label="Resources" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const depth = filtering ? 0 : row.depth;
              const isCollapsed = collapsed.has(row.path);
              return (
                <li
                  key={item.key}
                  className="absolute top-0 left-0 flex w-full items-center gap-2 border-b border-border px-2 hover:bg-surface-sunken"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <span style={{ width: depth * 20 }} className="shrink-0" aria-hidden="true" />
                  {row.hasChildren && !filtering ? (
                    <button
                      type="button"
                      className="inline-flex size-6 shrink-0 items-center justify-center rounded text-fg-muted hover:bg-surface hover:text-fg"
                      aria-expanded={!isCollapsed}
                      aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${row.path}`}
                      onClick={() => toggle(row.path)}
                    >
                      <span aria-hidden="true">{isCollapsed ? '▸' : '▾'}</span>
                    </button>
                  ) : (
                    <span className="size-6 shrink-0" aria-hidden="true" />
                  )}
                  <Link
                    to="/apis/$restApiId/resources/$resourceId"
                    params={{ restApiId, resourceId: row.id }}
                    className="min-w-0 truncate font-mono text-sm text-accent underline-offset-2 hover:underline"
                  >
                    {row.path}
                  </Link>
                  <span className="ml-auto flex shrink-0 gap-1">
                    {row.methods.length === 0 ? (
                      <span className="text-xs text-fg-muted">no methods</span>
                    ) : (
                      row.methods.map((m) => <Badge key={m}>{m}</Badge>)
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
