// PutMethodResponse, GetMethodResponse, UpdateMethodResponse, DeleteMethodResponse.
import type { Hono } from 'hono';
import { validatePutMethodResponse } from '../../src/rules/integration-response';
import { applyMethodResponsePatch } from '../../src/rules/patch-operations';
import type { MethodResponse } from '../../src/rules/types';
import { json, methodStage, readJsonBody, requestStage, throwIfViolations } from '../http';
import type { RouteContext } from './context';
import { METHOD_PATH, methodRef } from './context';
import { registerStatusCodeChildRoutes, withEntry } from './status-code-children';

const PATH = `${METHOD_PATH}/responses/:sc`;

export function registerMethodResponseRoutes(app: Hono, ctx: RouteContext): void {
  app.put(PATH, async (c) => {
    const sc = c.req.param('sc');
    const result = validatePutMethodResponse(sc, await readJsonBody(c));
    throwIfViolations(requestStage(result.violations));
    const value: MethodResponse = { statusCode: sc, ...result.value };
    await ctx.writeMethod(methodRef(c), (m) => {
      throwIfViolations(methodStage(result.violations));
      // UNVERIFIED whether AWS overwrites or conflicts on a repeated PUT; we overwrite, like PutIntegrationResponse.
      m.methodResponses = withEntry(m.methodResponses, sc, value);
    });
    return json(c, value, 201);
  });

  registerStatusCodeChildRoutes<MethodResponse>(app, ctx, {
    path: PATH,
    patchInputName: 'updateMethodResponseInput',
    patchStatus: 201,
    get: (_ref, m, sc) => m.methodResponses?.[sc],
    set: (_ref, m, sc, value) => {
      const map = withEntry(m.methodResponses, sc, value);
      if (map) m.methodResponses = map;
      else delete m.methodResponses;
    },
    write: (ref, change, missingMethodMessage) => ctx.writeMethod(ref, change, missingMethodMessage),
    applyPatch: (current, ops) => applyMethodResponsePatch(current, ops),
  });
}
