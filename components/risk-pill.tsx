import type { RiskLevel } from '@/lib/engine/risk-types';
import { useTranslator } from '@/lib/ui/use-translator';
import './risk-pill.css';

const ICON: Record<RiskLevel, string> = { low: '●', watch: '▲', high: '▲', critical: '◆' };

/** The level as colour, symbol and word together: never colour alone. */
export function RiskPill({ level, score }: { level: RiskLevel; score: number }) {
  const { t } = useTranslator();
  return (
    <span className={`kw-pill kw-pill--${level}`} title={t('overview.score', { score })}>
      <span aria-hidden="true">{ICON[level]}</span> {t(`risk.${level}`)}
    </span>
  );
}
