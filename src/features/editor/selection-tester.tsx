import { useId, useRef } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/button';
import { Field, inputClassName } from '@/components/field';
import { analyzeJavaPattern } from '@/rules/java-regex';
import { selectIntegrationResponse, type BackendOutcome } from '@/rules/selection-pattern';
import type { IntegrationResponse } from '@/rules/types';

export interface TesterRow {
  sample: string;
  label: string;
  result: ReturnType<typeof selectIntegrationResponse>;
}

/** Patterns of the method the tester can't decide (a construct it can't reproduce), by status code. */
export function undecidablePatterns(responses: IntegrationResponse[]): { statusCode: string; reason: string }[] {
  return responses.flatMap((r) => {
    if (!r.selectionPattern) return [];
    const analysis = analyzeJavaPattern(r.selectionPattern);
    return !analysis.ok && /not supported here/.test(analysis.error)
      ? [{ statusCode: r.statusCode, reason: analysis.error }]
      : [];
  });
}

/** One row per sample (blank lines ignored); for Lambda, a successful call (empty errorMessage) is always tested. */
export function testerRows(isLambda: boolean, samples: string[], responses: IntegrationResponse[]): TesterRow[] {
  const rows: TesterRow[] = [];
  const outcomes: { sample: string; label: string; outcome: BackendOutcome }[] = [];
  if (isLambda)
    outcomes.push({
      sample: '',
      label: 'Successful call (empty error message)',
      outcome: { kind: 'lambda', errorMessage: '' },
    });
  for (const raw of samples) {
    if (raw.trim() === '') continue;
    outcomes.push(
      isLambda
        ? { sample: raw, label: raw, outcome: { kind: 'lambda', errorMessage: raw } }
        : { sample: raw.trim(), label: raw.trim(), outcome: { kind: 'status', statusCode: raw.trim() } },
    );
  }
  for (const { sample, label, outcome } of outcomes)
    rows.push({ sample, label, result: selectIntegrationResponse(responses, outcome) });
  return rows;
}

