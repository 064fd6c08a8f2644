// The embedded API Gateway (REST v1) control plane: AWS's paths, status codes, JSON shapes and error
// texts (see docs/aws/: wire-format.md, control-plane.md, integration-responses.md). Validation of integration
// responses, method responses, status codes and PATCH operations comes from src/rules, shared with the SPA.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  awsVerdict,
  validateIntegrationResponseAgainstMethod,
  validateIntegrationResponseRequest,
  validatePutMethodResponse,
} from '../src/rules/integration-response';
import {
  applyIntegrationResponsePatch,
  applyMethodResponsePatch,
  validatePatchOperationsShape,
} from '../src/rules/patch-operations';
import type { PatchOperation } from '../src/rules/patch-operations';
import { statusCodeViolation } from '../src/rules/status-code';
import type { IntegrationResponse, MethodResponse, RuleViolation } from '../src/rules/types';
import type { JsonObject } from './body';
import {
  enumConstraint,
  notNullConstraint,
  optBool,
  optInt,
  optMap,
  optObject,
  optString,
  optStringList,
  parseJsonBody,
  validationError,
} from './body';
import { allowedOrigin, corsPreflight, EXPOSE_HEADERS_VALUE } from './cors';
import { AwsError, badRequest, errorResponse, notFound } from './errors';
import { awsId, unusedAwsId } from './ids';
import type { IntegrationDoc, MethodDoc, ResourceRow, RestApiDoc } from './model';
import { regionOf } from './region';
import type { Store } from './store';

export interface EmulatorOptions {
  store: Store;
  /** Clock in epoch milliseconds (createdDate is reported in epoch seconds). */
  now?: () => number;
}

/** Account id used in AWS messages that name the account (`Invalid API identifier specified {acct}:{id}`). */
export const EMULATOR_ACCOUNT_ID = '123456789012';

/** AWS's quota for an API definition import/put is 6 MB; no control-plane request body may legitimately exceed it. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

const VERBS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'] as const;
const INTEGRATION_TYPES = ['HTTP', 'MOCK', 'AWS_PROXY', 'HTTP_PROXY', 'AWS'] as const;
const CONTENT_HANDLING = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] as const;
const CONNECTION_TYPES = ['INTERNET', 'VPC_LINK'] as const;
const PASSTHROUGH = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;
const API_KEY_SOURCES = ['HEADER', 'AUTHORIZER'] as const;
const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'] as const;
const AUTH_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] as const;
/** Models every new REST API has in AWS; PutMethod's requestModels may name them without creating them. */
const BUILTIN_MODELS = ['Empty', 'Error'];

const MSG = {
  resource: 'Invalid Resource identifier specified',
  method: 'Invalid Method identifier specified',
  integration: 'Invalid Integration identifier specified',
  statusCode: 'Invalid Response status code specified',
};

const includes = (list: readonly string[], v: string) => list.includes(v);

function verdictError(violations: RuleViolation[]): AwsError | null {
  const v = awsVerdict(violations);
  return v ? new AwsError(v.type, v.message) : null;
}

function throwIfViolations(violations: RuleViolation[]): void {
  const err = verdictError(violations);
  if (err) throw err;
}

const requestStage = (vs: RuleViolation[]) => vs.filter((v) => v.stage === 'request');
const methodStage = (vs: RuleViolation[]) => vs.filter((v) => v.stage === 'method');

/**
 * The request stage of UpdateMethodResponse and UpdateIntegrationResponse: AWS reports a bad status code and
 * malformed patch operations together ("2 validation errors detected: …"), before any existence check.
 */
function patchOperationsOrThrow(
  statusCode: string,
  requestBody: unknown,
  inputName: 'updateMethodResponseInput' | 'updateIntegrationResponseInput',
): PatchOperation[] {
  const shape = validatePatchOperationsShape(requestBody, inputName);
  const sv = statusCodeViolation(statusCode);
  throwIfViolations(requestStage([...(sv ? [sv] : []), ...shape.violations]));
  return shape.ops ?? [];
}

/** A patch either yields the new object or the violation AWS would answer with. */
function patchedOrThrow<T>(patched: { value: T } | { violation: RuleViolation }): T {
  if ('violation' in patched) {
    // awsVerdict words a lone violation as AWS would (e.g. the "1 validation error detected: " prefix).
    throw verdictError([patched.violation]) ?? new AwsError(patched.violation.type, patched.violation.message);
  }
  return patched.value;
}

// ---- paging --------------------------------------------------------------------------------------------

