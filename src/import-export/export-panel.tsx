// Export a stage as a file (GetExport): what the stage serves, as OpenAPI 3 or Swagger 2, in JSON or YAML, with
// API Gateway's extensions, downloaded as the AWS CLI's get-export would write it.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError } from '@/api/api-error';
import { useConnection } from '@/api/connection-provider';
import type { ExportFormat, ExportType } from '@/api/models';
import { stagesQueryOptions } from '@/api/queries';
import type { RestApiRef } from '@/api/refs';
import { Button } from '@/components/button';
import { downloadText } from '@/components/download';
import { Field, inputClassName } from '@/components/field';
import { Notice } from '@/components/notice';
import { exportFileName, exportMimeType, exportTypeLabels } from './definition-file';

export function ExportPanel({ target }: { target: RestApiRef }) {
  const { client, scope } = useConnection();
  const stages = useQuery(stagesQueryOptions(client, scope, target));
  const [stageName, setStageName] = useState('');
  const [exportType, setExportType] = useState<ExportType>('oas30');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const names = (stages.data ?? []).map((s) => s.stageName).sort();
  const chosen = names.includes(stageName) ? stageName : (names[0] ?? '');

  async function onDownload() {
    setBusy(true);
    setError(null);
    try {
      const text = await client.getExportFile({ ...target, stageName: chosen }, { exportType, format });
      downloadText(exportFileName(target.restApiId, chosen, exportType, format), exportMimeType(format), text);
    } catch (e) {
      setError(e instanceof ApiError && e.errorType ? `${e.errorType}: ${e.message}` : String(e));
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
        Export a stage
      </h2>
      {stages.isPending ? <p className="text-sm text-fg-muted">Loading stages…</p> : null}
      {stages.isError ? (
        <Notice tone="warning" title="The stages could not be loaded">
          <p>{stages.error.message}</p>
        </Notice>
      ) : null}
      {stages.isSuccess && names.length === 0 ? (
        <p className="text-sm text-fg-muted">
          This API has no stage yet: deploy it to a stage to export what it serves.
        </p>
      ) : null}
      {names.length > 0 ? (
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Stage">
            {(p) => (
              <select {...p} className={inputClassName} value={chosen} onChange={(e) => setStageName(e.target.value)}>
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
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
          <Button variant="secondary" busy={busy} onClick={() => void onDownload()}>
            Download the export
          </Button>
        </div>
      ) : null}
      {error ? (
        <Notice tone="danger" role="alert" title="The export could not be downloaded">
          <p className="whitespace-pre-wrap">{error}</p>
        </Notice>
      ) : null}
    </section>
  );
}
