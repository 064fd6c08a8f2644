// Module Web Worker: renders templates off the main thread so typing stays smooth on 300 KB templates.
import { renderTemplate } from './render-template';
import type { PreviewResult, PreviewSample } from './render-template';

export interface PreviewRequest {
  id: number;
  template: string;
  sample: PreviewSample;
}

export interface PreviewResponse {
  id: number;
  result: PreviewResult;
  ms: number;
}

self.addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
  const { id, template, sample } = event.data;
  const started = performance.now();
  // renderTemplate never throws; a catch here only guards against a broken message.
  let result: PreviewResult;
  try {
    result = renderTemplate(template, sample);
  } catch (e) {
    result = { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
  }
  const response: PreviewResponse = { id, result, ms: performance.now() - started };
  self.postMessage(response);
});
