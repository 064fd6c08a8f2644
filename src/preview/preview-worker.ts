// Module Web Worker: renders templates off the main thread so typing stays smooth on 300 KB templates.
import { checkJsonOutput } from './json-check';
import type { JsonCheckResult } from './json-check';
import { renderTemplate } from './render-template';
import type { PreviewResult, PreviewSample } from './render-template';

export interface PreviewRequest {
  id: number;
  template: string;
  sample: PreviewSample;
  /** Also check the output against JSON here, off the main thread (a 300 KB output takes milliseconds). */
  checkJson?: boolean;
}

export interface PreviewResponse {
  id: number;
  result: PreviewResult;
  json?: JsonCheckResult;
  ms: number;
}

self.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { id, template, sample, checkJson } = event.data;
  const started = performance.now();
  // renderTemplate never throws; a catch here only guards against a broken message.
  let result: PreviewResult;
  try {
    result = renderTemplate(template, sample);
  } catch (e) {
    result = { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
  }
  const json = checkJson === true && result.ok ? checkJsonOutput(result.output) : undefined;
  const response: PreviewResponse =
    json === undefined
      ? { id, result, ms: performance.now() - started }
      : { id, result, json, ms: performance.now() - started };
  self.postMessage(response);
});
