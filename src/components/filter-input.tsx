import type { ReactNode } from 'react';
import { Field, inputClassName } from './field';

/**
 * A labelled search box that filters a list as you type. Controlled, with no form around it: filtering is not a
 * submission, so there is nothing to validate or send.
 */
export function FilterInput({
  label,
  hint,
  value,
  onChange,
  id,
  className,
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
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      {(p) => (
        <input
          {...p}
          type="search"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          className={inputClassName}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
