import { memo, useId, useState } from 'react';
import { Field, inputClassName } from '@/components/field';
import type { DraftSamples } from '@/integration-response/drafts';
import type { TemplateRow } from '@/integration-response/form-model';
import type { TemplatePreviewResult } from './use-preview-results';

export function TemplatePreview({
  isLambda,
  samples,
  onSamplesChange,
  templates,
  results,
}: {
  isLambda: boolean;
  samples: DraftSamples;
  onSamplesChange: (update: (s: DraftSamples) => DraftSamples) => void;
  templates: TemplateRow[];
  results: (TemplatePreviewResult | undefined)[];
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-4 rounded-md border border-border bg-surface-raised p-4"
    >
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold text-fg">
          Preview
        </h2>
        <p className="text-sm text-fg-muted">
          Each template and header mapping rendered against a sample {isLambda ? 'Lambda result' : 'back-end response'},
          as API Gateway would. Edit the sample to try other cases. Templates read the method request (
          <code className="font-mono">$input.params()</code>, <code className="font-mono">$stageVariables</code>,{' '}
          <code className="font-mono">$context</code>) set under Simulate below.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Field label="Sample body">
          {(p) => (
            <textarea
              {...p}
              className={`${inputClassName} font-mono text-sm`}
              rows={7}
              spellCheck={false}
              value={samples.previewBody}
              onChange={(e) => {
                const previewBody = e.target.value;
                onSamplesChange((s) => ({ ...s, previewBody }));
              }}
            />
          )}
        </Field>
        <div className="flex flex-col gap-4">
          <Field label="Sample status code">
            {(p) => (
              <input
                {...p}
                className={`${inputClassName} max-w-32 font-mono`}
                inputMode="numeric"
                autoComplete="off"
                value={samples.previewStatus}
                onChange={(e) => {
                  const previewStatus = e.target.value;
                  onSamplesChange((s) => ({ ...s, previewStatus }));
                }}
              />
            )}
          </Field>
          <Field label="Sample headers" hint="One per line, as Name: value">
            {(p) => (
              <textarea
                {...p}
                className={`${inputClassName} font-mono text-sm`}
                rows={3}
                spellCheck={false}
                value={samples.previewHeaders}
                onChange={(e) => {
                  const previewHeaders = e.target.value;
                  onSamplesChange((s) => ({ ...s, previewHeaders }));
                }}
              />
            )}
          </Field>
        </div>
      </div>
      {templates.length === 0 ? (
        <p className="text-sm text-fg-muted">No templates: the client gets the sample body unchanged.</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {templates.map((row, index) => (
            <li key={index} className="flex flex-col gap-2" data-testid="template-preview">
              <h3 className="text-base font-semibold text-fg">
                Output for <code className="font-mono">{row.contentType || '(no content type)'}</code>
              </h3>
              <PreviewOutput row={row} result={results[index]} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Laying out a 300 KB output took ~50 ms per result in Chrome; beyond this size only its head and tail are shown
// (the tail is where an edit at the end of a template shows up) until the user asks for all of it.
const PREVIEW_HEAD_CHARS = 16 * 1024;
const PREVIEW_TAIL_CHARS = 4 * 1024;

export function previewExcerpt(output: string): { head: string; tail: string; omitted: number } | undefined {
  if (output.length <= PREVIEW_HEAD_CHARS + PREVIEW_TAIL_CHARS + 1024) return undefined;
  // Cut at line ends, so no line shows half-written.
  const headEnd = output.lastIndexOf('\n', PREVIEW_HEAD_CHARS);
  const head = output.slice(0, headEnd > 0 ? headEnd + 1 : PREVIEW_HEAD_CHARS);
  const tailCut = output.length - PREVIEW_TAIL_CHARS;
  const tailStart = output.indexOf('\n', tailCut);
  const tail = output.slice(tailStart >= 0 && tailStart < output.length - 1 ? tailStart + 1 : tailCut);
  return { head, tail, omitted: output.length - head.length - tail.length };
}

function formatSize(chars: number): string {
  return chars >= 10 * 1024 ? `${Math.round(chars / 1024)} K characters` : `${chars} characters`;
}

// Memoised on the output string: a re-render while the next result is pending does not touch the preview text.
const OutputText = memo(function OutputText({ output, label }: { output: string; label: string }) {
  const [showAll, setShowAll] = useState(false);
  const excerpt = showAll ? undefined : previewExcerpt(output);
  return (
    <>
      <pre
        tabIndex={0}
        role="group"
        aria-label={label}
        className="max-h-72 overflow-auto rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm whitespace-pre-wrap break-words text-fg"
        // Its size is fixed by max-h/overflow, so text changes inside never make the browser re-lay out the page.
        style={{ contain: 'content' }}
      >
        {output === '' ? (
          '(empty)'
        ) : excerpt ? (
          <>
            {excerpt.head}
            <span className="my-1 block border-y border-dashed border-border py-1 text-fg-muted italic">
              … {formatSize(excerpt.omitted)} not shown …
            </span>
            {excerpt.tail}
          </>
        ) : (
          output
        )}
      </pre>
      {excerpt || showAll ? (
        <div>
          <button
            type="button"
            className="text-sm text-accent underline underline-offset-2"
            aria-expanded={showAll}
            onClick={() => setShowAll((v) => !v)}
          >
            {showAll
              ? 'Show only the start and end of the output'
              : `Show all of the output (${formatSize(output.length)})`}
          </button>
        </div>
      ) : null}
    </>
  );
});

function PreviewOutput({ row, result }: { row: TemplateRow; result: TemplatePreviewResult | undefined }) {
  if (row.template === '') {
    return (
      <p className="text-sm text-fg-muted">
        Empty template: API Gateway stores it as null and passes the body through.
      </p>
    );
  }
  if (!result) return <p className="text-sm text-fg-muted">Rendering…</p>;
  if (!result.ok) {
    const where =
      result.error.line !== undefined
        ? `Line ${result.error.line}${result.error.column !== undefined ? `, column ${result.error.column}` : ''}: `
        : '';
    return (
      <p className="rounded border-l-4 border-danger bg-danger-soft px-3 py-2 text-sm break-words text-fg">
        <span className="font-semibold">The template can't be rendered. </span>
        {where}
        {result.error.message}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <OutputText output={result.output} label={`Rendered output for ${row.contentType || 'no content type'}`} />
      {result.notes?.map((note) => (
        <p key={note} className="text-sm text-fg">
          <span className="font-semibold text-warning">Cut short: </span>
          {note}
        </p>
      ))}
      {result.json ? (
        result.json.valid ? (
          <p className="text-sm font-medium text-success">
            <span aria-hidden="true">✓ </span>Valid JSON
          </p>
        ) : (
          <p className="text-sm text-fg">
            <span className="font-semibold text-warning">Not valid JSON: </span>
            {result.json.error}
          </p>
        )
      ) : null}
      {/* The line keeps its height when empty: appearing and vanishing on every keystroke would move the rest of
          the page each time (a relayout and repaint of everything below). */}
      <p className="min-h-5 text-sm text-fg-muted">{result.pending ? 'Updating…' : null}</p>
    </div>
  );
}
