// Contact cadence: gaps between the days a client wrote to us, and how the
// current silence compares with that client's usual gap.
//
// Few clients have enough gaps for their own median to mean much, so the usual
// gap is shrunk toward the account's population (empirical Bayes on log-gaps):
// log-gaps of client i are modelled as N(θ_i, σ²) with θ_i ~ N(μ, τ²). μ, τ²
// and σ² are estimated from all clients (method of moments); the posterior
// mean of θ_i weighs the client's own mean log-gap by n_i/σ² against μ by 1/τ².
// A client with one gap is mostly the population; one with thirty is itself.
// exp(posterior mean) is the usual (geometric-median) gap, and the 90th
// percentile of the posterior predictive, exp(mean + 1.2816·√(σ² + posterior
// variance)), is the silence beyond which we call it unusual.

import { quantileSorted, sortedNumbers } from './stats';

export interface CadencePrior {
  /** Population mean of the clients' mean log-gap (log days). */
  mu: number;
  /** Variance of the clients' true mean log-gaps around mu. */
  tau2: number;
  /** Variance of one client's log-gaps around its own mean. */
  sigma2: number;
  /** Clients with at least one gap that informed the prior. */
  clients: number;
}

/** Used until an account has enough clients to estimate its own: a weekly rhythm, wide uncertainty. */
export const DEFAULT_CADENCE_PRIOR: CadencePrior = { mu: Math.log(7), tau2: 1, sigma2: 1, clients: 0 };

const Z90 = 1.2815515655446004;
const MIN_CLIENTS_FOR_PRIOR = 5;
const MIN_VARIANCE = 0.05;
/**
 * The account's spread of log-gaps counts as this many of a client's own
 * degrees of freedom: two gaps alone say little about how regular a client is.
 */
const SPREAD_PRIOR_DF = 2;

/** Gaps in days between consecutive distinct contact days (ascending input). */
export function contactGaps(sortedDays: readonly number[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < sortedDays.length; i++) {
    const gap = (sortedDays[i] ?? 0) - (sortedDays[i - 1] ?? 0);
    if (gap > 0) gaps.push(gap);
  }
  return gaps;
}

export function fitCadencePrior(gapsPerClient: ReadonlyArray<readonly number[]>): CadencePrior {
  const clients = gapsPerClient.filter((g) => g.length > 0).map((g) => g.map(Math.log));
  if (clients.length < MIN_CLIENTS_FOR_PRIOR) return { ...DEFAULT_CADENCE_PRIOR, clients: clients.length };
  const means = clients.map((logs) => logs.reduce((s, v) => s + v, 0) / logs.length);
  let within = 0;
  let withinDf = 0;
  clients.forEach((logs, i) => {
    for (const v of logs) within += (v - (means[i] ?? 0)) ** 2;
    withinDf += logs.length - 1;
  });
  const sigma2 = withinDf > 0 ? Math.max(within / withinDf, MIN_VARIANCE) : DEFAULT_CADENCE_PRIOR.sigma2;
  const mu = means.reduce((s, v) => s + v, 0) / means.length;
  const spreadOfMeans = means.reduce((s, v) => s + (v - mu) ** 2, 0) / Math.max(means.length - 1, 1);
  const noiseInMeans = clients.reduce((s, logs) => s + sigma2 / logs.length, 0) / clients.length;
  return { mu, tau2: Math.max(spreadOfMeans - noiseInMeans, MIN_VARIANCE), sigma2, clients: clients.length };
}

export interface Cadence {
  contactDays: number;
  lastContactDay: number;
  gaps: number;
  /** The client's own gaps, unshrunk (days). */
  medianGapDays?: number;
  p90GapDays?: number;
  /** Shrunk usual gap and the unusual-silence threshold (days). */
  usualGapDays: number;
  unusualGapDays: number;
  /** Whole days since the last contact day. */
  silenceDays: number;
  /** silenceDays / unusualGapDays: above 1 means longer than 9 in 10 of this client's expected gaps. */
  silenceRatio: number;
  /**
   * How irregular the client's gaps are: the standard deviation of its own
   * log-gaps, shrunk toward the account's (SPREAD_PRIOR_DF). exp of it is the
   * factor a typical gap differs from the usual one by. The unusual gap over
   * the usual one cannot say this: the shrinkage makes it a function of the
   * number of gaps alone. Absent in reports stored before it was kept.
   */
  logGapSpread?: number;
}

export function cadence(sortedDays: readonly number[], today: number, prior: CadencePrior): Cadence | undefined {
  const last = sortedDays[sortedDays.length - 1];
  if (last === undefined) return undefined;
  const gaps = contactGaps(sortedDays);
  const logs = gaps.map(Math.log);
  const n = logs.length;
  const ownMean = n > 0 ? logs.reduce((s, v) => s + v, 0) / n : 0;
  const ownSquares = logs.reduce((s, v) => s + (v - ownMean) ** 2, 0);
  const precision = n / prior.sigma2 + 1 / prior.tau2;
  const postMean = ((n * ownMean) / prior.sigma2 + prior.mu / prior.tau2) / precision;
  const usual = Math.exp(postMean);
  const unusual = Math.exp(postMean + Z90 * Math.sqrt(prior.sigma2 + 1 / precision));
  const sorted = sortedNumbers(gaps);
  const silenceDays = Math.max(0, today - last);
  const result: Cadence = {
    contactDays: sortedDays.length,
    lastContactDay: last,
    gaps: n,
    usualGapDays: usual,
    unusualGapDays: unusual,
    silenceDays,
    silenceRatio: silenceDays / unusual,
    logGapSpread: Math.sqrt((ownSquares + SPREAD_PRIOR_DF * prior.sigma2) / (Math.max(n - 1, 0) + SPREAD_PRIOR_DF)),
  };
  if (n > 0) {
    result.medianGapDays = quantileSorted(sorted, 0.5);
    result.p90GapDays = quantileSorted(sorted, 0.9);
  }
  return result;
}
