// Method responses and integration responses are both maps keyed by status code inside a method document.
// Their GET, PATCH and DELETE differ only in where the map lives, how a patch applies and a few AWS details,
// so the handlers are written once here and each resource supplies a StatusCodeChildren description.
import type { Hono } from 'hono';
import type { PatchOperation } from '../../src/rules/patch-operations';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import { statusCodeViolation } from '../../src/rules/status-code';
import type { RuleViolation } from '../../src/rules/types';
import { notFound } from '../errors';
import { json, noContent, patchedOrThrow, readJsonBody, requestStage, throwIfViolations } from '../http';
import type { MethodDoc } from '../model';
import type { RouteContext } from './context';
import { methodRef, MSG, statusCodeFirst } from './context';

export interface StatusCodeChildren<T> {
  path: string;
  /** Names the patch input in AWS's validation messages. */
  patchInputName: 'updateMethodResponseInput' | 'updateIntegrationResponseInput';
  /** AWS answers UpdateMethodResponse with 201 (verified), UpdateIntegrationResponse with 200. */
  patchStatus: 200 | 201;
  /** The map in the method (throwing AWS's not-found for a missing parent); undefined when it has no entries. */
  mapOf(m: MethodDoc): Record<string, T> | undefined;
  /** Stores the map back (undefined: no entries left, so the member is omitted). */
  setMap(m: MethodDoc, map: Record<string, T> | undefined): void;
  applyPatch(current: T, ops: PatchOperation[], m: MethodDoc, sc: string): { value: T } | { violation: RuleViolation };
  /** The not-found text DELETE gives for a missing method, when it differs from GetMethod's. */
  deleteMissingMethodMessage?: string;
}

/**
 * The request stage of UpdateMethodResponse and UpdateIntegrationResponse: AWS reports a bad status code and
 * malformed patch operations together ("2 validation errors detected: …"), before any existence check.
 */
function patchOperationsOrThrow(
  statusCode: string,
  requestBody: unknown,
  inputName: StatusCodeChildren<unknown>['patchInputName'],
): PatchOperation[] {
  const shape = validatePatchOperationsShape(requestBody, inputName);
  const sv = statusCodeViolation(statusCode);
  throwIfViolations(requestStage([...(sv ? [sv] : []), ...shape.violations]));
  return shape.ops ?? [];
}

/** Sets one entry of a status-code map, keeping the others. */
export function withEntry<T>(map: Record<string, T> | undefined, sc: string, value: T): Record<string, T> {
  return { ...(map ?? {}), [sc]: value };
}

export function registerStatusCodeChildRoutes<T>(app: Hono, ctx: RouteContext, kind: StatusCodeChildren<T>): void {
  app.get(kind.path, (c) => {
    const sc = c.req.param('sc') ?? '';
    statusCodeFirst(sc);
    const child = kind.mapOf(ctx.requireMethod(methodRef(c)))?.[sc];
    if (!child) throw notFound(MSG.statusCode);
    return json(c, child, 200);
  });

  app.patch(kind.path, async (c) => {
    const sc = c.req.param('sc') ?? '';
    const ops = patchOperationsOrThrow(sc, await readJsonBody(c), kind.patchInputName);
    const updated = await ctx.writeMethod(methodRef(c), (m) => {
      const map = kind.mapOf(m);
      const current = map?.[sc];
      if (!current) throw notFound(MSG.statusCode);
      const next = patchedOrThrow(kind.applyPatch(current, ops, m, sc));
      kind.setMap(m, withEntry(map, sc, next));
      return next;
    });
    return json(c, updated, kind.patchStatus);
  });

  app.delete(kind.path, async (c) => {
    const sc = c.req.param('sc') ?? '';
    statusCodeFirst(sc);
    await ctx.writeMethod(
      methodRef(c),
      (m) => {
        const map = kind.mapOf(m);
        if (!map?.[sc]) throw notFound(MSG.statusCode);
        const { [sc]: _removed, ...rest } = map;
        kind.setMap(m, Object.keys(rest).length > 0 ? rest : undefined);
      },
      kind.deleteMissingMethodMessage,
    );
    return noContent(c, 204);
  });
}
