// What a client receives from a method for one back-end outcome and one method request, with the reasons: the
// shared response engine (src/response) run over ALL of the method's integration responses, plus which of them
// matched and why one was picked. Pure, so it runs in a worker and in tests.
import { runMockMethod, type MockIntegration } from './mock';
import { runResponsePipeline, type BackendResponse, type PipelineResult } from './pipeline';
import { matchesWhole, selectIntegrationResponse, translateJavaPattern } from '@/rules/selection-pattern';
import type { IntegrationResponse, MethodResponse } from '@/rules/types';
import {
  parseHeaderLines,
  requestView,
  type MethodIdentity,
  type SimulatedOutcome,
  type SimulationSamples,
} from './simulation-inputs';

export type SimulatedKind = 'lambda' | 'mock' | 'http';

export interface SimulationInput {
  kind: SimulatedKind;
  /** MOCK only: the integration's request templates and passthrough behavior. */
  mock?: Pick<MockIntegration, 'requestTemplates' | 'passthroughBehavior'>;
  /** Every integration response of the method, the one being edited in its edited form. */
  integrationResponses: IntegrationResponse[];
  /** Absent when unknown: then a missing method response is not reported. */
  methodResponses?: Record<string, MethodResponse>;
  binaryMediaTypes?: string[];
  method: MethodIdentity;
  samples: SimulationSamples;
}

export type RowVerdict =
  /** Its pattern matched and it was picked. */
  | 'picked-by-pattern'
  /** It is the default response and no pattern matched. */
  | 'picked-as-default'
  /** Its pattern matched too, but another response was picked. */
  | 'also-matches'
  | 'no-match'
  /** The default response, unused because a pattern matched. */
  | 'default-unused'
  /** A pattern Java cannot compile never matches. */
  | 'invalid-pattern';

export interface ResponseRow {
  statusCode: string;
  /** '' for the default response. */
  selectionPattern: string;
  verdict: RowVerdict;
}

export interface SimulationResult {
  /** What selection patterns were matched against; absent when the method failed before selection (MOCK). */
  subject?: { kind: 'lambda'; errorMessage: string } | { kind: 'status'; statusCode: string };
  /** MOCK: the status code the request template chose. */
  mockStatus?: number;
  /** The integration response body the templates read (for Lambda errors, the error object). */
  backendBody?: string;
  rows: ResponseRow[];
  /** Why this integration response (or none) was used, in plain words. */
  why: string;
  result: PipelineResult;
  /** Set when a template's $context.responseOverride changed what the client gets. */
  overridden?: { status?: { from: number; to: number }; headers: string[] };
}

export type SimulationOutcome = { ok: true; simulation: SimulationResult } | { ok: false; inputError: string };

function isDefault(pattern: string | undefined): boolean {
  return pattern === undefined || pattern === '';
}

/** The Lambda error object a custom (non-proxy) Lambda integration hands to the integration response. */
export function lambdaErrorBody(outcome: Pick<SimulatedOutcome, 'errorMessage' | 'errorType'>): string {
  return JSON.stringify(
    outcome.errorType.trim() === ''
      ? { errorMessage: outcome.errorMessage }
      : { errorMessage: outcome.errorMessage, errorType: outcome.errorType.trim() },
  );
}

function backendFor(kind: 'lambda' | 'http', outcome: SimulatedOutcome): BackendResponse | { inputError: string } {
  if (kind === 'lambda') {
    // Lambda's Invoke answers 200 for a function error too; API Gateway selects on the errorMessage instead.
    return outcome.lambda === 'error'
      ? { statusCode: 200, headers: {}, body: lambdaErrorBody(outcome), lambdaErrorMessage: outcome.errorMessage }
      : { statusCode: 200, headers: {}, body: outcome.body, lambdaErrorMessage: '' };
  }
  const status = outcome.status.trim();
  if (!/^[1-5]\d\d$/.test(status)) return { inputError: 'Enter the back end’s status code: three digits, 100 to 599.' };
  return { statusCode: Number(status), headers: parseHeaderLines(outcome.headers), body: outcome.body };
}

function describeSubject(subject: NonNullable<SimulationResult['subject']>): string {
  if (subject.kind === 'status') return `the back end’s status code ${subject.statusCode}`;
  return subject.errorMessage === ''
    ? 'a successful Lambda call (its error message is empty)'
    : `the Lambda error message ${JSON.stringify(subject.errorMessage)}`;
}

