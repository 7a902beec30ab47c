// The one reason to act now that a client's badge marks beside its level: the
// level is the chance of going quiet alone, so a client asking about
// cancelling can read "Low"; the mark says why to act anyway. An unanswered
// cue first (cancelling, a complaint, other providers, price), then a wait on
// our reply. A cue answered since no longer marks the badge.
import type { RiskReason } from './risk-types';

const ORDER = ['cancellation', 'complaint', 'competitor', 'price', 'waiting_on_us'] as const;
export type UrgencyMarkKind = (typeof ORDER)[number];

export function urgencyMark(reasons: readonly RiskReason[]): (RiskReason & { kind: UrgencyMarkKind }) | undefined {
  for (const kind of ORDER) {
    const found = reasons.find((r) => r.kind === kind && r.urgent && !('answered' in r.numbers && r.numbers.answered));
    if (found) return found as RiskReason & { kind: UrgencyMarkKind };
  }
  return undefined;
}
