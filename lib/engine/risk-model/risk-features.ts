// The readable signals the chance of going quiet is computed from, each a
// monotone transform of a number the side panel can show. The same function
// feeds the shipped model in the extension and the evaluation that fits it, so
// what was fitted is what is scored.
import { DAY, HOUR } from '../business-hours';
import type { ClientMetrics, PopulationModel } from '../report-types';

/** Our message left unanswered longer than this is no longer a wait but the silence itself. */
export const WAIT_ON_THEM_LIMIT = 180 * DAY;
/** Their message unanswered longer than this no longer counts as waiting on us. */
export const WAIT_ON_US_LIMIT = 30 * DAY;
/**
 * The silence counts against the expected gap up to this many gaps. Ten gaps
 * of silence already say the client's rhythm is broken; twenty say little
 * more, and a log without a cap kept raising the chance of the longest-silent
 * clients past the share of them that went quiet (issue #16). The days of
 * silence themselves still count in full.
 */
export const SILENCE_VS_USUAL_CAP = 10;

export const FEATURE_NAMES = [
  /** log(1 + days since the last exchange either way). */
  'silence',
  /** log(1 + silence ÷ expected gap, at most SILENCE_VS_USUAL_CAP), the expected gap the geometric mean of the client's usual gap and the account's. */
  'silenceVsUsual',
  /** log(1 + days since their last message). */
  'sinceTheirs',
  /** 1 when the last exchange was our message. */
  'weWroteLast',
  /** log(contact days). */
  'contactDays',
  /** log(the client's usual gap between contact days, in days). */
  'usualGap',
  /** log(1 + days since the first message). */
  'age',
  /** log(1 + their messages in the last 30 days). */
  'last30',
  /** log(1 + their messages in the 90 days before). */
  'previous90',
  /** log(1 + days our oldest unanswered message has waited), within 180 days. */
  'waitingOnThem',
  /** log(1 + days their oldest unanswered message has waited), within 30 days. */
  'waitingOnUs',
  /** log(1 + their median reply time in hours); 0 when they never replied. */
  'theirReply',
  /** log(1 + our median reply time in hours); 0 when we never replied. */
  'ourReply',
  /** 1 in the first 90 days of the relationship. */
  'firstNinetyDays',
  /** 1 − BG/NBD P(alive); 0 when the account's model or the client's repeats are missing. */
  'pAliveGap',
  /** log of the account's messages from all clients in the last 30 days against its monthly rate of the 90 before. */
  'accountTrend',
  /** The share of the client's conversations they started, shrunk toward half by THREAD_START_PRIOR. */
  'theyStart',
  /** How irregular their contact days are: the spread of their log-gaps, shrunk toward the account's (cadence.ts). */
  'gapSpread',
] as const;

/**
 * Conversations imagined started by each side before the client's own are
 * counted (a uniform prior), so one thread says little: one they started
 * reads 2/3, ten of ten 11/12.
 */
export const THREAD_START_PRIOR = 1;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

/** What a client's features are read from: its metrics, the account's population and the clock. */
export interface FeatureInput {
  metrics: ClientMetrics;
  population: PopulationModel;
  now: number;
}

const log1p = Math.log1p;

/** The expected gap between contact days, in days: the client's usual gap against the account's. */
export function expectedGapDays(metrics: ClientMetrics, population: PopulationModel): number {
  const accountGapDays = Math.exp(population.cadence.mu);
  return Math.sqrt(Math.max(metrics.cadence?.usualGapDays ?? accountGapDays, 1) * Math.max(accountGapDays, 1));
}

/** The share of the client's conversations they started, shrunk toward half; half when none were counted. */
export function theyStartShare(m: ClientMetrics): number {
  const theirs = m.threadsTheyStarted ?? 0;
  const ours = m.threadsWeStarted ?? 0;
  return (theirs + THREAD_START_PRIOR) / (theirs + ours + 2 * THREAD_START_PRIOR);
}

