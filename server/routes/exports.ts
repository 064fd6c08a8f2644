// GetExport of a stage: the OpenAPI document of what the stage serves (its deployment's snapshot), as JSON or, with
// `Accept: application/yaml`, YAML. Evidence and choices: docs/aws/deployments-stages.md.
import type { Hono } from 'hono';
import { badRequest, notFound } from '../errors';
import {
  exportDocument,
  toYaml,
  type ExportResource,
  type Extensions,
  type ExportType,
} from '../../src/openapi/export-document';
import { answer, requestRegion } from '../http';
import type { ApiTree } from '../model';
import type { RouteContext } from './context';
import { STAGE_MSG } from './stages';

/** The snapshot's tree as GetResources?embed=methods would list it, in the snapshot's order (path, then verb). */
function exportResources(tree: ApiTree): ExportResource[] {
  return tree.map((r) => ({
    path: r.path,
    resourceMethods: Object.fromEntries(r.methods.map((m) => [m.httpMethod, m])),
  }));
}

export function registerExportRoutes(app: Hono, ctx: RouteContext): void {
  const { store, requireApi } = ctx;

  app.get('/restapis/:api/stages/:stage/exports/:type', (c) => {
    const type = c.req.param('type');
    // UNVERIFIED: AWS's text for an export type other than swagger/oas30 (postman is not exported here either).
    if (type !== 'swagger' && type !== 'oas30') throw badRequest(`Invalid export type specified: ${type}`);
    // The SDKs flatten the `parameters` map into the query string (`?extensions=integrations`); the API
    // reference writes it as `parameters[extensions]`, so both are read.
    const raw = c.req.query('extensions') ?? c.req.query('parameters[extensions]') ?? '';
    const wanted = raw.split(',').map((s) => s.trim());
    const extensions: Extensions = wanted.includes('apigateway')
      ? 'apigateway'
      : wanted.includes('integrations')
        ? 'integrations'
        : 'none';
    const rg = requestRegion(c);
    const apiId = c.req.param('api');
    requireApi(rg, apiId);
    const stageName = c.req.param('stage');
    const stage = store.getStage(rg, apiId, stageName);
    if (!stage) throw notFound(STAGE_MSG.notFound);
    const deployment = store.getDeployment(rg, apiId, stage.deploymentId);
    const snapshot = store.getDeploymentSnapshot(rg, apiId, stage.deploymentId);
    if (!deployment || !snapshot) throw notFound(STAGE_MSG.notFound);
    const doc = exportDocument({
      type: type as ExportType,
      extensions,
      api: snapshot.api,
      resources: exportResources(snapshot.resources),
      capturedAt: new Date(deployment.createdDate * 1000),
      stage: { stageName, region: rg },
    });
    const yaml = (c.req.header('accept') ?? '').toLowerCase().includes('application/yaml');
    const version = String((doc.info as { version?: unknown }).version ?? '');
    const res = answer(c, 200, yaml ? toYaml(doc) : JSON.stringify(doc, null, 2));
    // AWS answers a JSON export as application/octet-stream (recorded); YAML as application/yaml (UNVERIFIED).
    res.headers.set('content-type', yaml ? 'application/yaml' : 'application/octet-stream');
    res.headers.set('content-disposition', `attachment; filename="${type}_${version}.${yaml ? 'yaml' : 'json'}"`);
    return res;
  });
}
