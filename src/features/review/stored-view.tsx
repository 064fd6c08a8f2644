import type { IntegrationResponse } from '@/rules/types';
import { responseHeaderName } from '@/rules/mapping-expression';

/** An integration response as stored, field by field; optionally the raw JSON too. Server text is shown as text. */
export function StoredView({
  response,
  testId,
  showJson = false,
}: {
  response: IntegrationResponse;
  testId?: string;
  showJson?: boolean;
}) {
  const headers = Object.entries(response.responseParameters ?? {});
  const templates = Object.entries(response.responseTemplates ?? {});
  return (
    <div className="flex flex-col gap-3" data-testid={testId}>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-md border border-border bg-surface-raised p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-fg-muted">Status code</dt>
        <dd className="font-mono text-fg">{response.statusCode}</dd>
        <dt className="font-medium text-fg-muted">Selection pattern</dt>
        <dd className="font-mono break-all text-fg">
          {response.selectionPattern ? (
            response.selectionPattern
          ) : (
            <span className="font-sans">None (the default response)</span>
          )}
        </dd>
        <dt className="font-medium text-fg-muted">Content handling</dt>
        <dd className="font-mono text-fg">
          {response.contentHandling ?? <span className="font-sans">Passthrough (not set)</span>}
        </dd>
        <dt className="font-medium text-fg-muted">Header mappings</dt>
        <dd className="text-fg">
          {headers.length === 0 ? (
            'None'
          ) : (
            <ul className="flex flex-col gap-1">
              {headers.map(([k, v]) => (
                <li key={k} className="font-mono break-all">
                  {responseHeaderName(k)} ← {v}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="font-medium text-fg-muted">Templates</dt>
        <dd className="min-w-0 text-fg">
          {templates.length === 0 ? (
            'None'
          ) : (
            <ul className="flex flex-col gap-2">
              {templates.map(([type, template]) => (
                <li key={type}>
                  <p className="font-mono">{type}</p>
                  <pre
                    tabIndex={0}
                    aria-label={`Template for ${type}`}
                    className="mt-1 max-h-60 overflow-auto rounded border border-border bg-surface-sunken p-2 font-mono text-xs whitespace-pre"
                  >
                    {template === null ? '(empty)' : template}
                  </pre>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {showJson ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-accent">The server&apos;s answer as JSON</summary>
          <pre
            tabIndex={0}
            aria-label="Stored integration response as JSON"
            className="mt-2 overflow-auto rounded-md border border-border bg-surface-sunken p-3 font-mono text-sm whitespace-pre text-fg"
            data-testid={testId ? `${testId}-json` : undefined}
          >
            {JSON.stringify(response, null, 2)}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
