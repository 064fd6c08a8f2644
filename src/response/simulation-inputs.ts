// What the person sets for a simulation: the back end's outcome and the method request. Kept in the editor's draft,
// so the review page simulates the same case. Light on purpose (no template engine): the editor's template preview
// reads the same method request from here on its first paint, before the simulation itself has loaded.
import { defaultPreviewContext, type PreviewContext } from '@/preview/preview-context';

export interface SimulatedMethodRequest {
  /** Values of the resource path's `{name}` parameters. */
  pathParams: Record<string, string>;
  /** `name=value` per line. */
  querystring: string;
  /** `Name: value` per line. */
  headers: string;
  /** `name=value` per line. */
  stageVariables: string;
  /** The request body (a MOCK integration's request template reads it). */
  body: string;
  requestId: string;
  stage: string;
  sourceIp: string;
}

export type LambdaOutcome = 'success' | 'error';

export interface SimulatedOutcome {
  /** Lambda only: a successful call or a function error. */
  lambda: LambdaOutcome;
  /** Lambda: the function's result. HTTP and AWS: the back end's body. */
  body: string;
  /** Lambda error: the error's errorMessage (may span lines) and errorType. */
  errorMessage: string;
  errorType: string;
  /** HTTP and AWS: the back end's status code and headers (`Name: value` per line). */
  status: string;
  headers: string;
}

export interface SimulationSamples {
  request: SimulatedMethodRequest;
  outcome: SimulatedOutcome;
}

export function defaultSimulation(isLambda: boolean): SimulationSamples {
  return {
    request: {
      pathParams: {},
      querystring: '',
      headers: 'Accept: application/json',
      stageVariables: '',
      body: '',
      requestId: defaultPreviewContext.requestId,
      stage: defaultPreviewContext.stage,
      sourceIp: defaultPreviewContext.identity.sourceIp,
    },
    outcome: {
      lambda: isLambda ? 'error' : 'success',
      body: isLambda ? '{\n  "orderId": "42"\n}' : '{\n  "id": "42",\n  "name": "Widget"\n}',
      errorMessage: 'Invalid input: name is required',
      errorType: 'ValidationError',
      status: '200',
      headers: 'Content-Type: application/json',
    },
  };
}

/** `name=value` per line (blank and `=`-less lines ignored; a repeated name keeps its last value, as AWS's map does). */
export function parseNameValueLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq).trim();
    if (name !== '') out[name] = line.slice(eq + 1).trim();
  }
  return out;
}

/** `Name: value` per line; every value of a repeated name is kept, in order. */
export function parseHeaderLines(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (name !== '') (out[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return out;
}

/** A method request's headers as API Gateway's single-value map sees them: the last value of a repeated name. */
export function lastValues(headers: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(headers)) {
    const last = values[values.length - 1];
    if (last !== undefined) out[name] = last;
  }
  return out;
}

/** The `{name}` parameters of a resource path, `{proxy+}` as `proxy`. */
export function pathParameterNames(resourcePath: string): string[] {
  return [...resourcePath.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] ?? '');
}

/** The resource path with its parameters filled in (an unset one keeps its `{name}`, as a test invocation does). */
export function fillResourcePath(resourcePath: string, params: Record<string, string>): string {
  return resourcePath.replace(/\{([^}+]+)\+?\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === '' ? whole : value;
  });
}

export interface MethodIdentity {
  httpMethod: string;
  /** Absent until the API's resources are loaded. */
  resourcePath?: string;
}

/** The $context a simulated request carries: the preview's defaults, with what the person set and the method's own. */
export function simulatedContext(request: SimulatedMethodRequest, method: MethodIdentity): PreviewContext {
  const resourcePath = method.resourcePath ?? defaultPreviewContext.resourcePath;
  const stage = request.stage.trim();
  return {
    ...defaultPreviewContext,
    requestId: request.requestId,
    stage,
    httpMethod: method.httpMethod,
    resourcePath,
    path: `/${stage}${fillResourcePath(resourcePath, request.pathParams)}`,
    identity: { ...defaultPreviewContext.identity, sourceIp: request.sourceIp },
  };
}

/** The parts of the method request a template reads: `$input.params()`, `$stageVariables`, `$context`. */
export interface RequestView {
  context: PreviewContext;
  stageVariables: Record<string, string>;
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
}

export function requestView(request: SimulatedMethodRequest, method: MethodIdentity): RequestView {
  const names = method.resourcePath === undefined ? undefined : new Set(pathParameterNames(method.resourcePath));
  const path: Record<string, string> = {};
  // Only the resource's own parameters exist (values typed for another resource path are not sent).
  for (const [name, value] of Object.entries(request.pathParams)) if (!names || names.has(name)) path[name] = value;
  return {
    context: simulatedContext(request, method),
    stageVariables: parseNameValueLines(request.stageVariables),
    params: {
      path,
      querystring: parseNameValueLines(request.querystring),
      header: lastValues(parseHeaderLines(request.headers)),
    },
  };
}
