// Suggested next actions for a client, and how they meet the user's stored
// decisions (snoozed, done, dismissed).
//
// A follow-up's key is stable for "the same thing to do" (the same thread to
// answer, the same client to check in with), so the store keeps one state per
// key. `anchorAt` is the time of the latest activity that made it relevant: a
// closed or snoozed follow-up reopens when its anchor moves past the moment the
// user decided — new activity makes it relevant again, under the same key.
import { DAY, HOUR } from './business-hours';
import { formatDays, formatDuration } from './format';
import type { ClientMetrics } from './report-types';
import type { RiskReason } from './risk-types';
import type { ThreadState } from './waiting';

export type FollowUpKind = 'reply' | 'nudge' | 'check_in' | 'acknowledge' | 'onboarding';

export interface SuggestedFollowUp {
  key: string;
  clientKey: string;
  kind: FollowUpKind;
  /** Why, in plain English. */
  reason: string;
  dueAt: number;
  anchorAt: number;
  threadId?: string;
  /** Day of the relationship for onboarding check-ins (7, 30, 60 or 90). */
  milestoneDay?: number;
}

export type FollowUpStatus = 'open' | 'snoozed' | 'done' | 'dismissed';

export interface FollowUpState {
  key: string;
  status: Exclude<FollowUpStatus, 'open'>;
  /** When the user decided. */
  updatedAt: number;
  snoozedUntil?: number;
}

export interface FollowUp extends SuggestedFollowUp {
  status: FollowUpStatus;
  snoozedUntil?: number;
}

export const ONBOARDING_MILESTONES = [7, 30, 60, 90] as const;
const REPLY_HORIZON = 30 * DAY;
const NUDGE_HORIZON = 60 * DAY;
/** States of follow-ups no longer suggested are kept this long, so a done item does not come back unchanged. */
const STATE_RETENTION = 180 * DAY;

export interface FollowUpInput {
  clientKey: string;
  metrics: ClientMetrics;
  reasons: readonly RiskReason[];
  threads: readonly ThreadState[];
  now: number;
}

/**
 * The fading reasons that ask for a check-in: silence only once longer than
 * expected, little mail only when it fell to under half their usual rate from
 * at least six messages (a client who rarely writes is not fading), and a low P(alive).
 */
export function asksForCheckIn(r: RiskReason): boolean {
  if (r.kind === 'silence') return r.numbers.silenceDays >= r.numbers.expectedGapDays;
  if (r.kind === 'declining') return (r.numbers.previous90 ?? 0) >= 6 && (r.numbers.ratio ?? 1) < 0.5;
  return r.kind === 'low_p_alive';
}

