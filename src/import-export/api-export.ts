// The API as it is now, as an OpenAPI file: what GetExport would write for a stage, but of the current configuration
// (deployed or not) and without a stage's URL. AWS has no operation for this (GetExport needs a stage), so the
// dashboard writes it from GetRestApi and GetResources?embed=methods with the emulator's own writer; the choice and
// what the file leaves out are in docs/aws/deployments-stages.md ("The API as it is now, in the dashboard").
// Framework-free so a Node test can compare it with the emulator's GetExport.
import type { ApiGatewayClient } from '@/api/client';
import type { ExportExtensions, ExportFormat, ExportType } from '@/api/models';
import { loadApiMappings } from '@/api-mappings/load-api-mappings';
import type { ExportMethod, ExportResource } from '@/openapi/export-document';
import { exportDocument, toYaml } from '@/openapi/export-document';
import { compareCodeUnits } from '@/rules/text-order';

export type ApiExportClient = Pick<ApiGatewayClient, 'getRestApi' | 'getAllResources' | 'getMethod'>;

export interface ApiExportOptions {
  exportType: ExportType;
  format: ExportFormat;
  extensions: ExportExtensions;
  signal?: AbortSignal;
  /** When the configuration was read: info.version without an API version (as a deployment's date is for a stage). */
  now?: Date;
}

/** The file's text, JSON (indented as GetExport's) or YAML. Throws when a method could not be read. */
export async function exportApiAsItIsNow(
  client: ApiExportClient,
  restApiId: string,
  options: ApiExportOptions,
): Promise<string> {
  const { signal } = options;
  const [api, mappings] = await Promise.all([
    client.getRestApi({ restApiId }, { signal }),
    loadApiMappings(client, restApiId, { signal }),
  ]);
  // A file that silently leaves a method out would import as a different API.
  const failed = mappings.failures[0];
  if (failed) {
    const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
    throw new Error(`${failed.httpMethod} ${failed.path} could not be read (GetMethod): ${reason}`);
  }
  // In the emulator's order (path, then verb, as plain strings), so the file reads like a stage's export.
  const byPath = new Map<string, Record<string, ExportMethod>>();
  for (const m of [...mappings.methods].sort(
    (a, b) => compareCodeUnits(a.path, b.path) || compareCodeUnits(a.httpMethod, b.httpMethod),
  )) {
    const methods = byPath.get(m.path) ?? {};
    methods[m.httpMethod] = m.method;
    byPath.set(m.path, methods);
  }
  const resources: ExportResource[] = [...byPath].map(([path, resourceMethods]) => ({ path, resourceMethods }));
  const doc = exportDocument({
    type: options.exportType,
    extensions: options.extensions,
    api,
    resources,
    capturedAt: options.now ?? new Date(),
  });
  return options.format === 'yaml' ? toYaml(doc) : JSON.stringify(doc, null, 2);
}
