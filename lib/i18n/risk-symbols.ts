import type { RiskLevel } from '@/lib/engine/risk-types';

/**
 * The symbol beside each risk level's word and colour, the same on every badge
 * (Gmail's, the CRM's, the popup's and the side panel's): never colour alone,
 * and a different shape for each level.
 */
export const RISK_SYMBOL: Record<RiskLevel, string> = { low: '✓', watch: '•', high: '▲', critical: '◆' };
