// Loopback HTTP for arranging bench data: JSON in/out, a dummy SigV4 Authorization header (the emulator reads
// the region from it; moto_server routes on it, see docs/aws/moto.md), and a bounded worker pool.
export const dummyAuthorization =
  'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0000';

export async function call<T>(
  baseUrl: string,
  method: string,
  path: string,
  expected: number[],
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: dummyAuthorization,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export interface Fixture {
  apiId: string;
  resourceId: string;
}

/** A RestApi with /items → GET → MOCK integration → method response 200 declaring X-Version. */
export async function createMethodFixture(baseUrl: string, name: string): Promise<Fixture> {
  const api = await call<{ id: string; rootResourceId?: string }>(baseUrl, 'POST', '/restapis', [200, 201], { name });
  let rootId = api.rootResourceId;
  if (!rootId) {
    // moto omits rootResourceId in some versions; the root is the resource with path "/".
    const list = await call<{ item: { id: string; path: string }[] }>(
      baseUrl,
      'GET',
      `/restapis/${api.id}/resources`,
      [200],
    );
    rootId = list.item.find((r) => r.path === '/')?.id;
  }
  const res = await call<{ id: string }>(baseUrl, 'POST', `/restapis/${api.id}/resources/${rootId}`, [200, 201], {
    pathPart: 'items',
  });
  const m = `/restapis/${api.id}/resources/${res.id}/methods/GET`;
  await call(baseUrl, 'PUT', m, [200, 201], { authorizationType: 'NONE' });
  await call(baseUrl, 'PUT', `${m}/integration`, [200, 201], {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  await call(baseUrl, 'PUT', `${m}/responses/200`, [200, 201], {
    responseParameters: { 'method.response.header.X-Version': false },
  });
  return { apiId: api.id, resourceId: res.id };
}
