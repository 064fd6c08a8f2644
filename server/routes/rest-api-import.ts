// ImportRestApi (`POST /restapis?mode=import`) and PutRestApi (`PUT /restapis/{id}?mode=merge|overwrite`): an
// OpenAPI definition in the body (raw bytes, JSON or YAML) becomes the API's resources and methods. The
// definition is read and checked in full before anything is stored (server/import-document.ts), and what is
// stored is one write job: an import that fails creates nothing, a put that fails changes nothing. Sources in
// docs/aws/import.md.
import type { Context } from 'hono';
import { createResourceViolations } from '../../src/rules/create-resource';
import { awsVerdict } from '../../src/rules/integration-response';
import { enumConstraintMessage } from '../../src/rules/validation-message';
import { validationError } from '../body';
import { AwsError, badRequest } from '../errors';
import { json, requestRegion } from '../http';
import type { BasePathMode, ImportedApi } from '../import-document';
import { parseDefinition, readDefinition } from '../import-document';
import { awsId, unusedAwsId } from '../ids';
import type { RestApiDoc } from '../model';
import type { RouteContext } from './context';

const BASE_PATH_MODES: readonly string[] = ['ignore', 'prepend', 'split'];
const PUT_MODES = ['merge', 'overwrite'] as const;
const ENDPOINT_TYPES: readonly string[] = ['REGIONAL', 'EDGE', 'PRIVATE'];

/**
 * A member of the `parameters` map. The SDKs and the CLI send the map flattened into the query string
 * (`?basepath=prepend`, botocore's querystring map); `parameters[basepath]=` is read too, as for GetExport.
 */
function parameter(c: Context, name: string): string | undefined {
  return c.req.query(name) ?? c.req.query(`parameters[${name}]`);
}

function options(c: Context): { basepath: BasePathMode; failOnWarnings: boolean } {
  const basepath = (parameter(c, 'basepath') ?? parameter(c, 'basePath') ?? 'ignore').toLowerCase();
  // UNVERIFIED text: AWS's answer to an unknown basepath value.
  if (!BASE_PATH_MODES.includes(basepath)) throw badRequest(`Invalid basepath parameter value: ${basepath}`);
  return { basepath: basepath as BasePathMode, failOnWarnings: c.req.query('failonwarnings') === 'true' };
}

async function readBody(c: Context, basepath: BasePathMode, failOnWarnings: boolean): Promise<ImportedApi> {
  const imported = readDefinition(parseDefinition(await c.req.arrayBuffer()), basepath);
  if (failOnWarnings && imported.warnings.length > 0) {
    // failonwarnings: "rollback the API creation (true) … when a warning is encountered" ([API ImportRestApi]).
    // The text of the error is UNVERIFIED; it follows the "Errors found during import" one.
    throw badRequest(`Warnings found during import:\n\t${imported.warnings.join('\n\t')}`);
  }
  return imported;
}

/** The API's settings a definition carries; `merge` keeps binary media types the API already had. */
function applySettings(api: RestApiDoc, imported: ImportedApi, merge: boolean): void {
  api.name = imported.name;
  if (imported.description !== undefined) api.description = imported.description;
  else if (!merge) delete api.description;
  if (imported.version !== undefined) api.version = imported.version;
  else if (!merge) delete api.version;
  const binary = [...(merge ? (api.binaryMediaTypes ?? []) : []), ...(imported.binaryMediaTypes ?? [])];
  const unique = [...new Set(binary)];
  if (unique.length > 0) api.binaryMediaTypes = unique;
  else delete api.binaryMediaTypes;
  if (imported.apiKeySource !== undefined) api.apiKeySource = imported.apiKeySource;
}

type Handler = (c: Context) => Promise<Response>;

