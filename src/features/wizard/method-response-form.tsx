import { useId, useState } from 'react';
import { usePutMethodResponse } from '@/api/mutations';
import { Button } from '@/components/button';
import { inputClassName } from '@/components/field';
import { ErrorState } from '@/components/query-state';
import { responseHeaderKey } from '@/rules/mapping-expression';
import { headerNameError } from './status-code-choice';

type HeaderRow = { key: number; name: string; required: boolean };

/** PutMethodResponse for a status code, with optional header declarations (name + required). */
export function MethodResponseForm({
  restApiId,
  resourceId,
  httpMethod,
  statusCode,
  onCreated,
}: {
  restApiId: string;
  resourceId: string;
  httpMethod: string;
  statusCode: string;
  onCreated?: (statusCode: string) => void;
}) {
  const put = usePutMethodResponse();
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [submitted, setSubmitted] = useState(false);
  const baseId = useId();

  const errorFor = (row: HeaderRow) =>
    headerNameError(
      row.name,
      headers.filter((h) => h.key !== row.key && headers.indexOf(h) < headers.indexOf(row)).map((h) => h.name),
    );
  const errors = headers.map(errorFor);
  const firstErrorIndex = errors.findIndex((e) => e !== null);

  const create = () => {
    setSubmitted(true);
    if (firstErrorIndex !== -1) {
      document.getElementById(`${baseId}-h${headers[firstErrorIndex]?.key}`)?.focus();
      return;
    }
    const responseParameters = Object.fromEntries(
      headers.map((h) => [responseHeaderKey(h.name.trim()), h.required] as const),
    );
    // mutateAsync, not mutate callbacks: the refetch after success re-renders the parent, which may unmount this
    // form before per-call callbacks would run.
    put
      .mutateAsync({
        restApiId,
        resourceId,
        httpMethod,
        statusCode,
        body: headers.length ? { responseParameters } : {},
      })
      .then(
        () => onCreated?.(statusCode),
        () => undefined, // shown from put.error
      );
  };

  return (
    // A nested <form> is invalid HTML, so this is a group submitted by its own button.
    <div role="group" aria-labelledby={`${baseId}-title`} className="flex flex-col gap-3">
      <h3 id={`${baseId}-title`} className="font-semibold">
        Create method response {statusCode}
      </h3>
      <p className="text-sm text-fg-muted">
        Declare the headers the integration response may map (optional). A required header must be set by every response
        with this status code.
      </p>
      {headers.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {headers.map((row, i) => {
            const inputId = `${baseId}-h${row.key}`;
            const err = submitted ? errors[i] : null;
            return (
              <li key={row.key} className="flex flex-wrap items-end gap-3">
                <div className="flex min-w-56 flex-col gap-1">
                  <label htmlFor={inputId} className="text-sm font-medium">
                    Header {i + 1} name
                  </label>
                  {err ? (
                    <p id={`${inputId}-error`} className="text-sm font-medium text-danger">
                      <span className="sr-only">Error: </span>
                      {err}
                    </p>
                  ) : null}
                  <input
                    id={inputId}
                    className={`${inputClassName} font-mono`}
                    value={row.name}
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? `${inputId}-error` : undefined}
                    onChange={(e) =>
                      setHeaders((hs) => hs.map((h) => (h.key === row.key ? { ...h, name: e.target.value } : h)))
                    }
                  />
                </div>
                <label className="flex items-center gap-2 pb-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-accent"
                    checked={row.required}
                    onChange={(e) =>
                      setHeaders((hs) => hs.map((h) => (h.key === row.key ? { ...h, required: e.target.checked } : h)))
                    }
                  />
                  Required
                </label>
                <Button
                  variant="secondary"
                  className="mb-0.5"
                  onClick={() => setHeaders((hs) => hs.filter((h) => h.key !== row.key))}
                >
                  Remove<span className="sr-only"> header {i + 1}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          onClick={() => {
            setHeaders((hs) => [...hs, { key: nextKey, name: '', required: false }]);
            setNextKey((k) => k + 1);
          }}
        >
          Add a header
        </Button>
        <Button onClick={create} busy={put.isPending} disabled={put.isPending}>
          Create method response {statusCode}
        </Button>
      </div>
      {put.isError ? <ErrorState error={put.error} /> : null}
    </div>
  );
}
