import type { StoredClient } from '@/lib/store/db';
import type { ClientOverview as Overview } from '@/lib/ui/client-queries';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskPill } from './risk-pill';

function WaitingRow({ client, now }: { client: StoredClient; now: number }) {
  const { t, duration } = useTranslator();
  const usual = client.report.metrics.latency.ours.medianMs;
  return (
    <li>
      <strong>{client.report.displayName}</strong>{' '}
      <RiskPill level={client.report.risk.level} score={client.riskScore} />
      <div className="kw-muted">
        {t('overview.waitingFor', { duration: duration(now - (client.waitingOnUsSince ?? now)) })}
        {usual !== undefined ? ` · ${t('overview.usualReply', { duration: duration(usual) })}` : ''}
      </div>
    </li>
  );
}

function RiskRow({ client }: { client: StoredClient }) {
  const reason = client.report.risk.reasons[0];
  return (
    <li>
      <strong>{client.report.displayName}</strong>{' '}
      <RiskPill level={client.report.risk.level} score={client.riskScore} />
      {reason ? <div className="kw-muted">{reason.text}</div> : null}
    </li>
  );
}

export function ClientOverview({ overview, now }: { overview: Overview; now: number }) {
  const { t } = useTranslator();
  if (overview.total === 0) return <p>{t('overview.noClients')}</p>;
  return (
    <>
      <section aria-labelledby="kw-waiting">
        <h2 id="kw-waiting">{t('overview.waitingOnYou')}</h2>
        {overview.waitingOnUs.length === 0 ? (
          <p>{t('overview.nobodyWaiting')}</p>
        ) : (
          <ul className="kw-list" data-testid="waiting-list">
            {overview.waitingOnUs.map((client) => (
              <WaitingRow key={`${client.account}|${client.key}`} client={client} now={now} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="kw-risk">
        <h2 id="kw-risk">{t('overview.riskiest')}</h2>
        {overview.riskiest.length === 0 ? (
          <p>{t('overview.noRisk')}</p>
        ) : (
          <ul className="kw-list" data-testid="risk-list">
            {overview.riskiest.map((client) => (
              <RiskRow key={`${client.account}|${client.key}`} client={client} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
