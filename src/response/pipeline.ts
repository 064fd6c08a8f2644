// The response side of an API Gateway (REST v1) method, as one pure function: back-end outcome → integration
// response selection → content handling → response template → header mappings → $context.responseOverride.
// The dashboard's simulation and the emulator's TestInvokeMethod both run this, so they cannot disagree.
// Sources for each step are in docs/aws/test-invoke.md.
import type { PreviewContext } from '@/preview/preview-context';
import {
  renderTemplate,
  summarizeOverride,
  type PreviewSample,
  type TemplateOverrides,
} from '@/preview/render-template';
import { selectIntegrationResponse } from '@/rules/selection-pattern';
import type { IntegrationResponse, MethodResponse } from '@/rules/types';
import { mapResponseHeaders, type MappedHeader } from './header-mappings';

/** What the back end answered (for MOCK: the status code the request template chose and an empty body). */
export interface BackendResponse {
  statusCode: number;
  /** Header names as the back end sent them; a repeated header keeps every value in order. */
  headers: Record<string, string[]>;
  body: string;
  /**
   * Lambda (non-proxy AWS integration) only: the function error's `errorMessage`, '' for a successful call.
   * Selection patterns are then matched against it instead of the status code.
   */
  lambdaErrorMessage?: string;
}

/** The method request as the client sent it. */
export interface MethodRequest {
  path: Record<string, string>;
  querystring: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export interface PipelineInput {
  integrationResponses: IntegrationResponse[];
  /** When given, a selected status code without a method response fails as it does in API Gateway. */
  methodResponses?: Record<string, MethodResponse>;
  backend: BackendResponse;
  request: MethodRequest;
  stageVariables: Record<string, string>;
  context: PreviewContext;
  /** The API's binaryMediaTypes (content handling decides from them whether a payload is binary). */
  binaryMediaTypes?: string[];
  /** What the request template left in $context.requestOverride/responseOverride (MOCK: see mock.ts). */
  overrides?: TemplateOverrides;
}

export interface PipelineSuccess {
  ok: true;
  selected: { statusCode: string; via: 'pattern' | 'default' };
  /** The content type whose response template was applied; absent when the body passed through. */
  templateContentType?: string;
  mappedHeaders: MappedHeader[];
  override?: { status?: string; headers: Record<string, string> };
  status: number;
  /** In the order API Gateway writes them. */
  headers: [string, string][];
  body: string;
}

export interface PipelineFailure {
  ok: false;
  /** The text after "Execution failed due to configuration error: " (or another cause) in AWS's execution log. */
  logLine: string;
  /** Plain words for a person: what went wrong and what to change. */
  explanation: string;
  status: number;
  headers: [string, string][];
  body: string;
}

export type PipelineResult = PipelineSuccess | PipelineFailure;

/** API Gateway's answer when a method fails on its configuration (recorded from AWS by LocalStack's tests). */
export function internalServerError(logLine: string, explanation: string): PipelineFailure {
  return {
    ok: false,
    logLine,
    explanation,
    status: 500,
    headers: [['x-amzn-ErrorType', 'InternalServerErrorException']],
    body: '{"message": "Internal server error"}',
  };
}

function mediaTypeMatches(mediaType: string | undefined, patterns: string[]): boolean {
  if (mediaType === undefined || patterns.length === 0) return false;
  const type = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return patterns.some((p) => {
    const pattern = p.trim().toLowerCase();
    if (pattern === '*/*') return true;
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
}

function firstHeader(headers: Record<string, string[]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, values] of Object.entries(headers)) if (key.toLowerCase() === lower) return values[0];
  return undefined;
}

/** A request header by case-insensitive name. */
export function requestHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * The response template API Gateway applies: the one for the request's Accept type, else application/json, else
 * the first one stored. An empty (null) template means the body passes through.
 */
export function selectResponseTemplate(
  templates: Record<string, string | null> | undefined,
  accept: string | undefined,
): { contentType: string; template: string } | undefined {
  if (!templates) return undefined;
  const entries = Object.entries(templates).filter((e): e is [string, string] => e[1] !== null && e[1] !== '');
  if (entries.length === 0) return undefined;
  const pick = (ct: string | undefined) => (ct === undefined ? undefined : entries.find(([k]) => k === ct));
  const found = pick(accept?.split(',').pop()?.trim()) ?? pick('application/json') ?? entries[0];
  return found === undefined ? undefined : { contentType: found[0], template: found[1] };
}

function toBinaryString(base64: string): string | undefined {
  try {
    return atob(base64.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
}

function fromBinaryString(binary: string): string {
  // Each character of a binary string is one byte (0–255); a text body is first encoded as UTF-8.
  // eslint-disable-next-line no-control-regex -- bytes above 0xFF mean the string is text, not bytes
  const bytes = /^[\x00-\xff]*$/.test(binary) ? binary : String.fromCharCode(...new TextEncoder().encode(binary));
  return btoa(bytes);
}

/**
 * Content handling (developer guide, "Content type conversions"): a text payload passes through unless
 * CONVERT_TO_BINARY base64-decodes it; a binary payload (its Content-Type is one of binaryMediaTypes) is
 * base64-encoded unless CONVERT_TO_BINARY, or no contentHandling with a binary Accept, keeps it binary.
 */
function convertBody(
  input: PipelineInput,
  ir: IntegrationResponse,
): { body: string; binary: boolean } | PipelineFailure {
  const media = input.binaryMediaTypes ?? [];
  const payloadIsBinary = mediaTypeMatches(firstHeader(input.backend.headers, 'content-type'), media);
  const acceptIsBinary = mediaTypeMatches(requestHeader(input.request.headers, 'accept'), media);
  const handling = ir.contentHandling;
  const toText = handling === 'CONVERT_TO_TEXT' || (handling === undefined && !acceptIsBinary);
  if (payloadIsBinary)
    return toText
      ? { body: fromBinaryString(input.backend.body), binary: false }
      : { body: input.backend.body, binary: true };
  if (toText) return { body: input.backend.body, binary: false };
  const decoded = toBinaryString(input.backend.body);
  if (decoded === undefined) {
    return internalServerError(
      'Unable to base64 decode the body.',
      `The ${ir.statusCode} integration response converts the body to binary (contentHandling ${handling ?? 'passthrough with a binary Accept'}), but the back end's body is not base64, so API Gateway answers 500.`,
    );
  }
  return { body: decoded, binary: true };
}

function applyOverrideHeaders(headers: [string, string][], override: Record<string, string>): [string, string][] {
  const out = headers.slice();
  for (const [name, value] of Object.entries(override)) {
    const at = out.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (at >= 0) out[at] = [name, value];
    else out.push([name, value]);
  }
  return out;
}

/** Runs the response side for one back-end outcome. Never throws for user data: failures come back as a 500. */
export function runResponsePipeline(input: PipelineInput): PipelineResult {
  const outcome =
    input.backend.lambdaErrorMessage !== undefined
      ? { kind: 'lambda' as const, errorMessage: input.backend.lambdaErrorMessage }
      : { kind: 'status' as const, statusCode: String(input.backend.statusCode) };
  const selection = selectIntegrationResponse(input.integrationResponses, outcome);
  if (selection.statusCode === null) {
    return internalServerError(
      `No match for output mapping and no default output mapping specified. Endpoint Response Status Code: ${input.backend.statusCode}`,
      selection.reason,
    );
  }
  const ir = input.integrationResponses.find((r) => r.statusCode === selection.statusCode);
  if (ir === undefined) throw new Error('selected integration response vanished');
  if (input.methodResponses !== undefined && input.methodResponses[ir.statusCode] === undefined) {
    return internalServerError(
      `Output mapping refers to an invalid method response: ${ir.statusCode}`,
      `The ${ir.statusCode} integration response was selected, but the method has no ${ir.statusCode} method response, so API Gateway answers 500. Add the method response.`,
    );
  }

  const converted = convertBody(input, ir);
  if ('ok' in converted) return converted;

  const selectedTemplate = selectResponseTemplate(ir.responseTemplates, requestHeader(input.request.headers, 'accept'));
  let body = converted.body;
  // Without a response template, what the request template set still applies (LocalStack's AWS-validated
  // test_integration_mock_with_response_override_in_request_template[False]: the client got 444).
  let override: PipelineSuccess['override'] = summarizeOverride(input.overrides?.responseOverride);
  if (selectedTemplate !== undefined) {
    if (converted.binary) {
      return internalServerError(
        'Unable to transform the binary response body with a mapping template.',
        `The ${ir.statusCode} integration response has a ${selectedTemplate.contentType} template, but the body is binary at that point (content handling), and a template only applies to text.`,
      );
    }
    const backendHeaders: Record<string, string> = {};
    for (const [name, values] of Object.entries(input.backend.headers)) {
      const last = values[values.length - 1];
      if (last !== undefined) backendHeaders[name] = last;
    }
    const sample: PreviewSample = {
      body,
      headers: backendHeaders,
      statusCode: String(input.backend.statusCode),
      context: input.context,
      stageVariables: input.stageVariables,
      params: { path: input.request.path, querystring: input.request.querystring, header: input.request.headers },
      ...(input.overrides ? { overrides: input.overrides } : {}),
    };
    const rendered = renderTemplate(selectedTemplate.template, sample, { incremental: false });
    if (!rendered.ok) {
      return internalServerError(
        `Unable to transform response: ${rendered.error.message}`,
        `The ${ir.statusCode} integration response's ${selectedTemplate.contentType} template fails: ${rendered.error.message}`,
      );
    }
    body = rendered.output;
    override = rendered.responseOverride;
  }

  const mappedHeaders = mapResponseHeaders(ir.responseParameters, {
    headers: input.backend.headers,
    body: input.backend.body,
    stageVariables: input.stageVariables,
    context: input.context,
  });
  // UNVERIFIED beyond LocalStack: a non-proxy method answers Content-Type application/json unless a header
  // mapping or the override sets it (AWS's recorded TestInvokeMethod answers show application/json for MOCK).
  let headers: [string, string][] = [['Content-Type', 'application/json']];
  for (const m of mappedHeaders)
    if ('value' in m.result) headers = applyOverrideHeaders(headers, { [m.name]: m.result.value });

  let status = Number(ir.statusCode);
  if (override !== undefined) {
    // API Gateway ignores an override status that is not a whole number from 100 to 599 (LocalStack, from AWS).
    const wanted = override.status === undefined ? NaN : Number(override.status);
    if (override.status !== undefined && /^\d+$/.test(override.status.trim()) && wanted >= 100 && wanted <= 599)
      status = wanted;
    headers = applyOverrideHeaders(headers, override.headers);
  }

  return {
    ok: true,
    selected: { statusCode: selection.statusCode, via: selection.via },
    ...(selectedTemplate ? { templateContentType: selectedTemplate.contentType } : {}),
    mappedHeaders,
    ...(override ? { override } : {}),
    status,
    headers,
    body,
  };
}
