// The method request of a test invocation: path parameters from pathWithQueryString, the query string, and the
// $context a test invocation sees. Shared by the emulator's TestInvokeMethod and the dashboard's simulation.
import { defaultPreviewContext, type PreviewContext } from '@/preview/preview-context';

export interface TestRequestInput {
  resourcePath: string;
  pathWithQueryString?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ParsedTestRequest {
  /** The path tested: pathWithQueryString without its query, or the resource's path. */
  path: string;
  pathParams: Record<string, string>;
  querystring: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Path parameters of `path` against a resource path such as `/pets/{petId}` or `/files/{proxy+}`. A path that
 * does not match gives none; testing the resource path itself gives each parameter its own `{name}` text
 * (both recorded from AWS in LocalStack's TestApigatewayTestInvoke snapshot).
 */
export function matchResourcePath(resourcePath: string, path: string): Record<string, string> {
  const names: string[] = [];
  const pattern = resourcePath
    .split('/')
    .map((part) => {
      const m = /^\{(.+?)(\+)?\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1] ?? '');
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  const match = new RegExp(`^${pattern}/?$`).exec(path);
  if (!match) return {};
  const out: Record<string, string> = {};
  names.forEach((name, i) => (out[name] = match[i + 1] ?? ''));
  return out;
}

export function parseTestRequest(input: TestRequestInput): ParsedTestRequest {
  const raw = input.pathWithQueryString || input.resourcePath;
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const querystring: Record<string, string> = {};
  if (q >= 0) {
    for (const pair of raw.slice(q + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      // A repeated name keeps its last value in the single-value map (as API Gateway does).
      querystring[decode(eq >= 0 ? pair.slice(0, eq) : pair)] = decode(eq >= 0 ? pair.slice(eq + 1) : '');
    }
  }
  return {
    path,
    pathParams: matchResourcePath(input.resourcePath, path),
    querystring,
    headers: { ...(input.headers ?? {}) },
    body: input.body ?? '',
  };
}

/**
 * The $context of a test invocation. API Gateway's console test reports the stage as `test-invoke-stage` and
 * the caller's address as `test-invoke-source-ip` (UNVERIFIED beyond public reports; see docs/aws/test-invoke.md).
 */
export function testInvokeContext(args: {
  apiId: string;
  resourceId: string;
  resourcePath: string;
  httpMethod: string;
  path: string;
  requestId: string;
  requestTimeEpoch: number;
}): PreviewContext {
  return {
    ...defaultPreviewContext,
    requestId: args.requestId,
    extendedRequestId: args.requestId,
    apiId: args.apiId,
    stage: 'test-invoke-stage',
    resourceId: args.resourceId,
    resourcePath: args.resourcePath,
    httpMethod: args.httpMethod,
    path: args.path,
    domainName: 'testPrefix.testDomainName',
    domainPrefix: 'testPrefix',
    requestTimeEpoch: args.requestTimeEpoch,
    identity: { ...defaultPreviewContext.identity, sourceIp: 'test-invoke-source-ip', userAgent: '' },
    authorizer: {},
  };
}
