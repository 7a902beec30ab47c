// When a check-in became due: the moment the client's chance of going quiet
// reached the user's threshold, not the moment it was noticed. With no mail
// since the last exchange, only the time moves: silence, the wait on either
// side and the relationship's age grow, and the model's chance grows with them
// (more silence never makes a client less likely to go quiet), so the first
// moment at or over the threshold is found by halving the interval.
import { HOUR } from './business-hours';
import type { ClientMetrics, PopulationModel } from './report-types';
import { modelInput } from './risk';
import { CLOCK_FEATURES, type ClockFeatures, clockFeatures, riskFeatures } from './risk-model/risk-features';
import { SHIPPED_MODEL, scoreFeatures, sigmoid } from './risk-model/risk-score';
import type { ShippedModel } from './risk-model/shipped-model';

/** Precise enough for a due time shown as a date, and at most a dozen or so scorings of the model. */
const RESOLUTION = HOUR;

const MOVES_WITH_CLOCK: ReadonlySet<string> = new Set(CLOCK_FEATURES);

/**
 * The model's log-odds for the client at `at`, the metrics held as they are. Only the clock's signals
 * are scored again at each time; the other terms are the same numbers, added in the model's order as
 * scoreFeatures adds them, so each value is scoreFeatures' own to the last bit.
 */
export function logOddsOverTime(
  metrics: ClientMetrics,
  population: PopulationModel,
  model: ShippedModel = SHIPPED_MODEL,
): (at: number) => number {
  const fixed = riskFeatures({ metrics, population, now: metrics.firstSeenAt });
  const terms = model.terms.map(({ feature, mean, scale, weight }) => ({
    clock: MOVES_WITH_CLOCK.has(feature) ? (feature as keyof ClockFeatures) : undefined,
    mean,
    scale,
    weight,
    part: (weight * (fixed[feature] - mean)) / scale,
  }));
  return (at) => {
    // While the user expects silence the model reads the client as just heard from: more than the clock moves.
    if (metrics.quietUntil !== undefined && at < metrics.quietUntil)
      return scoreFeatures(riskFeatures(modelInput(metrics, population, at)), model).logOdds;
    const moving = clockFeatures({ metrics, population, now: at });
    let logOdds = model.intercept;
    for (const { clock, mean, scale, weight, part } of terms) {
      logOdds += clock === undefined ? part : (weight * (moving[clock] - mean)) / scale;
    }
    return logOdds;
  };
}

/** The chance (percent, rounded as the badge shows it) the client had at `at`, the metrics held as they are. */
export function chanceOverTime(
  metrics: ClientMetrics,
  population: PopulationModel,
  model: ShippedModel = SHIPPED_MODEL,
): (at: number) => number {
  const logOddsAt = logOddsOverTime(metrics, population, model);
  return (at) => Math.round(sigmoid(logOddsAt(at)) * 100);
}

/**
 * The first time in [from, now] at which `chanceAt` reached `threshold`, to
 * RESOLUTION; `from` when it was already there, `now` when it only just is.
 */
export function thresholdCrossedAt(
  chanceAt: (at: number) => number,
  from: number,
  now: number,
  threshold: number,
): number {
  if (from >= now || chanceAt(from) >= threshold) return Math.min(from, now);
  let below = from;
  let reached = now;
  while (reached - below > RESOLUTION) {
    const middle = below + Math.floor((reached - below) / 2);
    if (chanceAt(middle) >= threshold) reached = middle;
    else below = middle;
  }
  return reached;
}
