// The execution log TestInvokeMethod returns, in AWS's line format (lines recorded from AWS in LocalStack's
// test_apigateway_api snapshot, TestApigatewayTestInvoke): a header line, then `<Java Date> : <event>` lines,
// ending with an empty line.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** java.util.Date#toString in UTC: `Thu Dec 03 22:45:07 UTC 2026`. */
export function javaDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** A Java Map's toString: `{a=1, b=2}`. */
export function javaMap(entries: Iterable<[string, string]>): string {
  return `{${[...entries].map(([k, v]) => `${k}=${v}`).join(', ')}}`;
}

export interface LogRequest {
  requestId: string;
  httpMethod: string;
  /** The path tested (pathWithQueryString without its query, or the resource's path). */
  resourcePath: string;
  path: Record<string, string>;
  querystring: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export type LogEnding =
  | { kind: 'success'; body: string; headers: [string, string][]; status: number }
  | { kind: 'failure'; cause: string; status: number };

/** The whole log of a method that called no back end (MOCK), or that failed before it did. */
export function executionLog(at: number, request: LogRequest, ending: LogEnding, endpoint: string[] = []): string {
  const t = javaDate(at);
  const lines = [
    `Execution log for request ${request.requestId}`,
    `${t} : Starting execution for request: ${request.requestId}`,
    `${t} : HTTP Method: ${request.httpMethod}, Resource Path: ${request.resourcePath}`,
    `${t} : Method request path: ${javaMap(Object.entries(request.path))}`,
    `${t} : Method request query string: ${javaMap(Object.entries(request.querystring))}`,
    `${t} : Method request headers: ${javaMap(Object.entries(request.headers))}`,
    `${t} : Method request body before transformations: ${request.body}`,
    ...endpoint.map((line) => `${t} : ${line}`),
  ];
  if (ending.kind === 'success') {
    lines.push(
      `${t} : Method response body after transformations: ${ending.body}`,
      `${t} : Method response headers: ${javaMap(ending.headers)}`,
      `${t} : Successfully completed execution`,
    );
  } else lines.push(`${t} : Execution failed due to ${ending.cause}`);
  lines.push(`${t} : Method completed with status: ${ending.status}`, '');
  return lines.join('\n');
}
