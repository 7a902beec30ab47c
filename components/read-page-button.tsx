import { useTranslator } from '@/lib/ui/use-translator';

export interface ReadPageButtonProps {
  /** False where there is no web page to read (Gmail itself, browser pages). */
  available: boolean;
  state: 'idle' | 'reading' | 'nothing' | 'failed';
  error?: string;
  onRead(): void;
}

/** The toolbar popup's way to read the page the user is on for a client's addresses. */
export function ReadPageButton({ available, state, error, onRead }: ReadPageButtonProps) {
  const { t } = useTranslator();
  if (!available) return null;
  return (
    <p>
      <button type="button" data-testid="read-page" disabled={state === 'reading'} onClick={onRead}>
        {t('crm.readPage')}
      </button>
      {state === 'nothing' && <span role="status"> {t('crm.readPageNothing')}</span>}
      {state === 'failed' && <span role="alert"> {error}</span>}
    </p>
  );
}