// AWS documents "default 25, max 500". Out-of-range or non-numeric limits: AWS answered limit=-1 with 200
// (GetApiKeys); LocalStack treats values outside 1..500 as unset. UNVERIFIED for >500: we clamp to 500.
function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 25;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) return 25;
  return Math.min(n, 500);
}

// The token is opaque to clients (AWS masks it in snapshots); ours is the base64url of the last id seen.
function encodePosition(afterId: string): string {
  return Buffer.from(afterId, 'utf8').toString('base64url');
}

function decodePosition(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  const id = Buffer.from(raw, 'base64url').toString('utf8');
  // UNVERIFIED: AWS's answer to a forged position. A 400 BadRequestException is the plausible one.
  if (!/^[a-z0-9]{1,32}$/.test(id)) throw badRequest('Invalid position parameter specified');
  return id;
}

// ---- views ---------------------------------------------------------------------------------------------

function resourceView(r: ResourceRow, methods: MethodDoc[] | string[] | undefined): JsonObject {
  const out: JsonObject = { id: r.id };
  if (r.parentId !== undefined) out.parentId = r.parentId;
  if (r.pathPart !== undefined) out.pathPart = r.pathPart;
  out.path = r.path;
  if (methods && methods.length > 0) {
    const map: JsonObject = {};
    for (const m of methods) {
      if (typeof m === 'string') map[m] = {};
      else map[m.httpMethod] = m;
    }
    out.resourceMethods = map;
  }
  return out;
}

function isTemplateEmpty(v: string | null): boolean {
  return v === null || v === '';
}

/** AWS stores an empty or null mapping template as null. */
function normalizeTemplates(t: Record<string, string | null> | undefined): Record<string, string | null> | undefined {
  if (!t) return undefined;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(t)) out[k] = isTemplateEmpty(v) ? null : v;
  return out;
}

/**
 * The headers of an answer, as a plain object. Every answer carries CORS headers (what hono's cors() would add
 * to a non-preflight answer), Vary: Origin and a fresh x-amzn-RequestId. Setting those with c.header() in a
 * middleware, as hono's own middlewares do, fills an undici Headers object per request (WebIDL checks on each
 * set, a sort on the way out) that @hono/node-server then copies into a plain object for Node: measurable at
 * the bench's rate (~4 % of the event loop's busy time in a profile of bench section 5). A Response built with a plain object goes to Node as is.
 *
 * The names are lowercase and in sorted order because that is what the Headers route put on the wire
 * (undici's Headers iterate sorted and lowercased), so the header block a client receives is the same, but
 * for one detail: Node now writes Content-Length itself, after Date/Connection/Keep-Alive instead of before.
 */
function answer(c: Context, status: number, body: string | null): Response {
  const h: Record<string, string> = {};
  const origin = allowedOrigin(c.req.header('origin'));
  if (origin !== undefined) h['access-control-allow-origin'] = origin;
  h['access-control-expose-headers'] = EXPOSE_HEADERS_VALUE;
  if (body !== null) h['content-type'] = 'application/json';
  h.vary = 'Origin';
  h['x-amzn-requestid'] = randomUUID();
  return new Response(body, { status, headers: h });
}

const json = (c: Context, value: unknown, status: 200 | 201): Response => answer(c, status, JSON.stringify(value));
const noContent = (c: Context, status: 202 | 204): Response => answer(c, status, null);

/** Error answers go through errorResponse (errors.ts), which builds on c.header: it gets the same headers that way. */
function prepareErrorHeaders(c: Context): void {
  const origin = allowedOrigin(c.req.header('origin'));
  if (origin !== undefined) c.header('Access-Control-Allow-Origin', origin);
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS_VALUE);
  c.header('Vary', 'Origin');
  c.header('x-amzn-RequestId', randomUUID());
}

/** True for a request arriving through @hono/node-server (as opposed to app.request()/app.fetch in tests). */
function isNodeServerRequest(c: Context): boolean {
  const env: unknown = c.env;
  return typeof env === 'object' && env !== null && 'incoming' in env;
}

// ---- the app -------------------------------------------------------------------------------------------

