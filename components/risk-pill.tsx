import type { RiskLevel } from '@/lib/engine/risk-types';
import { RISK_SYMBOL } from '@/lib/i18n/risk-symbols';
import { useTranslator } from '@/lib/ui/use-translator';
import './risk-pill.css';

/** The level as colour, symbol and word together: never colour alone. */
export function RiskPill({ level, score }: { level: RiskLevel; score: number }) {
  const { t } = useTranslator();
  return (
    <span className={`kw-pill kw-pill--${level}`} title={t('overview.score', { score })}>
      <span aria-hidden="true">{RISK_SYMBOL[level]}</span> {t(`risk.${level}`)}
    </span>
  );
}
