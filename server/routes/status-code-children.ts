// Method responses and integration responses are both keyed by status code under a method. Their GET, PATCH
// and DELETE differ only in where they are stored, how a patch applies and a few AWS details, so the handlers
// are written once here and each resource supplies a StatusCodeChildren description.
import type { Hono } from 'hono';
import type { PatchOperation } from '../../src/rules/patch-operations';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import { statusCodeViolation } from '../../src/rules/status-code';
import type { RuleViolation } from '../../src/rules/types';
import { notFound } from '../errors';
import { json, noContent, patchedOrThrow, readJsonBody, requestStage, throwIfViolations } from '../http';
import type { MethodDoc } from '../model';
import type { MethodRef, RouteContext } from './context';
import { methodRef, MSG, statusCodeFirst } from './context';

export interface StatusCodeChildren<T> {
  path: string;
  /** Names the patch input in AWS's validation messages. */
  patchInputName: 'updateMethodResponseInput' | 'updateIntegrationResponseInput';
  /** AWS answers UpdateMethodResponse with 201 (verified), UpdateIntegrationResponse with 200. */
  patchStatus: 200 | 201;
  /** The entry for a status code (throwing AWS's not-found for a missing parent, e.g. the integration). */
  get(ref: MethodRef, m: MethodDoc, sc: string): T | undefined;
  /** Stores an entry, or removes it (undefined). */
  set(ref: MethodRef, m: MethodDoc, sc: string, value: T | undefined): void;
  /** Runs a change inside a write job, with the method as it is now (storing it again if set() changes it). */
  write<R>(ref: MethodRef, change: (m: MethodDoc) => R, missingMethodMessage?: string): Promise<R>;
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

/** A status-code map with one entry set or removed; undefined once it has no entries (AWS omits the member). */
export function withEntry<T>(
  map: Record<string, T> | undefined,
  sc: string,
  value: T | undefined,
): Record<string, T> | undefined {
  if (value !== undefined) return { ...(map ?? {}), [sc]: value };
  if (!map) return undefined;
  const { [sc]: _removed, ...rest } = map;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

export function registerStatusCodeChildRoutes<T>(app: Hono, ctx: RouteContext, kind: StatusCodeChildren<T>): void {
  app.get(kind.path, (c) => {
    const sc = c.req.param('sc') ?? '';
    statusCodeFirst(sc);
    const ref = methodRef(c);
    const child = kind.get(ref, ctx.requireMethod(ref), sc);
    if (!child) throw notFound(MSG.statusCode);
    return json(c, child, 200);
  });

  app.patch(kind.path, async (c) => {
    const sc = c.req.param('sc') ?? '';
    const ops = patchOperationsOrThrow(sc, await readJsonBody(c), kind.patchInputName);
    const ref = methodRef(c);
    const updated = await kind.write(ref, (m) => {
      const current = kind.get(ref, m, sc);
      if (!current) throw notFound(MSG.statusCode);
      const next = patchedOrThrow(kind.applyPatch(current, ops, m, sc));
      kind.set(ref, m, sc, next);
      return next;
    });
    return json(c, updated, kind.patchStatus);
  });

  app.delete(kind.path, async (c) => {
    const sc = c.req.param('sc') ?? '';
    statusCodeFirst(sc);
    const ref = methodRef(c);
    await kind.write(
      ref,
      (m) => {
        if (!kind.get(ref, m, sc)) throw notFound(MSG.statusCode);
        kind.set(ref, m, sc, undefined);
      },
      kind.deleteMissingMethodMessage,
    );
    return noContent(c, 204);
  });
}