/** The two operations, for server/routes/rest-apis.ts to route. */
export function restApiImportOperations(ctx: RouteContext): { importRestApi: Handler; putRestApi: Handler } {
  const { store } = ctx;

  /** Creates the resources of every path (with their parents) and stores each method whole. */
  function storeMethods(rg: string, apiId: string, rootId: string, imported: ImportedApi): void {
    const byPath = new Map<string, string>([['/', rootId]]);
    const resourceFor = (path: string): string => {
      const known = byPath.get(path);
      if (known) return known;
      const cut = path.lastIndexOf('/');
      const parentPath = cut <= 0 ? '/' : path.slice(0, cut);
      const pathPart = path.slice(cut + 1);
      const parentId = resourceFor(parentPath);
      const siblings = store.childrenOf(rg, apiId, parentId);
      const existing = siblings.find((s) => s.pathPart === pathPart);
      if (existing) {
        byPath.set(path, existing.id);
        return existing.id;
      }
      const parent = store.getResource(rg, apiId, parentId);
      const verdict = awsVerdict(createResourceViolations(pathPart, parent ?? {}, siblings));
      // UNVERIFIED wording, after AWS's "Unable to put integration on … for resource at path …".
      if (verdict)
        throw new AwsError(
          verdict.type,
          `Errors found during import:\n\tUnable to create resource at path '${path}': ${verdict.message}`,
        );
      const id = unusedAwsId(6, (candidate) => store.getResource(rg, apiId, candidate) !== undefined);
      store.createResource(rg, apiId, { id, parentId, pathPart, path });
      byPath.set(path, id);
      return id;
    };
    for (const [path, methods] of imported.paths) {
      const resourceId = resourceFor(path);
      for (const m of methods) {
        const doc = structuredClone(m);
        if (doc.methodIntegration && doc.methodIntegration.cacheNamespace === '')
          doc.methodIntegration.cacheNamespace = resourceId;
        store.putMethod(rg, apiId, resourceId, doc);
      }
    }
  }

  const answer = (api: RestApiDoc, warnings: string[]) => (warnings.length > 0 ? { ...api, warnings } : api);

  async function importRestApi(c: Context): Promise<Response> {
    const { basepath, failOnWarnings } = options(c);
    const endpointTypes = parameter(c, 'endpointConfigurationTypes')
      ?.split(',')
      .map((t) => t.trim().toUpperCase());
    for (const t of endpointTypes ?? [])
      // UNVERIFIED text: AWS's answer to an unknown endpoint type in the parameters.
      if (!ENDPOINT_TYPES.includes(t)) throw badRequest(`Invalid endpoint configuration type: ${t}`);
    const imported = await readBody(c, basepath, failOnWarnings);
    const rg = requestRegion(c);
    const api: RestApiDoc = {
      id: unusedAwsId(10, (id) => store.getRestApi(rg, id) !== undefined),
      name: imported.name,
      createdDate: Math.floor(ctx.now() / 1000),
      rootResourceId: awsId(10),
      apiKeySource: 'HEADER',
      disableExecuteApiEndpoint: false,
      endpointConfiguration: {
        types: endpointTypes && endpointTypes.length > 0 ? endpointTypes : ['EDGE'],
        ipAddressType: 'ipv4',
      },
    };
    applySettings(api, imported, false);
    await store.write(() => {
      store.createRestApi(rg, api);
      storeMethods(rg, api.id, api.rootResourceId, imported);
    });
    return json(c, answer(api, imported.warnings), 201);
  }

  async function putRestApi(c: Context): Promise<Response> {
    const mode = c.req.query('mode') ?? 'merge';
    if (!(PUT_MODES as readonly string[]).includes(mode))
      throw validationError([enumConstraintMessage(mode, 'putRestApiInput.mode', PUT_MODES)]);
    const { basepath, failOnWarnings } = options(c);
    // The definition is checked before the API's existence [LS test_import_api_bad_file, put-rest-api-bad-*].
    const imported = await readBody(c, basepath, failOnWarnings);
    const rg = requestRegion(c);
    const id = c.req.param('api') ?? '';
    const api = await store.write(() => {
      const current = ctx.requireApi(rg, id);
      if (mode === 'overwrite') {
        // The definition replaces the API's resources and methods; stages, deployments and the endpoint
        // configuration stay ([DG api-gateway-import-api-update]).
        for (const child of store.childrenOf(rg, id, current.rootResourceId))
          store.deleteResourceTree(rg, id, child.id);
        for (const verb of store.methodVerbsOf(rg, id, current.rootResourceId))
          store.deleteMethod(rg, id, current.rootResourceId, verb);
      }
      applySettings(current, imported, mode === 'merge');
      store.replaceRestApi(rg, current);
      // merge: a method the definition declares replaces the API's method of the same path and verb whole;
      // everything else stays (same page).
      storeMethods(rg, id, current.rootResourceId, imported);
      return current;
    });
    return json(c, answer(api, imported.warnings), 200);
  }

  return { importRestApi, putRestApi };
}
