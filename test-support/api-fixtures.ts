// Arranging API Gateway data over real HTTP, for the Playwright specs and the bench alike: the same requests a
// client sends, against the emulator or moto_server. Creates accept 200 as well as 201 because moto answers some of
// them with 200; these calls arrange data, they do not judge the server (the conformance tests do that).
import { apigwOk, dummyAuthorization } from './http-client';

export interface RestApiJson {
  id: string;
  name: string;
  description?: string;
  rootResourceId: string;
  createdDate: number;
}
export interface ResourceJson {
  id: string;
  parentId?: string;
  pathPart?: string;
  path: string;
  resourceMethods?: Record<string, unknown>;
}
export interface IntegrationResponseJson {
  statusCode: string;
  selectionPattern?: string;
  responseTemplates?: Record<string, string | null>;
  responseParameters?: Record<string, string>;
  contentHandling?: 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';
}

export interface IntegrationFixture {
  api: RestApiJson;
  resource: ResourceJson;
  httpMethod: string;
}

export interface IntegrationFixtureOptions {
  name?: string;
  pathPart?: string;
  httpMethod?: string;
  statusCodes?: string[];
  /** Header name (without the `method.response.header.` prefix) → required. */
  headers?: Record<string, boolean>;
}

const created = [200, 201];

function methodPath(restApiId: string, resourceId: string, httpMethod: string): string {
  return `/restapis/${restApiId}/resources/${resourceId}/methods/${httpMethod}`;
}

/** The fixture builders for one server (`http://127.0.0.1:<port>`). */
export function apiFixtures(baseUrl: string) {
  /** A JSON call with the dummy SigV4 header; throws unless the status is one of `expected`. */
  const call = <T = unknown>(method: string, path: string, expected: number | readonly number[], body?: unknown) =>
    apigwOk<T>(baseUrl, method, path, expected, body, { headers: { Authorization: dummyAuthorization } });

  async function getRestApis(): Promise<RestApiJson[]> {
    const items: RestApiJson[] = [];
    let position: string | undefined;
    do {
      const query = `?limit=500${position ? `&position=${encodeURIComponent(position)}` : ''}`;
      const page = await call<{ item?: RestApiJson[]; position?: string }>('GET', `/restapis${query}`, 200);
      items.push(...(page.item ?? []));
      position = page.position;
    } while (position);
    return items;
  }

  const createRestApi = (name: string, extra: { description?: string } = {}) =>
    call<RestApiJson>('POST', '/restapis', created, { name, ...extra });

  async function deleteRestApi(restApiId: string): Promise<void> {
    await call('DELETE', `/restapis/${restApiId}`, 202);
  }

  async function getResources(restApiId: string): Promise<ResourceJson[]> {
    const page = await call<{ item?: ResourceJson[] }>('GET', `/restapis/${restApiId}/resources?limit=500`, 200);
    return page.item ?? [];
  }

  const createResource = (restApiId: string, parentId: string, pathPart: string) =>
    call<ResourceJson>('POST', `/restapis/${restApiId}/resources/${parentId}`, created, { pathPart });

  const putMethod = (restApiId: string, resourceId: string, httpMethod: string) =>
    call('PUT', methodPath(restApiId, resourceId, httpMethod), created, { authorizationType: 'NONE' });

  /** `integration` is the PutIntegration body, e.g. `{ type: 'MOCK' }` or `{ type: 'HTTP', httpMethod: 'GET', uri }`. */
  const putIntegration = (
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    integration: Record<string, unknown> = { type: 'MOCK' },
  ) => call('PUT', `${methodPath(restApiId, resourceId, httpMethod)}/integration`, created, integration);

  /** `headers` maps a header name (without the `method.response.header.` prefix) to "required". */
  const putMethodResponse = (
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    headers: Record<string, boolean> = {},
  ) =>
    call('PUT', `${methodPath(restApiId, resourceId, httpMethod)}/responses/${statusCode}`, created, {
      responseParameters: Object.fromEntries(
        Object.entries(headers).map(([h, required]) => [`method.response.header.${h}`, required]),
      ),
    });

  const putIntegrationResponse = (
    restApiId: string,
    resourceId: string,
    httpMethod: string,
    statusCode: string,
    body: Omit<IntegrationResponseJson, 'statusCode'>,
  ) =>
    call<IntegrationResponseJson>(
      'PUT',
      `${methodPath(restApiId, resourceId, httpMethod)}/integration/responses/${statusCode}`,
      created,
      body,
    );

  /**
   * A fresh RestApi with `/<pathPart>` → `httpMethod` → MOCK integration, and method responses for `statusCodes`
   * declaring `headers`: everything PutIntegrationResponse needs, so a spec or a bench can start at the editor.
   */
  async function createIntegrationFixture(
    options: IntegrationFixtureOptions & { name: string },
  ): Promise<IntegrationFixture> {
    const httpMethod = options.httpMethod ?? 'GET';
    const api = await createRestApi(options.name);
    // moto omits rootResourceId in some versions: the root is then the resource whose path is "/".
    const rootId = api.rootResourceId || (await getResources(api.id)).find((r) => r.path === '/')?.id;
    if (rootId === undefined) throw new Error(`the new API ${api.id} has no root resource`);
    const resource = await createResource(api.id, rootId, options.pathPart ?? 'items');
    await putMethod(api.id, resource.id, httpMethod);
    await putIntegration(api.id, resource.id, httpMethod, {
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    for (const code of options.statusCodes ?? ['200']) {
      await putMethodResponse(api.id, resource.id, httpMethod, code, options.headers ?? {});
    }
    return { api, resource, httpMethod };
  }

  return {
    call,
    getRestApis,
    createRestApi,
    deleteRestApi,
    getResources,
    createResource,
    putMethod,
    putIntegration,
    putMethodResponse,
    putIntegrationResponse,
    createIntegrationFixture,
  };
}
