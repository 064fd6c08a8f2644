// Inline messages under a field: AWS errors (would be rejected) and warnings (accepted, but surprising at run time).
// Warnings never block Continue; errors block only on Continue (live display is informational).

export function fieldMessageIds(baseId: string, errors: string[], warnings: string[]): string | undefined {
  const ids = [errors.length > 0 ? `${baseId}-errors` : null, warnings.length > 0 ? `${baseId}-warnings` : null].filter(
    (id): id is string => id !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({
  baseId,
  errors,
  warnings = [],
}: {
  baseId: string;
  errors: string[];
  warnings?: string[];
}) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <>
      {errors.length > 0 ? (
        <ul id={`${baseId}-errors`} className="flex flex-col gap-1">
          {errors.map((message) => (
            <li key={message} className="text-sm font-medium break-words text-danger">
              <span className="sr-only">Error: </span>
              {message}
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <ul id={`${baseId}-warnings`} className="flex flex-col gap-1">
          {warnings.map((message) => (
            <li
              key={message}
              className="rounded border-l-4 border-warning bg-warning-soft px-2 py-1 text-sm break-words text-fg"
            >
              <span className="font-semibold">Warning: </span>
              {message}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The DOM id of a form field path, so the error summary can link to it. */
export function fieldDomId(field: string): string {
  return `ir-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
