import { useTranslator } from '@/lib/ui/use-translator';

export interface GmailAccessNoticeProps {
  /** Keepwarm may not read Gmail: the browser's permission for it is off. */
  missing: boolean;
  onGrant(): void;
}

/** Says that Keepwarm cannot read Gmail and offers the one button that asks the browser for it again. */
export function GmailAccessNotice({ missing, onGrant }: GmailAccessNoticeProps) {
  const { t } = useTranslator();
  if (!missing) return null;
  return (
    <div role="alert" className="kw-warning" data-testid="gmail-access">
      <p>{t('access.gmailMissing')}</p>
      <p>
        <button type="button" data-testid="grant-gmail" onClick={onGrant}>
          {t('access.grantGmail')}
        </button>
      </p>
    </div>
  );
}
