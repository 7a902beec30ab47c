// When a check-in became due: the moment the client's chance of going quiet
// reached the user's threshold, not the moment it was noticed. With no mail
// since the last exchange, only the time moves: silence, the wait on either
// side and the relationship's age grow, and the model's chance never falls
// with them (more silence never makes a client less likely to go quiet; the
// silence against the usual gap stops at its cap, where its part goes flat),
// so the first moment at or over the threshold is found by halving the
// interval, and a chance that stays flat under it dates no check-in.
import { DAY, HOUR } from './business-hours';
import type { ClientMetrics, PopulationModel } from './report-types';
import { modelInput } from './risk';
import { CLOCK_FEATURES, type ClockFeatures, clockFeatures, riskFeatures } from './risk-model/risk-features';
import { SHIPPED_MODEL, scoreFeatures, sigmoid } from './risk-model/risk-score';
import type { ShippedModel } from './risk-model/shipped-model';

/** Precise enough for a due time shown as a date, and at most a dozen or so scorings of the model. */
const RESOLUTION = HOUR;

/** Steps of the guess at the crossing, and how far either side of it the chance is scored first. */
const GUESS_STEPS = 4;
const GUESS_MARGIN = 60_000;

const MOVES_WITH_CLOCK: ReadonlySet<string> = new Set(CLOCK_FEATURES);

/** Which clock signal each of a model's terms reads, if any: the same for every client, so found once per model. */
const clockOfTerms = new WeakMap<ShippedModel, (keyof ClockFeatures | undefined)[]>();

function clockOf(model: ShippedModel): (keyof ClockFeatures | undefined)[] {
  let clocks = clockOfTerms.get(model);
  if (!clocks) {
    clocks = model.terms.map(({ feature }) =>
      MOVES_WITH_CLOCK.has(feature) ? (feature as keyof ClockFeatures) : undefined,
    );
    clockOfTerms.set(model, clocks);
  }
  return clocks;
}

/**
 * Each term's part of the log-odds with the metrics held as they are: the
 * parts of the terms that do not move with the clock. As scoreFeatures makes them.
 */
function fixedParts(metrics: ClientMetrics, population: PopulationModel, model: ShippedModel): Float64Array {
  const fixed = riskFeatures({ metrics, population, now: metrics.firstSeenAt });
  const parts = new Float64Array(model.terms.length);
  model.terms.forEach(({ feature, mean, scale, weight }, i) => {
    parts[i] = (weight * (fixed[feature] - mean)) / scale;
  });
  return parts;
}

/**
 * The model's log-odds for the client at `at`, the metrics held as they are. Only the clock's signals
 * are scored again at each time; the other terms are the same numbers, added in the model's order as
 * scoreFeatures adds them, so each value is scoreFeatures' own to the last bit. The fixed terms are
 * found at the first time asked: most clients' chance is never asked over time (only a check-in's is).
 */
export function logOddsOverTime(
  metrics: ClientMetrics,
  population: PopulationModel,
  model: ShippedModel = SHIPPED_MODEL,
): (at: number) => number {
  const clocks = clockOf(model);
  let parts: Float64Array | undefined;
  return (at) => {
    // While the user expects silence the model reads the client as just heard from: more than the clock moves.
    if (metrics.quietUntil !== undefined && at < metrics.quietUntil)
      return scoreFeatures(riskFeatures(modelInput(metrics, population, at)), model).logOdds;
    parts ??= fixedParts(metrics, population, model);
    const moving = clockFeatures({ metrics, population, now: at });
    let logOdds = model.intercept;
    for (let i = 0; i < clocks.length; i++) {
      const clock = clocks[i];
      if (clock === undefined) logOdds += parts[i] as number;
      else {
        const { mean, scale, weight } = model.terms[i] as ShippedModel['terms'][number];
        logOdds += (weight * (moving[clock] - mean)) / scale;
      }
    }
    return logOdds;
  };
}

/** The chance over time, and where it is expected to reach a percent: thresholdCrossedAt scores around there first. */
export interface ChanceOverTime {
  (at: number): number;
  expectedCrossing?: (percent: number, from: number, now: number) => number | undefined;
}

