// What a stage serves compared with the current configuration, integration response by integration response. Pure:
// no UI and no I/O, so the marks on the method list, the status codes and the overview all come from one verdict.
//
// The deployed side is the stage's GetExport (OpenAPI 3 with the API Gateway extensions), where AWS keys a method's
// integration responses by selection pattern (`default` for none) and writes the status code inside
// (docs/aws/deployments-stages.md, "GetExport"). The current side is GetMethod / GetResources with embedded methods.
import type { IntegrationResponse, Method, Resource, StageExport } from '@/api/models';

type ExportedPath = NonNullable<StageExport['paths']>[string];
type ExportedIntegration = NonNullable<ExportedPath[string]['x-amazon-apigateway-integration']>;

/** One integration response's settings, in the form both sides can be compared in. */
export type ResponseSettings = {
  statusCode: string;
  selectionPattern: string;
  responseTemplates: Record<string, string>;
  responseParameters: Record<string, string>;
  contentHandling: string | undefined;
};

export type FieldChange =
  | { field: 'selectionPattern'; deployed: string | undefined; current: string | undefined }
  | { field: 'template'; contentType: string; deployed: string | undefined; current: string | undefined }
  | { field: 'responseParameter'; name: string; deployed: string | undefined; current: string | undefined }
  | { field: 'contentHandling'; deployed: string | undefined; current: string | undefined };

export type ResponseDiff = {
  statusCode: string;
  /** added: not in the deployment; removed: deployed but deleted since; changed: in both, with other settings. */
  state: 'added' | 'removed' | 'changed';
  changes: FieldChange[];
};

export type MethodDiff = {
  path: string;
  httpMethod: string;
  /** False when the stage does not serve this method at all (it was created after the deployment). */
  deployed: boolean;
  responses: ResponseDiff[];
};

export type StageComparison =
  | { comparable: true; methods: MethodDiff[] }
  /** The export says nothing about integrations (moto writes none): no verdict rather than a wrong one. */
  | { comparable: false; reason: string };

export const NOT_COMPARABLE_REASON =
  "The stage's export has no integrations (x-amazon-apigateway-integration), so what it serves cannot be compared.";

/** Empty and null templates are the same template to API Gateway (an empty one is read back as null). */
function templates(t: Record<string, string | null> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [ct, body] of Object.entries(t ?? {})) out[ct] = body ?? '';
  return out;
}

export function currentSettings(ir: IntegrationResponse): ResponseSettings {
  return {
    statusCode: ir.statusCode,
    selectionPattern: ir.selectionPattern ?? '',
    responseTemplates: templates(ir.responseTemplates),
    responseParameters: { ...ir.responseParameters },
    contentHandling: ir.contentHandling,
  };
}

/** The deployed integration responses of one exported operation, keyed by status code. */
export function deployedSettings(integration: ExportedIntegration): Map<string, ResponseSettings> {
  const out = new Map<string, ResponseSettings>();
  for (const [pattern, r] of Object.entries(integration.responses ?? {})) {
    out.set(r.statusCode, {
      statusCode: r.statusCode,
      selectionPattern: pattern === 'default' ? '' : pattern,
      responseTemplates: templates(r.responseTemplates),
      responseParameters: { ...r.responseParameters },
      contentHandling: r.contentHandling,
    });
  }
  return out;
}

function keyedChanges(
  deployed: Record<string, string>,
  current: Record<string, string>,
  make: (key: string, deployed: string | undefined, current: string | undefined) => FieldChange,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(deployed), ...Object.keys(current)])].sort();
  return keys.filter((k) => deployed[k] !== current[k]).map((k) => make(k, deployed[k], current[k]));
}

/** Field by field: what a deployment would change for this integration response. Empty when they are the same. */
export function fieldChanges(deployed: ResponseSettings | undefined, current: ResponseSettings | undefined) {
  const changes: FieldChange[] = [];
  const dp = deployed?.selectionPattern;
  const cp = current?.selectionPattern;
  if ((dp ?? '') !== (cp ?? '') || (deployed === undefined) !== (current === undefined))
    changes.push({ field: 'selectionPattern', deployed: dp, current: cp });
  changes.push(
    ...keyedChanges(deployed?.responseTemplates ?? {}, current?.responseTemplates ?? {}, (contentType, d, c) => ({
      field: 'template',
      contentType,
      deployed: d,
      current: c,
    })),
    ...keyedChanges(deployed?.responseParameters ?? {}, current?.responseParameters ?? {}, (name, d, c) => ({
      field: 'responseParameter',
      name,
      deployed: d,
      current: c,
    })),
  );
  if (deployed?.contentHandling !== current?.contentHandling)
    changes.push({ field: 'contentHandling', deployed: deployed?.contentHandling, current: current?.contentHandling });
  return changes;
}

