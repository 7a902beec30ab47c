import type { RiskLevel } from '@/lib/engine/risk-types';

/** The symbol beside each risk level's word and colour: never colour alone. */
export const RISK_SYMBOL: Record<RiskLevel, string> = { low: '●', watch: '▲', high: '▲', critical: '◆' };
