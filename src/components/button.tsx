import { forwardRef, type ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

const base =
  'inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';
const variants: Record<ButtonVariant, string> = {
  primary: 'bg-accent px-4 py-2 text-accent-fg hover:bg-accent-hover',
  secondary: 'border border-border-strong bg-surface-raised px-4 py-2 text-fg hover:bg-surface-sunken',
  danger: 'border border-danger bg-surface-raised px-4 py-2 text-danger hover:bg-danger-soft',
  link: 'px-0 py-0 text-accent underline underline-offset-2 hover:text-accent-hover',
};

export function buttonClassName(variant: ButtonVariant = 'primary', extra = ''): string {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; busy?: boolean };

/** A native button. `busy` keeps it focusable and announced (aria-busy) instead of removing it from the tab order. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'primary', busy = false, className = '', type = 'button', children, disabled, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClassName(variant, className)}
      aria-busy={busy || undefined}
      disabled={disabled}
      {...rest}
    >
      {busy ? (
        <span
          aria-hidden="true"
          className="inline-block size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        />
      ) : null}
      {children}
    </button>
  );
});
