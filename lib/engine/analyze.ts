// The engine's entry points: a whole account at once (fitting the population
// model), or one client against an already fitted population.
import type { BgNbdParams } from './bgnbd';
import { expectedTransactions, pAlive } from './bgnbd';
import { fitBgNbd, NotEnoughDataError } from './bgnbd-fit';
import { summarizeContactDays } from './bgnbd-summary';
import { type BusinessClock, createBusinessClock, DAY } from './business-hours';
import { cadence, contactGaps, fitCadencePrior } from './cadence';
import { type ClientBucket, groupByClient } from './client-buckets';
import { isPersonKey } from './client-identity';
import { byTime, type ClientMessage } from './conversation';
import { detectCues } from './cues';
import { type FollowUpState, reconcileFollowUps, suggestFollowUps } from './follow-ups';
import { latencyStats, matchReplies, type ReplySample, summarizeLatency } from './latency';
import { addOutsideContact, type OutsideContact } from './outside-contact';
import { type ClientOverride, type ClientOverrides, createClientResolver } from './overrides';
import type { ClientMetrics, ClientReport, InputIssue, PopulationModel } from './report-types';
import { assessRisk } from './risk';
import { type EngineSettings, parseEngineSettings } from './settings';
import { spread } from './stats';
import { messageTrend } from './trend';
import type { AccountIdentity, MailMessage } from './types';
import { summarizeWaiting, type ThreadState, threadState } from './waiting';

const ONBOARDING_DAYS = 90;
const RECENT = 30 * DAY;
/**
 * Fewer clients with repeat contact than this say too little about the account
 * to fit BG/NBD (a fit on one-off contacts is degenerate); P(alive) is then left out.
 */
const MIN_CLIENTS_FOR_BGNBD = 10;

export interface AnalyzeAccountInput extends OutsideContact {
  messages: readonly MailMessage[];
  identity: AccountIdentity;
  settings?: Partial<EngineSettings>;
  overrides?: ClientOverrides;
  now: number;
  /** Stored follow-up decisions; when given, each report's follow-ups carry their status. */
  followUpStates?: readonly FollowUpState[];
}

export interface AccountAnalysis {
  /** Highest risk first. */
  clients: ClientReport[];
  model: BgNbdParams | undefined;
  population: PopulationModel;
  /** Messages that could not be used, and override problems. */
  issues: InputIssue[];
}

/** What one client's messages say before the population is known. */
interface Prepared {
  bucket: ClientBucket;
  messages: ClientMessage[];
  contactDays: number[];
  samples: ReplySample[];
  threads: ThreadState[];
  lastOutInThread: Map<string, number>;
}

function prepare(bucket: ClientBucket, clock: BusinessClock): Prepared {
  const messages = [...bucket.messages].sort(byTime);
  const byThread = new Map<string, ClientMessage[]>();
  const days = new Set<number>();
  const lastOutInThread = new Map<string, number>();
  // An activity outside mail is a day of contact like a message from them: cadence and P(alive) see it.
  for (const at of bucket.events) days.add(clock.localDay(at));
  for (const m of messages) {
    const list = byThread.get(m.threadId);
    if (list) list.push(m);
    else byThread.set(m.threadId, [m]);
    if (m.side === 'in') days.add(clock.localDay(m.at));
    else lastOutInThread.set(m.threadId, m.at);
  }
  const samples: ReplySample[] = [];
  const threads: ThreadState[] = [];
  for (const thread of byThread.values()) {
    const replies = matchReplies(thread, clock);
    samples.push(...replies.samples);
    threads.push(threadState(thread, replies.open));
  }
  threads.sort((a, b) => b.lastAt - a.lastAt || (a.threadId < b.threadId ? -1 : 1));
  const contactDays = [...days].sort((a, b) => a - b);
  return { bucket, messages, contactDays, samples, threads, lastOutInThread };
}

function displayName(bucket: ClientBucket, override: ClientOverride): string {
  if (override.name) return override.name;
  if (!isPersonKey(bucket.key)) return bucket.key;
  return bucket.addresses.get(bucket.key)?.name || bucket.key;
}

