// Churn risk of one client: 0–100, a level, and the reasons behind it.
//
// What the weights rest on. On real mailboxes (the Enron ones, npm run bench,
// risk-quality: who writes nothing in the next 60 days), the time since the
// last exchange in either direction ranks best of all single signals, a
// client's own usual gap helps only once shrunk toward the account's, and
// relationships of one or two contact days lapse most. A client waiting on a
// reply, or leaving ours unanswered, is still engaged: those signals drive the
// "reply now" and "nudge" follow-ups and the waiting lists, and add little to
// the churn score itself.
//
// Each signal gives points on its own (0–100):
//   silence          days since the last exchange either way, against the
//                    expected gap: the geometric mean of the client's usual
//                    gap (already shrunk toward the account, cadence.ts) and
//                    the account's typical gap. 25·log2(1 + ratio), max 70:
//                    25 points at the expected gap, 50 at three times it.
//   few_contacts     one contact day so far 20, two 10: a relationship that
//                    has not taken hold yet.
//   waiting_on_us    our turn in a thread for ≤ 30 days: f = waiting (business
//                    time) / our usual p90 reply time to this client (account's
//                    when unknown, at least 1 h); f > 1 → 4 + 6·log2 f, max 10.
//   slow_replies     our median reply time in the last 30 days vs before (≥ 2
//                    recent replies): f > 1.5 → 15·log2 f, max 30.
//   waiting_on_them  our message unanswered ≤ 180 days and the client silent
//                    since: f = wait / the larger of their usual p90 reply
//                    time (3 d when unknown, at least 1 d) and their usual gap
//                    between contacts; f > 1 → 7.5 + 6·log2 f, +1.5 per further
//                    thread, max 22.5.
//   low_p_alive      BG/NBD P(alive) below 0.8: 20·(0.8 − p)/0.8.
//   declining        ≥ 6 messages in the previous 90 days and the last 30 days
//                    below half the usual rate: 30·(1 − ratio/0.5).
//   cues             cancellation 60, competitor 45, complaint 40, price 25,
//                    times the age decay of the strongest hit (cues.ts), ×0.6
//                    once we have answered in that thread, +10% per further hit
//                    of the kind, at most ×1.3.
// Latency signals weigh ×1.5 in the first 90 days (onboarding): a slow start
// costs most. silence, low_p_alive and declining measure the same fading, so
// they form one family worth max + 0.25·(the others); they and few_contacts
// are off while the user expects silence (quietUntil). Families combine like
// independent chances, score = 100·(1 − Π(1 − points/100)), so no single
// signal reaches 100 and each further one adds less. Finally the client's
// weight scales the score and every reason: tier key ×1.3, standard ×1, minor
// ×0.75; else a set value v against the account median m: 1 + 0.2·log2(v/m),
// within 0.75–1.3. Levels: < 25 low, < 50 watch, < 75 high, else critical.
import { DAY, HOUR } from './business-hours';
import { formatDays, formatDuration, formatPercent } from './format';
import type { ClientOverride } from './overrides';
import type { ClientCue, ClientMetrics, PopulationModel } from './report-types';
import { CUE_REASON_KINDS, type Risk, type RiskLevel, type RiskReason } from './risk-types';

/** P(alive) speaks only for clients with at least this many repeat contact days. */
const MIN_REPEATS_FOR_P_ALIVE = 2;

const ONBOARDING_BOOST = 1.5;
/** A message of theirs unanswered longer than this is no longer a wait to act on, and leaves the waiting list. */
export const ACTIONABLE_WAIT_ON_US = 30 * DAY;
const ACTIONABLE_WAIT_ON_THEM = 180 * DAY;
const CUE_BASE = { cancellation: 60, competitor: 45, complaint: 40, price: 25 } as const;
const CUE_WORDS = {
  cancellation: 'asked about cancelling',
  competitor: 'mentioned other providers',
  complaint: 'complained',
  price: 'raised price concerns',
} as const;
const TIER_FACTOR = { key: 1.3, standard: 1, minor: 0.75 } as const;

