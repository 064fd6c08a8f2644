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
import { registerStatusCodeChildRoutes, withEntry } from './status-code-children';

const PATH = `${INTEGRATION_PATH}/responses/:sc`;

export function registerIntegrationResponseRoutes(app: Hono, ctx: RouteContext): void {
  app.put(PATH, async (c) => {
    const sc = c.req.param('sc');
    const request = validateIntegrationResponseRequest(sc, await readJsonBody(c));
    throwIfViolations(requestStage(request.violations));
    throwIfViolations(request.violations);
    const value: IntegrationResponse = { statusCode: sc, ...request.value };
    await ctx.writeMethod(methodRef(c), (m) => {
      const integration = requireIntegration(m);
      throwIfViolations(validateIntegrationResponseAgainstMethod(value, m.methodResponses?.[sc]));
      // Full replace: fields absent from this PUT are cleared (verified).
      integration.integrationResponses = withEntry(integration.integrationResponses, sc, value);
    });
    return json(c, value, 201);
  });

  registerStatusCodeChildRoutes<IntegrationResponse>(app, ctx, {
    path: PATH,
    patchInputName: 'updateIntegrationResponseInput',
    patchStatus: 200,
    mapOf: (m) => requireIntegration(m).integrationResponses,
    setMap: (m, map) => {
      const integration = requireIntegration(m);
      if (map) integration.integrationResponses = map;
      else delete integration.integrationResponses;
    },
    applyPatch: (current, ops, m, sc) => applyIntegrationResponsePatch(current, ops, m.methodResponses?.[sc]),
    // A missing method (even an invalid verb) is reported as a missing integration here (verified).
    deleteMissingMethodMessage: MSG.integration,
  });
}