export function SelectionTester({
  isLambda,
  statusCode,
  samples,
  onSamplesChange,
  responses,
}: {
  isLambda: boolean;
  statusCode: string;
  samples: string[];
  onSamplesChange: (samples: string[]) => void;
  /** Every integration response of the method, with this form's current values in place of the stored one. */
  responses: IntegrationResponse[];
}) {
  const id = useId();
  const rows = testerRows(isLambda, samples, responses);
  const undecidable = undecidablePatterns(responses);
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-md border border-border bg-surface-raised p-4"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-fg">
        Selection pattern tester
      </h2>
      <p className="text-sm text-fg-muted">
        Which integration response API Gateway picks for each sample, using this form's current selection pattern and
        the method's other integration responses. Patterns are Java regular expressions that must match the whole{' '}
        {isLambda ? 'error message' : 'status code'}; an empty pattern is the default response.
      </p>
      {isLambda ? (
        <LambdaSamples id={id} samples={samples} onSamplesChange={onSamplesChange} />
      ) : (
        <Field id={`${id}-samples`} label="Sample back-end status codes, one per line">
          {(p) => (
            <textarea
              {...p}
              className={`${inputClassName} font-mono text-sm`}
              rows={Math.min(8, Math.max(3, samples.length + 1))}
              spellCheck={false}
              value={samples.join('\n')}
              onChange={(e) => onSamplesChange(e.target.value.split('\n'))}
            />
          )}
        </Field>
      )}
      {undecidable.length > 0 ? (
        <p className="rounded border-l-4 border-warning bg-warning-soft px-2 py-1 text-sm text-fg" role="note">
          <span className="font-semibold">Can't decide: </span>
          {undecidable
            .map((u) => `the ${u.statusCode} pattern uses a construct this preview can't reproduce (${u.reason})`)
            .join('; ')}
          . The tester shows no verdict rather than guess.
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" aria-describedby={`${id}-caption`}>
          <caption id={`${id}-caption`} className="sr-only">
            Integration response selected for each sample
          </caption>
          <thead>
            <tr className="border-b border-border-strong">
              <th scope="col" className="py-2 pr-4 font-semibold text-fg">
                {isLambda ? 'Lambda outcome' : 'Back-end status'}
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold text-fg">
                Method response status
              </th>
              <th scope="col" className="py-2 font-semibold text-fg">
                Why
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={`${index}:${row.label}`} className="border-b border-border align-top">
                <td className="py-2 pr-4 font-mono break-all whitespace-pre-wrap text-fg">{row.label}</td>
                <td className="py-2 pr-4 text-fg">
                  {undecidable.length > 0 ? (
                    <span className="font-semibold">Can't tell</span>
                  ) : row.result.statusCode === null ? (
                    <span className="font-semibold text-danger">500 (no match)</span>
                  ) : (
                    <span className={row.result.statusCode === statusCode ? 'font-semibold' : ''}>
                      <span className="font-mono">{row.result.statusCode}</span>
                      {row.result.statusCode === statusCode ? ' (this response)' : ''}
                    </span>
                  )}
                </td>
                <td className="py-2 text-fg-muted">
                  {undecidable.length > 0 ? (
                    `Depends on the ${undecidable.map((u) => u.statusCode).join(' and ')} pattern, which this preview can't decide`
                  ) : row.result.statusCode === null ? (
                    row.result.reason
                  ) : row.result.via === 'default' ? (
                    'No pattern matched: default response'
                  ) : (
                    <>
                      Matched the selection pattern of {row.result.statusCode}
                      {row.result.alsoMatched.length > 0 ? (
                        <span className="mt-1 block rounded border-l-4 border-warning bg-warning-soft px-2 py-1 text-fg">
                          <span className="font-semibold">Overlap: </span>
                          also matched by the pattern of {row.result.alsoMatched.join(', ')}. AWS documents no order
                          among matching patterns, so {[row.result.statusCode, ...row.result.alsoMatched].join(' or ')}{' '}
                          may answer; this preview shows the lowest status code.
                        </span>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Lambda samples: one box per errorMessage, so a message can span lines (a stack trace) as AWS sees it. */
function LambdaSamples({
  id,
  samples,
  onSamplesChange,
}: {
  id: string;
  samples: string[];
  onSamplesChange: (samples: string[]) => void;
}) {
  const list = samples.length === 0 ? [''] : samples;
  const boxes = useRef<(HTMLTextAreaElement | null)[]>([]);
  // Focus follows the box added or removed, so a keyboard user goes on typing where they are.
  const changeAndFocus = (next: string[], focus: number) => {
    flushSync(() => onSamplesChange(next));
    boxes.current[focus]?.focus();
  };
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-samples-hint`}>
      <legend className="text-sm font-medium text-fg">Sample Lambda error messages</legend>
      <p id={`${id}-samples-hint`} className="text-sm text-fg-muted">
        One box per error message. A message can span several lines (Enter adds a line break), as a stack trace does.
      </p>
      {list.map((sample, index) => (
        <div key={index} className="flex items-start gap-2">
          <textarea
            ref={(el) => {
              boxes.current[index] = el;
            }}
            aria-label={`Error message ${index + 1}`}
            className={`${inputClassName} min-w-0 flex-1 font-mono text-sm`}
            rows={Math.min(6, Math.max(1, sample.split('\n').length))}
            spellCheck={false}
            value={sample}
            onChange={(e) => onSamplesChange(list.map((s, k) => (k === index ? e.target.value : s)))}
          />
          <Button
            variant="secondary"
            onClick={() =>
              changeAndFocus(
                list.filter((_, k) => k !== index),
                Math.max(0, index - 1),
              )
            }
          >
            Remove<span className="sr-only"> error message {index + 1}</span>
          </Button>
        </div>
      ))}
      <div>
        <Button variant="secondary" onClick={() => changeAndFocus([...list, ''], list.length)}>
          Add an error message
        </Button>
      </div>
    </fieldset>
  );
}
