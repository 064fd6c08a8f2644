// What the import and export panels decide about files, kept pure so it can be tested without a browser.
import type { ExportExtensions, ExportFormat, ExportType } from '@/api/models';

/** API Gateway's limit for an API definition file (ImportRestApi's `body`, docs/aws/import.md). */
export const MAX_DEFINITION_BYTES = 6 * 1024 * 1024;

/**
 * The Content-Type to send a definition with: the file's own name decides (.yaml/.yml, .json), else its first
 * character (a JSON document starts with `{`). The emulator reads either way; the type only describes the bytes.
 */
export function definitionContentType(fileName: string, text: string): 'application/json' | 'application/yaml' {
  if (/\.ya?ml$/i.test(fileName)) return 'application/yaml';
  if (/\.json$/i.test(fileName)) return 'application/json';
  return text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}

/** Why a file is not sent at all, or undefined when it can be. */
export function definitionFileProblem(file: { name: string; size: number }): string | undefined {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_DEFINITION_BYTES)
    return `${file.name} is larger than 6 MB, API Gateway's limit for an API definition file.`;
  return undefined;
}

export const exportTypeLabels: Record<ExportType, string> = { oas30: 'OpenAPI 3', swagger: 'Swagger 2' };

/** The download's file name: the API, the stage and the export's kind, e.g. `a1b2c3d4e5-prod-oas30.yaml`. */
export function exportFileName(restApiId: string, stageName: string, exportType: ExportType, format: ExportFormat) {
  return `${restApiId}-${stageName}-${exportType}.${format}`;
}

/** The file of the API as it is now has no stage in its name: `a1b2c3d4e5-oas30.json`. */
export function apiExportFileName(restApiId: string, exportType: ExportType, format: ExportFormat) {
  return `${restApiId}-${exportType}.${format}`;
}

/** GetExport's `extensions` values, as the panel offers them (AWS's value in brackets, as the CLI takes it). */
export const exportExtensionsLabels: Record<ExportExtensions, string> = {
  apigateway: 'All of API Gateway’s (apigateway)',
  integrations: 'Integrations only (integrations)',
  none: 'None (plain OpenAPI)',
};

export function exportMimeType(format: ExportFormat): string {
  return format === 'yaml' ? 'application/yaml;charset=utf-8' : 'application/json;charset=utf-8';
}
