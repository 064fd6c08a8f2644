import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'danger' | 'success';

const tones: Record<NoticeTone, string> = {
  info: 'border-accent bg-accent-soft',
  warning: 'border-warning bg-warning-soft',
  danger: 'border-danger bg-danger-soft',
  success: 'border-success bg-success-soft',
};

/** A boxed explanation. `role` is opt-in: only content that appears in response to an action should be announced. */
export function Notice({
  tone = 'info',
  title,
  children,
  role,
}: {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  role?: 'status' | 'alert';
}) {
  return (
    <div role={role} className={`rounded-md border-l-4 px-4 py-3 text-fg ${tones[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className="mt-1 space-y-2 text-sm">{children}</div> : null}
    </div>
  );
}
