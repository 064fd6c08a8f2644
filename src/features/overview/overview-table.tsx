// The overview table: a real <table> (so screen readers get headers per cell) whose body is virtualized —
// only the rows in view plus an overscan are in the DOM, with spacer rows standing in for the rest.
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, startTransition, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Badge } from '@/components/badge';
import { Button } from '@/components/button';
import { UndeployedMarkPanel, type StageReport } from '@/deployment/lazy-panels';
import type { OverviewRow } from '@/api-mappings/rows';
import { describeDeclaredHeaders, describeSelectionPattern, methodKey } from '@/api-mappings/rows';
import type { RowSort, SortKey } from './table-model';

// At 1440 px the whole table, Problems included, fits in the breakout below (100vw - 3rem) without scrolling
// sideways: fixed widths for the short columns, the rest to Header mappings. Below its minimum width (narrower
// screens, or with a stage's column) the table scrolls inside its box, with the path pinned on the left.
const columns: { label: string; sort?: SortKey; width?: string }[] = [
  { label: 'Path', sort: 'path', width: 'w-44' },
  { label: 'Method', sort: 'method', width: 'w-23' },
  { label: 'Integration', sort: 'type', width: 'w-31' },
  { label: 'Status', sort: 'status', width: 'w-21' },
  { label: 'Selection pattern', sort: 'pattern', width: 'w-32' },
  { label: 'Content handling', width: 'w-22' },
  { label: 'Templates', width: 'w-35' },
  { label: 'Header mappings' },
  { label: 'Declared headers', width: 'w-28' },
  { label: 'Problems', sort: 'problems', width: 'w-56' },
];

const cell = 'px-2 py-2 align-top break-words';
/** The path column stays in view while the table scrolls sideways; it needs its own background to cover the rest. */
const pinned = 'sticky left-0 border-r';
const ROW_ESTIMATE = 52;
const OVERSCAN = 12;

