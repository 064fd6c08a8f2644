// Import an OpenAPI file (file picker or drag and drop) into the current target as a new API (ImportRestApi).
// A refused file leaves the page as it was: the error is shown with AWS's message, and nothing was created.
import { useId, useState, type DragEvent } from 'react';
import { ApiError } from '@/api/api-error';
import { useImportRestApi } from '@/api/mutations';
import type { ImportedRestApi } from '@/api/models';
import { AppLink } from '@/components/app-link';
import { overviewPath } from '@/components/app-paths';
import { buttonClassName } from '@/components/button';
import { Notice } from '@/components/notice';
import { definitionContentType, definitionFileProblem } from './definition-file';

type Outcome =
  | { kind: 'imported'; fileName: string; api: ImportedRestApi }
  | { kind: 'refused'; fileName: string; message: string; nothingSent: boolean };

function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.errorType ? `${e.errorType}: ${e.message}` : e.message;
  return e instanceof Error ? e.message : String(e);
}

export function ImportPanel() {
  const importApi = useImportRestApi();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const headingId = useId();
  const inputId = useId();

  async function importFile(file: File) {
    setOutcome(null);
    const problem = definitionFileProblem(file);
    if (problem) {
      setOutcome({ kind: 'refused', fileName: file.name, message: problem, nothingSent: true });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setOutcome({ kind: 'refused', fileName: file.name, message: errorText(e), nothingSent: true });
      return;
    }
    try {
      const api = await importApi.mutateAsync({ text, contentType: definitionContentType(file.name, text) });
      setOutcome({ kind: 'imported', fileName: file.name, api });
    } catch (e) {
      setOutcome({ kind: 'refused', fileName: file.name, message: errorText(e), nothingSent: false });
    }
  }

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-testid="import-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`flex flex-col gap-3 rounded-md border-2 border-dashed p-4 ${
        dragging ? 'border-accent bg-accent-soft' : 'border-border bg-surface-raised'
      }`}
    >
      <h2 id={headingId} className="text-base font-semibold text-fg">
        Import an API from an OpenAPI file
      </h2>
      <p className="text-sm text-fg-muted">
        Swagger 2.0 or OpenAPI 3, JSON or YAML, with API Gateway&apos;s <code>x-amazon-apigateway-integration</code>{' '}
        extensions (a stage&apos;s export is one). ImportRestApi creates a new API in this target. Drop the file here,
        or:
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={inputId} className={buttonClassName('secondary', 'cursor-pointer')}>
          Choose an OpenAPI file…
        </label>
        <input
          id={inputId}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml"
          className="sr-only"
          disabled={importApi.isPending}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) imports it again.
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        {importApi.isPending ? (
          <p role="status" className="text-sm text-fg-muted">
            Importing…
          </p>
        ) : null}
      </div>
      {outcome?.kind === 'imported' ? (
        <Notice tone="success" role="status" title={`Imported ${outcome.fileName} as “${outcome.api.name}”`}>
          <p>
            The new API&apos;s id is <span className="font-mono">{outcome.api.id}</span>.{' '}
            <AppLink
              href={overviewPath({ restApiId: outcome.api.id })}
              className="text-accent underline underline-offset-2"
            >
              Open its overview
            </AppLink>
          </p>
          {outcome.api.warnings && outcome.api.warnings.length > 0 ? (
            <>
              <p>API Gateway reported these warnings:</p>
              <ul className="list-disc pl-5">
                {outcome.api.warnings.map((w) => (
                  <li key={w} className="whitespace-pre-wrap">
                    {w}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <Notice tone="danger" role="alert" title={`${outcome.fileName} was not imported`}>
          <p className="font-mono text-xs whitespace-pre-wrap">{outcome.message}</p>
          <p>{outcome.nothingSent ? 'Nothing was sent.' : 'Nothing was created.'}</p>
        </Notice>
      ) : null}
    </section>
  );
}
