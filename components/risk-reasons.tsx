import type { ClientReport } from '@/lib/engine/report-types';
import { chanceText, reasonShareText, reasonText, riskEndingsText } from '@/lib/i18n/risk-reason-text';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskPill } from './risk-pill';

/** The chance of going quiet, and every reason behind it with its share and what ends it. */
export function RiskReasons({ report }: { report: Pick<ClientReport, 'risk' | 'metrics'> }) {
  const tr = useTranslator();
  const { t } = tr;
  const { risk } = report;
  const endings = riskEndingsText(tr, risk);
  return (
    <section aria-labelledby="kw-risk-title" className="kw-card">
      <h2 id="kw-risk-title">
        {t('panel.risk')} <RiskPill level={risk.level} score={risk.score} />{' '}
        <span className="kw-score">{chanceText(tr, risk)}</span>
      </h2>
      {endings.shared.map((line) => (
        <p key={line} className="kw-muted kw-risk-ending" data-testid="risk-ending">
          {line}
        </p>
      ))}
      {risk.reasons.length === 0 ? (
        <p className="kw-muted">{t('panel.noReasons')}</p>
      ) : (
        <ul className="kw-reasons" data-testid="reasons">
          {risk.reasons.map((reason, index) => (
            <li key={`${reason.kind}|${reason.threadId ?? ''}`} data-kind={reason.kind}>
              <span className="kw-reason__text">
                {reasonText(tr, reason, report)}
                {endings.perReason[index] ? (
                  <span className="kw-muted kw-reason__note" data-testid="reason-ends">
                    {endings.perReason[index]}
                  </span>
                ) : null}
              </span>
              <span className="kw-reason__points" title={t('panel.pointsHint')}>
                {reasonShareText(tr, reason)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {risk.valueFactor !== 1 ? (
        <p className="kw-muted">{t('panel.valueFactor', { factor: risk.valueFactor.toFixed(2) })}</p>
      ) : null}
    </section>
  );
}
