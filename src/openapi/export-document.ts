// The OpenAPI document API Gateway's GetExport writes: Swagger 2.0 (`swagger`) or OpenAPI 3.0.1 (`oas30`), with the
// x-amazon-apigateway-* extensions on request. Shapes follow AWS's recorded exports (docs/aws/deployments-stages.md,
// "GetExport"). One writer for two callers, so they cannot drift apart: the emulator's GetExport (a deployment's
// snapshot, written for a stage) and the dashboard's export of an API as it is now (GetResources?embed=methods,
// written without a stage). Pure: it imports nothing, and its input is AWS's wire JSON, so either side maps to it
// without translation.

export type ExportType = 'swagger' | 'oas30';
export type Extensions = 'none' | 'integrations' | 'apigateway';

/** The RestApi fields an export reads (GetRestApi's JSON). */
export interface ExportRestApi {
  id: string;
  name: string;
  description?: string;
  version?: string;
  binaryMediaTypes?: string[];
}

export interface ExportIntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string | null>;
  contentHandling?: string;
}

export interface ExportMethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface ExportIntegration {
  type: string;
  httpMethod?: string;
  uri?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string | null>;
  passthroughBehavior?: string;
  contentHandling?: string;
  timeoutInMillis?: number;
  integrationResponses?: Record<string, ExportIntegrationResponse>;
}

export interface ExportMethod {
  httpMethod: string;
  requestParameters?: Record<string, boolean>;
  methodResponses?: Record<string, ExportMethodResponse>;
  methodIntegration?: ExportIntegration;
}

/** One resource as GetResources?embed=methods lists it; paths and verbs are written in the order given. */
export interface ExportResource {
  path: string;
  resourceMethods?: Record<string, ExportMethod>;
}

/** Where a stage serves the API: what makes a document a stage's export. */
export interface ExportStage {
  stageName: string;
  region: string;
}

type Json = Record<string, unknown>;

const PARAM_SOURCES: Record<string, string> = { path: 'path', querystring: 'query', header: 'header' };

function parameters(m: ExportMethod, type: ExportType): Json[] | undefined {
  const out: Json[] = [];
  for (const [key, required] of Object.entries(m.requestParameters ?? {})) {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key);
    if (!match) continue;
    const where = PARAM_SOURCES[match[1] ?? ''] ?? 'query';
    const param: Json = { name: match[2], in: where, required: where === 'path' ? true : required };
    if (type === 'swagger') param.type = 'string';
    else param.schema = { type: 'string' };
    out.push(param);
  }
  return out.length > 0 ? out : undefined;
}

function responses(m: ExportMethod, type: ExportType): Json {
  const out: Json = {};
  for (const [sc, mr] of Object.entries(m.methodResponses ?? {})) {
    const r: Json = { description: `${sc} response` };
    const headers: Json = {};
    for (const key of Object.keys(mr.responseParameters ?? {})) {
      const name = key.replace(/^method\.response\.header\./, '');
      headers[name] = type === 'swagger' ? { type: 'string' } : { schema: { type: 'string' } };
    }
    if (Object.keys(headers).length > 0) r.headers = headers;
    const models = Object.entries(mr.responseModels ?? {});
    if (type === 'swagger') {
      const first = models[0];
      if (first) r.schema = { $ref: `#/definitions/${first[1]}` };
    } else {
      const content: Json = {};
      for (const [ct, model] of models) content[ct] = { schema: { $ref: `#/components/schemas/${model}` } };
      r.content = content;
    }
    out[sc] = r;
  }
  return out;
}

function integrationExtension(i: ExportIntegration, type: ExportType): Json {
  const responsesOut: Json = {};
  for (const ir of Object.values(i.integrationResponses ?? {})) {
    const r: Json = { statusCode: ir.statusCode };
    if (ir.responseParameters && Object.keys(ir.responseParameters).length > 0)
      r.responseParameters = ir.responseParameters;
    if (ir.responseTemplates && Object.keys(ir.responseTemplates).length > 0)
      r.responseTemplates = ir.responseTemplates;
    if (ir.contentHandling) r.contentHandling = ir.contentHandling;
    responsesOut[ir.selectionPattern ? ir.selectionPattern : 'default'] = r;
  }
  const ext: Json = {};
  // AWS writes `type` first in Swagger exports and last in OpenAPI 3 ones (recorded).
  if (type === 'swagger') ext.type = i.type.toLowerCase();
  if (i.httpMethod) ext.httpMethod = i.httpMethod;
  if (i.uri) ext.uri = i.uri;
  if (i.credentials) ext.credentials = i.credentials;
  if (Object.keys(responsesOut).length > 0) ext.responses = responsesOut;
  if (i.requestParameters && Object.keys(i.requestParameters).length > 0) ext.requestParameters = i.requestParameters;
  if (i.requestTemplates && Object.keys(i.requestTemplates).length > 0) ext.requestTemplates = i.requestTemplates;
  if (i.passthroughBehavior) ext.passthroughBehavior = i.passthroughBehavior.toLowerCase();
  if (i.contentHandling) ext.contentHandling = i.contentHandling;
  if (i.timeoutInMillis !== undefined && i.timeoutInMillis !== 29000) ext.timeoutInMillis = i.timeoutInMillis;
  if (type === 'oas30') ext.type = i.type.toLowerCase();
  return ext;
}

