// The export panel as the overview shows it: in a chunk of its own, fetched when the page first renders it, so the
// overview draws its own content first. (The import panel is part of the list of APIs' first paint: its text is the
// largest thing on that page, and drawn a chunk later it made the page's largest paint wait for a second round
// of requests; see docs/performance.md.)
import { lazy, Suspense, type ComponentProps } from 'react';

const ExportPanelLazy = lazy(() => import('./export-panel').then((m) => ({ default: m.ExportPanel })));

export function ExportApiPanel(props: ComponentProps<typeof ExportPanelLazy>) {
  return (
    <Suspense fallback={null}>
      <ExportPanelLazy {...props} />
    </Suspense>
  );
}
