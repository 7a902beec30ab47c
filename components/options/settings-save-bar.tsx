import { useTranslator } from '@/lib/ui/use-translator';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'invalid' | { failed: string };

/** The save button and what the last save did: refused, failed, or saved. */
export function SettingsSaveBar({ status }: { status: SaveStatus }) {
  const { t } = useTranslator();
  return (
    <div className="kw-actions">
      <button type="submit" className="kw-button kw-button--primary" disabled={status === 'saving'}>
        {status === 'saving' ? t('options.saving') : t('options.save')}
      </button>
      {status === 'invalid' ? (
        <p role="alert" className="kw-error" data-testid="settings-status">
          {t('options.invalid')}
        </p>
      ) : null}
      {typeof status === 'object' ? (
        <p role="alert" className="kw-error" data-testid="settings-status">
          {t('options.saveFailed', { error: status.failed })}
        </p>
      ) : null}
      <p role="status" data-testid="settings-saved">
        {status === 'saved' ? t('options.saved') : ''}
      </p>
    </div>
  );
}
