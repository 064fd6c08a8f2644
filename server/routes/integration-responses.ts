// PutIntegrationResponse, GetIntegrationResponse, UpdateIntegrationResponse, DeleteIntegrationResponse.
import type { Hono } from 'hono';
import {
  validateIntegrationResponseAgainstMethod,
  validateIntegrationResponseRequest,
} from '../../src/rules/integration-response';
import { applyIntegrationResponsePatch } from '../../src/rules/patch-operations';
import type { IntegrationResponse } from '../../src/rules/types';
import { json, readJsonBody, requestStage, throwIfViolations } from '../http';
import type { RouteContext } from './context';
import { INTEGRATION_PATH, methodRef, MSG, requireIntegration } from './context';
import { registerStatusCodeChildRoutes } from './status-code-children';

const PATH = `${INTEGRATION_PATH}/responses/:sc`;

export function registerIntegrationResponseRoutes(app: Hono, ctx: RouteContext): void {
  app.put(PATH, async (c) => {
    const sc = c.req.param('sc');
    const request = validateIntegrationResponseRequest(sc, await readJsonBody(c));
    throwIfViolations(requestStage(request.violations));
    throwIfViolations(request.violations);
    const value: IntegrationResponse = { statusCode: sc, ...request.value };
    const ref = methodRef(c);
    await ctx.store.write(() => {
      const m = ctx.requireMethod(ref);
      requireIntegration(m);
      throwIfViolations(validateIntegrationResponseAgainstMethod(value, m.methodResponses?.[sc]));
      // Full replace: fields absent from this PUT are cleared (verified).
      ctx.store.putIntegrationResponse(ref.region, ref.apiId, ref.resourceId, ref.verb, value);
    });
    return json(c, value, 201);
  });

  registerStatusCodeChildRoutes<IntegrationResponse>(app, ctx, {
    path: PATH,
    patchInputName: 'updateIntegrationResponseInput',
    patchStatus: 200,
    // Rows of their own (see store.ts): a change writes that row, not the method.
    get: (ref, m, sc) => {
      requireIntegration(m);
      return ctx.store.getIntegrationResponse(ref.region, ref.apiId, ref.resourceId, ref.verb, sc);
    },
    set: (ref, _m, sc, value) => {
      const { region, apiId, resourceId, verb } = ref;
      if (value) ctx.store.putIntegrationResponse(region, apiId, resourceId, verb, value);
      else ctx.store.deleteIntegrationResponse(region, apiId, resourceId, verb, sc);
    },
    write: (ref, change, missingMethodMessage) =>
      ctx.store.write(() => change(ctx.requireMethod(ref, missingMethodMessage))),
    applyPatch: (current, ops, m, sc) => applyIntegrationResponsePatch(current, ops, m.methodResponses?.[sc]),
    // A missing method (even an invalid verb) is reported as a missing integration here (verified).
    deleteMissingMethodMessage: MSG.integration,
  });
}
