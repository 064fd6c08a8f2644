// PutMethod, GetMethod, UpdateMethod, DeleteMethod.
import type { Context, Hono } from 'hono';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import { putMethodRequestViolations, putMethodViolations } from '../../src/rules/put-method';
import { applyMethodPatch, replaceContents } from '../control-plane-patch';
import { optBool, optMap, optObject, optString, optStringList } from '../body';
import { AwsError, notFound } from '../errors';
import { answerParts, json, noContent, readJsonBody, throwIfViolations } from '../http';
import type { MethodDoc } from '../model';
import type { RouteContext } from './context';
import { METHOD_PATH, methodRef, MSG, type MethodRef } from './context';

export function registerMethodRoutes(app: Hono, ctx: RouteContext): void {
  const { store } = ctx;

  app.put(METHOD_PATH, async (c) => {
    const b = await readJsonBody(c);
    const authorizationTypeRaw = optString(b, 'authorizationType');
    const authorizerId = optString(b, 'authorizerId');
    const apiKeyRequired = optBool(b, 'apiKeyRequired');
    const operationName = optString(b, 'operationName');
    const requestValidatorId = optString(b, 'requestValidatorId');
    const requestModels = optMap<string>(b, 'requestModels', 'String');
    const authorizationScopes = optStringList(b, 'authorizationScopes');
    const rawParams = optObject(b, 'requestParameters');
    const ref = methodRef(c);
    const input = {
      verb: ref.verb,
      authorizationType: authorizationTypeRaw,
      authorizerId,
      requestValidatorId,
      requestModels,
      requestParameters: rawParams,
    };
    throwIfViolations(putMethodRequestViolations(input));

    const doc = await store.write(() => {
      ctx.requireResource(ref.region, ref.apiId, ref.resourceId);
      throwIfViolations(putMethodViolations(input));
      if (store.getMethodCore(ref.region, ref.apiId, ref.resourceId, ref.verb))
        throw new AwsError('ConflictException', 'Method already exists for this resource');

      const created: MethodDoc = {
        httpMethod: ref.verb,
        authorizationType: (authorizationTypeRaw ?? '').toUpperCase(),
        apiKeyRequired: apiKeyRequired ?? false,
      };
      if (operationName !== undefined) created.operationName = operationName;
      // putMethodViolations has checked every value is a boolean.
      if (rawParams) created.requestParameters = rawParams as Record<string, boolean>;
      if (requestModels) created.requestModels = requestModels as Record<string, string>;
      if (authorizationScopes) created.authorizationScopes = authorizationScopes;
      store.putMethod(ref.region, ref.apiId, ref.resourceId, created);
      return created;
    });
    return json(c, doc, 201);
  });

  /** The whole method as GetMethod gives it; the stored texts go into the answer as they are, not re-serialized. */
  async function methodAnswer(c: Context, ref: MethodRef): Promise<Response> {
    ctx.requireResource(ref.region, ref.apiId, ref.resourceId);
    await store.loadIntegrationResponses(ref.region, ref.apiId, ref.resourceId, ref.verb);
    const parts = store.methodAnswerParts(ref.region, ref.apiId, ref.resourceId, ref.verb);
    if (parts === undefined) throw notFound(MSG.method);
    return answerParts(c, 200, parts);
  }

  app.get(METHOD_PATH, (c) => methodAnswer(c, methodRef(c)));

  app.patch(METHOD_PATH, async (c) => {
    const shape = validatePatchOperationsShape(await readJsonBody(c), 'updateMethodInput');
    throwIfViolations(shape.violations);
    const ref = methodRef(c);
    await ctx.writeMethod(ref, (m) => replaceContents(m, applyMethodPatch(m, shape.ops ?? [])));
    return methodAnswer(c, ref);
  });

  app.delete(METHOD_PATH, async (c) => {
    const ref = methodRef(c);
    await store.write(() => {
      ctx.requireMethod(ref);
      store.deleteMethod(ref.region, ref.apiId, ref.resourceId, ref.verb);
    });
    return noContent(c, 204);
  });
}