export function responseRows(
  responses: IntegrationResponse[],
  subject: NonNullable<SimulationResult['subject']>,
  picked: string | null,
): ResponseRow[] {
  const text = subject.kind === 'lambda' ? subject.errorMessage : subject.statusCode;
  return [...responses]
    .sort((a, b) => a.statusCode.localeCompare(b.statusCode))
    .map((r) => {
      const pattern = r.selectionPattern ?? '';
      let verdict: RowVerdict;
      if (isDefault(pattern)) verdict = r.statusCode === picked ? 'picked-as-default' : 'default-unused';
      else if (!translateJavaPattern(pattern).ok) verdict = 'invalid-pattern';
      else if (matchesWhole(pattern, text)) verdict = r.statusCode === picked ? 'picked-by-pattern' : 'also-matches';
      else verdict = 'no-match';
      return { statusCode: r.statusCode, selectionPattern: pattern, verdict };
    });
}

/** Which integration response is picked, why, and what each one did; plus why the method failed after that. */
function selectionOf(
  subject: NonNullable<SimulationResult['subject']>,
  responses: IntegrationResponse[],
  result: PipelineResult,
): { rows: ResponseRow[]; why: string } {
  const selection = selectIntegrationResponse(responses, subject);
  const rows = responseRows(responses, subject, selection.statusCode);
  if (selection.statusCode === null) return { rows, why: selection.reason };
  const picked = explain(subject, responses, selection, rows);
  return { rows, why: result.ok ? picked : `${picked} ${result.explanation}` };
}

function explain(
  subject: NonNullable<SimulationResult['subject']>,
  responses: IntegrationResponse[],
  selection: { statusCode: string; via: 'pattern' | 'default' },
  rows: ResponseRow[],
): string {
  const what = describeSubject(subject);
  const others = rows.filter((r) => r.verdict === 'also-matches').map((r) => r.statusCode);
  if (selection.via === 'pattern') {
    const pattern = responses.find((r) => r.statusCode === selection.statusCode)?.selectionPattern ?? '';
    const overlap =
      others.length > 0
        ? ` The patterns of ${others.join(', ')} match too; AWS documents no order among matching patterns, so do not rely on which one wins.`
        : '';
    return `The selection pattern ${pattern} of the ${selection.statusCode} integration response matches ${what} (the whole text, as Java’s Pattern.matches does).${overlap}`;
  }
  return `No selection pattern matches ${what}, so API Gateway uses the default integration response, ${selection.statusCode} (the one with no selection pattern).`;
}

function overrideOf(result: PipelineResult): SimulationResult['overridden'] {
  if (!result.ok || result.override === undefined) return undefined;
  const from = Number(result.selected.statusCode);
  const headers = Object.keys(result.override.headers);
  const status = result.status !== from ? { from, to: result.status } : undefined;
  if (status === undefined && headers.length === 0) return undefined;
  return status === undefined ? { headers } : { status, headers };
}

export function simulateMethod(input: SimulationInput): SimulationOutcome {
  const view = requestView(input.samples.request, input.method);
  const request = {
    path: view.params.path,
    querystring: view.params.querystring,
    headers: view.params.header,
    body: input.samples.request.body,
  };
  const common = {
    ...(input.methodResponses ? { methodResponses: input.methodResponses } : {}),
    request,
    stageVariables: view.stageVariables,
    context: view.context,
    ...(input.binaryMediaTypes ? { binaryMediaTypes: input.binaryMediaTypes } : {}),
  };

  if (input.kind === 'mock') {
    const run = runMockMethod({
      integration: {
        ...input.mock,
        integrationResponses: Object.fromEntries(input.integrationResponses.map((r) => [r.statusCode, r])),
      },
      ...common,
    });
    if (run.stage === 'request') {
      return {
        ok: true,
        simulation: {
          rows: [],
          why: `The request template fails before any integration response is chosen: ${run.result.explanation}`,
          result: run.result,
        },
      };
    }
    const subject = { kind: 'status' as const, statusCode: String(run.backendStatus) };
    const { rows, why } = selectionOf(subject, input.integrationResponses, run.result);
    const overridden = overrideOf(run.result);
    return {
      ok: true,
      simulation: {
        subject,
        mockStatus: run.backendStatus,
        rows,
        why: `The request template answers statusCode ${run.backendStatus}. ${why}`,
        result: run.result,
        ...(overridden ? { overridden } : {}),
      },
    };
  }

  const backend = backendFor(input.kind, input.samples.outcome);
  if ('inputError' in backend) return { ok: false, inputError: backend.inputError };
  const subject =
    backend.lambdaErrorMessage !== undefined
      ? { kind: 'lambda' as const, errorMessage: backend.lambdaErrorMessage }
      : { kind: 'status' as const, statusCode: String(backend.statusCode) };
  const result = runResponsePipeline({ integrationResponses: input.integrationResponses, backend, ...common });
  const { rows, why } = selectionOf(subject, input.integrationResponses, result);
  const overridden = overrideOf(result);
  return {
    ok: true,
    simulation: {
      subject,
      backendBody: backend.body,
      rows,
      why,
      result,
      ...(overridden ? { overridden } : {}),
    },
  };
}
