// Export as a file, as OpenAPI 3 or Swagger 2, in JSON or YAML, with the API Gateway extensions asked for: either a
// stage (GetExport: what the stage serves, downloaded as the AWS CLI's get-export would write it) or the API as it is
// now, deployed or not, which AWS cannot export: the dashboard writes that file itself (./api-export.ts).
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import type { ExportExtensions, ExportFormat, ExportType } from '@/api/models';
import { stagesQueryOptions } from '@/api/queries';
import type { RestApiRef } from '@/api/refs';
import { Button } from '@/components/button';
import { downloadText } from '@/components/download';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { exportApiAsItIsNow } from './api-export';
import {
  apiExportFileName,
  exportExtensionsLabels,
  exportFileName,
  exportMimeType,
  exportTypeLabels,
} from './definition-file';

/** The source select's value for the API as it is now (a stage name is never empty). */
const API_NOW = '';

function errorText(e: unknown): string {
  if (e instanceof ApiError && e.errorType) return `${e.errorType}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

export function ExportPanel({ target }: { target: RestApiRef }) {
  const { client, scope } = useConnection();
  const stages = useQuery(stagesQueryOptions(client, scope, target));
  const [source, setSource] = useState(API_NOW);
  const [exportType, setExportType] = useState<ExportType>('oas30');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [extensions, setExtensions] = useState<ExportExtensions>('apigateway');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const names = (stages.data ?? []).map((s) => s.stageName).sort();
  // A stage that is gone (deleted elsewhere) falls back to the API, which always exists here.
  const chosen = names.includes(source) ? source : API_NOW;

  async function onDownload() {
    setBusy(true);
    setError(null);
    try {
      if (chosen === API_NOW) {
        const text = await exportApiAsItIsNow(client, target.restApiId, { exportType, format, extensions });
        downloadText(apiExportFileName(target.restApiId, exportType, format), exportMimeType(format), text);
      } else {
        const text = await client.getExportFile({ ...target, stageName: chosen }, { exportType, format, extensions });
        downloadText(exportFileName(target.restApiId, chosen, exportType, format), exportMimeType(format), text);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-md border border-border bg-surface-raised p-4"
    >
      <h2 id={headingId} className="text-base font-semibold text-fg">
        Export a stage or the API as it is now
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="API or stage">
          {(p) => (
            <select {...p} className={inputClassName} value={chosen} onChange={(e) => setSource(e.target.value)}>
              <option value={API_NOW}>The API as it is now</option>
              {names.map((n) => (
                <option key={n} value={n}>
                  Stage {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Export type">
          {(p) => (
            <select
              {...p}
              className={inputClassName}
              value={exportType}
              onChange={(e) => setExportType(e.target.value === 'swagger' ? 'swagger' : 'oas30')}
            >
              {(Object.keys(exportTypeLabels) as ExportType[]).map((t) => (
                <option key={t} value={t}>
                  {exportTypeLabels[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Format">
          {(p) => (
            <select
              {...p}
              className={inputClassName}
              value={format}
              onChange={(e) => setFormat(e.target.value === 'yaml' ? 'yaml' : 'json')}
            >
              <option value="json">JSON</option>
              <option value="yaml">YAML</option>
            </select>
          )}
        </Field>
        <Field label="Extensions">
          {(p) => (
            <select
              {...p}
              className={inputClassName}
              value={extensions}
              onChange={(e) => setExtensions(asExtensions(e.target.value))}
            >
              {(Object.keys(exportExtensionsLabels) as ExportExtensions[]).map((x) => (
                <option key={x} value={x}>
                  {exportExtensionsLabels[x]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button variant="secondary" busy={busy} onClick={() => void onDownload()}>
          Download the export
        </Button>
      </div>
      {chosen === API_NOW ? (
        <p className="text-sm text-fg-muted" data-testid="api-export-note">
          The API’s current configuration, deployed or not. AWS exports only stages (GetExport), so the dashboard writes
          this file the way GetExport writes a stage’s. It is not a deployment, so it names no server URL (no{' '}
          <code>servers</code>, <code>host</code> or <code>basePath</code>), and its <code>info.version</code> is the
          API’s version, or the time of the download when it has none.
        </p>
      ) : null}
      {stages.isPending ? <p className="text-sm text-fg-muted">Loading stages…</p> : null}
      {stages.isError ? (
        <Notice tone="warning" title="The stages could not be loaded">
          <p>{stages.error.message}</p>
        </Notice>
      ) : null}
      {stages.isSuccess && names.length === 0 ? (
        <p className="text-sm text-fg-muted">
          This API has no stage yet: export it as it is now, or deploy it to a stage to export what the stage serves.
        </p>
      ) : null}
      {error ? (
        <Notice tone="danger" role="alert" title="The export could not be downloaded">
          <p className="whitespace-pre-wrap">{error}</p>
        </Notice>
      ) : null}
    </section>
  );
}

function asExtensions(value: string): ExportExtensions {
  return value === 'none' || value === 'integrations' ? value : 'apigateway';
}
