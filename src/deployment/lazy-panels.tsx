// The stage panels as the wizard and the overview show them: each in a chunk of its own, fetched when the page first
// renders it (or when the user opens Deploy / Test invoke), so the pages' own code stays as small as it was.
import { lazy, Suspense, useId, useState, type ComponentProps } from 'react';
import type { MethodRef, RestApiRef } from '@/api/refs';
import { Button } from '@/components/button';

const StageCompareLazy = lazy(() => import('./stage-compare').then((m) => ({ default: m.StageCompare })));
const UndeployedMarkLazy = lazy(() => import('./stage-compare').then((m) => ({ default: m.UndeployedMark })));
const UndeployedMethodMarkLazy = lazy(() =>
  import('./stage-compare').then((m) => ({ default: m.UndeployedMethodMark })),
);
const DeployPanelLazy = lazy(() => import('./live-panels').then((m) => ({ default: m.DeployPanel })));
const TestInvokePanelLazy = lazy(() => import('./live-panels').then((m) => ({ default: m.TestInvokePanel })));

export type { StageReport } from './stage-compare';

export function StageComparePanel(props: ComponentProps<typeof StageCompareLazy>) {
  return (
    <Suspense fallback={null}>
      <StageCompareLazy {...props} />
    </Suspense>
  );
}

export function UndeployedMarkPanel(props: ComponentProps<typeof UndeployedMarkLazy>) {
  return (
    <Suspense fallback={null}>
      <UndeployedMarkLazy {...props} />
    </Suspense>
  );
}

export function UndeployedMethodMarkPanel(props: ComponentProps<typeof UndeployedMethodMarkLazy>) {
  return (
    <Suspense fallback={null}>
      <UndeployedMethodMarkLazy {...props} />
    </Suspense>
  );
}

/** Deploy (the whole API) and, given a method, Test invoke: each opened on demand, like the console's buttons. */
export function LiveActions({
  target,
  method,
  resourcePath,
}: {
  target: RestApiRef;
  method?: MethodRef;
  resourcePath?: string;
}) {
  const [open, setOpen] = useState<'deploy' | 'test' | null>(null);
  const panelId = useId();
  const toggle = (which: 'deploy' | 'test') => setOpen((o) => (o === which ? null : which));
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          aria-expanded={open === 'deploy'}
          aria-controls={panelId}
          onClick={() => toggle('deploy')}
        >
          Deploy the API…
        </Button>
        {method ? (
          <Button
            variant="secondary"
            aria-expanded={open === 'test'}
            aria-controls={panelId}
            onClick={() => toggle('test')}
          >
            Test invoke {method.httpMethod}…
          </Button>
        ) : null}
      </div>
      <div id={panelId}>
        <Suspense fallback={<p className="text-sm text-fg-muted">Loading…</p>}>
          {open === 'deploy' ? <DeployPanelLazy target={target} /> : null}
          {open === 'test' && method ? <TestInvokePanelLazy target={method} resourcePath={resourcePath} /> : null}
        </Suspense>
      </div>
    </div>
  );
}
