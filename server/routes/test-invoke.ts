// TestInvokeMethod: runs a method's current configuration (not a deployment) the way API Gateway does.
// MOCK runs end to end through the shared response engine (src/response); HTTP and HTTP_PROXY call their URI
// when its host is on the forwarding allowlist; other integration types get a clear refusal. The answer has
// AWS's shape, with `log` in AWS's line format. Evidence: docs/aws/test-invoke.md.
import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { executionLog, type LogEnding, type LogRequest } from '../../src/response/execution-log';
import { parseTestRequest, testInvokeContext, type ParsedTestRequest } from '../../src/response/method-request';
import { runMockMethod } from '../../src/response/mock';
import { internalServerError, runResponsePipeline, type PipelineResult } from '../../src/response/pipeline';
import { optMap, optString } from '../body';
import { badRequest } from '../errors';
import { isAllowedTarget } from '../forward';
import { json, readJsonBody } from '../http';
import type { IntegrationDoc, MethodDoc } from '../model';
import type { MethodRef, RouteContext } from './context';
import { METHOD_PATH, methodRef } from './context';

export interface TestInvokeOptions {
  /** Hosts HTTP and HTTP_PROXY integrations may be called on (the forwarding route's allowlist). */
  allowlist: readonly string[];
  fetchImpl?: typeof fetch;
}

interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
  log: string;
}

function headerMaps(headers: [string, string][]) {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of headers) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { single, multi };
}

function ending(result: PipelineResult): LogEnding {
  return result.ok
    ? { kind: 'success', body: result.body, headers: result.headers, status: result.status }
    : { kind: 'failure', cause: `configuration error: ${result.logLine}`, status: result.status };
}

/** API Gateway drops these from an HTTP_PROXY back end's answer (hop-by-hop or recomputed). */
const PROXY_DROPPED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'via',
]);

function substitutePath(uri: string, params: Record<string, string>): string {
  return uri.replace(/\{([^}+]+)\+?\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURI(params[name] ?? ''),
  );
}

