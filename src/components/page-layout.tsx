import type { ReactNode } from 'react';
import { usePageTitle } from './page-title';
import { StepIndicator, WIZARD_STEP_COUNT } from './step-indicator';

/**
 * One page of the app. With `step`, it is a wizard step: `<title>` and the progress indicator both start with
 * "Step N of 6" (WAI multi-page forms), and the summary of earlier choices (with Change links) is shown.
 * `title` is the h1 (what to choose); `back` is a `<BackLink>`; `summary` is the `<ChoicesSummary>` (passed in rather than built here, so that
 * the first page, which has none, does not load the router that its Change links need); `error` prefixes the title with "Error: ".
 */
export function PageLayout({
  step,
  title,
  back,
  summary,
  hasError = false,
  intro,
  children,
}: {
  step?: number;
  title: string;
  back?: ReactNode;
  summary?: ReactNode;
  hasError?: boolean;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const progress = step !== undefined ? `Step ${step} of ${WIZARD_STEP_COUNT}: ` : '';
  usePageTitle(`${hasError ? 'Error: ' : ''}${progress}${title}`);
  return (
    <div className="flex flex-col gap-6">
      {step !== undefined ? <StepIndicator current={step} /> : null}
      {back ? <div>{back}</div> : null}
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold text-fg">
          {step !== undefined ? (
            <span className="mb-1 block text-sm font-medium text-fg-muted">
              Step {step} of {WIZARD_STEP_COUNT}
              <span className="sr-only">: </span>
            </span>
          ) : null}
          {title}
        </h1>
        {intro ? <div className="max-w-prose text-base text-fg-muted">{intro}</div> : null}
      </div>
      {summary ?? null}
      {children}
    </div>
  );
}
