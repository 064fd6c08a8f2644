// Minimal raw-HTTP client for the emulator's REST control plane, used where a test needs control the
// SDK/CLI hide (exact status codes, concurrent in-flight requests during a crash).
export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function apigw<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  init: { signal?: AbortSignal } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: init.signal,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** Like `apigw` but throws unless the status is the expected one, with the response in the message. */
export async function apigwOk<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  expectedStatus: number,
  body?: unknown,
): Promise<T> {
  const res = await apigw<T>(baseUrl, method, path, body);
  if (res.status !== expectedStatus) {
    throw new Error(`${method} ${path} → ${res.status}, expected ${expectedStatus}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export function integrationResponsePath(
  apiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): string {
  return `/restapis/${apiId}/resources/${resourceId}/methods/${httpMethod}/integration/responses/${statusCode}`;
}
