import { useQuery } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useConnection } from '@/api/connection-provider';
import type { Resource } from '@/api/models';
import type { RestApiRef } from '@/api/refs';
import { resourcesQueryOptions } from '@/api/queries';
import { BackLink } from '@/components/back-link';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { FilterInput } from '@/components/filter-input';
import { ChoicesSummary } from '@/components/choices-summary';
import { PageLayout } from '@/components/page-layout';
import { EmptyState, QueryState } from '@/components/query-state';
import { buildResourceIndex, visibleResourceRows, type ResourceEntry } from './resource-tree';

const ROW_HEIGHT = 40;

export function ResourcesStep({ target }: { target: RestApiRef }) {
  const { restApiId } = target;
  const { client, scope } = useConnection();
  const query = useQuery(resourcesQueryOptions(client, scope, target));
  return (
    <PageLayout
      step={2}
      title="Choose a resource"
      intro={
        <>
          Resources are listed by path. Pick the one whose method has the integration response. To review every mapping
          of this API at once, open the{' '}
          <Link to="/apis/$restApiId/overview" params={target} className="text-accent underline underline-offset-2">
            mapping overview
          </Link>
          .
        </>
      }
      back={<BackLink to="/apis">Back to APIs</BackLink>}
      summary={<ChoicesSummary choices={target} />}
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
  // One render per keystroke, not useDeferredValue's two: filtering 10,000 paths is ~1 ms and the virtualised list
  // re-renders only rows new to the viewport (memoised rows, hrefs built once), so the whole update fits in the
  // keystroke's frame; the deferred second render and commit had doubled the time until the list showed the match.
  const rows = useMemo(() => visibleResourceRows(index, filter, collapsed), [index, filter, collapsed]);
  const filtering = filter.trim() !== '';
  const toggle = useCallback(
    (path: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(path)) next.delete(path);
        else next.add(path);
        return next;
      }),
    [],
  );
  const parents = useMemo(() => index.filter((e) => e.hasChildren).map((e) => e.path), [index]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-4">
        <FilterInput
          label="Filter by path"
          className="flex w-full max-w-md flex-col gap-1"
          value={filter}
          onChange={setFilter}
        />
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
        <ResourceList restApiId={restApiId} rows={rows} filtering={filtering} collapsed={collapsed} onToggle={toggle} />
      )}
    </div>
  );
}

const ResourceList = memo(function ResourceList({
  restApiId,
  rows,
  filtering,
  collapsed,
  onToggle,
}: {
  restApiId: string;
  rows: ResourceEntry[];
  filtering: boolean;
  collapsed: ReadonlySet<string>;
  onToggle: (path: string) => void;
}) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is designed to be used this way
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // A filter keystroke usually replaces every row in view, so each overscan row is DOM built and styled per
    // keystroke; 4 rows (160 px) beyond each edge still cover a fast wheel scroll between two frames.
    overscan: 4,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  // Building a router location per row per render was the bulk of a filter keystroke; each resource's href is
  // built once, the first time its row is shown.
  const [hrefs] = useState(() => new Map<string, string>());
  const hrefFor = (resourceId: string): string => {
    const cacheKey = `${restApiId}\u0000${resourceId}`;
    let href = hrefs.get(cacheKey);
    if (href === undefined) {
      href = router.buildLocation({
        to: '/apis/$restApiId/resources/$resourceId',
        params: { restApiId, resourceId },
      }).href;
      hrefs.set(cacheKey, href);
    }
    return href;
  };
  const onNavigate = useCallback(
    (resourceId: string) =>
      void router.navigate({ to: '/apis/$restApiId/resources/$resourceId', params: { restApiId, resourceId } }),
    [router, restApiId],
  );

  return (
    <div
      ref={scrollRef}
      data-testid="resource-list"
      className="max-h-[60vh] overflow-auto rounded-md border border-border bg-surface-raised"
      // The list's size never depends on its rows, so the browser can lay out and paint it in isolation.
      style={{ height: Math.min(rows.length * ROW_HEIGHT + 2, 640), contain: 'strict' }}
    >
      <ul aria-label="Resources" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <ResourceRow
              key={item.key}
              entry={row}
              start={item.start}
              depth={filtering ? 0 : row.depth}
              toggleable={row.hasChildren && !filtering}
              isCollapsed={collapsed.has(row.path)}
              href={hrefFor(row.id)}
              onToggle={onToggle}
              onNavigate={onNavigate}
            />
          );
        })}
      </ul>
    </div>
  );
});

/** Same behaviour as a router `<Link>` (defaultPreload is off), without its per-render location building. */
function followLink(e: MouseEvent<HTMLAnchorElement>, navigate: () => void) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
  e.preventDefault();
  navigate();
}

// Props are primitives or stable references, so a row already on screen is skipped when the list re-renders.
const ResourceRow = memo(function ResourceRow({
  entry,
  start,
  depth,
  toggleable,
  isCollapsed,
  href,
  onToggle,
  onNavigate,
}: {
  entry: ResourceEntry;
  start: number;
  depth: number;
  toggleable: boolean;
  isCollapsed: boolean;
  href: string;
  onToggle: (path: string) => void;
  onNavigate: (resourceId: string) => void;
}) {
  // As few elements as a row can have: a filter keystroke builds and styles every row in view anew. Indentation
  // and the toggle's empty slot are padding and margin rather than spacer elements.
  return (
    <li
      className="absolute top-0 left-0 flex w-full items-center gap-2 border-b border-border pr-2 hover:bg-surface-sunken"
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)`, paddingInlineStart: 8 + depth * 20 }}
    >
      {toggleable ? (
        <button
          type="button"
          className="inline-flex size-6 shrink-0 items-center justify-center rounded text-fg-muted hover:bg-surface hover:text-fg"
          aria-expanded={!isCollapsed}
          aria-label={`${isCollapsed ? 'Expand' : 'Collapse'} ${entry.path}`}
          onClick={() => onToggle(entry.path)}
        >
          {isCollapsed ? '▸' : '▾'}
        </button>
      ) : null}
      <a
        href={href}
        onClick={(e) => followLink(e, () => onNavigate(entry.id))}
        className="min-w-0 truncate font-mono text-sm text-accent underline-offset-2 hover:underline"
        // The toggle's width (size-6) and the gap after it, so paths line up whether or not a row has children.
        style={toggleable ? undefined : { marginInlineStart: 32 }}
      >
        {entry.path}
      </a>
      <span className="ml-auto flex shrink-0 gap-1">
        {entry.methods.length === 0 ? (
          <span className="text-xs text-fg-muted">no methods</span>
        ) : (
          entry.methods.map((m) => <Badge key={m}>{m}</Badge>)
        )}
      </span>
    </li>
  );
});
