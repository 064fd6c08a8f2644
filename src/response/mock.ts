// A MOCK integration end to end: the request template picks the status code, then the response pipeline runs.
// API Gateway never calls a back end for MOCK, so this is the whole method (no authorizer, no request validation).
import type { PreviewContext } from '@/preview/preview-context';
import { renderTemplate, type TemplateOverrides } from '@/preview/render-template';
import type { IntegrationResponse, MethodResponse } from '@/rules/types';
import {
  internalServerError,
  requestHeader,
  runResponsePipeline,
  type MethodRequest,
  type PipelineResult,
} from './pipeline';

export interface MockIntegration {
  requestTemplates?: Record<string, string | null>;
  passthroughBehavior?: string;
  integrationResponses?: Record<string, IntegrationResponse>;
}

export type MockRun =
  | { stage: 'request'; result: PipelineResult & { ok: false } }
  | { stage: 'response'; backendStatus: number; result: PipelineResult };

/**
 * The statusCode the request template's output names. API Gateway reads it as JSON; for the not-quite-JSON
 * `{statusCode: 200}` that CDK writes for CORS methods it still finds the number (LocalStack does the same to
 * match AWS), so a lenient read follows a failed parse. Anything but a whole number is unusable.
 */
export function mockStatusCode(output: string): number | undefined {
  try {
    const doc: unknown = JSON.parse(output);
    if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
      const value = (doc as Record<string, unknown>).statusCode;
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    }
    return undefined;
  } catch {
    const m = /^\s*\{[\s\S]*?["']?statusCode["']?\s*:\s*(\d+)\s*[,}]/.exec(output);
    return m?.[1] === undefined ? undefined : Number(m[1]);
  }
}

/**
 * The request template for the request's Content-Type (application/json when it has none). Without one,
 * passthroughBehavior decides: WHEN_NO_MATCH passes the body through; NEVER, and WHEN_NO_TEMPLATES when the
 * integration has templates, refuse with 415 (developer guide, "Integration passthrough behaviors").
 */
function requestTemplateFor(
  integration: MockIntegration,
  request: MethodRequest,
): { template: string } | { passthrough: true } | { unsupported: true } {
  const contentType =
    (requestHeader(request.headers, 'content-type') ?? 'application/json').split(';')[0]?.trim() ?? '';
  const templates = integration.requestTemplates ?? {};
  const keys = Object.keys(templates);
  const key = keys.find((k) => k.toLowerCase() === contentType.toLowerCase());
  if (key !== undefined) return { template: templates[key] ?? '' };
  const behavior = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
  if (behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && keys.length > 0)) return { unsupported: true };
  return { passthrough: true };
}

export function runMockMethod(args: {
  integration: MockIntegration;
  methodResponses?: Record<string, MethodResponse>;
  request: MethodRequest;
  stageVariables: Record<string, string>;
  context: PreviewContext;
  binaryMediaTypes?: string[];
}): MockRun {
  const { integration, request } = args;
  const chosen = requestTemplateFor(integration, request);
  if ('unsupported' in chosen) {
    return {
      stage: 'request',
      result: {
        ok: false,
        logLine: 'Unsupported Media Type',
        explanation:
          "No request template matches the request's Content-Type and the passthrough behavior refuses the body, so API Gateway answers 415.",
        status: 415,
        headers: [['x-amzn-ErrorType', 'UnsupportedMediaTypeException']],
        body: '{"message": "Unsupported Media Type"}',
      },
    };
  }
  let output = request.body;
  let overrides: TemplateOverrides | undefined;
  if ('template' in chosen && chosen.template !== '') {
    const rendered = renderTemplate(
      chosen.template,
      {
        body: request.body,
        headers: request.headers,
        statusCode: '',
        context: args.context,
        stageVariables: args.stageVariables,
        params: { path: request.path, querystring: request.querystring, header: request.headers },
      },
      { incremental: false, overrides: true },
    );
    if (!rendered.ok) {
      return {
        stage: 'request',
        result: internalServerError(
          `Unable to transform request: ${rendered.error.message}`,
          `The request template fails: ${rendered.error.message}`,
        ),
      };
    }
    output = rendered.output;
    // The response template sees what the request template set in $context.requestOverride/responseOverride
    // (docs/aws/mapping-templates.md, "Overrides").
    overrides = rendered.overrides;
  }
  const statusCode = mockStatusCode(output);
  if (statusCode === undefined) {
    return {
      stage: 'request',
      result: internalServerError(
        'Unable to parse statusCode. It should be an integer that is defined in the request template.',
        'A MOCK integration answers with the statusCode its request template writes, e.g. {"statusCode": 200}; this request template (or the passed-through body) names no whole-number statusCode, so API Gateway answers 500.',
      ),
    };
  }
  const result = runResponsePipeline({
    integrationResponses: Object.values(integration.integrationResponses ?? {}),
    ...(args.methodResponses ? { methodResponses: args.methodResponses } : {}),
    backend: { statusCode, headers: {}, body: '' },
    request,
    stageVariables: args.stageVariables,
    context: args.context,
    ...(args.binaryMediaTypes ? { binaryMediaTypes: args.binaryMediaTypes } : {}),
    ...(overrides ? { overrides } : {}),
  });
  return { stage: 'response', backendStatus: statusCode, result };
}
