import type { StatusState } from '@/lib/ui/use-status';
import { useTranslator } from '@/lib/ui/use-translator';

export function AccountStatus({ state }: { state: StatusState }) {
  const { t } = useTranslator();
  if (state.kind === 'loading') return <p aria-busy="true">{t('status.loading')}</p>;
  if (state.kind === 'failed') return <p role="alert">{t('status.unreachable', { error: state.error })}</p>;
  const { accounts } = state.status;
  if (accounts.length === 0) {
    return (
      <p data-testid="first-run">
        {t('status.firstRun')}{' '}
        <a href="https://mail.google.com/mail/u/0/#inbox" target="_blank" rel="noreferrer">
          {t('status.openGmail')}
        </a>{' '}
        <a href="/options.html#import" target="_blank" rel="noreferrer" data-testid="import-link">
          {t('import.firstRunLink')}
        </a>
      </p>
    );
  }
  return (
    <section aria-label={t('status.watchedAccounts')}>
      <h2>{t('status.watching')}</h2>
      <ul data-testid="accounts">
        {accounts.map((account) => (
          <li key={account.accountPath}>
            {account.address ?? t('status.accountWithoutAddress')} <small>({account.accountPath})</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
