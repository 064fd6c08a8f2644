// CreateStage, GetStages (with the deploymentId filter), GetStage, UpdateStage, DeleteStage.
// Evidence and choices: docs/aws/deployments-stages.md.
import type { Hono } from 'hono';
import { validatePatchOperationsShape } from '../../src/rules/patch-operations';
import { notNullConstraintMessage } from '../../src/rules/validation-message';
import { optBool, optMap, optString, validationError } from '../body';
import { AwsError, badRequest, notFound } from '../errors';
import { json, noContent, readJsonBody, requestRegion, throwIfViolations } from '../http';
import type { StageDoc } from '../model';
import { applyStagePatch } from '../stage-patch';
import type { RouteContext } from './context';
import { checkStageName, checkVariables, newStage } from './deployments';

export const STAGE_MSG = {
  notFound: 'Invalid Stage identifier specified',
  exists: 'Stage already exists',
  noDeployment: 'Deployment id does not exist',
};

export function registerStageRoutes(app: Hono, ctx: RouteContext): void {
  const { store, requireApi } = ctx;
  const epochSeconds = () => Math.floor(ctx.now() / 1000);
  const requireStage = (rg: string, apiId: string, name: string): StageDoc => {
    requireApi(rg, apiId);
    const stage = store.getStage(rg, apiId, name);
    if (!stage) throw notFound(STAGE_MSG.notFound);
    return stage;
  };

  app.post('/restapis/:api/stages', async (c) => {
    const b = await readJsonBody(c);
    const stageName = optString(b, 'stageName');
    const deploymentId = optString(b, 'deploymentId');
    const description = optString(b, 'description');
    const documentationVersion = optString(b, 'documentationVersion');
    const tracingEnabled = optBool(b, 'tracingEnabled');
    const variables = optMap<string>(b, 'variables', 'String') as Record<string, string> | undefined;
    const tags = optMap<string>(b, 'tags', 'String') as Record<string, string> | undefined;
    const missing: string[] = [];
    if (stageName === undefined) missing.push(notNullConstraintMessage('createStageInput.stageName'));
    if (deploymentId === undefined) missing.push(notNullConstraintMessage('createStageInput.deploymentId'));
    if (missing.length > 0) throw validationError(missing);
    const name = stageName ?? '';
    checkStageName(name);
    checkVariables(variables);
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const stage = await store.write(() => {
      requireApi(rg, apiId);
      // UNVERIFIED for CreateStage: the refusal AWS gives UpdateStage for an unknown deployment (recorded).
      if (!store.getDeployment(rg, apiId, deploymentId ?? '')) throw badRequest(STAGE_MSG.noDeployment);
      if (store.getStage(rg, apiId, name)) throw new AwsError('ConflictException', STAGE_MSG.exists);
      const doc = newStage(name, deploymentId ?? '', epochSeconds(), {
        ...(description !== undefined ? { description } : {}),
        ...(variables ? { variables } : {}),
        ...(documentationVersion !== undefined ? { documentationVersion } : {}),
        ...(tracingEnabled !== undefined ? { tracingEnabled } : {}),
        ...(tags ? { tags } : {}),
      });
      store.putStage(rg, apiId, doc);
      return doc;
    });
    return json(c, stage, 201);
  });

  app.get('/restapis/:api/stages', (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    requireApi(rg, apiId);
    const filter = c.req.query('deploymentId');
    const stages = store.listStages(rg, apiId).filter((s) => !filter || s.deploymentId === filter);
    // GetStages has no paging in AWS's API: every stage in one `item` list.
    return json(c, { item: stages }, 200);
  });

  app.get('/restapis/:api/stages/:stage', (c) =>
    json(c, requireStage(requestRegion(c), c.req.param('api'), c.req.param('stage')), 200),
  );

  app.patch('/restapis/:api/stages/:stage', async (c) => {
    const shape = validatePatchOperationsShape(await readJsonBody(c), 'updateStageInput');
    throwIfViolations(shape.violations);
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const name = c.req.param('stage');
    const updated = await store.write(() => {
      const stage = requireStage(rg, apiId, name);
      const next = applyStagePatch(stage, shape.ops ?? [], (id) => store.getDeployment(rg, apiId, id) !== undefined);
      next.lastUpdatedDate = epochSeconds();
      store.putStage(rg, apiId, next);
      return next;
    });
    return json(c, updated, 200);
  });

  app.delete('/restapis/:api/stages/:stage', async (c) => {
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    const name = c.req.param('stage');
    await store.write(() => {
      requireStage(rg, apiId, name);
      store.deleteStage(rg, apiId, name);
    });
    return noContent(c, 202);
  });
}
