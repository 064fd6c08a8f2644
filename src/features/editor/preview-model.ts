// The sample back-end response the previews run against, and the header-mapping preview (pure).
import { resolveMappingSource } from '@/response/header-mappings';
import type { MappingSource } from '@/rules/mapping-expression';
import type { RequestView } from '@/response/simulation-inputs';
import type { DraftSamples } from '@/integration-response/drafts';
import { mappingRowToSource, type MappingRow } from '@/integration-response/form-model';

export type MappingPreview = { value: string } | { missing: string } | undefined;

export interface SampleResponse {
  body: string;
  headers: Record<string, string[]>;
  statusCode: string;
  /** The method request set under Simulate: what `$input.params()`, `$stageVariables` and `$context` read. */
  request?: RequestView;
}

export function defaultPreviewSample(isLambda: boolean): Omit<DraftSamples, 'testerSamples'> {
  return {
    previewBody: isLambda
      ? '{\n  "errorMessage": "Invalid input: name is required",\n  "errorType": "ValidationError",\n  "orderId": "42"\n}'
      : '{\n  "id": "42",\n  "name": "Widget",\n  "price": 9.5,\n  "tags": ["new", "sale"]\n}',
    previewHeaders: 'Content-Type: application/json\nX-Request-Id: 7f1c-42',
    previewStatus: '200',
  };
}

/** `Name: value` per line; repeated names keep every value (for multivalue mappings). Names are matched case-insensitively. */
export function parseSampleHeaders(text: string): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name === '') continue;
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return headers;
}

/** The value a header mapping would produce for the sample response, or why it has none. */
export function mappingPreview(row: MappingRow, sample: SampleResponse): MappingPreview {
  if (row.kind === 'expression') return undefined;
  const parsed = mappingRowToSource(row);
  if (parsed === null) return undefined;
  const source: MappingSource =
    parsed.kind === 'header' || parsed.kind === 'multivalueheader' ? { ...parsed, name: parsed.name.trim() } : parsed;
  // The same resolver the emulator's TestInvokeMethod uses, with the method request set under Simulate.
  const result = resolveMappingSource(source, {
    headers: sample.headers,
    body: sample.body,
    ...(sample.request ? { stageVariables: sample.request.stageVariables, context: sample.request.context } : {}),
  });
  if ('value' in result) return result;
  const fromSample = row.kind === 'header' || row.kind === 'multivalueheader' || row.kind === 'body';
  return {
    missing: fromSample ? `${result.missing.replace('the back end', 'the sample')}: header not sent` : result.missing,
  };
}
