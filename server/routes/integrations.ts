// PutIntegration, GetIntegration, UpdateIntegration, DeleteIntegration.
import type { Context, Hono } from 'hono';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import { putIntegrationRequestViolations, putIntegrationViolations } from '../../src/rules/put-integration';
import { applyIntegrationPatch } from '../control-plane-patch';
import { optBool, optInt, optMap, optObject, optString, optStringList } from '../body';
import { answerParts, json, noContent, readJsonBody, throwIfViolations } from '../http';
import type { IntegrationDoc } from '../model';
import { spliceIntegrationResponses } from '../store';
import type { RouteContext } from './context';
import { INTEGRATION_PATH, methodRef, requireIntegration, type MethodRef } from './context';

/** AWS stores an empty or null mapping template as null. */
function normalizeTemplates(t: Record<string, string | null> | undefined): Record<string, string | null> | undefined {
  if (!t) return undefined;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(t)) out[k] = v === null || v === '' ? null : v;
  return out;
}

export function registerIntegrationRoutes(app: Hono, ctx: RouteContext): void {
  app.put(INTEGRATION_PATH, async (c) => {
    const b = await readJsonBody(c);
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

    const input = { type, httpMethod, uri, connectionType, contentHandling, passthroughBehavior, timeoutInMillis };
    throwIfViolations(putIntegrationRequestViolations(input));
    const ref = methodRef(c);
    // Existence is reported before the business checks (AWS's order); the write re-checks it.
    ctx.requireMethod(ref);
    throwIfViolations(putIntegrationViolations(input));

    const itype = type as IntegrationDoc['type'];
    const integration: IntegrationDoc = {
      type: itype,
      passthroughBehavior: passthroughBehavior ?? 'WHEN_NO_MATCH',
      timeoutInMillis: timeoutInMillis ?? 29000,
      cacheNamespace: cacheNamespace ?? ref.resourceId,
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

    await ctx.writeMethod(ref, (m) => {
      // UNVERIFIED: whether integration responses survive a PutIntegration overwrite. AWS replaces the
      // integration resource as a whole (Terraform users report losing integration responses when an
      // integration is recreated), so the new integration starts without them.
      m.methodIntegration = integration;
      ctx.store.deleteIntegrationResponses(ref.region, ref.apiId, ref.resourceId, ref.verb);
    });
    return json(c, integration, 201);
  });

  /** The integration as GetIntegration gives it, with its integration responses. */
  function integrationAnswer(c: Context, ref: MethodRef): Response {
    const integration = requireIntegration(ctx.requireMethod(ref));
    const responses = ctx.store.integrationResponsesOf(ref.region, ref.apiId, ref.resourceId, ref.verb);
    if (responses.length === 0) return json(c, integration, 200);
    // The stored integration responses' JSON goes into the answer as it is, like GetMethod's.
    return answerParts(c, 200, spliceIntegrationResponses(JSON.stringify(integration), 1, responses));
  }

  app.get(INTEGRATION_PATH, (c) => integrationAnswer(c, methodRef(c)));

  app.patch(INTEGRATION_PATH, async (c) => {
    const shape = validatePatchOperationsShape(await readJsonBody(c), 'updateIntegrationInput');
    throwIfViolations(shape.violations);
    const ref = methodRef(c);
    await ctx.writeMethod(ref, (m) => {
      m.methodIntegration = applyIntegrationPatch(requireIntegration(m), shape.ops ?? []);
    });
    return integrationAnswer(c, ref);
  });

  app.delete(INTEGRATION_PATH, async (c) => {
    const ref = methodRef(c);
    await ctx.writeMethod(ref, (m) => {
      requireIntegration(m);
      delete m.methodIntegration;
      ctx.store.deleteIntegrationResponses(ref.region, ref.apiId, ref.resourceId, ref.verb);
    });
    return noContent(c, 204);
  });
}
