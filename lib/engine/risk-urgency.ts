// Reasons to act now: a client waiting on our reply, our replies slowing, our
// message left unanswered, a complaint or a question about cancelling. They
// drive the waiting lists and the follow-ups whatever the chance of going
// quiet is; they move the chance only as far as the fitted model weighs them
// (risk-model/risk-score.ts), which on the evaluation's mail is not at all.
//
// When each fires:
//   waiting_on_us    our turn in a thread for ≤ 30 days and longer than our
//                    usual p90 reply time to this client (the account's when
//                    unknown, at least 1 h), or the user's target when shorter.
//   slow_replies     our median reply time in the last 30 days over 1.5× the
//                    earlier one (≥ 2 recent replies).
//   waiting_on_them  our message unanswered ≤ 180 days, the client silent
//                    since, longer than the larger of their usual p90 reply
//                    time (3 d when unknown, at least 1 d) and their usual gap.
//   cues             a cancellation, competitor, complaint or price cue in
//                    their mail (cues.ts), strongest hit of each kind.
import { DAY, HOUR } from './business-hours';
import { formatDays, formatDuration } from './format';
import type { ClientCue, ClientMetrics, PopulationModel } from './report-types';
import { WAIT_ON_THEM_LIMIT, WAIT_ON_US_LIMIT } from './risk-model/risk-features';
import { CUE_REASON_KINDS, type RiskReason } from './risk-types';

/** A message of theirs unanswered longer than this is no longer a wait to act on, and leaves the waiting list. */
export const ACTIONABLE_WAIT_ON_US = WAIT_ON_US_LIMIT;

const CUE_WORDS = {
  cancellation: 'asked about cancelling',
  competitor: 'mentioned other providers',
  complaint: 'complained',
  price: 'raised price concerns',
} as const;

/** An urgent reason before the model's weighing: its share and ending are added by assessRisk. */
export type UrgentReason = RiskReason;

function waitingOnUs(
  m: ClientMetrics,
  population: PopulationModel,
  now: number,
  replyTargetBusinessMs: number | undefined,
): UrgentReason | undefined {
  const onUs = m.waiting.onUs;
  if (!onUs || now - onUs.since > ACTIONABLE_WAIT_ON_US) return undefined;
  const usual = Math.max(m.latency.ours.p90BusinessMs ?? population.ourReplyBusinessMs.p90 ?? 4 * HOUR, HOUR);
  const targetBinds = replyTargetBusinessMs !== undefined && replyTargetBusinessMs < usual;
  const usualBusiness = targetBinds ? replyTargetBusinessMs : usual;
  const waitingBusinessMs = m.waitingOnUsBusinessMs ?? 0;
  if (waitingBusinessMs <= usualBusiness) return undefined;
  const usualReplyMs = m.latency.ours.medianMs;
  const usualText =
    (usualReplyMs !== undefined
      ? `you usually answer this client in ${formatDuration(usualReplyMs)}`
      : 'you have no reply history with this client yet') +
    (targetBinds ? `; your target is ${formatDuration(usualBusiness)} of working time` : '');
  return {
    kind: 'waiting_on_us',
    weight: 0,
    urgent: true,
    text: `waiting ${formatDuration(now - onUs.since)} for your reply (${formatDuration(waitingBusinessMs)} of working time) — ${usualText}`,
    numbers: {
      waitingMs: now - onUs.since,
      waitingBusinessMs,
      ...(usualReplyMs !== undefined && { usualReplyMs }),
      usualReplyBusinessMs: usualBusiness,
      ...(targetBinds && { targetBusinessMs: usualBusiness }),
      threads: onUs.threads,
    },
    threadId: onUs.threadId,
    messageId: onUs.messageId,
  };
}

