// The OpenAPI document GetExport writes for a stage, from its deployment's snapshot: Swagger 2.0 (`swagger`) or
// OpenAPI 3.0.1 (`oas30`), with the x-amazon-apigateway-* extensions on request. Shapes follow AWS's recorded
// exports (docs/aws/deployments-stages.md, "GetExport").
import type { DeploymentDoc, DeploymentSnapshot, IntegrationDoc, MethodDoc } from './model';

export type ExportType = 'swagger' | 'oas30';
export type Extensions = 'none' | 'integrations' | 'apigateway';

type Json = Record<string, unknown>;

const PARAM_SOURCES: Record<string, string> = { path: 'path', querystring: 'query', header: 'header' };

function parameters(m: MethodDoc, type: ExportType): Json[] | undefined {
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

function responses(m: MethodDoc, type: ExportType): Json {
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

function integrationExtension(i: IntegrationDoc, type: ExportType): Json {
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

function usedModels(snapshot: DeploymentSnapshot): string[] {
  const names = new Set<string>();
  for (const r of snapshot.resources)
    for (const m of r.methods)
      for (const mr of Object.values(m.methodResponses ?? {}))
        for (const model of Object.values(mr.responseModels ?? {})) names.add(model);
  return [...names].sort();
}

/** The built-in models every REST API has; the emulator stores no others. */
const BUILTIN_SCHEMAS: Record<string, Json> = {
  Empty: { type: 'object', title: 'Empty Schema' },
  Error: { type: 'object', properties: { message: { type: 'string' } }, title: 'Error Schema' },
};

export function exportDocument(args: {
  type: ExportType;
  extensions: Extensions;
  snapshot: DeploymentSnapshot;
  deployment: DeploymentDoc;
  stageName: string;
  region: string;
}): Json {
  const { type, extensions, snapshot, stageName, region } = args;
  const api = snapshot.api;
  // Without an API version AWS writes the deployment's date as info.version (UNVERIFIED beyond console exports).
  const version = api.version ?? new Date(args.deployment.createdDate * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const info: Json =
    type === 'swagger'
      ? { ...(api.description ? { description: api.description } : {}), version, title: api.name }
      : { title: api.name, ...(api.description ? { description: api.description } : {}), version };
  const host = `${api.id}.execute-api.${region}.amazonaws.com`;
  const paths: Json = {};
  for (const r of snapshot.resources) {
    if (r.methods.length === 0) continue;
    const item: Json = {};
    for (const m of r.methods) {
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
  const models = usedModels(snapshot);
  const schemas: Json = {};
  for (const name of models) schemas[name] = BUILTIN_SCHEMAS[name] ?? { type: 'object' };
  const doc: Json =
    type === 'swagger'
      ? {
          swagger: '2.0',
          info,
          host,
          basePath: `/${stageName}`,
          schemes: ['https'],
          paths,
          ...(models.length > 0 ? { definitions: schemas } : {}),
        }
      : {
          openapi: '3.0.1',
          info,
          servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stageName } } }],
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
