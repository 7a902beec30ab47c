import { accountLabel } from '@/lib/ui/account-label';
import type { StatusState } from '@/lib/ui/status-state';
import { useTranslator } from '@/lib/ui/use-translator';

/** `importLink`: the first-run state also offers the options page's mailbox import (the popup and side panel). */
export function AccountStatus({ state, importLink = false }: { state: StatusState; importLink?: boolean }) {
  const translator = useTranslator();
  const { t } = translator;
  if (state.kind === 'loading') return <p aria-busy="true">{t('status.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{t('status.unreachable', { error: state.error })}</p>;
  const { accounts } = state.status;
  if (accounts.length === 0) {
    return (
      <p data-testid="first-run">
        {t('status.firstRun')}{' '}
        <a href="https://mail.google.com/mail/u/0/#inbox" target="_blank" rel="noreferrer">
          {t('status.openGmail')}
        </a>
        {importLink ? (
          <>
            {' '}
            <a href="/options.html#import" target="_blank" rel="noreferrer" data-testid="import-link">
              {t('import.firstRunLink')}
            </a>
          </>
        ) : null}
      </p>
    );
  }
  return (
    <section aria-label={t('status.watchedAccounts')}>
      <h2>{t('status.watching')}</h2>
      <ul data-testid="accounts">
        {accounts.map((account) => (
          <li key={account.accountPath ?? account.address}>{accountLabel(account, translator)}</li>
        ))}
      </ul>
    </section>
  );
}
