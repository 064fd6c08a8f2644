export const WIZARD_STEPS = ['API', 'Resource', 'Method', 'Status code', 'Integration response', 'Review'] as const;
export const WIZARD_STEP_COUNT = WIZARD_STEPS.length;

/** Progress only: steps are not links (GOV.UK advises against clickable step lists; the summary has Change links). */
export function StepIndicator({ current }: { current: number }) {
  return (
    <nav aria-label="Progress">
      <ol className="flex flex-wrap gap-x-1 gap-y-2 text-xs">
        {WIZARD_STEPS.map((label, i) => {
          const n = i + 1;
          const state = n < current ? 'done' : n === current ? 'current' : 'todo';
          return (
            <li
              key={label}
              aria-current={state === 'current' ? 'step' : undefined}
              className={`flex items-center gap-1.5 rounded-full border px-2.5 py-1 ${
                state === 'current'
                  ? 'border-accent bg-accent-soft font-semibold text-fg'
                  : state === 'done'
                    ? 'border-border bg-surface-raised text-fg'
                    : 'border-border bg-surface text-fg-muted'
              }`}
            >
              <span aria-hidden="true" className="font-mono">
                {state === 'done' ? '✓' : n}
              </span>
              <span>
                {label}
                {state === 'done' ? <span className="sr-only"> (completed)</span> : null}
                {state === 'todo' ? <span className="sr-only"> (not started)</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
