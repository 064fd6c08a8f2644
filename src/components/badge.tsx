import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

const tones: Record<BadgeTone, string> = {
  neutral: 'border-border bg-surface-sunken text-fg',
  accent: 'border-accent bg-accent-soft text-fg',
  success: 'border-success bg-success-soft text-fg',
  warning: 'border-warning bg-warning-soft text-fg',
  danger: 'border-danger bg-danger-soft text-fg',
};

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded border px-1.5 py-0.5 font-mono text-xs font-medium ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
