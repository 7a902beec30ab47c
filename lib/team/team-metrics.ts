import { DAY } from '@/lib/engine/business-hours';
import type { ClientMetrics, PopulationModel } from '@/lib/engine/report-types';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import type { ReasonKind } from '@/lib/engine/risk-types';
import type { ClientSummary } from './summary';

// A client's metrics as the risk model reads them, at the team's level: the
// member's own metrics when they know the client, else what a colleague's
// summary carries, and then the contact of every member laid over them. The
// model is the shipped one, so a team's chance is computed exactly as a
// member's is; only its inputs are the team's.

/** What a summary's reason of this kind says by this number, if the summary has that reason. */
export function reasonNumber(summary: ClientSummary, kind: ReasonKind, name: string): number | undefined {
  const value = summary.risk.reasons.find((r) => r.kind === kind)?.numbers[name];
  return typeof value === 'number' ? value : undefined;
}

/**
 * The typical client's value of a model signal. A summary names the number of
 * contact days or earlier messages only when it is a reason (its term pushed
 * the chance up); without that reason the client is at least typical there,
 * so the typical value is a fair, cautious stand-in.
 */
function typical(feature: 'contactDays' | 'previous90'): number {
  const mean = SHIPPED_MODEL.terms.find((t) => t.feature === feature)?.mean;
  if (mean === undefined) return feature === 'contactDays' ? 1 : 0;
  return feature === 'contactDays'
    ? Math.max(1, Math.round(Math.exp(mean)))
    : Math.max(0, Math.round(Math.expm1(mean)));
}

/** A colleague's summary read back as metrics: the numbers it carries, the typical client's where it is silent. */
export function metricsOfSummary(summary: ClientSummary, population: PopulationModel, now: number): ClientMetrics {
  const contactDays = reasonNumber(summary, 'few_contacts', 'contactDays') ?? typical('contactDays');
  const previous90 = reasonNumber(summary, 'declining', 'previous90') ?? typical('previous90');
  const last30 = reasonNumber(summary, 'declining', 'last30') ?? Math.round(previous90 / 3);
  const accountGapDays = Math.exp(population.cadence.mu);
  const usualGapDays = summary.usualGapDays ?? accountGapDays;
  const daysSinceFirstSeen = Math.max(0, Math.floor((now - summary.firstContactAt) / DAY));
  const lastContact = Math.max(summary.lastInboundAt ?? 0, summary.lastOutboundAt ?? 0, summary.firstContactAt);
  return {
    firstSeenAt: summary.firstContactAt,
    ...(summary.lastInboundAt !== undefined && { lastInboundAt: summary.lastInboundAt }),
    ...(summary.lastOutboundAt !== undefined && { lastOutboundAt: summary.lastOutboundAt }),
    inbound: summary.replyTimes.client.count,
    outbound: summary.replyTimes.member.count,
    latency: { ours: summary.replyTimes.member, theirs: summary.replyTimes.client },
    recentOurLatency: { count: 0 },
    earlierOurLatency: { count: 0 },
    waiting: {},
    cadence: {
      contactDays,
      lastContactDay: Math.floor(lastContact / DAY),
      gaps: contactDays - 1,
      usualGapDays,
      unusualGapDays: summary.unusualGapDays ?? usualGapDays,
      silenceDays: Math.max(0, Math.floor((now - lastContact) / DAY)),
      silenceRatio: 0,
    },
    trend: { last30, previous90, expected30: previous90 / 3 },
    cues: [],
    onboarding: { active: daysSinceFirstSeen < 90, daysSinceFirstSeen },
  };
}

/** The team's last contact each way and its waits, as they replace a member's own. */
export interface TeamContact {
  firstContactAt: number;
  lastInboundAt?: number;
  lastOutboundAt?: number;
  /** The oldest message of the client no member has answered, and its working time when known. */
  waitingOnTeam?: { since: number; businessMs?: number; ours?: ClientMetrics['latency']['ours'] };
  /** The oldest message of a member the client has not answered anyone since. */
  waitingOnClientSince?: number;
  /** The most contact days and earlier messages any member saw (the same mail may reach several). */
  contactDays: number;
  previous90: number;
  last30: number;
}

/** The base metrics with the team's contact laid over them. */
export function withTeamContact(base: ClientMetrics, team: TeamContact, now: number): ClientMetrics {
  const { waitingOnUsBusinessMs: ownBusinessMs, ...rest } = base;
  const { onUs: ownWait, onThem: _ownTurn, ...restWaiting } = base.waiting;
  const wait = team.waitingOnTeam;
  const ownWaitKept = wait !== undefined && ownWait !== undefined && ownWait.since === wait.since;
  const cadence = base.cadence && {
    ...base.cadence,
    contactDays: Math.max(base.cadence.contactDays, team.contactDays),
  };
  const previous90 = Math.max(base.trend.previous90, team.previous90);
  const last30 = Math.max(base.trend.last30, team.last30);
  const daysSinceFirstSeen = Math.max(0, Math.floor((now - team.firstContactAt) / DAY));
  const businessMs = ownWaitKept ? ownBusinessMs : wait?.businessMs;
  return {
    ...rest,
    firstSeenAt: Math.min(base.firstSeenAt, team.firstContactAt),
    ...(team.lastInboundAt !== undefined && { lastInboundAt: team.lastInboundAt }),
    ...(team.lastOutboundAt !== undefined && { lastOutboundAt: team.lastOutboundAt }),
    waiting: {
      ...restWaiting,
      ...(wait && {
        onUs: ownWaitKept ? ownWait : { since: wait.since, threadId: '', messageId: '', threads: 1 },
      }),
      ...(team.waitingOnClientSince !== undefined && {
        onThem: { since: team.waitingOnClientSince, threadId: '', messageId: '', threads: 1 },
      }),
    },
    ...(wait?.ours && { latency: { ...base.latency, ours: wait.ours } }),
    ...(businessMs !== undefined && { waitingOnUsBusinessMs: businessMs }),
    ...(cadence && { cadence }),
    trend: {
      last30,
      previous90,
      expected30: previous90 / 3,
      ...(previous90 > 0 && { ratio: last30 / (previous90 / 3) }),
    },
    onboarding: { active: daysSinceFirstSeen < 90, daysSinceFirstSeen },
  };
}