/**
 * One method: its current integration responses against the deployed ones (`undefined` when the stage does not
 * serve the method). Only the integration responses that differ are listed, by status code.
 */
export function diffMethod(current: Method | undefined, deployed: ExportedIntegration | undefined): ResponseDiff[] {
  const now = new Map(
    Object.values(current?.methodIntegration?.integrationResponses ?? {}).map((ir) => [
      ir.statusCode,
      currentSettings(ir),
    ]),
  );
  const then = deployed ? deployedSettings(deployed) : new Map<string, ResponseSettings>();
  const codes = [...new Set([...now.keys(), ...then.keys()])].sort();
  const out: ResponseDiff[] = [];
  for (const code of codes) {
    const c = now.get(code);
    const d = then.get(code);
    const changes = fieldChanges(d, c);
    if (changes.length === 0) continue;
    out.push({ statusCode: code, state: d === undefined ? 'added' : c === undefined ? 'removed' : 'changed', changes });
  }
  return out;
}

function hasIntegrations(doc: StageExport): boolean {
  return Object.values(doc.paths ?? {}).some((ops) =>
    Object.values(ops).some((op) => op['x-amazon-apigateway-integration'] !== undefined),
  );
}

/** The deployed integration of a method, by resource path and verb. */
export function deployedIntegration(doc: StageExport, path: string, httpMethod: string) {
  return doc.paths?.[path]?.[httpMethod.toUpperCase()]?.['x-amazon-apigateway-integration'];
}

/** Whether the stage serves a method at all. */
export function isMethodDeployed(doc: StageExport, path: string, httpMethod: string): boolean {
  return doc.paths?.[path]?.[httpMethod.toUpperCase()] !== undefined;
}

/** A method as it is configured now, with the path of its resource. */
export type CurrentMethod = { path: string; httpMethod: string; method: Method };

export function methodsOfResources(resources: Resource[]): CurrentMethod[] {
  return resources.flatMap((r) =>
    Object.entries(r.resourceMethods ?? {}).map(([httpMethod, method]) => ({ path: r.path, httpMethod, method })),
  );
}

/**
 * The given methods against the stage's export; with `wholeApi`, the methods deleted since the deployment too (the
 * caller passed every method of the API). Methods without differences are left out.
 */
export function compareStage(current: CurrentMethod[], doc: StageExport, wholeApi = true): StageComparison {
  if (!hasIntegrations(doc)) return { comparable: false, reason: NOT_COMPARABLE_REASON };
  const methods: MethodDiff[] = [];
  const seen = new Set<string>();
  for (const { path, httpMethod, method } of current) {
    seen.add(`${path} ${httpMethod}`);
    const responses = diffMethod(method, deployedIntegration(doc, path, httpMethod));
    if (responses.length > 0)
      methods.push({ path, httpMethod, deployed: isMethodDeployed(doc, path, httpMethod), responses });
  }
  if (wholeApi) {
    for (const [path, ops] of Object.entries(doc.paths ?? {})) {
      for (const [verb, op] of Object.entries(ops)) {
        if (seen.has(`${path} ${verb}`)) continue;
        const responses = diffMethod(undefined, op['x-amazon-apigateway-integration']);
        if (responses.length > 0) methods.push({ path, httpMethod: verb, deployed: true, responses });
      }
    }
  }
  methods.sort((a, b) => (a.path === b.path ? a.httpMethod.localeCompare(b.httpMethod) : a.path < b.path ? -1 : 1));
  return { comparable: true, methods };
}

/** The differences of one integration response, or undefined when the stage serves it as it is now. */
export function responseDiffOf(comparison: StageComparison, path: string, httpMethod: string, statusCode: string) {
  if (!comparison.comparable) return undefined;
  return comparison.methods
    .find((m) => m.path === path && m.httpMethod === httpMethod)
    ?.responses.find((r) => r.statusCode === statusCode);
}
