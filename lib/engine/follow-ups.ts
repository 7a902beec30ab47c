// Suggested next actions for a client, and how they meet the user's stored
// decisions (snoozed, done, dismissed).
//
// A follow-up's key is stable for "the same thing to do" (the same thread to
// answer, the same client to check in with), so the store keeps one state per
// key. `anchorAt` is the time of the latest activity that made it relevant: a
// closed or snoozed follow-up reopens when its anchor moves past the moment the
// user decided — new activity makes it relevant again, under the same key.
//
// A check-in follows the model: it is suggested once the chance of going quiet
// reaches the user's threshold (by default 50%, where the level turns "high"),
// not after a fixed gap, and is due from the moment the chance reached it
// (check-in-due.ts), not from the moment it was noticed. An onboarding check-in is due on its milestone day and
// leaves a week later (or when the next milestone comes up), since a "day 7"
// check-in on day 19 is no longer what the relationship needs. A client we
// only ever answer gets a proactive check-in once we have not started a
// conversation with them for a quarter.
//
// A client's follow-ups are ordered by urgency × value (follow-up-urgency.ts),
// most pressing first, not by due date.
import { DAY, HOUR } from './business-hours';
import { type ChanceOverTime, thresholdCrossedAt } from './check-in-due';
import type { CueKind } from './cue-lexicon';
import { byPriority, weighFollowUp } from './follow-up-urgency';
import { formatDays, formatDuration } from './format';
import type { ClientMetrics } from './report-types';
import { HORIZON_DAYS } from './risk';
import { lastExchangeAt } from './risk-model/risk-features';
import type { RiskReason } from './risk-types';
import type { ThreadState } from './waiting';

export type FollowUpKind = 'reply' | 'nudge' | 'check_in' | 'acknowledge' | 'onboarding' | 'proactive';

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
  /** For a check-in: the chance of going quiet (percent) and the user's threshold it reached. */
  chance?: { percent: number; threshold: number };
  /** For a proactive check-in: when we last started a conversation, if ever. */
  lastStartedByUsAt?: number;
  /** For an acknowledgement: the cue it answers. */
  cue?: CueKind;
  /** How pressing it is for this client (follow-up-urgency.ts). */
  urgency: number;
  /** Urgency × the client's value factor: the order across clients. */
  priority: number;
}

/** A suggestion before it is weighed. */
type Draft = Omit<SuggestedFollowUp, 'urgency' | 'priority'>;

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
/** An onboarding check-in shows this long before its day… */
const ONBOARDING_LEAD = 2 * DAY;
/** …and leaves this long after it, or when the next milestone shows, whichever comes first. */
const ONBOARDING_USEFUL_FOR = 7 * DAY;
/** The chance of going quiet (percent) a check-in is suggested at unless the user chose another: the level "high". */
export const DEFAULT_CHECK_IN_PERCENT = 50;
/** Not starting a conversation with a client for this long asks for a proactive check-in. */
export const PROACTIVE_AFTER = 90 * DAY;
const REPLY_HORIZON = 30 * DAY;
const NUDGE_HORIZON = 60 * DAY;
/** States of follow-ups no longer suggested are kept this long, so a done item does not come back unchanged. */
const STATE_RETENTION = 180 * DAY;

export interface FollowUpInput {
  clientKey: string;
  metrics: ClientMetrics;
  reasons: readonly RiskReason[];
  threads: readonly ThreadState[];
  /** The client's chance of going quiet, in percent (Risk.score). */
  chance: number;
  /** The chance, in percent, at which a check-in is suggested. */
  checkInPercent?: number;
  /** The chance (percent) the client had at an earlier time with no mail since: dates a check-in; without it, due now. */
  chanceAt?: ChanceOverTime;
  /** What the client is worth against the account's others (Risk.valueFactor); 1 unless given. */
  valueFactor?: number;
  now: number;
}

/** The reason a check-in names: the strongest part of the chance that is not a reason to act now. */
export function checkInReason(reasons: readonly RiskReason[]): RiskReason | undefined {
  return reasons.find((r) => r.weight > 0 && !r.urgent);
}

