// Helpers for Playwright specs that talk to their worker's e2e server (playwright.config.ts webServer: the built
// SPA and the emulator on one origin). Specs arrange data over real HTTP or the real AWS CLI, then check the UI.
import type { AwsCliResult } from '../../test-support/aws-cli';
import { findAwsCli, runAws } from '../../test-support/aws-cli';
import { apiFixtures } from '../../test-support/api-fixtures';
import type {
  IntegrationFixture,
  IntegrationFixtureOptions,
  IntegrationResponseJson,
  ResourceJson,
  RestApiJson,
} from '../../test-support/api-fixtures';
import { apigw } from '../../test-support/http-client';
import type { HttpResult } from '../../test-support/http-client';
import { e2eBaseUrl } from './e2e-ports';

export type { AwsCliResult, HttpResult, IntegrationFixture, IntegrationResponseJson, ResourceJson, RestApiJson };

/** This worker's e2e server, the page's baseURL too. */
export { e2eBaseUrl };

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

/** A unique name per call keeps specs independent of each other and of the demo seed. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

const fixtures = apiFixtures(e2eBaseUrl);

export const getRestApisViaHttp = fixtures.getRestApis;
export const createRestApiViaHttp = fixtures.createRestApi;
export const deleteRestApiViaHttp = fixtures.deleteRestApi;
export const getResourcesViaHttp = fixtures.getResources;
export const createResourceViaHttp = fixtures.createResource;
export const putMethodViaHttp = fixtures.putMethod;
export const putIntegrationViaHttp = fixtures.putIntegration;
export const putMethodResponseViaHttp = fixtures.putMethodResponse;
export const putIntegrationResponseViaHttp = fixtures.putIntegrationResponse;

/** The fixture of api-fixtures.ts, named uniquely per call unless a name is given. */
export function createIntegrationFixture(options: IntegrationFixtureOptions = {}): Promise<IntegrationFixture> {
  return fixtures.createIntegrationFixture({ ...options, name: options.name ?? uniqueName('e2e') });
}

/** A fresh integration fixture, as the ids of its method. */
export async function createMethodFixture(options: IntegrationFixtureOptions = {}): Promise<MethodIds> {
  const f = await createIntegrationFixture(options);
  return { restApiId: f.api.id, resourceId: f.resource.id, httpMethod: f.httpMethod };
}

/** The ids of one method, as the e2e specs pass them around. */
export interface MethodIds {
  restApiId: string;
  resourceId: string;
  httpMethod: string;
}

/** The editor's address (step 5) for one status code of a method. */
export function editorUrl(ids: MethodIds, statusCode: string): string {
  return `/apis/${ids.restApiId}/resources/${ids.resourceId}/methods/${ids.httpMethod}/responses/${statusCode}`;
}

/** The AWS CLI's arguments naming a method, and a status code when given. */
export function methodIdArgs(ids: MethodIds, statusCode?: string): string[] {
  const args = ['--rest-api-id', ids.restApiId, '--resource-id', ids.resourceId, '--http-method', ids.httpMethod];
  return statusCode === undefined ? args : [...args, '--status-code', statusCode];
}

/** What `aws apigateway get-integration-response` prints for the method's status code, parsed. */
export function cliGetIntegrationResponse(ids: MethodIds, statusCode: string): Promise<IntegrationResponseJson> {
  return runAwsCliJson<IntegrationResponseJson>([
    'apigateway',
    'get-integration-response',
    ...methodIdArgs(ids, statusCode),
  ]);
}
