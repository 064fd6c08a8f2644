// Inline messages under a field: AWS errors (would be rejected) and warnings (accepted, but surprising at run time).
// Warnings never block Continue; errors block only on Continue (live display is informational). A warning may carry
// a one-click correction.
import { Button } from '@/components/button';

export interface WarningItem {
  message: string;
  fix?: { label: string; value: string };
}

function warningText(w: string | WarningItem): string {
  return typeof w === 'string' ? w : w.message;
}

export function fieldMessageIds(
  baseId: string,
  errors: string[],
  warnings: readonly (string | WarningItem)[],
): string | undefined {
  const ids = [errors.length > 0 ? `${baseId}-errors` : null, warnings.length > 0 ? `${baseId}-warnings` : null].filter(
    (id): id is string => id !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({
  baseId,
  errors,
  warnings = [],
  onFix,
}: {
  baseId: string;
  errors: string[];
  warnings?: readonly (string | WarningItem)[];
  /** Applies a warning's correction to the field. */
  onFix?: (value: string) => void;
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
          {warnings.map((w) => {
            const fix = typeof w === 'string' ? undefined : w.fix;
            return (
              <li
                key={warningText(w)}
                className="rounded border-l-4 border-warning bg-warning-soft px-2 py-1 text-sm break-words text-fg"
              >
                <span className="font-semibold">Warning: </span>
                {warningText(w)}
                {fix && onFix ? (
                  <Button variant="link" className="ml-2" onClick={() => onFix(fix.value)}>
                    {fix.label}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}

/** The DOM id of a form field path, so the error summary can link to it. */
export function fieldDomId(field: string): string {
  return `ir-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
