import { useId } from 'react';
import { inputClassName } from '@/components/field';
import { selectIntegrationResponse, type BackendOutcome } from '@/rules/selection-pattern';
import type { IntegrationResponse } from '@/rules/types';

export const defaultLambdaSamples = [
  'Invalid input: name is required',
  'Not found: order 42',
  'Task timed out after 3.00 seconds',
];
export const defaultStatusSamples = ['200', '201', '400', '404', '500', '503'];

export function defaultTesterSamples(isLambda: boolean): string[] {
  return isLambda ? defaultLambdaSamples : defaultStatusSamples;
}

export interface TesterRow {
  sample: string;
  label: string;
  result: ReturnType<typeof selectIntegrationResponse>;
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
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-samples`} className="text-sm font-medium text-fg">
          {isLambda ? 'Sample Lambda error messages, one per line' : 'Sample back-end status codes, one per line'}
        </label>
        <textarea
          id={`${id}-samples`}
          className={`${inputClassName} font-mono text-sm`}
          rows={Math.min(8, Math.max(3, samples.length + 1))}
          spellCheck={false}
          value={samples.join('\n')}
          onChange={(e) => onSamplesChange(e.target.value.split('\n'))}
        />
      </div>
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
                <td className="py-2 pr-4 font-mono break-all text-fg">{row.label}</td>
                <td className="py-2 pr-4 text-fg">
                  {row.result.statusCode === null ? (
                    <span className="font-semibold text-danger">500 (no match)</span>
                  ) : (
                    <span className={row.result.statusCode === statusCode ? 'font-semibold' : ''}>
                      <span className="font-mono">{row.result.statusCode}</span>
                      {row.result.statusCode === statusCode ? ' (this response)' : ''}
                    </span>
                  )}
                </td>
                <td className="py-2 text-fg-muted">
                  {row.result.statusCode === null
                    ? row.result.reason
                    : row.result.via === 'default'
                      ? 'No pattern matched: default response'
                      : `Matched the selection pattern of ${row.result.statusCode}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