export function suggestFollowUps({ clientKey, metrics, reasons, threads, now }: FollowUpInput): SuggestedFollowUp[] {
  const out: SuggestedFollowUp[] = [];
  const acknowledged = new Set<string>();
  for (const r of reasons) {
    if (r.kind !== 'complaint' && r.kind !== 'cancellation' && r.kind !== 'competitor' && r.kind !== 'price') continue;
    if (r.numbers.answered || !r.threadId || acknowledged.has(r.threadId)) continue;
    const cue = metrics.cues.find((c) => c.messageId === r.messageId);
    const at = cue?.at ?? now;
    acknowledged.add(r.threadId);
    out.push({
      key: `acknowledge:${clientKey}:${r.threadId}`,
      clientKey,
      kind: 'acknowledge',
      reason: `Acknowledge: ${r.text}`,
      dueAt: at,
      anchorAt: at,
      threadId: r.threadId,
    });
  }
  const usualReply = metrics.latency.ours.medianMs ?? 4 * HOUR;
  const theirUsual = Math.max(metrics.latency.theirs.p90Ms ?? 3 * DAY, 2 * DAY);
  for (const t of threads) {
    if (t.since === undefined) continue;
    if (t.turn === 'us' && now - t.since <= REPLY_HORIZON && !acknowledged.has(t.threadId)) {
      out.push({
        key: `reply:${clientKey}:${t.threadId}`,
        clientKey,
        kind: 'reply',
        reason: `Reply to "${t.subject || '(no subject)'}" — waiting ${formatDuration(now - t.since)}`,
        dueAt: t.since + usualReply,
        anchorAt: t.lastAt,
        threadId: t.threadId,
      });
    }
    const silentSince = metrics.lastInboundAt === undefined || metrics.lastInboundAt < t.since;
    if (t.turn === 'them' && silentSince && now - t.since <= NUDGE_HORIZON && now - t.lastAt >= theirUsual) {
      out.push({
        key: `nudge:${clientKey}:${t.threadId}`,
        clientKey,
        kind: 'nudge',
        reason: `Nudge: no answer to "${t.subject || '(no subject)'}" for ${formatDuration(now - t.since)}`,
        dueAt: t.lastAt + theirUsual,
        anchorAt: t.lastAt,
        threadId: t.threadId,
      });
    }
  }
  const fading = reasons.find(asksForCheckIn);
  if (fading && metrics.lastInboundAt !== undefined) {
    const threshold = (metrics.cadence?.unusualGapDays ?? 0) * DAY;
    out.push({
      key: `check-in:${clientKey}`,
      clientKey,
      kind: 'check_in',
      reason: `Check in: ${fading.text}`,
      dueAt: Math.min(now, metrics.lastInboundAt + threshold),
      anchorAt: metrics.lastInboundAt,
    });
  }
  for (const day of ONBOARDING_MILESTONES) {
    const due = metrics.firstSeenAt + day * DAY;
    const soon = due <= now + 2 * DAY && due >= now - 14 * DAY;
    const contactedAround = metrics.lastOutboundAt !== undefined && metrics.lastOutboundAt >= due - 3 * DAY;
    if (!soon || contactedAround) continue;
    out.push({
      key: `onboarding-${day}:${clientKey}`,
      clientKey,
      kind: 'onboarding',
      reason: `Onboarding check-in: day ${day} of the relationship (first contact ${formatDays((now - metrics.firstSeenAt) / DAY)} ago)`,
      dueAt: due,
      anchorAt: metrics.firstSeenAt,
      milestoneDay: day,
    });
  }
  return out.sort(byDue);
}

const byDue = (a: SuggestedFollowUp, b: SuggestedFollowUp) =>
  a.dueAt - b.dueAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export interface ReconciledFollowUps {
  /** Every suggestion once, with its effective status; the UI shows the open ones. */
  followUps: FollowUp[];
  /** The states to store: reopened ones removed, stale ones pruned. */
  states: FollowUpState[];
}

/**
 * Merges fresh suggestions with stored decisions:
 * - no state: open;
 * - snoozed: stays snoozed until `snoozedUntil`, or until new activity (anchorAt
 *   after the decision) — then open, and its state is dropped;
 * - done / dismissed: stays closed unless new activity came after the decision.
 * States of keys not suggested now are kept for STATE_RETENTION, then pruned.
 * Duplicate suggestions of one key keep the earliest due.
 */
export function reconcileFollowUps(
  suggested: readonly SuggestedFollowUp[],
  stored: readonly FollowUpState[],
  now: number,
): ReconciledFollowUps {
  const states = new Map<string, FollowUpState>();
  for (const s of stored) {
    const known = states.get(s.key);
    if (!known || s.updatedAt > known.updatedAt) states.set(s.key, s);
  }
  const unique = new Map<string, SuggestedFollowUp>();
  for (const s of [...suggested].sort(byDue)) if (!unique.has(s.key)) unique.set(s.key, s);

  const followUps: FollowUp[] = [];
  for (const s of unique.values()) {
    const state = states.get(s.key);
    const reopened = state === undefined || s.anchorAt > state.updatedAt;
    const snoozeOver = state?.status === 'snoozed' && (state.snoozedUntil ?? 0) <= now;
    if (!state || reopened || snoozeOver) {
      if (state) states.delete(s.key);
      followUps.push({ ...s, status: 'open' });
    } else {
      followUps.push({
        ...s,
        status: state.status,
        ...(state.snoozedUntil !== undefined && { snoozedUntil: state.snoozedUntil }),
      });
    }
  }
  const kept = [...states.values()]
    .filter((s) => unique.has(s.key) || now - s.updatedAt <= STATE_RETENTION)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { followUps, states: kept };
}