function slowReplies(m: ClientMetrics, population: PopulationModel): UrgentReason | undefined {
  const recent = m.recentOurLatency.medianBusinessMs;
  const usual = m.earlierOurLatency.medianBusinessMs ?? population.ourReplyBusinessMs.median;
  if (recent === undefined || usual === undefined || usual <= 0 || m.recentOurLatency.count < 2) return undefined;
  if (recent / Math.max(usual, 15 * 60_000) <= 1.5) return undefined;
  return {
    kind: 'slow_replies',
    weight: 0,
    urgent: true,
    text: `your replies took ${formatDuration(recent)} of working time in the last 30 days (median of ${m.recentOurLatency.count}) — usually ${formatDuration(usual)}`,
    numbers: { recentMedianBusinessMs: recent, usualMedianBusinessMs: usual, recentSamples: m.recentOurLatency.count },
  };
}

function waitingOnThem(m: ClientMetrics, now: number): UrgentReason | undefined {
  if (m.quietUntil !== undefined && now < m.quietUntil) return undefined;
  const onThem = m.waiting.onThem;
  if (!onThem || now - onThem.since > WAIT_ON_THEM_LIMIT) return undefined;
  const noReplyYet = m.latency.theirs.p90Ms === undefined;
  const usualReplyMs = Math.max(m.latency.theirs.p90Ms ?? 3 * DAY, DAY);
  // Many threads end on our message ("done, it's live"). Their not answering it
  // only means something once it is longer than they usually go between
  // messages at all, not merely longer than their usual reply time.
  const usualGapMs = (m.cadence?.usualGapDays ?? 0) * DAY;
  if (now - onThem.since <= Math.max(usualReplyMs, usualGapMs)) return undefined;
  const usual =
    usualGapMs > usualReplyMs
      ? `they usually write every ${formatDays(m.cadence?.usualGapDays ?? 0)}`
      : noReplyYet
        ? 'they have not answered a message of yours yet'
        : `they usually answer within ${formatDuration(usualReplyMs)}`;
  return {
    kind: 'waiting_on_them',
    weight: 0,
    urgent: true,
    text: `no answer to your message for ${formatDuration(now - onThem.since)}${onThem.threads > 1 ? ` (${onThem.threads} threads)` : ''} — ${usual}`,
    numbers: {
      waitingMs: now - onThem.since,
      usualReplyMs,
      usualGapMs,
      threads: onThem.threads,
      ...(noReplyYet && { noReplyYet }),
    },
    threadId: onThem.threadId,
    messageId: onThem.messageId,
  };
}

function cueReasons(cues: readonly ClientCue[], now: number): UrgentReason[] {
  const reasons: UrgentReason[] = [];
  for (const kind of CUE_REASON_KINDS) {
    const hits = cues.filter((c) => c.kind === kind);
    const strongest = hits.reduce<ClientCue | undefined>(
      (best, c) =>
        best === undefined || c.weight * (c.answered ? 0.6 : 1) > best.weight * (best.answered ? 0.6 : 1) ? c : best,
      undefined,
    );
    if (!strongest) continue;
    const ageDays = Math.max(0, Math.floor((now - strongest.at) / DAY));
    const when = ageDays === 0 ? 'today' : `${formatDays(ageDays)} ago`;
    reasons.push({
      kind,
      weight: 0,
      urgent: true,
      text: `they ${CUE_WORDS[kind]} ${when}: "${strongest.phrase}"${strongest.answered ? ' (you have answered since)' : ''}${hits.length > 1 ? ` and ${hits.length - 1} more time${hits.length > 2 ? 's' : ''}` : ''}`,
      numbers: { ageDays, hits: hits.length, answered: strongest.answered },
      threadId: strongest.threadId,
      messageId: strongest.messageId,
      phrase: strongest.phrase,
    });
  }
  return reasons;
}

/** Every reason to act now, before the model weighs them. */
export function urgentReasons(
  m: ClientMetrics,
  population: PopulationModel,
  now: number,
  replyTargetBusinessMs: number | undefined,
): UrgentReason[] {
  return [
    waitingOnUs(m, population, now, replyTargetBusinessMs),
    slowReplies(m, population),
    waitingOnThem(m, now),
    ...cueReasons(m.cues, now),
  ].filter((r): r is UrgentReason => r !== undefined);
}
