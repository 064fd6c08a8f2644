import { useEffect, useRef, useState } from 'react';
import { checkJsonOutput, contentTypeExpectsJson } from '@/preview/json-check';
import { createPreviewRunner, type PreviewRunner } from '@/preview/preview-runner';
import type { PreviewSample } from '@/preview/render-template';
import type { TemplateRow } from '@/integration-response/form-model';
import type { SampleResponse } from './preview-model';

export type TemplatePreviewResult = (
  | { ok: true; output: string; json?: { valid: true } | { valid: false; error: string }; notes?: string[] }
  | { ok: false; error: { message: string; line?: number; column?: number } }
) & { pending: boolean };

export type PreviewRunnerFactory = () => PreviewRunner;

function toPreviewSample(sample: SampleResponse): PreviewSample {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(sample.headers)) {
    const last = values[values.length - 1];
    if (last !== undefined) headers[name] = last;
  }
  const base: PreviewSample = { body: sample.body, headers, statusCode: sample.statusCode };
  return sample.request ? { ...base, ...sample.request } : base;
}

interface RowInputs {
  contentType: string;
  template: string;
  sample: SampleResponse;
}

// Strings compare by reference first, so a 300 KB template that did not change costs nothing here; nothing on
// the keystroke path serialises or hashes the template.
function sameInputs(a: RowInputs | undefined, b: RowInputs): boolean {
  return a !== undefined && a.template === b.template && a.contentType === b.contentType && a.sample === b.sample;
}

export interface PreviewResults {
  results: (TemplatePreviewResult | undefined)[];
  /**
   * Starts rendering row `index` with `template` at once, from the editor's change handler: the worker then renders
   * while the main thread is still re-rendering the form for the same keystroke, instead of after it. The effect
   * that follows sees the same inputs and does not ask again.
   */
  prime: (index: number, template: string) => void;
}

/**
 * Renders every template against the sample off the main thread. The runner is latest-wins per instance, so each
 * template row gets its own runner (otherwise rendering row 2 would supersede row 1). A generation counter per row
 * drops a result that arrives after a newer request for the same row was made. Only rows whose template, content
 * type or sample changed are sent again. `sample` is compared by reference: pass a memoised object.
 */
export function usePreviewResults(
  templates: TemplateRow[],
  sample: SampleResponse,
  createRunner: PreviewRunnerFactory = createPreviewRunner,
  /** false until the page has painted: the worker (a file of its own to fetch and start) comes right after. */
  enabled = true,
): PreviewResults {
  // Each stored result remembers what it was rendered from; a row whose inputs changed since shows it as pending.
  const [entries, setEntries] = useState<({ inputs: RowInputs; result: TemplatePreviewResult } | undefined)[]>([]);
  const runners = useRef<PreviewRunner[]>([]);
  const generations = useRef<number[]>([]);
  const requested = useRef<(RowInputs | undefined)[]>([]);
  const factory = useRef(createRunner);

  const rows: RowInputs[] = templates.map((t) => ({ contentType: t.contentType, template: t.template, sample }));
  const latestRows = useRef(rows);
  useEffect(() => {
    latestRows.current = rows;
  });

  // One stable function for the effect and for prime (a ref, so that prime's identity never changes).
  const request = useRef((index: number, inputs: RowInputs) => {
    if (sameInputs(requested.current[index], inputs)) return;
    requested.current[index] = inputs;
    const generation = (generations.current[index] ?? 0) + 1;
    generations.current[index] = generation;
    const { contentType, template } = inputs;
    if (template === '') return;
    const runner = (runners.current[index] ??= factory.current());
    const checkJson = contentTypeExpectsJson(contentType);
    void runner.render(template, toPreviewSample(inputs.sample), { checkJson }).then((result) => {
      if (generations.current[index] !== generation) return;
      let next: TemplatePreviewResult;
      if (result.ok) {
        // The worker runner checks the JSON itself; a runner that did not is checked here.
        const check = checkJson ? (result.json ?? checkJsonOutput(result.output)) : undefined;
        next = {
          ok: true,
          output: result.output,
          pending: false,
          ...(result.notes ? { notes: result.notes } : {}),
          json:
            check === undefined
              ? undefined
              : check.valid
                ? { valid: true }
                : { valid: false, error: `${check.message} (line ${check.line}, column ${check.column})` },
        };
      } else next = { ok: false, error: result.error, pending: false };
      setEntries((prev) => {
        const copy = prev.slice();
        copy[index] = { inputs, result: next };
        return copy;
      });
    });
  });

  const [prime] = useState(() => (index: number, template: string) => {
    const row = latestRows.current[index];
    // A row this hook has not rendered yet is left to the effect.
    if (row === undefined) return;
    request.current(index, { ...row, template });
  });

  useEffect(() => {
    if (!enabled) return;
    rows.forEach((inputs, index) => request.current(index, inputs));
    // Rows removed at the end: forget what they asked for, so a row added later at that index is rendered afresh.
    for (let index = rows.length; index < requested.current.length; index++) {
      requested.current[index] = undefined;
      generations.current[index] = (generations.current[index] ?? 0) + 1;
    }
  });

  useEffect(() => {
    const owned = runners.current;
    const asked = requested.current;
    return () => {
      for (const runner of owned) runner?.dispose();
      owned.length = 0;
      // A remount (StrictMode) gets new runners: every row must be asked again.
      asked.length = 0;
    };
  }, []);

  const results = rows.map((inputs, index) => {
    const entry = entries[index];
    if (!entry) return undefined;
    return sameInputs(entry.inputs, inputs) ? entry.result : { ...entry.result, pending: true };
  });
  return { results, prime };
}
