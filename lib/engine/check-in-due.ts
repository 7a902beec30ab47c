// When a check-in became due: the moment the client's chance of going quiet
// reached the user's threshold, not the moment it was noticed. With no mail
// since the last exchange, only the time moves: silence, the wait on either
// side and the relationship's age grow, and the model's chance grows with them
// (more silence never makes a client less likely to go quiet), so the first
// moment at or over the threshold is found by halving the interval.
import { HOUR } from './business-hours';
import type { ClientMetrics, PopulationModel } from './report-types';
import { modelInput } from './risk';
import { riskFeatures } from './risk-model/risk-features';
import { SHIPPED_MODEL, scoreFeatures } from './risk-model/risk-score';
import type { ShippedModel } from './risk-model/shipped-model';

/** Precise enough for a due time shown as a date, and at most a dozen or so scorings of the model. */
const RESOLUTION = HOUR;

/** The chance (percent, rounded as the badge shows it) the client had at `at`, the metrics held as they are. */
export function chanceOverTime(
  metrics: ClientMetrics,
  population: PopulationModel,
  model: ShippedModel = SHIPPED_MODEL,
): (at: number) => number {
  return (at) => Math.round(scoreFeatures(riskFeatures(modelInput(metrics, population, at)), model).chance * 100);
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
