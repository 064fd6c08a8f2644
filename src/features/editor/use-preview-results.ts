import { useEffect, useRef, useState } from 'react';
import { checkJsonOutput, contentTypeExpectsJson } from '../../preview/json-check';
import { createPreviewRunner, type PreviewRunner } from '../../preview/preview-runner';
import type { PreviewSample } from '../../preview/render-template';
import type { TemplateRow } from './form-model';
import type { SampleResponse } from './preview-model';

export type TemplatePreviewResult = (
  | { ok: true; output: string; json?: { valid: true } | { valid: false; error: string } }
  | { ok: false; error: { message: string; line?: number; column?: number } }
) & { pending: boolean };

export type PreviewRunnerFactory = () => PreviewRunner;

function toPreviewSample(sample: SampleResponse): PreviewSample {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(sample.headers)) {
    const last = values[values.length - 1];
    if (last !== undefined) headers[name] = last;
  }
  return { body: sample.body, headers, statusCode: sample.statusCode };
}

/**
 * Renders every template against the sample off the main thread. The runner is latest-wins per instance, so each
 * template row gets its own runner (otherwise rendering row 2 would supersede row 1). A generation counter per row
 * drops a result that arrives after a newer request for the same row was made.
 */
export function usePreviewResults(
  templates: TemplateRow[],
  sample: SampleResponse,
  createRunner: PreviewRunnerFactory = createPreviewRunner,
): (TemplatePreviewResult | undefined)[] {
  // Each stored result remembers what it was rendered from; a row whose inputs changed since shows it as pending.
  const [entries, setEntries] = useState<({ key: string; result: TemplatePreviewResult } | undefined)[]>([]);
  const runners = useRef<PreviewRunner[]>([]);
  const generations = useRef<number[]>([]);
  const factory = useRef(createRunner);

  const sampleJson = JSON.stringify(sample);
  const keys = templates.map((t) => JSON.stringify([t.contentType, t.template, sampleJson]));
  const keysJson = JSON.stringify(keys);

  useEffect(() => {
    const rowKeys = JSON.parse(keysJson) as string[];
    rowKeys.forEach((key, index) => {
      const [contentType, template, sampleText] = JSON.parse(key) as [string, string, string];
      const generation = (generations.current[index] ?? 0) + 1;
      generations.current[index] = generation;
      if (template === '') return;
      const runner = (runners.current[index] ??= factory.current());
      void runner.render(template, toPreviewSample(JSON.parse(sampleText) as SampleResponse)).then((result) => {
        if (generations.current[index] !== generation) return;
        let next: TemplatePreviewResult;
        if (result.ok) {
          const check = contentTypeExpectsJson(contentType) ? checkJsonOutput(result.output) : undefined;
          next = {
            ok: true,
            output: result.output,
            pending: false,
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
          copy[index] = { key, result: next };
          return copy;
        });
      });
    });
  }, [keysJson]);

  useEffect(() => {
    const owned = runners.current;
    return () => {
      for (const runner of owned) runner?.dispose();
      owned.length = 0;
    };
  }, []);

  return keys.map((key, index) => {
    const entry = entries[index];
    if (!entry) return undefined;
    return entry.key === key ? entry.result : { ...entry.result, pending: true };
  });
}
