// The typed API Gateway (REST v1) client: one function per operation, each naming its path, its body and the zod
// schema its answer must match. The transport (transport.ts) is the only place in the app that calls fetch.
import { ApiError } from './api-error';
import { isRecord, parseWith } from './aws-errors';
import {
  deploymentSchema,
  exportFileSchema,
  importedRestApiSchema,
  integrationResponseSchema,
  integrationSchema,
  methodResponseSchema,
  methodSchema,
  resourcePageSchema,
  resourceSchema,
  restApiPageSchema,
  restApiSchema,
  stageExportSchema,
  stagesSchema,
  testInvokeSchema,
} from './models';
import type {
  Deployment,
  DeploymentInput,
  ExportExtensions,
  ExportFormat,
  ExportType,
  ImportedRestApi,
  Integration,
  IntegrationResponse,
  IntegrationResponseInput,
  IntegrationResponseStep,
  Method,
  MethodResponse,
  MethodResponseInput,
  MethodResponseStep,
  PatchOperation,
  Resource,
  RestApi,
  Stage,
  StageExport,
  TestInvokeRequest,
  TestInvokeResult,
} from './models';
import type { MethodRef, ResourceRef, ResponseRef, RestApiRef, StageRef } from './refs';
import { collectAll, type Page } from './paging';
import {
  createTransport,
  seg,
  type CallOptions,
  type ClientOptions,
  type DescribedRequest,
  type PagingOptions,
} from './transport';

export { FORWARD_TARGET_HEADER } from './transport';
export type { CallOptions, ClientOptions, DescribedRequest, PagingOptions } from './transport';

export interface ApiGatewayClient {
  getRestApis(params?: { limit?: number; position?: string }, opts?: CallOptions): Promise<Page<RestApi>>;
  getAllRestApis(opts?: PagingOptions): Promise<RestApi[]>;
  getRestApi(ref: RestApiRef, opts?: CallOptions): Promise<RestApi>;
  /** ImportRestApi: a new API from an OpenAPI file's text, sent as it is (JSON or YAML, named by contentType). */
  importRestApi(file: { text: string; contentType: string }, opts?: CallOptions): Promise<ImportedRestApi>;
  getResources(
    ref: RestApiRef,
    params?: { limit?: number; position?: string; embedMethods?: boolean },
    opts?: CallOptions,
  ): Promise<Page<Resource>>;
  getAllResources(ref: RestApiRef, opts?: PagingOptions & { embedMethods?: boolean }): Promise<Resource[]>;
  getResource(ref: ResourceRef, opts?: CallOptions): Promise<Resource>;
  getMethod(ref: MethodRef, opts?: CallOptions): Promise<Method>;
  getIntegration(ref: MethodRef, opts?: CallOptions): Promise<Integration>;
  getMethodResponse(ref: ResponseRef, opts?: CallOptions): Promise<MethodResponse>;
  putMethodResponse(ref: ResponseRef, body: MethodResponseInput, opts?: CallOptions): Promise<MethodResponse>;
  updateMethodResponse(
    ref: ResponseRef,
    patchOperations: PatchOperation[],
    opts?: CallOptions,
  ): Promise<MethodResponse>;
  getIntegrationResponse(ref: ResponseRef, opts?: CallOptions): Promise<IntegrationResponse>;
  putIntegrationResponse(
    ref: ResponseRef,
    body: IntegrationResponseInput,
    opts?: CallOptions,
  ): Promise<IntegrationResponse>;
  updateIntegrationResponse(
    ref: ResponseRef,
    patchOperations: PatchOperation[],
    opts?: CallOptions,
  ): Promise<IntegrationResponse>;
  deleteIntegrationResponse(ref: ResponseRef, opts?: CallOptions): Promise<void>;
  createDeployment(ref: RestApiRef, body: DeploymentInput, opts?: CallOptions): Promise<Deployment>;
  getStages(ref: RestApiRef, params?: { deploymentId?: string }, opts?: CallOptions): Promise<Stage[]>;
  testInvokeMethod(ref: MethodRef, body: TestInvokeRequest, opts?: CallOptions): Promise<TestInvokeResult>;
  /** GetExport of a stage as OpenAPI 3 (JSON) with the API Gateway extensions: what the stage serves. */
  getStageExport(ref: StageRef, opts?: CallOptions): Promise<StageExport>;
  /** GetExport of a stage as a file, in the OpenAPI version, format and extensions asked for (API Gateway's unless said). */
  getExportFile(
    ref: StageRef,
    params: { exportType: ExportType; format: ExportFormat; extensions?: ExportExtensions },
    opts?: CallOptions,
  ): Promise<string>;
  /** The exact PutIntegrationResponse request (for the review step), with Authorization and tokens redacted. */
  describePutIntegrationResponse(ref: ResponseRef, body: IntegrationResponseInput): Promise<DescribedRequest>;
  /** The exact request of one step of a send, redacted the same way. */
  describeStep(ref: ResponseRef, step: MethodResponseStep | IntegrationResponseStep): Promise<DescribedRequest>;
}

const restApiPath = (ref: RestApiRef) => `/restapis/${seg(ref.restApiId)}`;
const resourcePath = (ref: ResourceRef) => `${restApiPath(ref)}/resources/${seg(ref.resourceId)}`;
const methodPath = (ref: MethodRef) => `${resourcePath(ref)}/methods/${seg(ref.httpMethod)}`;
const methodResponsePath = (ref: ResponseRef) => `${methodPath(ref)}/responses/${seg(ref.statusCode)}`;
const integrationResponsePath = (ref: ResponseRef) => `${methodPath(ref)}/integration/responses/${seg(ref.statusCode)}`;

