import * as Dialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { Button } from './button';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  tone?: 'danger' | 'primary';
}

/**
 * A modal confirmation (Radix: focus trap, Escape closes, focus returns to the trigger). Pages use ConfirmDialog
 * (confirm-dialog.tsx), which loads this module when a dialog first opens. A destructive one opens with the focus on
 * Cancel, so that Enter pressed out of habit does not delete (WAI-ARIA APG, modal dialog: initial focus on the
 * least destructive action).
 */
export function ConfirmDialogModal({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  busy = false,
  tone = 'danger',
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Dialog.Content
          onOpenAutoFocus={(e) => {
            if (tone !== 'danger') return;
            e.preventDefault();
            cancelRef.current?.focus();
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-border bg-surface-raised p-6 text-fg shadow-xl"
        >
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-fg-muted">{children}</div>
          </Dialog.Description>
          <div className="mt-6 flex flex-wrap gap-3">
            <Button variant={tone} onClick={onConfirm} busy={busy} disabled={busy}>
              {confirmLabel}
            </Button>
            <Dialog.Close asChild>
              <Button ref={cancelRef} variant="secondary">
                Cancel
              </Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
