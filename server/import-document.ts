// An OpenAPI definition (Swagger 2.0 or OpenAPI 3.x, JSON or YAML, with API Gateway's x-amazon-apigateway-*
// extensions) turned into what ImportRestApi and PutRestApi store: the API's settings and, per resource path,
// its methods with their method responses, integration and integration responses. Every method is checked with
// the rules PutMethod, PutMethodResponse, PutIntegration and PutIntegrationResponse apply (src/rules), so a
// definition imports only if each of those calls would have succeeded. AWS's behaviour, with sources, is in
// docs/aws/import.md.
import { parse as parseYaml } from 'yaml';
import {
  awsVerdict,
  validateIntegrationResponseRequest,
  validateIntegrationResponseAgainstMethod,
  validatePutMethodResponse,
} from '../src/rules/integration-response';
import { putIntegrationRequestViolations, putIntegrationViolations } from '../src/rules/put-integration';
import { putMethodViolations } from '../src/rules/put-method';
import type { IntegrationResponse, IntegrationType, MethodResponse, RuleViolation } from '../src/rules/types';
import { AwsError, badRequest } from './errors';
import type { IntegrationDoc, MethodDoc } from './model';

type Json = Record<string, unknown>;

export type BasePathMode = 'ignore' | 'prepend' | 'split';

export interface ImportedApi {
  name: string;
  description?: string;
  version?: string;
  binaryMediaTypes?: string[];
  apiKeySource?: string;
  /** Resource path → its methods, in the document's order. An integration's cacheNamespace is set on storing. */
  paths: Map<string, MethodDoc[]>;
  /** What the emulator left out of the definition (AWS answers such things as `warnings`). */
  warnings: string[];
}

/** AWS's answer to a body that is not an OpenAPI definition [LS test_apigateway_import::test_import_api_bad_file]. */
export const INVALID_INPUT = 'Invalid OpenAPI input.';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// `fatal`: bytes that are not UTF-8 make the input invalid instead of becoming U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses the request body: JSON, else YAML (JSON is YAML, but JSON.parse is the fast path for the usual case). */
export function parseDefinition(body: ArrayBuffer | Uint8Array): Json {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw badRequest(INVALID_INPUT);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    try {
      // The yaml package refuses duplicate keys and caps alias expansion (a "billion laughs" document fails).
      doc = parseYaml(text);
    } catch {
      throw badRequest(INVALID_INPUT);
    }
  }
  if (!isObject(doc)) throw badRequest(INVALID_INPUT);
  const swagger = doc.swagger;
  const openapi = doc.openapi;
  const isSwagger2 = swagger === '2.0' || swagger === 2;
  const isOas3 = typeof openapi === 'string' && /^3\.\d+(\.\d+)?$/.test(openapi);
  if (!isSwagger2 && !isOas3) throw badRequest(INVALID_INPUT);
  return doc;
}

const VERBS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  patch: 'PATCH',
  options: 'OPTIONS',
  head: 'HEAD',
  'x-amazon-apigateway-any-method': 'ANY',
};

const PARAM_LOCATIONS: Record<string, string> = { path: 'path', query: 'querystring', header: 'header' };

