// GetResources, GetResource, CreateResource, UpdateResource, DeleteResource.
import type { Context, Hono } from 'hono';
import { createResourceRequestViolations, createResourceViolations } from '../../src/rules/create-resource';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import type { JsonObject } from '../body';
import { optString } from '../body';
import { badRequest } from '../errors';
import { json, noContent, readJsonBody, requestRegion, throwIfViolations } from '../http';
import { unusedAwsId } from '../ids';
import type { MethodDoc, ResourceRow } from '../model';
import { decodePosition, pageBody, parseLimit } from '../paging';
import type { RouteContext } from './context';

export function resourceView(r: ResourceRow, methods: MethodDoc[] | string[] | undefined): JsonObject {
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

const embedsMethods = (c: Context) => c.req.queries('embed')?.some((e) => e.split(',').includes('methods')) ?? false;

export function registerResourceRoutes(app: Hono, ctx: RouteContext): void {
  const { store } = ctx;
  const methodsView = (c: Context, region: string, apiId: string, id: string) =>
    embedsMethods(c) ? store.methodsOf(region, apiId, id) : store.methodVerbsOf(region, apiId, id);

  app.get('/restapis/:api/resources', (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const after = decodePosition(c.req.query('position'));
    const limit = parseLimit(c.req.query('limit'));
    // UNVERIFIED: by analogy with the other collection operations.
    ctx.requireApi(rg, apiId);
    const page = store.listResources(rg, apiId, after, limit);
    const item = page.items.map((r) => resourceView(r, methodsView(c, rg, apiId, r.id)));
    return json(c, pageBody(item, page.nextAfter), 200);
  });

  // UNVERIFIED whether AWS embeds full methods on a single GetResource without `embed`; we answer like
  // GetResources does (verbs only unless embed=methods) so both operations agree.
  app.get('/restapis/:api/resources/:res', (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const r = ctx.requireResource(rg, apiId, c.req.param('res'));
    return json(c, resourceView(r, methodsView(c, rg, apiId, r.id)), 200);
  });

  app.post('/restapis/:api/resources/:res', async (c) => {
    const pathPart = optString(await readJsonBody(c), 'pathPart');
    throwIfViolations(createResourceRequestViolations(pathPart));
    const part = pathPart ?? '';
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const r = await store.write(() => {
      const parent = ctx.requireResource(rg, apiId, c.req.param('res'));
      throwIfViolations(createResourceViolations(part, parent, store.childrenOf(rg, apiId, parent.id)));
      const created: ResourceRow = {
        id: unusedAwsId(6, (id) => store.getResource(rg, apiId, id) !== undefined),
        parentId: parent.id,
        pathPart: part,
        path: parent.path === '/' ? `/${part}` : `${parent.path}/${part}`,
      };
      store.createResource(rg, apiId, created);
      return created;
    });
    return json(c, resourceView(r, undefined), 201);
  });

  app.patch('/restapis/:api/resources/:res', async (c) => {
    const shape = validatePatchOperationsShape(await readJsonBody(c), 'updateResourceInput');
    throwIfViolations(shape.violations);
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const updated = await store.write(() => {
      const r = ctx.requireResource(rg, apiId, c.req.param('res'));
      let { parentId, pathPart } = r;
      for (const op of shape.ops ?? []) {
        const field = op.path === '/parentId' ? 'parentId' : op.path === '/pathPart' ? 'pathPart' : undefined;
        // Recorded texts (the double space is AWS's); for add or remove on another path UNVERIFIED, the same.
        if (op.op !== 'replace') {
          throw badRequest(
            `Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`,
          );
        }
        if (field === undefined) {
          throw badRequest(
            `Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/parentId, /pathPart]`,
          );
        }
        if (r.parentId === undefined) throw badRequest(`Root resource cannot update its ${field}.`);
        if (field === 'parentId') parentId = op.value ?? '';
        else pathPart = op.value ?? '';
      }
      if (r.parentId === undefined || parentId === undefined || pathPart === undefined) return r;
      const parent = ctx.requireResource(rg, apiId, parentId);
      // The new parent may not be the resource or one of its descendants (recorded text; itself UNVERIFIED).
      for (let at: ResourceRow | undefined = parent; at;) {
        if (at.id === r.id) throw badRequest('Resources cannot be cyclical.');
        at = at.parentId === undefined ? undefined : store.getResource(rg, apiId, at.parentId);
      }
      const siblings = store.childrenOf(rg, apiId, parent.id).filter((s) => s.id !== r.id);
      throwIfViolations(createResourceViolations(pathPart, parent, siblings));
      const path = parent.path === '/' ? `/${pathPart}` : `${parent.path}/${pathPart}`;
      store.moveResource(rg, apiId, r.id, parent.id, pathPart, path);
      return { id: r.id, parentId: parent.id, pathPart, path };
    });
    return json(c, resourceView(updated, store.methodVerbsOf(rg, apiId, updated.id)), 200);
  });

  app.delete('/restapis/:api/resources/:res', async (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    await store.write(() => {
      const r = ctx.requireResource(rg, apiId, c.req.param('res'));
      // UNVERIFIED text; AWS refuses to delete the root resource.
      if (r.parentId === undefined) throw badRequest('Cannot delete root resource');
      store.deleteResourceTree(rg, apiId, r.id);
    });
    return noContent(c, 202);
  });
}