/** The last exchange either way (mail or an activity the CRM recorded), or undefined without any. */
export function lastExchangeAt(m: ClientMetrics): number | undefined {
  const last = Math.max(
    m.lastInboundAt ?? Number.NEGATIVE_INFINITY,
    m.lastOutboundAt ?? Number.NEGATIVE_INFINITY,
    m.outsideContact?.lastAt ?? Number.NEGATIVE_INFINITY,
  );
  return Number.isFinite(last) ? last : undefined;
}

/** The signals that move with the clock alone, the metrics held as they are (check-in-due.ts scores only these over time). */
export const CLOCK_FEATURES = [
  'silence',
  'silenceVsUsual',
  'sinceTheirs',
  'age',
  'waitingOnThem',
  'waitingOnUs',
] as const;

export type ClockFeatures = Pick<Features, (typeof CLOCK_FEATURES)[number]>;

export function clockFeatures({ metrics: m, population, now }: FeatureInput): ClockFeatures {
  const last = lastExchangeAt(m) ?? m.firstSeenAt;
  const silenceDays = Math.max(0, (now - last) / DAY);
  const lastTheirs = Math.max(m.lastInboundAt ?? m.firstSeenAt, m.outsideContact?.lastAt ?? Number.NEGATIVE_INFINITY);
  const onThem = m.waiting.onThem;
  const onUs = m.waiting.onUs;
  const onThemMs = onThem && now - onThem.since <= WAIT_ON_THEM_LIMIT ? now - onThem.since : 0;
  const onUsMs = onUs && now - onUs.since <= WAIT_ON_US_LIMIT ? now - onUs.since : 0;
  return {
    silence: log1p(silenceDays),
    silenceVsUsual: log1p(Math.min(silenceDays / expectedGapDays(m, population), SILENCE_VS_USUAL_CAP)),
    sinceTheirs: log1p(Math.max(0, (now - lastTheirs) / DAY)),
    age: log1p(Math.max(0, (now - m.firstSeenAt) / DAY)),
    waitingOnThem: log1p(onThemMs / DAY),
    waitingOnUs: log1p(onUsMs / DAY),
  };
}

export function riskFeatures(input: FeatureInput): Features {
  const { metrics: m, population } = input;
  const last = lastExchangeAt(m) ?? m.firstSeenAt;
  const p = m.bgnbd?.pAlive;
  // Field by field, not spread: a spread object here takes V8's slow path, at tens of times the cost.
  const clock = clockFeatures(input);
  return {
    silence: clock.silence,
    silenceVsUsual: clock.silenceVsUsual,
    sinceTheirs: clock.sinceTheirs,
    age: clock.age,
    waitingOnThem: clock.waitingOnThem,
    waitingOnUs: clock.waitingOnUs,
    weWroteLast: (m.lastOutboundAt ?? Number.NEGATIVE_INFINITY) >= last ? 1 : 0,
    contactDays: Math.log(Math.max(1, m.cadence?.contactDays ?? 1)),
    usualGap: Math.log(Math.max(1, m.cadence?.usualGapDays ?? Math.exp(population.cadence.mu))),
    last30: log1p(m.trend.last30),
    previous90: log1p(m.trend.previous90),
    theirReply: log1p((m.latency.theirs.medianMs ?? 0) / HOUR),
    ourReply: log1p((m.latency.ours.medianMs ?? 0) / HOUR),
    firstNinetyDays: m.onboarding.active ? 1 : 0,
    pAliveGap: p !== undefined && (m.bgnbd?.x ?? 0) >= 2 ? 1 - p : 0,
    accountTrend: population.activity
      ? Math.log((population.activity.last30 + 1) / (population.activity.previous90 / 3 + 1))
      : 0,
    theyStart: theyStartShare(m),
    gapSpread: m.cadence?.logGapSpread ?? Math.sqrt(population.cadence.sigma2),
  };
}