function finish(
  p: Prepared,
  override: ClientOverride,
  population: PopulationModel,
  clock: BusinessClock,
  settings: EngineSettings,
  now: number,
  states: readonly FollowUpState[] | undefined,
): ClientReport {
  const { bucket, messages } = p;
  const inbound = messages.filter((m) => m.side === 'in');
  const lastInboundAt = inbound[inbound.length - 1]?.at;
  const lastOutboundAt = messages.findLast((m) => m.side === 'out')?.at;
  const firstSeenAt = Math.min(messages[0]?.at ?? now, bucket.events[0] ?? now);
  const today = clock.localDay(now);
  const ours = p.samples.filter((s) => s.by === 'out');
  const waiting = summarizeWaiting(p.threads, lastInboundAt, lastOutboundAt);
  const summary = summarizeContactDays(p.contactDays, today, 'weeks');
  const model = population.bgnbd;
  const metrics: ClientMetrics = {
    firstSeenAt,
    inbound: inbound.length,
    outbound: messages.length - inbound.length,
    latency: summarizeLatency(p.samples),
    recentOurLatency: latencyStats(ours.filter((s) => s.repliedAt > now - RECENT)),
    earlierOurLatency: latencyStats(ours.filter((s) => s.repliedAt <= now - RECENT)),
    waiting,
    trend: messageTrend(
      inbound.map((m) => m.at),
      now,
    ),
    cues: detectCues(inbound, now).map((hit) => ({
      ...hit,
      answered: (p.lastOutInThread.get(hit.threadId) ?? Number.NEGATIVE_INFINITY) > hit.at,
    })),
    onboarding: {
      active: now - firstSeenAt <= ONBOARDING_DAYS * DAY,
      daysSinceFirstSeen: Math.floor((now - firstSeenAt) / DAY),
    },
  };
  if (lastInboundAt !== undefined) metrics.lastInboundAt = lastInboundAt;
  if (lastOutboundAt !== undefined) metrics.lastOutboundAt = lastOutboundAt;
  if (waiting.onUs) metrics.waitingOnUsBusinessMs = clock.businessMillisBetween(waiting.onUs.since, now);
  const rhythm = cadence(p.contactDays, today, population.cadence);
  if (rhythm) metrics.cadence = rhythm;
  if (summary) {
    metrics.bgnbd = { ...summary };
    if (model) {
      metrics.bgnbd.pAlive = pAlive(model, summary.x, summary.tx, summary.T);
      metrics.bgnbd.expectedNext30Days = expectedTransactions(model, 30 / 7, summary.x, summary.tx, summary.T);
    }
  }
  if (override.quietUntil !== undefined) metrics.quietUntil = override.quietUntil;
  const lastEventAt = bucket.events.at(-1);
  if (lastEventAt !== undefined) metrics.outsideContact = { count: bucket.events.length, lastAt: lastEventAt };

  const risk = assessRisk(metrics, override, population, now, settings.replyTargetBusinessMs);
  const suggested = suggestFollowUps({
    clientKey: bucket.key,
    metrics,
    reasons: risk.reasons,
    threads: p.threads,
    now,
  });
  const followUps = reconcileFollowUps(suggested, states ?? [], now).followUps;
  return {
    key: bucket.key,
    displayName: displayName(bucket, override),
    kind: isPersonKey(bucket.key) ? 'person' : 'org',
    addresses: [...bucket.addresses.keys()].sort(),
    ...(override.tier && { tier: override.tier }),
    ...(override.value !== undefined && { value: override.value }),
    metrics,
    risk,
    followUps,
    threads: p.threads,
  };
}

function fitPopulation(prepared: readonly Prepared[], overrides: ClientOverrides, today: number): PopulationModel {
  const customers = prepared.flatMap((p) => summarizeContactDays(p.contactDays, today, 'weeks') ?? []);
  let bgnbd: BgNbdParams | undefined;
  if (customers.filter((c) => c.x > 0).length >= MIN_CLIENTS_FOR_BGNBD) {
    try {
      bgnbd = fitBgNbd(customers).params;
    } catch (error) {
      if (!(error instanceof NotEnoughDataError)) throw error;
    }
  }
  const ours = spread(prepared.flatMap((p) => p.samples.filter((s) => s.by === 'out').map((s) => s.businessMs)));
  const values = prepared
    .map((p) => overrides.clients?.[p.bucket.key]?.value)
    .filter((v): v is number => v !== undefined && v > 0);
  const medianValue = spread(values).median;
  return {
    ...(bgnbd && { bgnbd }),
    cadence: fitCadencePrior(prepared.map((p) => contactGaps(p.contactDays))),
    ourReplyBusinessMs: {
      ...(ours.median !== undefined && { median: ours.median }),
      ...(ours.p90 !== undefined && { p90: ours.p90 }),
    },
    ...(medianValue !== undefined && { medianValue }),
  };
}

const byRisk = (a: ClientReport, b: ClientReport) => b.risk.score - a.risk.score || (a.key < b.key ? -1 : 1);

/** Analyses every client of one account. Throws SettingsError for bad settings; bad messages become issues. */
export function analyzeAccount(input: AnalyzeAccountInput): AccountAnalysis {
  const settings = parseEngineSettings(input.settings);
  const overrides = input.overrides ?? {};
  const clock = createBusinessClock(settings);
  const resolver = createClientResolver(overrides);
  const { buckets, issues } = groupByClient(input.messages, input.identity, resolver, input.now);
  issues.push(...addOutsideContact(buckets, input, resolver, input.now));
  const prepared = [...buckets.values()].map((bucket) => prepare(bucket, clock));
  const population = fitPopulation(prepared, overrides, clock.localDay(input.now));
  const clients = prepared
    .map((p) =>
      finish(p, resolver.override(p.bucket.key), population, clock, settings, input.now, input.followUpStates),
    )
    .sort(byRisk);
  return {
    clients,
    model: population.bgnbd,
    population,
    issues: [...issues, ...resolver.problems.map((problem) => ({ problem }))],
  };
}

export interface AnalyzeClientInput extends Omit<AnalyzeAccountInput, 'messages'> {
  clientKey: string;
  /** The client's messages (others are ignored). */
  messages: readonly MailMessage[];
  population: PopulationModel;
}

/** Recomputes one client with the population fitted by analyzeAccount; undefined when it is not (or no longer) a client. */
export function analyzeClient(input: AnalyzeClientInput): ClientReport | undefined {
  const settings = parseEngineSettings(input.settings);
  const overrides = input.overrides ?? {};
  const clock = createBusinessClock(settings);
  const resolver = createClientResolver(overrides);
  const { buckets } = groupByClient(input.messages, input.identity, resolver, input.now);
  addOutsideContact(buckets, input, resolver, input.now);
  const bucket = buckets.get(input.clientKey);
  if (!bucket) return undefined;
  return finish(
    prepare(bucket, clock),
    resolver.override(bucket.key),
    input.population,
    clock,
    settings,
    input.now,
    input.followUpStates,
  );
}