export function OverviewTable({
  rows,
  sort,
  onSort,
  restApiId,
  report,
  selectedMethod,
  onShowFlow,
}: {
  rows: OverviewRow[];
  sort: RowSort;
  onSort: (s: RowSort) => void;
  restApiId: string;
  /** The stage compared with, if any: adds a column marking the rows it serves differently. */
  report: StageReport | null;
  selectedMethod: string | null;
  onShowFlow: (row: OverviewRow) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The rows in view first; the overscan (rows out of view, there for smooth scrolling) is added in a later task, so
  // the table's first commit is not twice as long as it needs to be.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setOverscan(OVERSCAN)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  // With a stage chosen, a column says which rows it serves differently (the last column).
  const shownColumns = report ? [...columns, { label: `Stage ${report.stageName}`, width: 'w-80' }] : columns;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns fresh functions by design; nothing here memoizes them
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    // Row heights come from the ResizeObserver's entries only. The default also reads getBoundingClientRect() as
    // each row mounts, a forced layout of the eleven-column table per row: most of the overview's main-thread time
    // on a slowed phone. Until its observer reports, a row counts as its last known height (or the estimate).
    measureElement: (el, entry, instance) =>
      entry?.borderBoxSize[0]?.blockSize ??
      instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(el))) ??
      ROW_ESTIMATE,
    overscan,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const toggle = (key: SortKey): void =>
    onSort(sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });

  // Arrow keys move between rows' links even when the next row is not rendered yet: scroll it in, then focus.
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const tr = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    if (!tr || !(e.target as HTMLElement).matches('a[data-row-link]')) return;
    const next = Number(tr.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= rows.length) return;
    e.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const focusNext = (attempt: number): void => {
      const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${next}"] a[data-row-link]`);
      if (link) link.focus();
      else if (attempt < 10) requestAnimationFrame(() => focusNext(attempt + 1));
    };
    focusNext(0);
  };

  return (
    <div
      ref={scrollRef}
      // Wider than the page column: the table has eleven columns. Centred on the column, inside the viewport.
      className="relative left-1/2 max-h-[70vh] w-[calc(100vw-3rem)] max-w-[120rem] -translate-x-1/2 overflow-auto rounded-md border border-border bg-surface-raised"
      data-testid="overview-scroll"
    >
      <table
        className={`${report ? 'min-w-[105rem]' : 'min-w-[85rem]'} w-full table-fixed border-separate border-spacing-0 text-left text-sm`}
        aria-rowcount={rows.length + 1}
      >
        <caption className="sr-only">
          Integration responses, one row per method and status code. Column headers with buttons sort the table; up and
          down arrow keys move between rows.
        </caption>
        <thead className="text-fg">
          <tr aria-rowindex={1}>
            {shownColumns.map((c, i) => (
              <th
                key={c.label}
                scope="col"
                className={`${c.width ?? ''} sticky top-0 border-b border-border-strong bg-surface-sunken px-2 py-2 align-bottom font-semibold ${i === 0 ? `${pinned} z-20 border-r-border-strong` : 'z-10'}`}
                aria-sort={
                  c.sort && sort.key === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                }
              >
                {c.sort ? (
                  <button
                    type="button"
                    className="inline-flex flex-wrap items-center gap-x-1 text-left font-semibold"
                    onClick={() => toggle(c.sort as SortKey)}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.sort ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {padTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={shownColumns.length} style={{ height: padTop, padding: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <RowView
                key={item.key}
                row={row}
                index={item.index}
                measure={virtualizer.measureElement}
                restApiId={restApiId}
                report={report}
                flowShown={selectedMethod === methodKey(row.resourceId, row.httpMethod)}
                onShowFlow={onShowFlow}
              />
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={shownColumns.length} style={{ height: padBottom, padding: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function RowView({
  row,
  index,
  measure,
  restApiId,
  report,
  flowShown,
  onShowFlow,
}: {
  row: OverviewRow;
  index: number;
  measure: (el: Element | null) => void;
  restApiId: string;
  report: StageReport | null;
  flowShown: boolean;
  onShowFlow: (row: OverviewRow) => void;
}) {
  const linkClass = 'font-mono text-accent underline underline-offset-2 hover:text-accent-hover break-all';
  const linkLabel = (
    <>
      {row.path}
      <span className="sr-only">
        {' '}
        {row.httpMethod} {row.statusCode ?? '(no integration response)'}
      </span>
    </>
  );
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="overview-row"
      data-row-id={row.id}
      className="group hover:bg-surface-sunken"
    >
      <td className={`${cell} ${pinned} z-[5] border-b border-border bg-surface-raised group-hover:bg-surface-sunken`}>
        {row.statusCode !== undefined ? (
          <Link
            data-row-link=""
            to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode"
            params={{ restApiId, resourceId: row.resourceId, httpMethod: row.httpMethod, statusCode: row.statusCode }}
            className={linkClass}
          >
            {linkLabel}
          </Link>
        ) : (
          <Link
            data-row-link=""
            to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod"
            params={{ restApiId, resourceId: row.resourceId, httpMethod: row.httpMethod }}
            className={linkClass}
          >
            {linkLabel}
          </Link>
        )}
      </td>
      <td className={`${cell} border-b border-border`}>
        <div className="flex flex-col items-start gap-1">
          <span className="font-mono">{row.httpMethod}</span>
          {/* The flow is the method's, so its button sits with the method rather than in a column of its own. */}
          <Button
            variant="secondary"
            className="px-2! py-0.5! text-xs"
            aria-pressed={flowShown}
            onClick={() => onShowFlow(row)}
          >
            Flow
            <span className="sr-only">
              {' '}
              of {row.httpMethod} {row.path}
            </span>
          </Button>
        </div>
      </td>
      <td className={`${cell} border-b border-border`}>
        {row.integrationType ? <Badge>{row.integrationType}</Badge> : <span className="text-fg-muted">none</span>}
      </td>
      <td className={`${cell} border-b border-border font-mono font-semibold`}>
        {row.statusCode ?? <span className="font-sans font-normal text-fg-muted">—</span>}
      </td>
      <td className={`${cell} border-b border-border font-mono`}>
        {row.isDefault ? <span className="font-sans italic">default</span> : describeSelectionPattern(row)}
      </td>
      <td className={`${cell} border-b border-border font-mono text-xs`}>{withBreaks(row.contentHandling ?? '')}</td>
      <td className={`${cell} border-b border-border font-mono text-xs`}>{row.templateContentTypes.join(', ')}</td>
      <td className={`${cell} border-b border-border font-mono text-xs`}>
        {row.headerMappings.length > 0 ? (
          <ul className="flex flex-col gap-0.5">
            {row.headerMappings.map((h) => (
              <li key={h.key}>
                {h.header} <span aria-hidden="true">←</span>
                <span className="sr-only"> from </span> {h.source}
              </li>
            ))}
          </ul>
        ) : null}
      </td>
      <td
        className={`${cell} border-b border-border font-mono text-xs ${row.declaredHeaders === undefined ? 'text-fg-muted italic' : ''}`}
      >
        {describeDeclaredHeaders(row)}
      </td>
      <td className={`${cell} border-b border-border`}>
        {row.problems.length > 0 ? (
          <ul className="flex flex-col gap-1" data-testid="row-problems">
            {row.problems.map((p) => (
              <li key={`${p.code}:${p.message}`} className="flex items-start gap-1.5" data-problem={p.code}>
                <Badge tone={p.severity === 'error' ? 'danger' : 'warning'}>
                  {p.severity === 'error' ? 'Error' : 'Warning'}
                </Badge>
                <span className="text-xs">{p.message}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-xs text-fg-muted">None</span>
        )}
      </td>
      {report ? <StageCell row={row} report={report} /> : null}
    </tr>
  );
}

function StageCell({ row, report }: { row: OverviewRow; report: StageReport }) {
  const diff = row.statusCode === undefined ? undefined : report.diffOf(row.path, row.httpMethod, row.statusCode);
  return (
    <td className={`${cell} border-b border-border`} data-testid="stage-cell">
      {row.statusCode === undefined ? null : diff ? (
        <UndeployedMarkPanel diff={diff} stageName={report.stageName} />
      ) : (
        <span className="text-xs text-fg-muted">Deployed</span>
      )}
    </td>
  );
}

/** CONVERT_TO_BINARY may wrap after an underscore in the narrow column, never inside a word; the text is unchanged. */
function withBreaks(value: string) {
  return value.split(/(?<=_)/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}
