import { readStoredRiskModel } from '@/lib/engine/risk-model/account-model';
import type { MessageKey } from '@/lib/i18n/catalogs';
import type { Params } from '@/lib/i18n/translate';

export interface NoteLine {
  key: MessageKey;
  params?: Params;
}

const KEPT = {
  'few-samples': 'riskModel.fewSamples',
  'one-outcome': 'riskModel.oneOutcome',
  'not-better': 'riskModel.notBetter',
} as const satisfies Record<string, MessageKey>;

/**
 * What to say of the model an account's chance comes from, read through the
 * same validation as the background's scoring: a record it would not use
 * reads as the shipped model, as it scores.
 */
export function riskModelNote(stored: unknown): NoteLine[] {
  const record = readStoredRiskModel(stored);
  const lines: NoteLine[] = [];
  const choice = record?.choice;
  if (choice?.source === 'account')
    lines.push({ key: 'riskModel.account', params: { samples: choice.evidence.checkSamples } });
  else lines.push({ key: choice?.reason ? KEPT[choice.reason] : 'riskModel.shipped' });
  if (record?.lastFailure)
    lines.push({ key: record.lastFailure.kind === 'timed-out' ? 'riskModel.timedOut' : 'riskModel.failed' });
  return lines;
}