export function createApiGatewayClient(opts: ClientOptions): ApiGatewayClient {
  const { send, call, describe } = createTransport(opts);

  const client: ApiGatewayClient = {
    getRestApis: (params, o) =>
      call(
        { method: 'GET', path: '/restapis', query: { limit: params?.limit?.toString(), position: params?.position } },
        restApiPageSchema(),
        o,
      ),
    getAllRestApis: (o) =>
      collectAll(
        (position) => client.getRestApis({ limit: 500, position }, o),
        (a) => a.id,
        o?.onProgress,
      ),
    getRestApi: (ref, o) => call({ method: 'GET', path: restApiPath(ref) }, restApiSchema(), o),
    importRestApi: (file, o) =>
      call({ method: 'POST', path: '/restapis', query: { mode: 'import' }, rawBody: file }, importedRestApiSchema(), o),
    getResources: (ref, params, o) =>
      call(
        {
          method: 'GET',
          path: `${restApiPath(ref)}/resources`,
          query: {
            limit: params?.limit?.toString(),
            position: params?.position,
            embed: params?.embedMethods ? 'methods' : undefined,
          },
        },
        resourcePageSchema(),
        o,
      ),
    getAllResources: (ref, o) =>
      collectAll(
        (position) => client.getResources(ref, { limit: 500, position, embedMethods: o?.embedMethods }, o),
        (r) => r.id,
        o?.onProgress,
      ),
    getResource: (ref, o) => call({ method: 'GET', path: resourcePath(ref) }, resourceSchema(), o),
    getMethod: (ref, o) => call({ method: 'GET', path: methodPath(ref) }, methodSchema(), o),
    getIntegration: async (ref, o) => {
      const raw = await send({ method: 'GET', path: `${methodPath(ref)}/integration` }, o);
      // moto answers 200 `{}` when the method has no integration (docs/aws/moto.md); AWS answers 404. Report what
      // AWS would, so screens handle one case.
      if (isRecord(raw) && Object.keys(raw).length === 0) {
        throw new ApiError({
          kind: 'aws',
          errorType: 'NotFoundException',
          status: 404,
          message: 'Invalid Integration identifier specified',
        });
      }
      return parseWith(integrationSchema(), raw, 200, undefined);
    },
    getMethodResponse: (ref, o) => call({ method: 'GET', path: methodResponsePath(ref) }, methodResponseSchema(), o),
    putMethodResponse: (ref, body, o) =>
      call({ method: 'PUT', path: methodResponsePath(ref), body }, methodResponseSchema(), o),
    updateMethodResponse: (ref, patchOperations, o) =>
      call({ method: 'PATCH', path: methodResponsePath(ref), body: { patchOperations } }, methodResponseSchema(), o),
    getIntegrationResponse: (ref, o) =>
      call({ method: 'GET', path: integrationResponsePath(ref) }, integrationResponseSchema(), o),
    putIntegrationResponse: (ref, body, o) =>
      call({ method: 'PUT', path: integrationResponsePath(ref), body }, integrationResponseSchema(), o),
    updateIntegrationResponse: (ref, patchOperations, o) =>
      call(
        { method: 'PATCH', path: integrationResponsePath(ref), body: { patchOperations } },
        integrationResponseSchema(),
        o,
      ),
    deleteIntegrationResponse: async (ref, o) => {
      await send({ method: 'DELETE', path: integrationResponsePath(ref) }, o);
    },
    createDeployment: (ref, body, o) =>
      call({ method: 'POST', path: `${restApiPath(ref)}/deployments`, body }, deploymentSchema(), o),
    getStages: async (ref, params, o) =>
      (
        await call(
          { method: 'GET', path: `${restApiPath(ref)}/stages`, query: { deploymentId: params?.deploymentId } },
          stagesSchema(),
          o,
        )
      ).items,
    testInvokeMethod: (ref, body, o) => call({ method: 'POST', path: methodPath(ref), body }, testInvokeSchema(), o),
    getStageExport: (ref, o) =>
      call(
        {
          method: 'GET',
          path: `${restApiPath(ref)}/stages/${seg(ref.stageName)}/exports/oas30`,
          query: { extensions: 'apigateway' },
        },
        stageExportSchema(),
        o,
      ),
    getExportFile: (ref, params, o) =>
      call(
        {
          method: 'GET',
          path: `${restApiPath(ref)}/stages/${seg(ref.stageName)}/exports/${seg(params.exportType)}`,
          // `none` is GetExport without the parameter.
          query: { extensions: params.extensions === 'none' ? undefined : (params.extensions ?? 'apigateway') },
          accept: params.format === 'yaml' ? 'application/yaml' : 'application/json',
          answerAs: 'text',
        },
        exportFileSchema(),
        o,
      ),
    describePutIntegrationResponse: (ref, body) =>
      describe({ method: 'PUT', path: integrationResponsePath(ref), body }),
    describeStep: (ref, step) => {
      switch (step.kind) {
        case 'PutMethodResponse':
          return describe({ method: 'PUT', path: methodResponsePath(ref), body: step.body });
        case 'UpdateMethodResponse':
          return describe({
            method: 'PATCH',
            path: methodResponsePath(ref),
            body: { patchOperations: step.patchOperations },
          });
        case 'PutIntegrationResponse':
          return describe({ method: 'PUT', path: integrationResponsePath(ref), body: step.body });
        case 'UpdateIntegrationResponse':
          return describe({
            method: 'PATCH',
            path: integrationResponsePath(ref),
            body: { patchOperations: step.patchOperations },
          });
      }
    },
  };
  return client;
}
