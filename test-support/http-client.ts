// Minimal raw-HTTP client for the emulator's REST control plane, used where a test needs control the
// SDK/CLI hide (exact status codes, concurrent in-flight requests during a crash).
export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestInit {
  signal?: AbortSignal;
  /** More request headers, e.g. `{ Authorization: dummyAuthorization }`. */
  headers?: Record<string, string>;
}

/**
 * A SigV4-shaped Authorization header with a dummy signature: the emulator reads the region from it, and moto_server
 * routes on it (see docs/aws/moto.md). Neither checks the signature.
 */
export const dummyAuthorization =
  'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0000';

export async function apigw<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  init: RequestInit = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
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

/** Like `apigw` but throws unless the status is the expected one (or one of them), with the response in the message. */
export async function apigwOk<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  expectedStatus: number | readonly number[],
  body?: unknown,
  init: RequestInit = {},
): Promise<T> {
  const res = await apigw<T>(baseUrl, method, path, body, init);
  const expected = typeof expectedStatus === 'number' ? [expectedStatus] : expectedStatus;
  if (!expected.includes(res.status)) {
    throw new Error(
      `${method} ${path} → ${res.status}, expected ${expected.join(' or ')}: ${JSON.stringify(res.body)}`,
    );
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
