import { useEffect, useRef } from 'react';
import { useTranslator } from '@/lib/ui/use-translator';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
}

/**
 * A modal question before a step that cannot be undone. The browser's own
 * dialog keeps the focus inside it, closes on Escape and gives the focus back
 * to the button that opened it; Cancel has the focus first, so Enter is safe.
 */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | undefined; onClose(): void }) {
  const { t } = useTranslator();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);
  return (
    <dialog
      ref={dialog}
      className="kw-dialog"
      aria-labelledby="kw-confirm-title"
      aria-describedby="kw-confirm-body"
      onClose={onClose}
    >
      <h3 id="kw-confirm-title">{request?.title}</h3>
      <p id="kw-confirm-body">{request?.body}</p>
      <div className="kw-actions">
        {/* biome-ignore lint/a11y/noAutofocus: a dialog puts the focus on its safe choice */}
        <button type="button" className="kw-button" autoFocus onClick={onClose}>
          {t('options.cancel')}
        </button>
        <button
          type="button"
          className="kw-button kw-button--danger"
          onClick={() => {
            request?.onConfirm();
            onClose();
          }}
        >
          {request?.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
