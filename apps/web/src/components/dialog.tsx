import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * The native modal dialog: focus trap, Escape to close and the backdrop come from the browser. It opens on its first
 * field, if it has one, and gives focus back to what opened it when it closes.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal focuses the close button, and a field's autoFocus ran while the dialog was still closed.
      dialog.querySelector<HTMLElement>('.dialog__body :is(input, textarea, select)')?.focus();
    }
    if (!open) {
      if (dialog.open) dialog.close();
      opener.current?.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby={titleId}>
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog__close" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <div className="dialog__body">{open ? children : null}</div>
    </dialog>
  );
}
