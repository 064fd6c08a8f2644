import { useId, type ReactNode } from 'react';
import { inputClassName } from './field';

/**
 * A labelled search box that filters a list as you type. Controlled, with no form around it: filtering is not a
 * submission, so there is nothing to validate or send.
 */
export function FilterInput({
  label,
  hint,
  value,
  onChange,
  id: givenId,
  className = 'flex flex-col gap-1',
  inputMode,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  id?: string;
  className?: string;
  inputMode?: 'numeric' | 'text';
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium text-fg">
        {label}
      </label>
      <input
        id={id}
        type="search"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={inputClassName}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