const log2 = Math.log2;
const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));

export function valueFactor(override: ClientOverride, medianValue: number | undefined): number {
  if (override.tier) return TIER_FACTOR[override.tier];
  if (override.value !== undefined && medianValue !== undefined && medianValue > 0 && override.value > 0) {
    return clamp(1 + 0.2 * log2(override.value / medianValue), 0.75, 1.3);
  }
  return 1;
}

export function riskLevel(score: number): RiskLevel {
  if (score < 25) return 'low';
  if (score < 50) return 'watch';
  if (score < 75) return 'high';
  return 'critical';
}

function latencyReasons(
  m: ClientMetrics,
  population: PopulationModel,
  now: number,
  replyTargetBusinessMs: number | undefined,
): RiskReason[] {
  const reasons: RiskReason[] = [];
  const boost = m.onboarding.active ? ONBOARDING_BOOST : 1;
  const onUs = m.waiting.onUs;
  if (onUs && now - onUs.since <= ACTIONABLE_WAIT_ON_US) {
    const usual = Math.max(m.latency.ours.p90BusinessMs ?? population.ourReplyBusinessMs.p90 ?? 4 * HOUR, HOUR);
    const targetBinds = replyTargetBusinessMs !== undefined && replyTargetBusinessMs < usual;
    const usualBusiness = targetBinds ? replyTargetBusinessMs : usual;
    const waitingBusinessMs = m.waitingOnUsBusinessMs ?? 0;
    const f = waitingBusinessMs / usualBusiness;
    if (f > 1) {
      const usualReplyMs = m.latency.ours.medianMs;
      const usualText =
        (usualReplyMs !== undefined
          ? `you usually answer this client in ${formatDuration(usualReplyMs)}`
          : 'you have no reply history with this client yet') +
        (targetBinds ? `; your target is ${formatDuration(usualBusiness)} of working time` : '');
      reasons.push({
        kind: 'waiting_on_us',
        weight: Math.min(10, 4 + 6 * log2(f)) * boost,
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
        ...(boost > 1 && { onboarding: true }),
      });
    }
  }
  const recent = m.recentOurLatency.medianBusinessMs;
  const usual = m.earlierOurLatency.medianBusinessMs ?? population.ourReplyBusinessMs.median;
  if (recent !== undefined && usual !== undefined && usual > 0 && m.recentOurLatency.count >= 2) {
    const f = recent / Math.max(usual, 15 * 60_000);
    if (f > 1.5) {
      reasons.push({
        kind: 'slow_replies',
        weight: Math.min(30, 15 * log2(f)) * boost,
        text: `your replies took ${formatDuration(recent)} of working time in the last 30 days (median of ${m.recentOurLatency.count}) — usually ${formatDuration(usual)}`,
        numbers: {
          recentMedianBusinessMs: recent,
          usualMedianBusinessMs: usual,
          recentSamples: m.recentOurLatency.count,
        },
        ...(boost > 1 && { onboarding: true }),
      });
    }
  }
  return reasons;
}