function usedModels(resources: readonly ExportResource[]): string[] {
  const names = new Set<string>();
  for (const r of resources)
    for (const m of Object.values(r.resourceMethods ?? {}))
      for (const mr of Object.values(m.methodResponses ?? {}))
        for (const model of Object.values(mr.responseModels ?? {})) names.add(model);
  return [...names].sort();
}

/** The built-in models every REST API has; the emulator stores no others. */
const BUILTIN_SCHEMAS: Record<string, Json> = {
  Empty: { type: 'object', title: 'Empty Schema' },
  Error: { type: 'object', properties: { message: { type: 'string' } }, title: 'Error Schema' },
};

/**
 * The document of `resources`. With a `stage` it is that stage's export (GetExport): the stage's URL as `servers`
 * (OpenAPI 3) or `host`/`basePath`/`schemes` (Swagger 2). Without one it describes the API alone and has no URL:
 * only a stage has one. `capturedAt` is when the configuration was read (a deployment's date, or now): without an
 * API version it becomes info.version.
 */
export function exportDocument(args: {
  type: ExportType;
  extensions: Extensions;
  api: ExportRestApi;
  resources: readonly ExportResource[];
  capturedAt: Date;
  stage?: ExportStage;
}): Json {
  const { type, extensions, api, resources, stage } = args;
  // Without an API version AWS writes the deployment's date as info.version (UNVERIFIED beyond console exports).
  const version = api.version ?? args.capturedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const info: Json =
    type === 'swagger'
      ? { ...(api.description ? { description: api.description } : {}), version, title: api.name }
      : { title: api.name, ...(api.description ? { description: api.description } : {}), version };
  const paths: Json = {};
  for (const r of resources) {
    const methods = Object.values(r.resourceMethods ?? {});
    if (methods.length === 0) continue;
    const item: Json = {};
    for (const m of methods) {
      const op: Json = {};
      const params = parameters(m, type);
      if (params) op.parameters = params;
      op.responses = responses(m, type);
      if (extensions !== 'none' && m.methodIntegration)
        op['x-amazon-apigateway-integration'] = integrationExtension(m.methodIntegration, type);
      item[m.httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : m.httpMethod.toLowerCase()] = op;
    }
    paths[r.path] = item;
  }
  const models = usedModels(resources);
  const schemas: Json = {};
  for (const name of models) schemas[name] = BUILTIN_SCHEMAS[name] ?? { type: 'object' };
  const host = stage ? `${api.id}.execute-api.${stage.region}.amazonaws.com` : undefined;
  const doc: Json =
    type === 'swagger'
      ? {
          swagger: '2.0',
          info,
          ...(stage ? { host, basePath: `/${stage.stageName}`, schemes: ['https'] } : {}),
          paths,
          ...(models.length > 0 ? { definitions: schemas } : {}),
        }
      : {
          openapi: '3.0.1',
          info,
          ...(stage
            ? {
                servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stage.stageName } } }],
              }
            : {}),
          paths,
          components: models.length > 0 ? { schemas } : {},
        };
  if (extensions === 'apigateway' && api.binaryMediaTypes && api.binaryMediaTypes.length > 0)
    doc['x-amazon-apigateway-binary-media-types'] = api.binaryMediaTypes;
  return doc;
}

function yamlScalar(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  return String(v);
}

/** YAML for a JSON document; strings are double-quoted (JSON's escapes are valid YAML). */
export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]\n`;
    return value
      .map((item) => {
        if (item !== null && typeof item === 'object' && Object.keys(item).length > 0) {
          const inner = toYaml(item, `${indent}  `);
          return `${indent}- ${inner.slice(indent.length + 2)}`;
        }
        return `${indent}- ${yamlInline(item)}\n`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${indent}{}\n`;
    return entries
      .map(([k, v]) => {
        const key = JSON.stringify(k);
        if (v !== null && typeof v === 'object' && Object.keys(v).length > 0)
          return `${indent}${key}:\n${toYaml(v, `${indent}  `)}`;
        return `${indent}${key}: ${yamlInline(v)}\n`;
      })
      .join('');
  }
  return `${indent}${yamlScalar(value)}\n`;
}

function yamlInline(v: unknown): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  return yamlScalar(v);
}
