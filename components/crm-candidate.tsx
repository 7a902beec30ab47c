import { useState } from 'react';
import { useTranslator } from '@/lib/ui/use-translator';

interface Props {
  candidate: string;
  /** The user's accounts: the client is watched in the one chosen. */
  accounts: readonly string[];
  onWatch: (account: string, candidate: string) => Promise<void>;
}

/** A CRM record of nobody known: says so, and offers to watch its domain or address. */
export function CrmCandidate({ candidate, accounts, onWatch }: Props) {
  const { t } = useTranslator();
  const [account, setAccount] = useState(accounts[0] ?? '');
  const [status, setStatus] = useState('');
  const watch = () => {
    setStatus(t('panel.saving'));
    onWatch(account, candidate).catch((error: unknown) => setStatus(t('panel.saveFailed', { error: String(error) })));
  };
  return (
    <section className="kw-card" data-testid="crm-candidate" data-candidate={candidate}>
      <p>{t('crmPanel.unknown', { candidate })}</p>
      {accounts.length === 0 ? (
        <p className="kw-muted">{t('crmPanel.noAccount')}</p>
      ) : (
        <>
          {accounts.length > 1 ? (
            <label>
              {t('crmPanel.watchIn')}{' '}
              <select value={account} onChange={(event) => setAccount(event.target.value)}>
                {accounts.map((address) => (
                  <option key={address} value={address}>
                    {address}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" data-testid="crm-watch" onClick={watch}>
            {t('crmPanel.watch', { candidate })}
          </button>
          <p className="kw-muted">{t('crmPanel.watchHint')}</p>
        </>
      )}
      <p role="status" className="kw-muted">
        {status}
      </p>
    </section>
  );
}
