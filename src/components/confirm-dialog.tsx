import { lazy, Suspense, useEffect, useState } from 'react';
import type { ConfirmDialogProps } from './confirm-dialog-modal';

// The dialog's code (Radix Dialog, its focus trap and scroll lock: about 16 kB gzip) is not needed to show a page,
// only once a dialog opens: it loads when the browser is idle after the page is shown, or at once when a dialog
// opens before that.
const loadModal = () => import('./confirm-dialog-modal');
const ConfirmDialogModal = lazy(() => loadModal().then((m) => ({ default: m.ConfirmDialogModal })));

function whenIdle(fn: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(fn, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 500);
  return () => clearTimeout(id);
}

/** A modal confirmation; nothing is rendered until it first opens. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [opened, setOpened] = useState(props.open);
  // Adjusting state while rendering (React's documented pattern): mounted once, the modal stays mounted so that its
  // closing returns the focus to the trigger.
  if (props.open && !opened) setOpened(true);
  useEffect(() => whenIdle(() => void loadModal().catch(() => undefined)), []);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialogModal {...props} />
    </Suspense>
  );
}
