import { Link } from '@tanstack/react-router';
import type { ResponseRef } from '@/api/refs';
import { Badge, type BadgeTone } from '@/components/badge';
import type { Change, ReviewRow } from './review-model';
import { fieldId } from './review-model';

const changeLabels: Record<Change, { text: string; tone: BadgeTone }> = {
  unchanged: { text: 'unchanged', tone: 'neutral' },
  added: { text: 'added', tone: 'success' },
  removed: { text: 'cleared', tone: 'danger' },
  changed: { text: 'changed', tone: 'warning' },
};

function display(row: ReviewRow, value: string | null): string {
  switch (row.field.kind) {
    case 'selectionPattern':
      return value ?? 'None (the default response)';
    case 'contentHandling':
      return value ?? 'Passthrough (not set)';
    case 'header':
      return value ?? 'Not mapped';
    case 'headers':
      return 'None';
    case 'templates':
      return 'None';
    case 'template':
      return value === null ? 'No template' : value === '' ? '(empty template)' : value;
  }
}

/** GOV.UK "check answers": one row per field, what is stored now next to what will be stored, with Change links. */
export function ChangeTable({
  rows,
  isNew,
  editor,
  errors,
}: {
  rows: ReviewRow[];
  isNew: boolean;
  editor: ResponseRef;
  /** Server error messages by field id, shown next to the field. */
  errors: Record<string, string>;
}) {
  return (
    <dl className="rounded-md border border-border bg-surface-raised">
      {rows.map((row) => {
        const id = fieldId(row.field);
        const error = errors[id];
        const label = changeLabels[row.change];
        return (
          <div
            key={id}
            id={id}
            tabIndex={-1}
            data-testid={id}
            className={`flex flex-wrap items-baseline gap-x-3 gap-y-2 border-b border-border px-4 py-3 last:border-b-0 ${error ? 'border-l-4 border-l-danger' : ''}`}
          >
            <dt className="font-mono text-sm font-semibold text-fg">{row.label}</dt>
            <dd className="flex-1">
              <Badge tone={label.tone}>{isNew && row.change === 'added' ? 'new' : label.text}</Badge>
            </dd>
            <dd>
              <Link
                to="/apis/$restApiId/resources/$resourceId/methods/$httpMethod/responses/$statusCode"
                params={editor}
                className="text-sm text-accent underline underline-offset-2 hover:text-accent-hover"
              >
                Change<span className="sr-only"> {row.label}</span>
              </Link>
            </dd>
            {error ? (
              <dd className="basis-full text-sm font-medium text-danger">
                <span className="sr-only">Error: </span>
                {error}
              </dd>
            ) : null}
            <dd className="min-w-0 basis-full">
              {row.lines ? <TemplateDiff row={row} isNew={isNew} /> : <ScalarChange row={row} isNew={isNew} />}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ScalarChange({ row, isNew }: { row: ReviewRow; isNew: boolean }) {
  const mono = row.field.kind !== 'headers' && row.field.kind !== 'templates';
  const before = display(row, row.before);
  const after = display(row, row.after);
  if (row.change === 'unchanged') {
    return <p className={`text-sm break-all text-fg ${mono && row.after !== null ? 'font-mono' : ''}`}>{after}</p>;
  }
  return (
    <div className="grid gap-2 text-sm sm:grid-cols-2">
      <div>
        <p className="text-xs font-medium text-fg-muted">On the server now</p>
        <p className={`break-all text-fg ${mono && row.before !== null ? 'font-mono' : ''}`}>
          {isNew ? 'Does not exist yet' : before}
        </p>
      </div>
      <div>
        <p className="text-xs font-medium text-fg-muted">After sending</p>
        <p className={`break-all text-fg ${mono && row.after !== null ? 'font-mono' : ''}`}>{after}</p>
      </div>
    </div>
  );
}

const linePrefix = { same: ' ', removed: '-', added: '+' } as const;
const lineClass = { same: 'text-fg', removed: 'bg-danger-soft text-fg', added: 'bg-success-soft text-fg' } as const;
const lineLabel = { same: '', removed: 'Removed: ', added: 'Added: ' } as const;

function TemplateDiff({ row, isNew }: { row: ReviewRow; isNew: boolean }) {
  const lines = row.lines ?? [];
  if (row.change === 'removed') {
    return <p className="text-sm text-fg">This template is cleared: the PUT does not include it.</p>;
  }
  return (
    <div className="flex flex-col gap-1">
      <p className="text-xs text-fg-muted">
        {row.change === 'unchanged'
          ? 'Same as on the server.'
          : isNew || row.before === null
            ? 'New template.'
            : 'Lines starting with - are removed, lines starting with + are added.'}
      </p>
      <pre
        tabIndex={0}
        aria-label={`${row.label}, line by line`}
        className="max-h-80 overflow-auto rounded border border-border bg-surface-sunken py-2 font-mono text-sm"
      >
        {lines.map((line, i) => (
          <div key={i} className={`px-3 whitespace-pre ${lineClass[line.kind]}`}>
            <span className="sr-only">{lineLabel[line.kind]}</span>
            <span aria-hidden="true" className="mr-2 inline-block w-3 select-none text-fg-muted">
              {row.change === 'unchanged' ? ' ' : linePrefix[line.kind]}
            </span>
            {line.text === '' ? ' ' : line.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
