import type { StoredClient } from '@/lib/data/stored-rows';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskPill } from './risk-pill';
import './client-row.css';

/** A client at risk as one row: name, level, and the strongest reason. */
export function RiskRow({
  client,
  onPick,
  label,
}: {
  client: StoredClient;
  onPick: (client: StoredClient) => void;
  label?: string;
}) {
  const tr = useTranslator();
  const reason = client.report.risk.reasons[0];
  return (
    <button type="button" className="kw-row" data-client={client.key} onClick={() => onPick(client)} aria-label={label}>
      <span className="kw-row__top">
        <bdi className="kw-row__name">{client.report.displayName}</bdi>
        <RiskPill level={client.report.risk.level} score={client.riskScore} />
      </span>
      {reason ? <span className="kw-row__reason">{reasonText(tr, reason, client.report)}</span> : null}
    </button>
  );
}