/** A scalar written in the document (YAML may give numbers or booleans where AWS reads a string). */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = scalar(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** Follows a local `$ref` (`#/a/b`) a few levels deep; anything else is returned as it is. */
function deref(doc: Json, v: unknown): unknown {
  let cur = v;
  for (let i = 0; i < 8 && isObject(cur) && typeof cur.$ref === 'string' && cur.$ref.startsWith('#/'); i++) {
    let target: unknown = doc;
    for (const raw of cur.$ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[key] : undefined;
    }
    cur = target;
  }
  return cur;
}

/** The model a schema names: `#/definitions/X` (Swagger) or `#/components/schemas/X` (OpenAPI 3). */
function modelName(schema: unknown): string | undefined {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return undefined;
  const m = /^#\/(?:definitions|components\/schemas)\/([^/]+)$/.exec(schema.$ref);
  return m?.[1];
}

/** The base path a definition declares: Swagger's `basePath`, or the path of OpenAPI 3's first server URL. */
function declaredBasePath(doc: Json): string {
  if (typeof doc.basePath === 'string') return doc.basePath;
  const server = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  if (!isObject(server)) return '';
  const variables = isObject(server.variables) ? server.variables : {};
  const names = Object.keys(variables);
  // One server variable named basePath is the base path, whether or not the URL uses it (recorded for
  // openapi-basepath-server-variable.yaml in LS test_import_rest_api_with_base_path_oas30).
  const only = names.length === 1 ? variables[names[0] ?? ''] : undefined;
  if (names[0] === 'basePath' && isObject(only)) return scalar(only.default) ?? '';
  let url = typeof server.url === 'string' ? server.url : '';
  for (const [name, def] of Object.entries(variables)) {
    url = url.split(`{${name}}`).join(isObject(def) ? (scalar(def.default) ?? '') : '');
  }
  try {
    return new URL(url, 'https://placeholder.invalid').pathname;
  } catch {
    return '';
  }
}

function basePathPrefix(doc: Json, mode: BasePathMode): string {
  if (mode === 'ignore') return '';
  const parts = declaredBasePath(doc)
    .split('/')
    .filter((p) => p !== '');
  // split: the first part of the base path is taken as a stage name and dropped (recorded, same tests).
  const kept = mode === 'split' ? parts.slice(1) : parts;
  return kept.length > 0 ? `/${kept.join('/')}` : '';
}

function joinPath(prefix: string, path: string): string {
  const p = path.replace(/\/+$/, '');
  if (prefix === '') return p === '' ? '/' : p;
  return `${prefix}${p}`;
}

/** Errors gathered while reading the definition; AWS lists them after one header line. */
class ImportErrors {
  readonly lines: string[] = [];
  add(where: string, violations: RuleViolation[]): void {
    const v = awsVerdict(violations);
    if (v) this.lines.push(`${where}: ${v.message}`);
  }
  throwIfAny(): void {
    // The header and the tab-separated lines are AWS's (Issue Testlio/lambda-tools#56, 2016;
    // alexcasalboni/serverless-data-pipeline-sam#1, 2018). How AWS joins several errors is UNVERIFIED.
    if (this.lines.length > 0)
      throw new AwsError('BadRequestException', `Errors found during import:\n\t${this.lines.join('\n\t')}`);
  }
}

interface MethodContext {
  doc: Json;
  isSwagger: boolean;
  where: string;
  errors: ImportErrors;
  warnings: string[];
  securityDefinitions: Json;
}

function requestParameters(ctx: MethodContext, params: unknown[]): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const raw of params) {
    const p = deref(ctx.doc, raw);
    if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
    const where = PARAM_LOCATIONS[p.in];
    if (!where) continue;
    out[`method.request.${where}.${p.name}`] = where === 'path' ? true : p.required === true;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function requestModels(ctx: MethodContext, op: Json, params: unknown[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (ctx.isSwagger) {
    for (const raw of params) {
      const p = deref(ctx.doc, raw);
      if (!isObject(p) || p.in !== 'body') continue;
      const name = modelName(p.schema);
      const consumes = Array.isArray(op.consumes) ? op.consumes : ctx.doc.consumes;
      const types = Array.isArray(consumes) && consumes.length > 0 ? consumes : ['application/json'];
      if (name) for (const ct of types) if (typeof ct === 'string') out[ct] = name;
    }
  } else {
    const body = deref(ctx.doc, op.requestBody);
    const content = isObject(body) && isObject(body.content) ? body.content : {};
    for (const [ct, media] of Object.entries(content)) {
      const name = isObject(media) ? modelName(media.schema) : undefined;
      if (name) out[ct] = name;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function methodResponses(ctx: MethodContext, op: Json): Record<string, MethodResponse> {
  const out: Record<string, MethodResponse> = {};
  const responses = isObject(op.responses) ? op.responses : {};
  for (const [code, raw] of Object.entries(responses)) {
    if (!/^\d{3}$/.test(code)) {
      // UNVERIFIED text: AWS warns about responses it cannot map to a status code.
      ctx.warnings.push(`${ctx.where}: the response '${code}' is not a status code and was not imported.`);
      continue;
    }
    const r = deref(ctx.doc, raw);
    const body: Json = {};
    const headers = isObject(r) && isObject(r.headers) ? r.headers : {};
    const params: Record<string, boolean> = {};
    for (const [name, h] of Object.entries(headers)) {
      const header = deref(ctx.doc, h);
      params[`method.response.header.${name}`] = isObject(header) && header.required === true;
    }
    if (Object.keys(params).length > 0) body.responseParameters = params;
    const models: Record<string, string> = {};
    if (isObject(r)) {
      if (ctx.isSwagger) {
        const name = modelName(r.schema);
        const produces = Array.isArray(op.produces) ? op.produces : ctx.doc.produces;
        const types = Array.isArray(produces) && produces.length > 0 ? produces : ['application/json'];
        if (name) for (const ct of types) if (typeof ct === 'string') models[ct] = name;
      } else if (isObject(r.content)) {
        for (const [ct, media] of Object.entries(r.content)) {
          const name = isObject(media) ? modelName(media.schema) : undefined;
          if (name) models[ct] = name;
        }
      }
    }
    if (Object.keys(models).length > 0) body.responseModels = models;
    const checked = validatePutMethodResponse(code, body);
    // UNVERIFIED wording for a method response, after AWS's "Unable to put integration response on …".
    ctx.errors.add(`Unable to put method response on ${ctx.where}`, checked.violations);
    if (checked.value) out[code] = { statusCode: code, ...checked.value };
  }
  return out;
}

const INTEGRATION_TYPES = new Set(['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK']);

function integration(
  ctx: MethodContext,
  ext: Json,
  responses: Record<string, MethodResponse>,
): IntegrationDoc | undefined {
  const where = `Unable to put integration on ${ctx.where}`;
  const type = scalar(ext.type)?.toUpperCase();
  const httpMethod = scalar(ext.httpMethod)?.toUpperCase();
  const uri = scalar(ext.uri);
  const passthroughBehavior = scalar(ext.passthroughBehavior)?.toUpperCase();
  const contentHandling = scalar(ext.contentHandling);
  const connectionType = scalar(ext.connectionType)?.toUpperCase();
  const timeout = ext.timeoutInMillis === undefined ? undefined : Number(ext.timeoutInMillis);
  const input = {
    type,
    httpMethod,
    uri,
    connectionType,
    contentHandling,
    passthroughBehavior,
    timeoutInMillis: timeout !== undefined && Number.isInteger(timeout) ? timeout : undefined,
  };
  const request = putIntegrationRequestViolations(input);
  const violations = request.length > 0 ? request : putIntegrationViolations(input);
  if (violations.length > 0 || type === undefined || !INTEGRATION_TYPES.has(type)) {
    ctx.errors.add(where, violations);
    return undefined;
  }
  const out: IntegrationDoc = {
    type: type as IntegrationType,
    passthroughBehavior: passthroughBehavior ?? 'WHEN_NO_MATCH',
    timeoutInMillis: input.timeoutInMillis ?? 29000,
    cacheNamespace: scalar(ext.cacheNamespace) ?? '',
    cacheKeyParameters: Array.isArray(ext.cacheKeyParameters)
      ? ext.cacheKeyParameters.filter((p): p is string => typeof p === 'string')
      : [],
  };
  // As PutIntegration: MOCK keeps no httpMethod, uri or connection; HTTP integrations connect over the internet.
  if (type !== 'MOCK') {
    if (httpMethod) out.httpMethod = httpMethod;
    if (uri) out.uri = uri;
    if (connectionType) out.connectionType = connectionType;
    else if (type === 'HTTP' || type === 'HTTP_PROXY') out.connectionType = 'INTERNET';
    const connectionId = scalar(ext.connectionId);
    if (connectionId) out.connectionId = connectionId;
  }
  const credentials = scalar(ext.credentials);
  if (credentials) out.credentials = credentials;
  const reqParams = stringMap(ext.requestParameters);
  if (reqParams && Object.keys(reqParams).length > 0) out.requestParameters = reqParams;
  if (isObject(ext.requestTemplates)) {
    const templates: Record<string, string | null> = {};
    for (const [ct, t] of Object.entries(ext.requestTemplates))
      templates[ct] = typeof t === 'string' && t !== '' ? t : null;
    if (Object.keys(templates).length > 0) out.requestTemplates = templates;
  }
  if (contentHandling) out.contentHandling = contentHandling;

  // x-amazon-apigateway-integration.responses: keyed by selection pattern, `default` for the one without
  // ([DG api-gateway-swagger-extensions-integration-responses]).
  const irs: Record<string, IntegrationResponse> = {};
  const entries = isObject(ext.responses) ? Object.entries(ext.responses) : [];
  for (const [pattern, raw] of entries) {
    const r = isObject(raw) ? raw : {};
    const statusCode = scalar(r.statusCode) ?? '';
    const body: Json = {};
    if (pattern !== 'default') body.selectionPattern = pattern;
    for (const member of ['responseParameters', 'responseTemplates', 'contentHandling'] as const)
      if (r[member] !== undefined) body[member] = r[member];
    const irWhere = `Unable to put integration response on ${ctx.where}`;
    const request = validateIntegrationResponseRequest(statusCode, body);
    if (!request.value) {
      ctx.errors.add(irWhere, request.violations);
      continue;
    }
    const against = validateIntegrationResponseAgainstMethod(request.value, responses[statusCode]);
    if (against.length > 0) {
      ctx.errors.add(irWhere, against);
      continue;
    }
    // One integration response per status code: a later pattern for the same code replaces the earlier one,
    // as a second PutIntegrationResponse would (UNVERIFIED for import).
    irs[statusCode] = { statusCode, ...request.value };
  }
  if (Object.keys(irs).length > 0) out.integrationResponses = irs;
  return out;
}

function authorization(ctx: MethodContext, op: Json): Pick<MethodDoc, 'authorizationType' | 'apiKeyRequired'> {
  const security = Array.isArray(op.security) ? op.security : Array.isArray(ctx.doc.security) ? ctx.doc.security : [];
  let apiKeyRequired = false;
  let authorizationType = 'NONE';
  const ext = op['x-amazon-apigateway-auth'];
  if (isObject(ext) && scalar(ext.type)?.toUpperCase() === 'AWS_IAM') authorizationType = 'AWS_IAM';
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    for (const name of Object.keys(requirement)) {
      const scheme = ctx.securityDefinitions[name];
      if (!isObject(scheme)) continue;
      // An apiKey scheme without an API Gateway authorizer is the API key requirement
      // ([DG api-gateway-swagger-extensions-authtype], api_key).
      if (scheme.type === 'apiKey' && scheme['x-amazon-apigateway-authorizer'] === undefined) {
        if (scalar(scheme['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') authorizationType = 'AWS_IAM';
        else apiKeyRequired = true;
      } else {
        ctx.warnings.push(
          `${ctx.where}: the security scheme '${name}' needs an authorizer, which the emulator does not support; the method was imported without it.`,
        );
      }
    }
  }
  return { authorizationType, apiKeyRequired };
}

function method(ctx: MethodContext, verb: string, op: Json, pathParams: unknown[]): MethodDoc | undefined {
  const params = [...pathParams, ...(Array.isArray(op.parameters) ? op.parameters : [])];
  const auth = authorization(ctx, op);
  const m: MethodDoc = { httpMethod: verb, ...auth };
  if (typeof op.operationId === 'string') m.operationName = op.operationId;
  const reqParams = requestParameters(ctx, params);
  if (reqParams) m.requestParameters = reqParams;
  const models = requestModels(ctx, op, params);
  if (models) m.requestModels = models;
  const before = ctx.errors.lines.length;
  // Request models are the definition's own (AWS creates them with the API); the emulator keeps their names.
  ctx.errors.add(
    `Unable to put method on ${ctx.where}`,
    putMethodViolations({ verb, authorizationType: m.authorizationType, requestParameters: reqParams }),
  );
  const responses = methodResponses(ctx, op);
  if (Object.keys(responses).length > 0) m.methodResponses = responses;
  const ext = op['x-amazon-apigateway-integration'];
  if (isObject(ext)) {
    const i = integration(ctx, ext, responses);
    if (i) m.methodIntegration = i;
  }
  return ctx.errors.lines.length === before ? m : undefined;
}

const IGNORED_EXTENSIONS = [
  'x-amazon-apigateway-request-validators',
  'x-amazon-apigateway-gateway-responses',
  'x-amazon-apigateway-documentation',
  'x-amazon-apigateway-policy',
  'x-amazon-apigateway-minimum-compression-size',
];

/** Reads a parsed definition; throws AWS's "Errors found during import" error when a method would be refused. */
export function readDefinition(doc: Json, basepath: BasePathMode = 'ignore'): ImportedApi {
  const isSwagger = doc.swagger !== undefined;
  const info = isObject(doc.info) ? doc.info : {};
  const errors = new ImportErrors();
  const warnings: string[] = [];
  const name = scalar(info.title);
  // UNVERIFIED: AWS's answer to a definition without info.title (OpenAPI requires one).
  if (name === undefined || name === '') throw badRequest(INVALID_INPUT);
  const api: ImportedApi = { name, paths: new Map(), warnings };
  const description = scalar(info.description);
  if (description) api.description = description;
  const version = scalar(info.version);
  if (version) api.version = version;
  const binary = doc['x-amazon-apigateway-binary-media-types'];
  if (Array.isArray(binary)) api.binaryMediaTypes = binary.filter((t): t is string => typeof t === 'string');
  const keySource = scalar(doc['x-amazon-apigateway-api-key-source'])?.toUpperCase();
  if (keySource === 'HEADER' || keySource === 'AUTHORIZER') api.apiKeySource = keySource;
  for (const ext of IGNORED_EXTENSIONS)
    if (doc[ext] !== undefined) warnings.push(`${ext} is not supported by the emulator and was not imported.`);

  const components = isObject(doc.components) ? doc.components : {};
  const securityDefinitions = isObject(doc.securityDefinitions)
    ? doc.securityDefinitions
    : isObject(components.securitySchemes)
      ? components.securitySchemes
      : {};
  const prefix = basePathPrefix(doc, basepath);
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [rawPath, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem);
    if (!isObject(item)) continue;
    if (!rawPath.startsWith('/')) {
      // UNVERIFIED wording.
      errors.lines.push(`Unable to create resource at path '${rawPath}': a path must start with '/'`);
      continue;
    }
    const path = joinPath(prefix, rawPath);
    const methods = api.paths.get(path) ?? [];
    api.paths.set(path, methods);
    const pathParams = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [key, op] of Object.entries(item)) {
      const verb = VERBS[key.toLowerCase()];
      if (!verb || !isObject(op)) continue;
      const ctx: MethodContext = {
        doc,
        isSwagger,
        where: `'${verb}' for resource at path '${path}'`,
        errors,
        warnings,
        securityDefinitions,
      };
      const m = method(ctx, verb, op, pathParams);
      if (m) methods.push(m);
    }
  }
  errors.throwIfAny();
  return api;
}
