import type { StoredClient } from '@/lib/data/stored-rows';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskRow } from './risk-row';

interface Props {
  riskiest: readonly StoredClient[];
  onOpen: (client: StoredClient) => void;
}

/** Below the waiting lists: the few clients most at risk, for mail that waits on nobody (an old import, a quiet week). */
export function PopupRisks({ riskiest, onOpen }: Props) {
  const { t } = useTranslator();
  if (riskiest.length === 0) return null;
  return (
    <section aria-labelledby="kw-popup-risks">
      <h2 id="kw-popup-risks" className="kw-popup-risks__title">
        {t('overview.riskiest')}
      </h2>
      <ul className="kw-popup-risks" data-testid="risk-list">
        {riskiest.map((client) => (
          <li key={`${client.account}|${client.key}`}>
            <RiskRow
              client={client}
              onPick={onOpen}
              label={t('popup.openClient', { name: client.report.displayName })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
