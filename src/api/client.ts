// The typed API Gateway (REST v1) client: one function per operation, each naming its path, its body and the zod
// schema its answer must match. The transport (transport.ts) is the only place in the app that calls fetch.
// The schemas (models.ts, and zod with them) load with the first answer that needs one, alongside its request: the
// list of APIs and GetRestApi are checked by hand (rest-api-check.ts), so the first page's entry carries no zod.
import { ApiError } from './api-error';
import { isRecord, parseWith } from './aws-errors';
import type * as z from 'zod/mini';
import type * as Schemas from './models';
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
import { nextTask } from './next-task';
import { collectAll, type Page } from './paging';
import { checkResourcePage } from './resource-page-check';
import { checkRestApi, checkRestApiPage } from './rest-api-check';
import {
  createTransport,
  seg,
  type CallOptions,
  type ClientOptions,
  type DescribedRequest,
  type PagingOptions,
  type RequestSpec,
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

type SchemaModule = typeof Schemas;
let schemaModule: Promise<SchemaModule> | undefined;
const loadSchemas = () => (schemaModule ??= import('./models'));

export function createApiGatewayClient(opts: ClientOptions): ApiGatewayClient {
  const { send, describe } = createTransport(opts);

  /** Sends, and resolves with the answer and the schemas' code (fetched meanwhile), in a task of their own. */
  async function answerAndSchemas(spec: RequestSpec, o: CallOptions | undefined): Promise<[unknown, SchemaModule]> {
    const answered = await Promise.all([send(spec, o), loadSchemas()]);
    // Answers that were waiting for the schemas' code (a page's first reads) all resume in the one microtask
    // checkpoint after it arrives, so their checks (and the building of their schemas) ran as one task: on an editor
    // deep link, the method and the API's resources, 30–50 ms on the bench machine, four times that on a slow phone.
    // Checked one per task, the page can answer between them.
    await nextTask();
    return answered;
  }

  /** Sends, and validates the answer with the schema `pick` chooses. */
  async function call<S extends z.ZodMiniType>(
    spec: RequestSpec,
    pick: (schemas: SchemaModule) => S,
    o: CallOptions | undefined,
  ): Promise<z.output<S>> {
    const [raw, schemas] = await answerAndSchemas(spec, o);
    // No status/requestId here: parsing of a 2xx body; they are not needed to explain a shape problem.
    return parseWith(pick(schemas), raw, 200, undefined);
  }

  const client: ApiGatewayClient = {
    getRestApis: async (params, o) =>
      checkRestApiPage(
        await send(
          { method: 'GET', path: '/restapis', query: { limit: params?.limit?.toString(), position: params?.position } },
          o,
        ),
      ),
    getAllRestApis: (o) =>
      collectAll(
        (position) => client.getRestApis({ limit: 500, position }, o),
        (a) => a.id,
        o?.onProgress,
      ),
    getRestApi: async (ref, o) => checkRestApi(await send({ method: 'GET', path: restApiPath(ref) }, o)),
    importRestApi: (file, o) =>
      call(
        { method: 'POST', path: '/restapis', query: { mode: 'import' }, rawBody: file },
        (s) => s.importedRestApiSchema(),
        o,
      ),
    getResources: async (ref, params, o) => {
      // As `call`, but the page is checked in slices (resource-page-check.ts).
      const [raw, schemas] = await answerAndSchemas(
        {
          method: 'GET',
          path: `${restApiPath(ref)}/resources`,
          query: {
            limit: params?.limit?.toString(),
            position: params?.position,
            embed: params?.embedMethods ? 'methods' : undefined,
          },
        },
        o,
      );
      return checkResourcePage(schemas, raw);
    },
    getAllResources: (ref, o) =>
      collectAll(
        (position) => client.getResources(ref, { limit: 500, position, embedMethods: o?.embedMethods }, o),
        (r) => r.id,
        o?.onProgress,
      ),
    getResource: (ref, o) => call({ method: 'GET', path: resourcePath(ref) }, (s) => s.resourceSchema(), o),
    getMethod: (ref, o) => call({ method: 'GET', path: methodPath(ref) }, (s) => s.methodSchema(), o),
    getIntegration: async (ref, o) => {
      const [raw, schemas] = await answerAndSchemas({ method: 'GET', path: `${methodPath(ref)}/integration` }, o);
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
      return parseWith(schemas.integrationSchema(), raw, 200, undefined);
    },
    getMethodResponse: (ref, o) =>
      call({ method: 'GET', path: methodResponsePath(ref) }, (s) => s.methodResponseSchema(), o),
    putMethodResponse: (ref, body, o) =>
      call({ method: 'PUT', path: methodResponsePath(ref), body }, (s) => s.methodResponseSchema(), o),
    updateMethodResponse: (ref, patchOperations, o) =>
      call(
        { method: 'PATCH', path: methodResponsePath(ref), body: { patchOperations } },
        (s) => s.methodResponseSchema(),
        o,
      ),
    getIntegrationResponse: (ref, o) =>
      call({ method: 'GET', path: integrationResponsePath(ref) }, (s) => s.integrationResponseSchema(), o),
    putIntegrationResponse: (ref, body, o) =>
      call({ method: 'PUT', path: integrationResponsePath(ref), body }, (s) => s.integrationResponseSchema(), o),
    updateIntegrationResponse: (ref, patchOperations, o) =>
      call(
        { method: 'PATCH', path: integrationResponsePath(ref), body: { patchOperations } },
        (s) => s.integrationResponseSchema(),
        o,
      ),
    deleteIntegrationResponse: async (ref, o) => {
      await send({ method: 'DELETE', path: integrationResponsePath(ref) }, o);
    },
    createDeployment: (ref, body, o) =>
      call({ method: 'POST', path: `${restApiPath(ref)}/deployments`, body }, (s) => s.deploymentSchema(), o),
    getStages: async (ref, params, o) =>
      (
        await call(
          { method: 'GET', path: `${restApiPath(ref)}/stages`, query: { deploymentId: params?.deploymentId } },
          (s) => s.stagesSchema(),
          o,
        )
      ).items,
    testInvokeMethod: (ref, body, o) =>
      call({ method: 'POST', path: methodPath(ref), body }, (s) => s.testInvokeSchema(), o),
    getStageExport: (ref, o) =>
      call(
        {
          method: 'GET',
          path: `${restApiPath(ref)}/stages/${seg(ref.stageName)}/exports/oas30`,
          query: { extensions: 'apigateway' },
        },
        (s) => s.stageExportSchema(),
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
        (s) => s.exportFileSchema(),
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
