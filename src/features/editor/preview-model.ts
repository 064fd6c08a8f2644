// The sample back-end response the previews run against, and the header-mapping preview (pure).
import { resolveBodyMapping } from '@/preview/json-path';
import type { DraftSamples } from './drafts';
import type { MappingRow } from './form-model';

export type MappingPreview = { value: string } | { missing: string } | undefined;

export interface SampleResponse {
  body: string;
  headers: Record<string, string[]>;
  statusCode: string;
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
  switch (row.kind) {
    case 'static':
      return { value: row.value };
    case 'header': {
      const values = sample.headers[row.value.trim().toLowerCase()];
      // For a repeated header, API Gateway uses the last value (UNVERIFIED; the docs only say multivalue reads all).
      return values && values.length > 0
        ? { value: values[values.length - 1] ?? '' }
        : { missing: 'the sample has no such header: header not sent' };
    }
    case 'multivalueheader': {
      const values = sample.headers[row.value.trim().toLowerCase()];
      return values && values.length > 0
        ? { value: values.join(',') }
        : { missing: 'the sample has no such header: header not sent' };
    }
    case 'body': {
      try {
        const value = resolveBodyMapping(sample.body, row.value);
        return value === undefined
          ? { missing: 'nothing at this path in the sample body: header not sent' }
          : { value };
      } catch (error) {
        return {
          missing: `not a JSONPath the preview understands (${error instanceof Error ? error.message : String(error)})`,
        };
      }
    }
    case 'stageVariable':
      return { missing: 'set per stage: known only when deployed' };
    case 'context':
      return { missing: 'set per request: known only at run time' };
    case 'expression':
      return undefined;
  }
}
