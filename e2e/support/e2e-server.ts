// Helpers for Playwright specs that talk to the e2e server (playwright.config.ts webServer: the built SPA
// and the emulator on one origin). Specs arrange data over real HTTP or the real AWS CLI, then check the UI.
import type { AwsCliResult } from '../../test-support/aws-cli';
import { findAwsCli, runAws } from '../../test-support/aws-cli';
import { apigw, apigwOk } from '../../test-support/http-client';
import type { HttpResult } from '../../test-support/http-client';

export type { AwsCliResult, HttpResult };

/** Same port rule as playwright.config.ts. */
export const e2eBaseUrl = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 5199)}`;

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

/** Whether the AWS CLI is available; use with `test.skip(!awsCli.available, awsCli.reason)`. */
export const awsCli = (() => {
  const found = findAwsCli();
  return { available: found.path !== null, reason: found.reason };
})();

/**
 * `aws <args> --endpoint-url <e2eBaseUrl> --region us-east-1 --output json` with dummy credentials and a clean
 * environment. Pass e.g. `['apigateway', 'get-rest-apis']`. Never throws on a non-zero exit code.
 */
export function runAwsCli(args: readonly string[]): Promise<AwsCliResult> {
  return runAws(e2eBaseUrl, args);
}

/** Like runAwsCli, but parses stdout as JSON and throws with stderr when the CLI failed. */
export async function runAwsCliJson<T = unknown>(args: readonly string[]): Promise<T> {
  const result = await runAwsCli(args);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited with ${result.code}:\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Raw call to the e2e server's control plane (Accept/Content-Type: application/json). */
export function apiRequest<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
  return apigw<T>(e2eBaseUrl, method, path, body);
}

export async function getRestApisViaHttp(): Promise<RestApiJson[]> {
  const items: RestApiJson[] = [];
  let position: string | undefined;
  do {
    const query = `?limit=500${position ? `&position=${encodeURIComponent(position)}` : ''}`;
    const page = await apigwOk<{ item?: RestApiJson[]; position?: string }>(
      e2eBaseUrl,
      'GET',
      `/restapis${query}`,
      200,
    );
    items.push(...(page.item ?? []));
    position = page.position;
  } while (position);
  return items;
}

/** A unique name per call keeps specs independent of each other and of the demo seed. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export function createRestApiViaHttp(name: string, extra: { description?: string } = {}): Promise<RestApiJson> {
  return apigwOk<RestApiJson>(e2eBaseUrl, 'POST', '/restapis', 201, { name, ...extra });
}

export async function deleteRestApiViaHttp(restApiId: string): Promise<void> {
  await apigwOk(e2eBaseUrl, 'DELETE', `/restapis/${restApiId}`, 202);
}

export async function getResourcesViaHttp(restApiId: string): Promise<ResourceJson[]> {
  const page = await apigwOk<{ item?: ResourceJson[] }>(
    e2eBaseUrl,
    'GET',
    `/restapis/${restApiId}/resources?limit=500`,
    200,
  );
  return page.item ?? [];
}

export function createResourceViaHttp(restApiId: string, parentId: string, pathPart: string): Promise<ResourceJson> {
  return apigwOk<ResourceJson>(e2eBaseUrl, 'POST', `/restapis/${restApiId}/resources/${parentId}`, 201, { pathPart });
}

function methodPath(restApiId: string, resourceId: string, httpMethod: string): string {
  return `/restapis/${restApiId}/resources/${resourceId}/methods/${httpMethod}`;
}

export function putMethodViaHttp(restApiId: string, resourceId: string, httpMethod: string): Promise<unknown> {
  return apigwOk(e2eBaseUrl, 'PUT', methodPath(restApiId, resourceId, httpMethod), 201, { authorizationType: 'NONE' });
}

/** `integration` is the PutIntegration body, e.g. `{ type: 'MOCK' }` or `{ type: 'HTTP', httpMethod: 'GET', uri }`. */
export function putIntegrationViaHttp(
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  integration: Record<string, unknown> = { type: 'MOCK' },
): Promise<unknown> {
  return apigwOk(e2eBaseUrl, 'PUT', `${methodPath(restApiId, resourceId, httpMethod)}/integration`, 201, integration);
}

/** `headers` maps a header name (without the `method.response.header.` prefix) to "required". */
export function putMethodResponseViaHttp(
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  headers: Record<string, boolean> = {},
): Promise<unknown> {
  const responseParameters = Object.fromEntries(
    Object.entries(headers).map(([h, req]) => [`method.response.header.${h}`, req]),
  );
  return apigwOk(e2eBaseUrl, 'PUT', `${methodPath(restApiId, resourceId, httpMethod)}/responses/${statusCode}`, 201, {
    responseParameters,
  });
}

export function putIntegrationResponseViaHttp(
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  body: Omit<IntegrationResponseJson, 'statusCode'>,
): Promise<IntegrationResponseJson> {
  return apigwOk<IntegrationResponseJson>(
    e2eBaseUrl,
    'PUT',
    `${methodPath(restApiId, resourceId, httpMethod)}/integration/responses/${statusCode}`,
    201,
    body,
  );
}

export interface IntegrationFixture {
  api: RestApiJson;
  resource: ResourceJson;
  httpMethod: string;
}

/**
 * A fresh RestApi with `/<pathPart>` → `httpMethod` → MOCK integration, and method responses for `statusCodes`
 * declaring `headers`: everything PutIntegrationResponse needs, so a spec can start at the editor.
 */
export async function createIntegrationFixture(
  options: {
    name?: string;
    pathPart?: string;
    httpMethod?: string;
    statusCodes?: string[];
    headers?: Record<string, boolean>;
  } = {},
): Promise<IntegrationFixture> {
  const httpMethod = options.httpMethod ?? 'GET';
  const api = await createRestApiViaHttp(options.name ?? uniqueName('e2e'));
  const resource = await createResourceViaHttp(api.id, api.rootResourceId, options.pathPart ?? 'items');
  await putMethodViaHttp(api.id, resource.id, httpMethod);
  await putIntegrationViaHttp(api.id, resource.id, httpMethod, {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  for (const code of options.statusCodes ?? ['200']) {
    await putMethodResponseViaHttp(api.id, resource.id, httpMethod, code, options.headers ?? {});
  }
  return { api, resource, httpMethod };
}