export function registerTestInvokeRoutes(app: Hono, ctx: RouteContext, opts: TestInvokeOptions): void {
  const { store } = ctx;
  const doFetch = opts.fetchImpl ?? fetch;

  /** The method TestInvokeMethod runs: the verb itself, else the resource's ANY method (recorded behaviour). */
  const methodFor = (ref: MethodRef): MethodDoc => {
    ctx.requireResource(ref.region, ref.apiId, ref.resourceId);
    const exact = store.getMethod(ref.region, ref.apiId, ref.resourceId, ref.verb);
    if (exact) return exact;
    ctx.requireMethod({ ...ref, verb: 'ANY' });
    // The whole method: requireMethod's answer leaves out the integration responses (stored as rows of their own).
    return store.getMethod(ref.region, ref.apiId, ref.resourceId, 'ANY') as MethodDoc;
  };

  async function callHttp(
    integration: IntegrationDoc,
    request: ParsedTestRequest,
    verb: string,
  ): Promise<{ status: number; headers: Record<string, string[]>; body: string; uri: string } | PipelineResult> {
    let target: URL;
    try {
      const uri = substitutePath(integration.uri ?? '', request.pathParams);
      target = new URL(uri);
      if (integration.type === 'HTTP_PROXY')
        for (const [k, v] of Object.entries(request.querystring)) target.searchParams.append(k, v);
    } catch {
      // Recorded from AWS (LocalStack's test_failed_invoke_test_method): an unusable URI is a configuration error.
      return internalServerError(
        'Invalid endpoint address',
        `The integration URI ${integration.uri ?? '(none)'} is not a URL API Gateway can call.`,
      );
    }
    if (!isAllowedTarget(target, opts.allowlist)) {
      throw badRequest(
        `The emulator calls HTTP integrations only on hosts of its forwarding allowlist, and ${target.host} is not on it (start the server with --forward-allow to add it). Use the dashboard's Simulate to see what this method answers.`,
      );
    }
    const method = integration.httpMethod && integration.httpMethod !== 'ANY' ? integration.httpMethod : verb;
    const init: RequestInit = {
      method,
      headers: integration.type === 'HTTP_PROXY' ? request.headers : {},
      signal: AbortSignal.timeout(Math.min(integration.timeoutInMillis || 29000, 29000)),
      redirect: 'manual',
    };
    if (method !== 'GET' && method !== 'HEAD' && request.body !== '') init.body = request.body;
    try {
      const res = await doFetch(target, init);
      const headers: Record<string, string[]> = {};
      res.headers.forEach((value, name) => (headers[name] ??= []).push(value));
      return { status: res.status, headers, body: await res.text(), uri: target.toString() };
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        return {
          ok: false,
          logLine: 'Execution failed due to a timeout error',
          explanation: 'The back end did not answer within the integration timeout.',
          status: 504,
          headers: [['x-amzn-ErrorType', 'InternalServerErrorException']],
          body: '{"message": "Endpoint request timed out"}',
        };
      }
      return internalServerError(
        `Invalid endpoint address`,
        `The back end at ${target.host} could not be reached (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }

  app.post(METHOD_PATH, async (c: Context) => {
    const b = await readJsonBody(c);
    const body = optString(b, 'body');
    const pathWithQueryString = optString(b, 'pathWithQueryString');
    const headers = optMap<string>(b, 'headers', 'String') as Record<string, string> | undefined;
    const stageVariables = (optMap<string>(b, 'stageVariables', 'String') as Record<string, string> | undefined) ?? {};
    optString(b, 'clientCertificateId');
    const ref = methodRef(c);
    const method = methodFor(ref);
    const integration = method.methodIntegration;
    // UNVERIFIED: AWS's text for a method without integration under TestInvokeMethod; its GetIntegration's.
    if (!integration) throw badRequest('No integration defined for method');
    const resource = ctx.requireResource(ref.region, ref.apiId, ref.resourceId);
    const api = ctx.requireApi(ref.region, ref.apiId);

    const started = ctx.now();
    const requestId = randomUUID();
    const request = parseTestRequest({
      resourcePath: resource.path,
      ...(pathWithQueryString !== undefined ? { pathWithQueryString } : {}),
      ...(headers ? { headers } : {}),
      ...(body !== undefined ? { body } : {}),
    });
    const context = testInvokeContext({
      apiId: ref.apiId,
      resourceId: ref.resourceId,
      resourcePath: resource.path,
      httpMethod: ref.verb,
      path: request.path,
      requestId,
      requestTimeEpoch: started,
    });
    const methodRequest = {
      path: request.pathParams,
      querystring: request.querystring,
      headers: request.headers,
      body: request.body,
    };
    const logRequest: LogRequest = {
      requestId,
      httpMethod: ref.verb,
      resourcePath: request.path,
      path: request.pathParams,
      querystring: request.querystring,
      headers: request.headers,
      body: request.body,
    };

    let answer: Answer;
    if (integration.type === 'MOCK') {
      const run = runMockMethod({
        integration,
        ...(method.methodResponses ? { methodResponses: method.methodResponses } : {}),
        request: methodRequest,
        stageVariables,
        context,
        ...(api.binaryMediaTypes ? { binaryMediaTypes: api.binaryMediaTypes } : {}),
      });
      const r = run.result;
      answer = {
        status: r.status,
        headers: r.headers,
        body: r.body,
        log: executionLog(started, logRequest, ending(r)),
      };
    } else if (integration.type === 'HTTP' || integration.type === 'HTTP_PROXY') {
      const called = await callHttp(integration, request, ref.verb);
      if ('ok' in called) {
        answer = {
          status: called.status,
          headers: called.headers,
          body: called.body,
          log: executionLog(ctx.now(), logRequest, ending(called)),
        };
      } else {
        const endpoint = [
          `Endpoint request URI: ${called.uri}`,
          `Received response. Status: ${called.status}, Integration latency: ${Math.max(0, ctx.now() - started)} ms`,
          `Endpoint response body before transformations: ${called.body}`,
        ];
        let result: PipelineResult;
        if (integration.type === 'HTTP_PROXY') {
          const headersOut: [string, string][] = [];
          for (const [name, values] of Object.entries(called.headers))
            if (!PROXY_DROPPED.has(name.toLowerCase())) for (const v of values) headersOut.push([name, v]);
          result = {
            ok: true,
            selected: { statusCode: String(called.status), via: 'default' },
            mappedHeaders: [],
            status: called.status,
            headers: headersOut,
            body: called.body,
          };
        } else {
          result = runResponsePipeline({
            integrationResponses: Object.values(integration.integrationResponses ?? {}),
            ...(method.methodResponses ? { methodResponses: method.methodResponses } : {}),
            backend: { statusCode: called.status, headers: called.headers, body: called.body },
            request: methodRequest,
            stageVariables,
            context,
            ...(api.binaryMediaTypes ? { binaryMediaTypes: api.binaryMediaTypes } : {}),
          });
        }
        answer = {
          status: result.status,
          headers: result.headers,
          body: result.body,
          log: executionLog(ctx.now(), logRequest, ending(result), endpoint),
        };
      }
    } else {
      throw badRequest(
        `The emulator cannot call ${integration.type} integrations (AWS services such as Lambda are not emulated), so it cannot test-invoke this method. Use the dashboard's Simulate to see what this method answers for a back-end outcome you choose, or test-invoke it against AWS.`,
      );
    }
    const { single, multi } = headerMaps(answer.headers);
    return json(
      c,
      {
        status: answer.status,
        body: answer.body,
        headers: single,
        multiValueHeaders: multi,
        log: answer.log,
        latency: Math.max(0, ctx.now() - started),
      },
      200,
    );
  });
}
