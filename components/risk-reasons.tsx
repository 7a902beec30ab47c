import type { ClientReport } from '@/lib/engine/report-types';
import { reasonText } from '@/lib/i18n/risk-reason-text';
import { useTranslator } from '@/lib/ui/use-translator';
import { RiskPill } from './risk-pill';

/** The score, and every reason behind it with its numbers and the points it gives. */
export function RiskReasons({ report }: { report: Pick<ClientReport, 'risk' | 'metrics'> }) {
  const tr = useTranslator();
  const { t } = tr;
  const { risk } = report;
  return (
    <section aria-labelledby="kw-risk-title" className="kw-card">
      <h2 id="kw-risk-title">
        {t('panel.risk')} <RiskPill level={risk.level} score={risk.score} />{' '}
        <span className="kw-score">{t('panel.scoreOf', { score: risk.score })}</span>
      </h2>
      {risk.reasons.length === 0 ? (
        <p className="kw-muted">{t('panel.noReasons')}</p>
      ) : (
        <ul className="kw-reasons" data-testid="reasons">
          {risk.reasons.map((reason) => (
            <li key={`${reason.kind}|${reason.threadId ?? ''}`} data-kind={reason.kind}>
              <span className="kw-reason__text">
                {reasonText(tr, reason, report)}
                {reason.onboarding ? (
                  <span className="kw-muted kw-reason__note">{t('riskReason.onboarding')}</span>
                ) : null}
              </span>
              <span className="kw-reason__points" title={t('panel.pointsHint')}>
                {t('panel.points', { points: Math.round(reason.weight) })}
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
