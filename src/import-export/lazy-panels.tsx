// The import and export panels as pages show them: each in a chunk of its own, fetched when the page first renders
// it, so the list of APIs and the overview draw their own content first.
import { lazy, Suspense, type ComponentProps } from 'react';

const ImportPanelLazy = lazy(() => import('./import-panel').then((m) => ({ default: m.ImportPanel })));
const ExportPanelLazy = lazy(() => import('./export-panel').then((m) => ({ default: m.ExportPanel })));

export function ImportApiPanel() {
  return (
    <Suspense fallback={null}>
      <ImportPanelLazy />
    </Suspense>
  );
}

export function ExportApiPanel(props: ComponentProps<typeof ExportPanelLazy>) {
  return (
    <Suspense fallback={null}>
      <ExportPanelLazy {...props} />
    </Suspense>
  );
}
