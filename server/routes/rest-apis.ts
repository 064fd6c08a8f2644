// GetRestApis, CreateRestApi (with cloneFrom), GetRestApi, UpdateRestApi, DeleteRestApi; ImportRestApi and PutRestApi
// route to rest-api-import.ts.
import type { Hono } from 'hono';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import { enumConstraintMessage, notNullConstraintMessage } from '../../src/rules/validation-message';
import { applyRestApiPatch } from '../control-plane-patch';
import { optBool, optInt, optMap, optObject, optString, optStringList, validationError } from '../body';
import { badRequest } from '../errors';
import { json, noContent, readJsonBody, requestRegion, throwIfViolations } from '../http';
import { awsId, unusedAwsId } from '../ids';
import type { RestApiDoc } from '../model';
import { decodePosition, pageBody, parseLimit } from '../paging';
import type { RouteContext } from './context';
import { restApiImportOperations } from './rest-api-import';

const API_KEY_SOURCES = ['HEADER', 'AUTHORIZER'] as const;
const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'] as const;

const includes = (list: readonly string[], v: string) => list.includes(v);

export function registerRestApiRoutes(app: Hono, ctx: RouteContext): void {
  const { store, requireApi } = ctx;
  const { importRestApi, putRestApi } = restApiImportOperations(ctx);

  app.get('/restapis', (c) => {
    const page = store.listRestApis(
      requestRegion(c),
      decodePosition(c.req.query('position')),
      parseLimit(c.req.query('limit')),
    );
    return json(c, pageBody(page.items, page.nextAfter), 200);
  });

  app.post('/restapis', async (c) => {
    // ImportRestApi shares CreateRestApi's path; `mode=import` tells them apart ([API ImportRestApi]).
    if (c.req.query('mode') === 'import') return importRestApi(c);
    const b = await readJsonBody(c);
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
    if (name === undefined) constraints.push(notNullConstraintMessage('createRestApiInput.name'));
    if (apiKeySource !== undefined && !includes(API_KEY_SOURCES, apiKeySource)) {
      constraints.push(enumConstraintMessage(apiKeySource, 'createRestApiInput.apiKeySource', API_KEY_SOURCES));
    }
    (endpointTypes ?? []).forEach((t, i) => {
      if (!includes(ENDPOINT_TYPES, t)) {
        constraints.push(
          enumConstraintMessage(t, `createRestApiInput.endpointConfiguration.types.${i + 1}.member`, ENDPOINT_TYPES),
        );
      }
    });
    if (constraints.length > 0) throw validationError(constraints);
    if (description === '') throw badRequest('Description cannot be an empty string');
    if (minimumCompressionSize !== undefined && (minimumCompressionSize < 0 || minimumCompressionSize > 10485760)) {
      throw badRequest('Invalid minimum compression size, must be between 0 and 10485760');
    }
    const rg = requestRegion(c);
    if (cloneFrom !== undefined) requireApi(rg, cloneFrom);

    const api: RestApiDoc = {
      id: unusedAwsId(10, (id) => store.getRestApi(rg, id) !== undefined),
      name: name ?? '',
      createdDate: Math.floor(ctx.now() / 1000),
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

  app.get('/restapis/:api', (c) => json(c, requireApi(requestRegion(c), c.req.param('api')), 200));

  app.put('/restapis/:api', putRestApi);

  app.patch('/restapis/:api', async (c) => {
    const shape = validatePatchOperationsShape(await readJsonBody(c), 'updateRestApiInput');
    throwIfViolations(shape.violations);
    const rg = requestRegion(c);
    const id = c.req.param('api');
    const updated = await store.write(() => {
      const next = applyRestApiPatch(requireApi(rg, id), shape.ops ?? []);
      store.replaceRestApi(rg, next);
      return next;
    });
    return json(c, updated, 200);
  });

  app.delete('/restapis/:api', async (c) => {
    const rg = requestRegion(c);
    const id = c.req.param('api');
    await store.write(() => {
      requireApi(rg, id);
      store.deleteRestApi(rg, id);
    });
    return noContent(c, 202);
  });
}