export function createEmulatorApp(opts: EmulatorOptions): Hono {
  const { store } = opts;
  const now = opts.now ?? Date.now;
  const app = new Hono();

  // A preflight is answered here, by hono's cors(), with the request id set first as for any answer.
  const preflight = corsPreflight();
  app.use('*', (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    c.header('x-amzn-RequestId', randomUUID());
    return preflight(c, next);
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // UNVERIFIED: AWS's control-plane answer to a body over its 6 MB definition limit. 413 with a
    // RequestEntityTooLargeException type is what AWS front ends (and Lambda's RequestTooLarge) use.
    onError: (c) => {
      prepareErrorHeaders(c);
      return errorResponse(
        c,
        'RequestEntityTooLargeException',
        'Request must be smaller than 6291456 bytes for the operation',
      );
    },
  });
  app.use('*', (c, next) => {
    // hono's bodyLimit starts with `c.req.raw.body`, which makes @hono/node-server build a full undici
    // Request (with a web stream over the socket) for every request. Its verdict is known without that in
    // the common cases, where this answers exactly as it would: GET/HEAD requests have no body, and a
    // node-server request (always a body stream unless GET/HEAD) with Content-Length and no
    // Transfer-Encoding is judged by the header alone. Everything else goes through bodyLimit itself.
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    if (isNodeServerRequest(c)) {
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        return parseInt(length || '0', 10) > MAX_BODY_BYTES ? limitBody(c, next) : next();
      }
    }
    return limitBody(c, next);
  });

  app.onError((err, c) => {
    prepareErrorHeaders(c);
    if (err instanceof AwsError) return errorResponse(c, err.type, err.message);
    console.error('[emulator] internal error', err);
    return errorResponse(c, 'InternalFailure', 'An internal error occurred');
  });
  // Unknown paths and unsupported verbs on known paths: AWS's rest-json front end answers a request it
  // cannot map to an operation with 404 UnknownOperationException (chosen; the exact AWS answer is UNVERIFIED).
  app.notFound((c) => {
    prepareErrorHeaders(c);
    return errorResponse(
      c,
      'UnknownOperationException',
      `No operation matches ${c.req.method} ${new URL(c.req.url).pathname}`,
    );
  });

  const body = async (c: Context): Promise<JsonObject> => parseJsonBody(await c.req.text());
  const region = (c: Context) => regionOf(c.req.header('authorization'));

  const requireApi = (rg: string, apiId: string): RestApiDoc => {
    const api = store.getRestApi(rg, apiId);
    if (!api) throw notFound(`Invalid API identifier specified ${EMULATOR_ACCOUNT_ID}:${apiId}`);
    return api;
  };
  // Resource ids are unique within an api, so a resource lookup also proves the api exists; AWS reports
  // both an unknown api and an unknown resource as "Invalid Resource identifier specified".
  const requireResource = (rg: string, apiId: string, resId: string): ResourceRow => {
    const r = store.getResource(rg, apiId, resId);
    if (!r) throw notFound(MSG.resource);
    return r;
  };
  const requireMethod = (rg: string, apiId: string, resId: string, verb: string, message = MSG.method): MethodDoc => {
    requireResource(rg, apiId, resId);
    const m = store.getMethod(rg, apiId, resId, verb);
    if (!m) throw notFound(message);
    return m;
  };
  const requireIntegration = (m: MethodDoc): IntegrationDoc => {
    if (!m.methodIntegration) throw notFound(MSG.integration);
    return m.methodIntegration;
  };
  const statusCodeFirst = (sc: string) => {
    const v = statusCodeViolation(sc);
    if (v) throwIfViolations([v]);
  };

  // ---- rest apis ---------------------------------------------------------------------------------------

  app.get('/restapis', (c) => {
    const page = store.listRestApis(
      region(c),
      decodePosition(c.req.query('position')),
      parseLimit(c.req.query('limit')),
    );
    const out: JsonObject = { item: page.items };
    if (page.nextAfter) out.position = encodePosition(page.nextAfter);
    return json(c, out, 200);
  });

  app.post('/restapis', async (c) => {
    const b = await body(c);
    const name = optString(b, 'name');
    const description = optString(b, 'description');
    const version = optString(b, 'version');
    const binaryMediaTypes = optStringList(b, 'binaryMediaTypes');
    const minimumCompressionSize = optInt(b, 'minimumCompressionSize');
    const apiKeySource = optString(b, 'apiKeySource');
    const endpoint = optObject(b, 'endpointConfiguration');
    const endpointTypes = endpoint ? optStringList(endpoint, 'types') : undefined;
    const ipAddressType = endpoint ? optString(endpoint, 'ipAddressType') : undefined;
    const vpcEndpointIds = endpoint ? optStringList(endpoint, 'vpcEndpointIds') : undefined;
    const policy = optString(b, 'policy');
    const tags = optMap<string>(b, 'tags', 'String');
    const disableExecuteApiEndpoint = optBool(b, 'disableExecuteApiEndpoint');
    const cloneFrom = optString(b, 'cloneFrom');

    const constraints: string[] = [];
    if (name === undefined) constraints.push(notNullConstraint('createRestApiInput.name'));
    if (apiKeySource !== undefined && !includes(API_KEY_SOURCES, apiKeySource)) {
      constraints.push(enumConstraint(apiKeySource, 'createRestApiInput.apiKeySource', API_KEY_SOURCES));
    }
    (endpointTypes ?? []).forEach((t, i) => {
      if (!includes(ENDPOINT_TYPES, t)) {
        constraints.push(
          enumConstraint(t, `createRestApiInput.endpointConfiguration.types.${i + 1}.member`, ENDPOINT_TYPES),
        );
      }
    });
    if (constraints.length > 0) throw validationError(constraints);
    if (description === '') throw badRequest('Description cannot be an empty string');
    if (minimumCompressionSize !== undefined && (minimumCompressionSize < 0 || minimumCompressionSize > 10485760)) {
      throw badRequest('Invalid minimum compression size, must be between 0 and 10485760');
    }
    if (cloneFrom !== undefined) requireApi(region(c), cloneFrom);

    const api: RestApiDoc = {
      id: unusedAwsId(10, (id) => store.getRestApi(region(c), id) !== undefined),
      name: name ?? '',
      createdDate: Math.floor(now() / 1000),
      // The API is new, so no resource id is taken yet.
      rootResourceId: awsId(10),
      apiKeySource: apiKeySource ?? 'HEADER',
      disableExecuteApiEndpoint: disableExecuteApiEndpoint ?? false,
      endpointConfiguration: {
        types: endpointTypes && endpointTypes.length > 0 ? endpointTypes : ['EDGE'],
        ipAddressType: ipAddressType ?? 'ipv4',
        ...(vpcEndpointIds && vpcEndpointIds.length > 0 ? { vpcEndpointIds } : {}),
      },
    };
    if (description !== undefined) api.description = description;
    if (version !== undefined) api.version = version;
    if (binaryMediaTypes && binaryMediaTypes.length > 0) api.binaryMediaTypes = binaryMediaTypes;
    if (minimumCompressionSize !== undefined) api.minimumCompressionSize = minimumCompressionSize;
    if (policy !== undefined) api.policy = policy;
    if (tags && Object.keys(tags).length > 0) api.tags = tags as Record<string, string>;
    const rg = region(c);
    await store.write(() =>
      cloneFrom !== undefined ? cloneRestApi(rg, cloneFrom, api) : store.createRestApi(rg, api),
    );
    return json(c, api, 201);
  });

  // cloneFrom copies the source's resource tree and methods under fresh ids, in one transaction.
  function cloneRestApi(rg: string, sourceId: string, api: RestApiDoc): void {
    store.transaction(() => {
      const src = requireApi(rg, sourceId);
      store.createRestApi(rg, api);
      const idMap = new Map<string, string>([[src.rootResourceId, api.rootResourceId]]);
      const queue = [src.rootResourceId];
      while (queue.length > 0) {
        const oldId = queue.shift() as string;
        const newId = idMap.get(oldId) as string;
        for (const m of store.methodsOf(rg, sourceId, oldId)) {
          if (m.methodIntegration) m.methodIntegration.cacheNamespace = newId;
          store.putMethod(rg, api.id, newId, m);
        }
        for (const child of store.childrenOf(rg, sourceId, oldId)) {
          const cid = unusedAwsId(6, (id) => store.getResource(rg, api.id, id) !== undefined);
          idMap.set(child.id, cid);
          store.createResource(rg, api.id, { id: cid, parentId: newId, pathPart: child.pathPart, path: child.path });
          queue.push(child.id);
        }
      }
    });
  }

  app.get('/restapis/:api', (c) => json(c, requireApi(region(c), c.req.param('api')), 200));

  app.delete('/restapis/:api', async (c) => {
    const rg = region(c);
    const id = c.req.param('api');
    await store.write(() => {
      requireApi(rg, id);
      store.deleteRestApi(rg, id);
    });
    return noContent(c, 202);
  });

  // ---- resources ---------------------------------------------------------------------------------------

  const embedsMethods = (c: Context) => c.req.queries('embed')?.some((e) => e.split(',').includes('methods')) ?? false;

  app.get('/restapis/:api/resources', (c) => {
    const rg = region(c);
    const apiId = c.req.param('api');
    const after = decodePosition(c.req.query('position'));
    const limit = parseLimit(c.req.query('limit'));
    // UNVERIFIED: by analogy with the other collection operations.
    requireApi(rg, apiId);
    const embed = embedsMethods(c);
    const page = store.listResources(rg, apiId, after, limit);
    const item = page.items.map((r) =>
      resourceView(r, embed ? store.methodsOf(rg, apiId, r.id) : store.methodVerbsOf(rg, apiId, r.id)),
    );
    const out: JsonObject = { item };
    if (page.nextAfter) out.position = encodePosition(page.nextAfter);
    return json(c, out, 200);
  });

  // UNVERIFIED whether AWS embeds full methods on a single GetResource without `embed`; we answer like
  // GetResources does (verbs only unless embed=methods) so both operations agree.
  app.get('/restapis/:api/resources/:res', (c) => {
    const rg = region(c);
    const apiId = c.req.param('api');
    const r = requireResource(rg, apiId, c.req.param('res'));
    return json(
      c,
      resourceView(r, embedsMethods(c) ? store.methodsOf(rg, apiId, r.id) : store.methodVerbsOf(rg, apiId, r.id)),
      200,
    );
  });

  app.post('/restapis/:api/resources/:res', async (c) => {
    const b = await body(c);
    const pathPart = optString(b, 'pathPart');
    if (pathPart === undefined) throw validationError([notNullConstraint('createResourceInput.pathPart')]);
    const rg = region(c);
    const apiId = c.req.param('api');
    const r = await store.write(() => {
      const parent = requireResource(rg, apiId, c.req.param('res'));
      if (!/^(?:[a-zA-Z0-9._:@~$&'()*,;=!-]+|\{[a-zA-Z0-9._-]+\+?\})$/.test(pathPart)) {
        throw badRequest(
          "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
        );
      }
      if (parent.pathPart && /^\{.+\+\}$/.test(parent.pathPart)) {
        throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
      }
      const siblings = store.childrenOf(rg, apiId, parent.id);
      if (siblings.some((s) => s.pathPart === pathPart)) {
        throw new AwsError(
          'ConflictException',
          `Another resource with the same parent already has this name: ${pathPart}`,
        );
      }
      if (pathPart.startsWith('{')) {
        const variable = siblings.find((s) => s.pathPart?.startsWith('{'));
        if (variable) {
          throw badRequest(
            `A sibling (${variable.pathPart}) of this resource already has a variable path part -- only one is allowed`,
          );
        }
      }
      const created: ResourceRow = {
        id: unusedAwsId(6, (id) => store.getResource(rg, apiId, id) !== undefined),
        parentId: parent.id,
        pathPart,
        path: parent.path === '/' ? `/${pathPart}` : `${parent.path}/${pathPart}`,
      };
      store.createResource(rg, apiId, created);
      return created;
    });
    return json(c, resourceView(r, undefined), 201);
  });

  app.delete('/restapis/:api/resources/:res', async (c) => {
    const rg = region(c);
    const apiId = c.req.param('api');
    await store.write(() => {
      const r = requireResource(rg, apiId, c.req.param('res'));
      // UNVERIFIED text; AWS refuses to delete the root resource.
      if (r.parentId === undefined) throw badRequest('Cannot delete root resource');
      store.deleteResourceTree(rg, apiId, r.id);
    });
    return noContent(c, 202);
  });

  // ---- methods -----------------------------------------------------------------------------------------

  const methodBase = '/restapis/:api/resources/:res/methods/:verb';

  app.put(methodBase, async (c) => {
    const b = await body(c);
    const authorizationTypeRaw = optString(b, 'authorizationType');
    const authorizerId = optString(b, 'authorizerId');
    const apiKeyRequired = optBool(b, 'apiKeyRequired');
    const operationName = optString(b, 'operationName');
    const requestValidatorId = optString(b, 'requestValidatorId');
    const requestModels = optMap<string>(b, 'requestModels', 'String');
    const authorizationScopes = optStringList(b, 'authorizationScopes');
    const rawParams = optObject(b, 'requestParameters');
    if (authorizationTypeRaw === undefined)
      throw validationError([notNullConstraint('putMethodInput.authorizationType')]);

    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    const verb = c.req.param('verb');
    const doc = await store.write(() => {
      requireResource(rg, apiId, resId);
      if (!includes(VERBS, verb))
        throw badRequest(`Invalid HttpMethod specified. Valid options are ${VERBS.join(',')}`);

      const authorizationType = authorizationTypeRaw.toUpperCase();
      if (!includes(AUTH_TYPES, authorizationType)) {
        throw badRequest(`Invalid authorization type specified. Valid options are ${AUTH_TYPES.join(',')}`);
      }
      if ((authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS') && !authorizerId) {
        throw badRequest(
          'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
        );
      }
      // The emulator has no authorizers, validators or user models: any reference to one is unknown.
      if (authorizerId)
        throw badRequest(
          'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
        );
      if (requestValidatorId !== undefined) throw badRequest('Invalid Request Validator identifier specified');
      for (const model of Object.values(requestModels ?? {})) {
        if (model !== null && !BUILTIN_MODELS.includes(model))
          throw badRequest(`Invalid model identifier specified: ${model}`);
      }
      let requestParameters: Record<string, boolean> | undefined;
      if (rawParams) {
        requestParameters = {};
        const seen = new Set<string>();
        for (const [k, v] of Object.entries(rawParams)) {
          const m = /^method\.request\.(querystring|path|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(k);
          if (typeof v !== 'boolean' || !m) {
            const shown = typeof v !== 'boolean' ? String(v) : k;
            throw badRequest(
              `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${shown}]`,
            );
          }
          const pname = (m[2] ?? '').toLowerCase();
          if (seen.has(pname)) throw badRequest('Parameter names must be unique across querystring, header and path');
          seen.add(pname);
          requestParameters[k] = v;
        }
      }
      if (store.getMethod(rg, apiId, resId, verb))
        throw new AwsError('ConflictException', 'Method already exists for this resource');

      const created: MethodDoc = { httpMethod: verb, authorizationType, apiKeyRequired: apiKeyRequired ?? false };
      if (operationName !== undefined) created.operationName = operationName;
      if (requestParameters) created.requestParameters = requestParameters;
      if (requestModels) created.requestModels = requestModels as Record<string, string>;
      if (authorizationScopes) created.authorizationScopes = authorizationScopes;
      store.putMethod(rg, apiId, resId, created);
      return created;
    });
    return json(c, doc, 201);
  });

  app.get(methodBase, (c) => {
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    requireResource(rg, apiId, resId);
    // The stored text is JSON.stringify of the document, i.e. exactly what json(c, doc) would send.
    const text = store.getMethodJson(rg, apiId, resId, c.req.param('verb'));
    if (text === undefined) throw notFound(MSG.method);
    return answer(c, 200, text);
  });

  app.delete(methodBase, async (c) => {
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    const verb = c.req.param('verb');
    await store.write(() => {
      requireMethod(rg, apiId, resId, verb);
      store.deleteMethod(rg, apiId, resId, verb);
    });
    return noContent(c, 204);
  });

  // ---- method responses --------------------------------------------------------------------------------

  const methodResponseBase = `${methodBase}/responses/:sc`;

  app.put(methodResponseBase, async (c) => {
    const sc = c.req.param('sc');
    const b = await body(c);
    const result = validatePutMethodResponse(sc, b);
    throwIfViolations(requestStage(result.violations));
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    const value: MethodResponse = { statusCode: sc, ...result.value };
    await store.write(() => {
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'));
      throwIfViolations(methodStage(result.violations));
      // UNVERIFIED whether AWS overwrites or conflicts on a repeated PUT; we overwrite, like PutIntegrationResponse.
      m.methodResponses = { ...(m.methodResponses ?? {}), [sc]: value };
      store.putMethod(rg, apiId, resId, m);
    });
    return json(c, value, 201);
  });

  app.get(methodResponseBase, (c) => {
    const sc = c.req.param('sc');
    statusCodeFirst(sc);
    const m = requireMethod(region(c), c.req.param('api'), c.req.param('res'), c.req.param('verb'));
    const mr = m.methodResponses?.[sc];
    if (!mr) throw notFound(MSG.statusCode);
    return json(c, mr, 200);
  });

  app.patch(methodResponseBase, async (c) => {
    const sc = c.req.param('sc');
    const ops = patchOperationsOrThrow(sc, await body(c), 'updateMethodResponseInput');
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    const updated = await store.write(() => {
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'));
      const current = m.methodResponses?.[sc];
      if (!current) throw notFound(MSG.statusCode);
      const next = patchedOrThrow(applyMethodResponsePatch(current, ops));
      m.methodResponses = { ...(m.methodResponses ?? {}), [sc]: next };
      store.putMethod(rg, apiId, resId, m);
      return next;
    });
    // AWS answers UpdateMethodResponse with 201 (verified), unlike UpdateIntegrationResponse's 200.
    return json(c, updated, 201);
  });

  app.delete(methodResponseBase, async (c) => {
    const sc = c.req.param('sc');
    statusCodeFirst(sc);
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    await store.write(() => {
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'));
      if (!m.methodResponses?.[sc]) throw notFound(MSG.statusCode);
      const { [sc]: _removed, ...rest } = m.methodResponses;
      if (Object.keys(rest).length > 0) m.methodResponses = rest;
      else delete m.methodResponses;
      store.putMethod(rg, apiId, resId, m);
    });
    return noContent(c, 204);
  });

  // ---- integrations ------------------------------------------------------------------------------------

  const integrationBase = `${methodBase}/integration`;

  app.put(integrationBase, async (c) => {
    const b = await body(c);
    const type = optString(b, 'type');
    const httpMethod = optString(b, 'httpMethod');
    const uri = optString(b, 'uri');
    const connectionType = optString(b, 'connectionType');
    const connectionId = optString(b, 'connectionId');
    const credentials = optString(b, 'credentials');
    const requestParameters = optMap<string>(b, 'requestParameters', 'String');
    const requestTemplates = optMap<string>(b, 'requestTemplates', 'String', true);
    const passthroughBehavior = optString(b, 'passthroughBehavior');
    const cacheNamespace = optString(b, 'cacheNamespace');
    const cacheKeyParameters = optStringList(b, 'cacheKeyParameters');
    const contentHandling = optString(b, 'contentHandling');
    const timeoutInMillis = optInt(b, 'timeoutInMillis');
    const tls = optObject(b, 'tlsConfig');
    const insecureSkipVerification = tls ? optBool(tls, 'insecureSkipVerification') : undefined;

    const constraints: string[] = [];
    if (type === undefined) constraints.push(notNullConstraint('putIntegrationInput.type'));
    else if (!includes(INTEGRATION_TYPES, type))
      constraints.push(enumConstraint(type, 'putIntegrationInput.type', INTEGRATION_TYPES));
    if (connectionType !== undefined && !includes(CONNECTION_TYPES, connectionType)) {
      constraints.push(enumConstraint(connectionType, 'putIntegrationInput.connectionType', CONNECTION_TYPES));
    }
    if (contentHandling !== undefined && !includes(CONTENT_HANDLING, contentHandling)) {
      constraints.push(enumConstraint(contentHandling, 'putIntegrationInput.contentHandling', CONTENT_HANDLING));
    }
    if (constraints.length > 0 || type === undefined) throw validationError(constraints);

    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    const verb = c.req.param('verb');
    // Existence is reported before the business checks below (AWS's order); the write re-checks it.
    requireMethod(rg, apiId, resId, verb);

    const itype = type as IntegrationDoc['type'];
    if (itype !== 'MOCK' && itype !== 'AWS_PROXY' && !httpMethod)
      throw badRequest('Enumeration value for HttpMethod must be non-empty');
    if (httpMethod && !includes(VERBS, httpMethod))
      throw badRequest(`Invalid HttpMethod specified. Valid options are ${VERBS.join(',')}`);
    if (itype === 'AWS_PROXY' && !httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
    if (itype === 'HTTP' || itype === 'HTTP_PROXY') {
      let ok = false;
      try {
        const u = new URL(uri ?? '');
        ok = u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        ok = false;
      }
      if (!ok) throw badRequest('Invalid HTTP endpoint specified for URI');
    }
    if (itype === 'AWS' || itype === 'AWS_PROXY') {
      const arn = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:([a-z0-9.-]+):(.*)$/.exec(uri ?? '');
      if (!arn) throw badRequest('Invalid ARN specified in the request');
      const service = arn[1] ?? '';
      if (!/^(path|action)\/.+/.test(arn[2] ?? ''))
        throw badRequest('AWS ARN for integration must contain path or action');
      if (itype === 'AWS_PROXY' && service !== 'lambda' && service !== 'firehose') {
        throw badRequest(
          "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
        );
      }
    }
    // passthroughBehavior is a plain string in AWS's model; the exact rejection text is UNVERIFIED.
    if (passthroughBehavior !== undefined && !includes(PASSTHROUGH, passthroughBehavior)) {
      throw badRequest(`Invalid passthrough behavior specified: ${passthroughBehavior}`);
    }
    if (timeoutInMillis !== undefined && (timeoutInMillis < 50 || timeoutInMillis > 29000)) {
      throw badRequest('Timeout should be between 50 ms and 29000 ms');
    }

    const integration: IntegrationDoc = {
      type: itype,
      passthroughBehavior: passthroughBehavior ?? 'WHEN_NO_MATCH',
      timeoutInMillis: timeoutInMillis ?? 29000,
      cacheNamespace: cacheNamespace ?? resId,
      cacheKeyParameters: cacheKeyParameters ?? [],
    };
    // MOCK integrations drop httpMethod/uri even when sent (verified) and have no connectionType.
    if (itype !== 'MOCK') {
      if (httpMethod) integration.httpMethod = httpMethod;
      if (uri) integration.uri = uri;
      if (connectionType !== undefined) integration.connectionType = connectionType;
      else if (itype === 'HTTP' || itype === 'HTTP_PROXY') integration.connectionType = 'INTERNET';
      if (connectionId !== undefined) integration.connectionId = connectionId;
    }
    if (credentials !== undefined) integration.credentials = credentials;
    if (requestParameters) integration.requestParameters = requestParameters as Record<string, string>;
    const templates = normalizeTemplates(requestTemplates);
    if (templates) integration.requestTemplates = templates;
    if (contentHandling !== undefined) integration.contentHandling = contentHandling;
    if (tls) integration.tlsConfig = insecureSkipVerification === undefined ? {} : { insecureSkipVerification };

    await store.write(() => {
      const m = requireMethod(rg, apiId, resId, verb);
      // UNVERIFIED: whether integration responses survive a PutIntegration overwrite. AWS replaces the
      // integration resource as a whole (Terraform users report losing integration responses when an
      // integration is recreated), so the new integration starts without them.
      m.methodIntegration = integration;
      store.putMethod(rg, apiId, resId, m);
    });
    return json(c, integration, 201);
  });

  app.get(integrationBase, (c) => {
    const m = requireMethod(region(c), c.req.param('api'), c.req.param('res'), c.req.param('verb'));
    return json(c, requireIntegration(m), 200);
  });

  app.delete(integrationBase, async (c) => {
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    await store.write(() => {
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'));
      requireIntegration(m);
      delete m.methodIntegration;
      store.putMethod(rg, apiId, resId, m);
    });
    return noContent(c, 204);
  });

  // ---- integration responses ---------------------------------------------------------------------------

  const integrationResponseBase = `${integrationBase}/responses/:sc`;

  app.put(integrationResponseBase, async (c) => {
    const sc = c.req.param('sc');
    const b = await body(c);
    const request = validateIntegrationResponseRequest(sc, b);
    throwIfViolations(requestStage(request.violations));
    throwIfViolations(request.violations);
    const value: IntegrationResponse = { statusCode: sc, ...request.value };
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    await store.write(() => {
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'));
      const integration = requireIntegration(m);
      throwIfViolations(validateIntegrationResponseAgainstMethod(value, m.methodResponses?.[sc]));
      // Full replace: fields absent from this PUT are cleared (verified).
      integration.integrationResponses = { ...(integration.integrationResponses ?? {}), [sc]: value };
      store.putMethod(rg, apiId, resId, m);
    });
    return json(c, value, 201);
  });

  app.get(integrationResponseBase, (c) => {
    const sc = c.req.param('sc');
    statusCodeFirst(sc);
    const m = requireMethod(region(c), c.req.param('api'), c.req.param('res'), c.req.param('verb'));
    const ir = requireIntegration(m).integrationResponses?.[sc];
    if (!ir) throw notFound(MSG.statusCode);
    return json(c, ir, 200);
  });

  app.patch(integrationResponseBase, async (c) => {
    const sc = c.req.param('sc');
    const ops = patchOperationsOrThrow(sc, await body(c), 'updateIntegrationResponseInput');
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    const updated = await store.write(() => {
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'));
      const integration = requireIntegration(m);
      const current = integration.integrationResponses?.[sc];
      if (!current) throw notFound(MSG.statusCode);
      const next = patchedOrThrow(applyIntegrationResponsePatch(current, ops, m.methodResponses?.[sc]));
      integration.integrationResponses = { ...(integration.integrationResponses ?? {}), [sc]: next };
      store.putMethod(rg, apiId, resId, m);
      return next;
    });
    return json(c, updated, 200);
  });

  app.delete(integrationResponseBase, async (c) => {
    const sc = c.req.param('sc');
    statusCodeFirst(sc);
    const rg = region(c);
    const apiId = c.req.param('api');
    const resId = c.req.param('res');
    await store.write(() => {
      // A missing method (even an invalid verb) is reported as a missing integration here (verified).
      const m = requireMethod(rg, apiId, resId, c.req.param('verb'), MSG.integration);
      const integration = requireIntegration(m);
      if (!integration.integrationResponses?.[sc]) throw notFound(MSG.statusCode);
      const { [sc]: _removed, ...rest } = integration.integrationResponses;
      if (Object.keys(rest).length > 0) integration.integrationResponses = rest;
      else delete integration.integrationResponses;
      store.putMethod(rg, apiId, resId, m);
    });
    return noContent(c, 204);
  });

  return app;
}