/** The chance (percent, rounded as the badge shows it) the client had at `at`, the metrics held as they are. */
export function chanceOverTime(
  metrics: ClientMetrics,
  population: PopulationModel,
  model: ShippedModel = SHIPPED_MODEL,
): ChanceOverTime {
  const logOddsAt = logOddsOverTime(metrics, population, model);
  const chanceAt: ChanceOverTime = roundedChance(logOddsAt);
  chanceAt.expectedCrossing = (percent, from, now) => expectedCrossing(logOddsAt, percent, from, now);
  return chanceAt;
}

// The helpers below are plain functions at module level rather than closures
// made on every call: a report asks for the chance over time of every client.
const roundedChance =
  (logOddsAt: (at: number) => number): ChanceOverTime =>
  (at) =>
    Math.round(sigmoid(logOddsAt(at)) * 100);

/** The time `x` stands for: x is log(1 + days since `from`). */
const timeOf = (from: number, x: number) => from + Math.expm1(x) * DAY;

/** Where the straight line through the two ends meets zero. */
const falsePosition = (lowX: number, lowOff: number, highX: number, highOff: number) =>
  lowX + ((highX - lowX) * -lowOff) / (highOff - lowOff);

/**
 * Where the log-odds reach those of `percent` less half a point (where the rounded chance reaches it),
 * by a few steps of false position against log(1 + days since `from`): the clock's signals grow as the
 * log of days, so the log-odds are nearly straight against it (bent where the silence against the usual
 * gap reaches its cap). Only a guess, the halving decides: undefined without a crossing.
 */
function expectedCrossing(
  logOddsAt: (at: number) => number,
  percent: number,
  from: number,
  now: number,
): number | undefined {
  const p = (percent - 0.5) / 100;
  const target = Math.log(p / (1 - p));
  let lowX = 0;
  let lowOff = logOddsAt(from) - target;
  let highX = Math.log1p((now - from) / DAY);
  let highOff = logOddsAt(now) - target;
  if (!(lowOff < 0 && highOff >= 0)) return undefined;
  // Illinois: an end kept twice running counts half, so false position does not creep from one side.
  let kept: 'low' | 'high' | undefined;
  for (let step = 0; step < GUESS_STEPS; step++) {
    const x = falsePosition(lowX, lowOff, highX, highOff);
    const off = logOddsAt(timeOf(from, x)) - target;
    if (off < 0) {
      lowX = x;
      lowOff = off;
      if (kept === 'high') highOff /= 2;
      kept = 'high';
    } else {
      highX = x;
      highOff = off;
      if (kept === 'low') lowOff /= 2;
      kept = 'low';
    }
  }
  return Math.round(timeOf(from, falsePosition(lowX, lowOff, highX, highOff)));
}

/**
 * The first time in [from, now] at which `chanceAt` reached `threshold`, to
 * RESOLUTION; `from` when it was already there, `now` when it only just is.
 *
 * With the crossing expected somewhere, the chance is first scored a little
 * before and after it; a halving step on the far side of either is then known
 * without scoring, since the chance never falls as time passes. Every step
 * takes the side plain halving takes, so the answer is the same, from a
 * handful of scorings instead of a dozen or so.
 */
export function thresholdCrossedAt(chanceAt: ChanceOverTime, from: number, now: number, threshold: number): number {
  if (from >= now || chanceAt(from) >= threshold) return Math.min(from, now);
  let knownBelow = from;
  let knownReached = now;
  const expected = chanceAt.expectedCrossing?.(threshold, from, now);
  if (expected !== undefined) {
    for (const at of [expected - GUESS_MARGIN, expected + GUESS_MARGIN]) {
      if (at <= knownBelow || at >= knownReached) continue;
      if (chanceAt(at) >= threshold) knownReached = at;
      else knownBelow = at;
    }
  }
  let below = from;
  let reached = now;
  while (reached - below > RESOLUTION) {
    const middle = below + Math.floor((reached - below) / 2);
    const atOrOver = middle <= knownBelow ? false : middle >= knownReached || chanceAt(middle) >= threshold;
    if (atOrOver) reached = middle;
    else below = middle;
  }
  return reached;
}
