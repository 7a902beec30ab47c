import type { StoredClient, StoredSetAside } from '@/lib/data/stored-rows';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskRow } from './risk-row';
import { SetAsideList } from './set-aside-list';
import './client-row.css';

interface Props {
  riskiest: readonly StoredClient[];
  /** Clients the user chose to watch from a CRM record, however low their risk. */
  watched: readonly StoredClient[];
  clientCount: number;
  /** The most recent clients set aside as automated, and how many there are. */
  setAside: { entries: readonly StoredSetAside[]; total: number };
  onPick: (client: StoredClient) => void;
  onInclude: (entry: StoredSetAside) => void;
}

/**
 * Away from a client's conversation: the clients most at risk, each one click
 * from its view, then the senders set aside as automated, each one click from being a client.
 */
export function PanelOverview({ riskiest, watched, clientCount, setAside, onPick, onInclude }: Props) {
  const { t } = useTranslator();
  const accounts = new Set(setAside.entries.map((entry) => entry.account));
  const setAsideList = (
    <SetAsideList
      entries={setAside.entries}
      total={setAside.total}
      showAccount={accounts.size > 1}
      onInclude={onInclude}
    />
  );
  if (clientCount === 0)
    return (
      <>
        <p data-testid="no-clients">{t('overview.noClients')}</p>
        {setAside.total > 0 ? setAsideList : null}
      </>
    );
  return (
    <>
      <RiskiestClients riskiest={riskiest} watched={watched} onPick={onPick} />
      {setAsideList}
    </>
  );
}

function RiskiestClients({ riskiest, watched, onPick }: Pick<Props, 'riskiest' | 'watched' | 'onPick'>) {
  const { t } = useTranslator();
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
