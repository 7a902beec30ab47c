import type { StoredClient } from '@/lib/store/db';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskRow } from './risk-row';
import './client-row.css';

interface Props {
  riskiest: readonly StoredClient[];
  /** Clients the user chose to watch from a CRM record, however low their risk. */
  watched: readonly StoredClient[];
  clientCount: number;
  onPick: (client: StoredClient) => void;
}

/** Away from a client's conversation: the clients most at risk, each one click from its view. */
export function PanelOverview({ riskiest, watched, clientCount, onPick }: Props) {
  const { t } = useTranslator();
  if (clientCount === 0) return <p data-testid="no-clients">{t('overview.noClients')}</p>;
  return (
    <section aria-labelledby="kw-riskiest">
      <h2 id="kw-riskiest">{t('overview.riskiest')}</h2>
      <p className="kw-muted">{t('panel.overviewHint')}</p>
      {riskiest.length === 0 ? (
        <p>{t('overview.noRisk')}</p>
      ) : (
        <ul className="kw-riskiest" data-testid="risk-list">
          {riskiest.map((client) => (
            <li key={`${client.account}|${client.key}`}>
              <RiskRow client={client} onPick={onPick} />
            </li>
          ))}
        </ul>
      )}
      {watched.length > 0 ? (
        <>
          <h2 id="kw-watched">{t('crmPanel.watchedList')}</h2>
          <ul className="kw-riskiest" data-testid="watched-list" aria-labelledby="kw-watched">
            {watched.map((client) => (
              <li key={`${client.account}|${client.key}`}>
                <RiskRow client={client} onPick={onPick} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
