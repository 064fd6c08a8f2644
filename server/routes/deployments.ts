// CreateDeployment, GetDeployments, GetDeployment, DeleteDeployment. A deployment is a snapshot of the API's
// resources and methods; a stage serves the snapshot of the deployment it points at. Evidence and choices:
// docs/aws/deployments-stages.md.
import type { Hono } from 'hono';
import { optMap, optString } from '../body';
import { badRequest, notFound } from '../errors';
import { json, noContent, readJsonBody, requestRegion } from '../http';
import { unusedAwsId } from '../ids';
import type { DeploymentDoc, StageDoc } from '../model';
import { decodePosition, pageBody, parseLimit } from '../paging';
import { isStageName } from '../../src/rules/stage';
import { stageVariableViolation } from '../stage-patch';
import type { RouteContext } from './context';

export const DEPLOYMENT_MSG = {
  notFound: 'Invalid Deployment identifier specified',
  stageActive: 'Active stages pointing to this deployment must be moved or deleted',
  noMethods: "The REST API doesn't contain any methods",
  noIntegration: 'No integration defined for method',
  stageName: 'Stage name only allows a-zA-Z0-9_',
};

export function newStage(
  stageName: string,
  deploymentId: string,
  at: number,
  extra: Partial<Pick<StageDoc, 'description' | 'variables' | 'documentationVersion' | 'tracingEnabled' | 'tags'>> = {},
): StageDoc {
  const stage: StageDoc = {
    deploymentId,
    stageName,
    cacheClusterEnabled: false,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    tracingEnabled: extra.tracingEnabled ?? false,
    createdDate: at,
    lastUpdatedDate: at,
  };
  if (extra.description !== undefined && extra.description !== '') stage.description = extra.description;
  if (extra.variables && Object.keys(extra.variables).length > 0) stage.variables = { ...extra.variables };
  if (extra.documentationVersion !== undefined) stage.documentationVersion = extra.documentationVersion;
  if (extra.tags && Object.keys(extra.tags).length > 0) stage.tags = { ...extra.tags };
  return stage;
}

export function checkStageName(name: string): void {
  // The refusal's text is the one AWS gave when hyphens were not yet allowed (public reports); today's wording is
  // UNVERIFIED.
  if (!isStageName(name)) throw badRequest(DEPLOYMENT_MSG.stageName);
}

export function checkVariables(variables: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const err = stageVariableViolation(name, value);
    if (err) throw err;
  }
}

export function registerDeploymentRoutes(app: Hono, ctx: RouteContext): void {
  const { store, requireApi } = ctx;
  const epochSeconds = () => Math.floor(ctx.now() / 1000);

  app.post('/restapis/:api/deployments', async (c) => {
    const b = await readJsonBody(c);
    const stageName = optString(b, 'stageName');
    const stageDescription = optString(b, 'stageDescription');
    const description = optString(b, 'description');
    const variables = optMap<string>(b, 'variables', 'String') as Record<string, string> | undefined;
    // UNVERIFIED: an empty stageName is treated as none (AWS only documents the canary case, which refuses it).
    const stage = stageName === undefined || stageName === '' ? undefined : stageName;
    if (stage !== undefined) checkStageName(stage);
    checkVariables(variables);
    const rg = requestRegion(c);
    const apiId = c.req.param('api');

    const created = await store.write(() => {
      const api = requireApi(rg, apiId);
      const resources = store.apiTree(rg, apiId);
      const methods = resources.flatMap((r) => r.methods);
      if (methods.length === 0) throw badRequest(DEPLOYMENT_MSG.noMethods);
      if (methods.some((m) => m.methodIntegration === undefined)) throw badRequest(DEPLOYMENT_MSG.noIntegration);
      const at = epochSeconds();
      const doc: DeploymentDoc = {
        id: unusedAwsId(6, (id) => store.getDeployment(rg, apiId, id) !== undefined),
        ...(description !== undefined && description !== '' ? { description } : {}),
        createdDate: at,
      };
      // The deployment row and the stage that points at it land in one savepoint: never a stage without it.
      store.insertDeployment(rg, apiId, doc, { api, resources });
      if (stage !== undefined) {
        const existing = store.getStage(rg, apiId, stage);
        if (existing) {
          // UNVERIFIED: variables given with a redeploy are merged into the existing stage's.
          const merged = { ...(existing.variables ?? {}), ...(variables ?? {}) };
          store.putStage(rg, apiId, {
            ...existing,
            deploymentId: doc.id,
            ...(Object.keys(merged).length > 0 ? { variables: merged } : {}),
            lastUpdatedDate: at,
          });
        } else {
          store.putStage(
            rg,
            apiId,
            newStage(stage, doc.id, at, {
              ...(stageDescription !== undefined ? { description: stageDescription } : {}),
              ...(variables ? { variables } : {}),
            }),
          );
        }
      }
      return doc;
    });
    return json(c, created, 201);
  });

  app.get('/restapis/:api/deployments', (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const after = decodePosition(c.req.query('position'));
    const limit = parseLimit(c.req.query('limit'));
    requireApi(rg, apiId);
    const page = store.listDeployments(rg, apiId, after, limit);
    return json(c, pageBody(page.items, page.nextAfter), 200);
  });

  app.get('/restapis/:api/deployments/:dep', (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    requireApi(rg, apiId);
    const doc = store.getDeployment(rg, apiId, c.req.param('dep'));
    if (!doc) throw notFound(DEPLOYMENT_MSG.notFound);
    return json(c, doc, 200);
  });

  app.delete('/restapis/:api/deployments/:dep', async (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const depId = c.req.param('dep');
    await store.write(() => {
      requireApi(rg, apiId);
      if (!store.getDeployment(rg, apiId, depId)) throw notFound(DEPLOYMENT_MSG.notFound);
      if (store.stagesOnDeployment(rg, apiId, depId) > 0) throw badRequest(DEPLOYMENT_MSG.stageActive);
      store.deleteDeployment(rg, apiId, depId);
    });
    return noContent(c, 202);
  });
}