function checkIn(input: FollowUpInput): Draft | undefined {
  const { clientKey, metrics, reasons, chance, now } = input;
  const threshold = input.checkInPercent ?? DEFAULT_CHECK_IN_PERCENT;
  if (chance < threshold || metrics.lastInboundAt === undefined) return undefined;
  if (metrics.quietUntil !== undefined && now < metrics.quietUntil) return undefined;
  const named = checkInReason(reasons);
  // The chance only climbs from the last exchange, or from the end of a silence the user expected.
  const quietEnded = metrics.quietUntil !== undefined && metrics.quietUntil <= now ? metrics.quietUntil : -Infinity;
  const from = Math.max(lastExchangeAt(metrics) ?? metrics.lastInboundAt, quietEnded);
  return {
    key: `check-in:${clientKey}`,
    clientKey,
    kind: 'check_in',
    reason: `Check in: ${chance}% chance they go quiet in ${HORIZON_DAYS} days, at or over your ${threshold}%${named ? ` — ${named.text}` : ''}`,
    dueAt: input.chanceAt ? thresholdCrossedAt(input.chanceAt, from, now, threshold) : now,
    anchorAt: metrics.lastInboundAt,
    chance: { percent: chance, threshold },
  };
}

/**
 * A relationship we only answer is one we do not tend: a client of at least a
 * quarter, who wrote to us in the last quarter, with no conversation started
 * by us in it, and not waiting on our reply. Ends when we start one; comes
 * back a quarter after that.
 */
function proactive({ clientKey, metrics, now }: FollowUpInput): Draft | undefined {
  const since = metrics.lastStartedByUsAt ?? metrics.firstSeenAt;
  if (now - metrics.firstSeenAt < PROACTIVE_AFTER || now - since < PROACTIVE_AFTER) return undefined;
  if (metrics.lastInboundAt === undefined || now - metrics.lastInboundAt > PROACTIVE_AFTER) return undefined;
  if (metrics.quietUntil !== undefined && now < metrics.quietUntil) return undefined;
  // While they wait on our reply, the reply is the contact to make.
  if (metrics.waiting.onUs) return undefined;
  const started = metrics.lastStartedByUsAt;
  return {
    key: `proactive:${clientKey}`,
    clientKey,
    kind: 'proactive',
    reason:
      started === undefined
        ? `Check in: you have never started a conversation with them in ${formatDays((now - metrics.firstSeenAt) / DAY)}`
        : `Check in: you have not started a conversation with them for ${formatDays((now - started) / DAY)}`,
    dueAt: since + PROACTIVE_AFTER,
    anchorAt: since,
    ...(started !== undefined && { lastStartedByUsAt: started }),
  };
}

/** Onboarding check-ins due within ONBOARDING_LEAD, and none past its use. */
function onboarding({ clientKey, metrics, now }: FollowUpInput): Draft[] {
  const out: Draft[] = [];
  for (const [i, day] of ONBOARDING_MILESTONES.entries()) {
    const due = metrics.firstSeenAt + day * DAY;
    const next = ONBOARDING_MILESTONES[i + 1];
    const leaves = Math.min(
      due + ONBOARDING_USEFUL_FOR,
      next === undefined ? Number.POSITIVE_INFINITY : metrics.firstSeenAt + next * DAY - ONBOARDING_LEAD,
    );
    const current = due <= now + ONBOARDING_LEAD && now < leaves;
    const contactedAround = metrics.lastOutboundAt !== undefined && metrics.lastOutboundAt >= due - 3 * DAY;
    if (!current || contactedAround) continue;
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
  return out;
}

export function suggestFollowUps(input: FollowUpInput): SuggestedFollowUp[] {
  const { clientKey, metrics, reasons, threads, now } = input;
  const out: Draft[] = [];
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
      cue: r.kind,
    });
  }
  // Reply-time medians can fall between two milliseconds; due times are whole ones.
  const usualReply = Math.round(metrics.latency.ours.medianMs ?? 4 * HOUR);
  const theirUsual = Math.round(Math.max(metrics.latency.theirs.p90Ms ?? 3 * DAY, 2 * DAY));
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
  // One check-in at a time: the chance's, else the proactive one.
  const checkInNow = checkIn(input) ?? proactive(input);
  if (checkInNow) out.push(checkInNow);
  out.push(...onboarding(input));
  const value = input.valueFactor ?? 1;
  return out.map((draft) => weighFollowUp(draft, value, now)).sort(byPriority);
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
 * Duplicate suggestions of one key keep the earliest due; the follow-ups come most pressing first.
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
  followUps.sort(byPriority);
  const kept = [...states.values()]
    .filter((s) => unique.has(s.key) || now - s.updatedAt <= STATE_RETENTION)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { followUps, states: kept };
}