function quietReasons(m: ClientMetrics, population: PopulationModel, now: number): RiskReason[] {
  if (m.quietUntil !== undefined && now < m.quietUntil) return [];
  const reasons: RiskReason[] = [];
  const onThem = m.waiting.onThem;
  if (onThem && now - onThem.since <= ACTIONABLE_WAIT_ON_THEM) {
    const usualReplyMs = Math.max(m.latency.theirs.p90Ms ?? 3 * DAY, DAY);
    // Many threads end on our message ("done, it's live"). Their not answering it
    // only means something once it is longer than they usually go between
    // messages at all, not merely longer than their usual reply time.
    const usualGapMs = (m.cadence?.usualGapDays ?? 0) * DAY;
    const expectedMs = Math.max(usualReplyMs, usualGapMs);
    const f = (now - onThem.since) / expectedMs;
    if (f > 1) {
      const usual =
        usualGapMs > usualReplyMs
          ? `they usually write every ${formatDays(m.cadence?.usualGapDays ?? 0)}`
          : `they usually answer within ${formatDuration(usualReplyMs)}`;
      reasons.push({
        kind: 'waiting_on_them',
        weight: Math.min(22.5, 7.5 + 6 * log2(f) + 1.5 * (onThem.threads - 1)),
        text: `no answer to your message for ${formatDuration(now - onThem.since)}${onThem.threads > 1 ? ` (${onThem.threads} threads)` : ''} — ${usual}`,
        numbers: { waitingMs: now - onThem.since, usualReplyMs, usualGapMs, threads: onThem.threads },
        threadId: onThem.threadId,
        messageId: onThem.messageId,
      });
    }
  }
  const silence = silenceReason(m, population, now);
  if (silence) reasons.push(silence);
  const contactDays = m.cadence?.contactDays ?? 0;
  if (contactDays > 0 && contactDays < 3) {
    const firstDays = Math.floor((now - m.firstSeenAt) / DAY);
    reasons.push({
      kind: 'few_contacts',
      weight: 10 * (3 - contactDays),
      text: `only ${contactDays === 1 ? 'one day' : 'two days'} of contact so far, the first ${formatDays(firstDays)} ago — a relationship that has not taken hold yet`,
      numbers: { contactDays, firstSeenDaysAgo: firstDays },
    });
  }
  const p = m.bgnbd?.pAlive;
  // Two repeat contacts at least: with fewer, P(alive) reflects the population more than the client.
  if (p !== undefined && (m.bgnbd?.x ?? 0) >= MIN_REPEATS_FOR_P_ALIVE && p < 0.8) {
    const days = m.lastInboundAt !== undefined ? Math.floor((now - m.lastInboundAt) / DAY) : 0;
    reasons.push({
      kind: 'low_p_alive',
      weight: (20 * (0.8 - p)) / 0.8,
      text: `only a ${formatPercent(p)} chance they are still active, given ${m.cadence?.contactDays ?? (m.bgnbd?.x ?? 0) + 1} contact days and the last one ${formatDays(days)} ago`,
      numbers: { pAlive: p, contactDays: m.cadence?.contactDays ?? (m.bgnbd?.x ?? 0) + 1, daysSinceLastContact: days },
    });
  }
  const t = m.trend;
  if (t.ratio !== undefined && t.previous90 >= 6 && t.ratio < 0.5) {
    reasons.push({
      kind: 'declining',
      weight: 30 * (1 - t.ratio / 0.5),
      text: `${t.last30} messages from them in the last 30 days — about ${Math.round(t.expected30)} before`,
      numbers: { last30: t.last30, expected30: t.expected30, ratio: t.ratio },
    });
  }
  return reasons;
}

function silenceReason(m: ClientMetrics, population: PopulationModel, now: number): RiskReason | undefined {
  const c = m.cadence;
  if (!c) return undefined;
  const accountGapDays = Math.exp(population.cadence.mu);
  const expectedGapDays = Math.sqrt(Math.max(c.usualGapDays, 1) * Math.max(accountGapDays, 1));
  const lastIn = m.lastInboundAt ?? Number.NEGATIVE_INFINITY;
  // Our own message counts as contact too: on real mailboxes the people we last
  // wrote to come back far more often than those who wrote last, even unanswered
  // ones. A client who leaves our messages unanswered shows as waiting_on_them.
  const lastMailAt = Math.max(lastIn, m.lastOutboundAt ?? Number.NEGATIVE_INFINITY);
  // A call or meeting the CRM recorded ends a silence as well as mail does.
  const lastOutsideAt = m.outsideContact?.lastAt ?? Number.NEGATIVE_INFINITY;
  const lastExchangeAt = Math.max(lastMailAt, lastOutsideAt);
  if (!Number.isFinite(lastExchangeAt)) return undefined;
  const silenceDays = Math.max(0, (now - lastExchangeAt) / DAY);
  const weight = Math.min(70, 25 * log2(1 + silenceDays / expectedGapDays));
  if (weight <= 0) return undefined;
  const outsideMail = lastOutsideAt > lastMailAt;
  const lastFromThem = !outsideMail && lastIn >= lastExchangeAt;
  const who = outsideMail ? 'an activity in your CRM' : lastFromThem ? 'their message' : 'yours';
  const last = `last exchange ${formatDays(silenceDays)} ago (${who})`;
  const expected =
    c.gaps > 0
      ? `expected about every ${formatDays(expectedGapDays)}: they usually write every ${formatDays(c.usualGapDays)}, your clients every ${formatDays(accountGapDays)}`
      : `a single day of contact so far; your clients usually write every ${formatDays(accountGapDays)}`;
  return {
    kind: 'silence',
    weight,
    text: `${last} — ${expected}`,
    numbers: {
      silenceDays: Math.floor(silenceDays),
      usualGapDays: c.usualGapDays,
      unusualGapDays: c.unusualGapDays,
      expectedGapDays,
      accountGapDays,
      lastFromThem,
      ...(outsideMail && { outsideMail }),
    },
  };
}

function cueReasons(cues: readonly ClientCue[], now: number): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const kind of CUE_REASON_KINDS) {
    const hits = cues.filter((c) => c.kind === kind);
    const strongest = hits.reduce<ClientCue | undefined>(
      (best, c) =>
        best === undefined || c.weight * (c.answered ? 0.6 : 1) > best.weight * (best.answered ? 0.6 : 1) ? c : best,
      undefined,
    );
    if (!strongest) continue;
    const base = CUE_BASE[kind];
    const points = Math.min(
      base * strongest.weight * (strongest.answered ? 0.6 : 1) * (1 + 0.1 * (hits.length - 1)),
      base * 1.3,
    );
    const ageDays = Math.max(0, Math.floor((now - strongest.at) / DAY));
    const when = ageDays === 0 ? 'today' : `${formatDays(ageDays)} ago`;
    reasons.push({
      kind,
      weight: points,
      text: `they ${CUE_WORDS[kind]} ${when}: "${strongest.phrase}"${strongest.answered ? ' (you have answered since)' : ''}${hits.length > 1 ? ` and ${hits.length - 1} more time${hits.length > 2 ? 's' : ''}` : ''}`,
      numbers: { ageDays, hits: hits.length, answered: strongest.answered },
      threadId: strongest.threadId,
      messageId: strongest.messageId,
      phrase: strongest.phrase,
    });
  }
  return reasons;
}

const FADING = new Set(['silence', 'low_p_alive', 'declining']);

/** Deterministic: the same metrics, override and now give the same risk. */
export function assessRisk(
  m: ClientMetrics,
  override: ClientOverride,
  population: PopulationModel,
  now: number,
  replyTargetBusinessMs?: number,
): Risk {
  const raw = [
    ...latencyReasons(m, population, now, replyTargetBusinessMs),
    ...quietReasons(m, population, now),
    ...cueReasons(m.cues, now),
  ].filter((r) => r.weight > 0);
  const fading = raw
    .filter((r) => FADING.has(r.kind))
    .map((r) => r.weight)
    .sort((a, b) => b - a);
  const families = raw.filter((r) => !FADING.has(r.kind)).map((r) => r.weight);
  if (fading.length > 0) families.push((fading[0] ?? 0) + 0.25 * fading.slice(1).reduce((s, w) => s + w, 0));
  const combined = 100 * (1 - families.reduce((rest, points) => rest * (1 - Math.min(points, 100) / 100), 1));
  const factor = valueFactor(override, population.medianValue);
  const score = Math.min(100, Math.round(combined * factor));
  const reasons = raw
    .map((r) => ({ ...r, weight: Math.round(Math.min(100, r.weight * factor) * 10) / 10 }) as RiskReason)
    .sort((a, b) => b.weight - a.weight || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  return { score, level: riskLevel(score), reasons, valueFactor: factor };
}
