// Maximum-likelihood fit of the BG/NBD model.
import type { BgNbdCustomer, BgNbdParams } from './bgnbd';
import { compact, compactGradient, compactLogLikelihood, scratchFor } from './bgnbd-likelihood';
import { minimizeInBox } from './box-bfgs';

export interface BgNbdFit {
  params: BgNbdParams;
  /** Total log-likelihood at the fitted parameters. */
  ll: number;
  /** Quasi-Newton steps summed over both starts. */
  iterations: number;
}

export class NotEnoughDataError extends Error {}

const fromLog = (theta: ArrayLike<number>): BgNbdParams => ({
  r: Math.exp(theta[0] ?? 0),
  alpha: Math.exp(theta[1] ?? 0),
  a: Math.exp(theta[2] ?? 0),
  b: Math.exp(theta[3] ?? 0),
});

/**
 * Parameters are kept within 1e-4 … 1e4. Beyond that the data cannot tell
 * values apart (a and b growing together turn the beta into a point mass,
 * r and α together the gamma), and the conditional expectation's series needs
 * more terms than it is worth. Many accounts' optimum lies on that bound (b
 * at 1e4: every client equally likely to drop out), which the fit treats as
 * the boundary solution it is rather than crawling towards it.
 */
const LOG_BOUND = Math.log(1e4);

/**
 * Per client, in log-likelihood per unit of ln-parameter: below this the
 * likelihood's rise is lost in its rounding, far below the 1e-6 per client
 * by which a fit may differ from the best one.
 */
const GRADIENT_TOLERANCE = 1e-9;

/**
 * Fits r, α, a, b by quasi-Newton steps (BFGS) with the likelihood's exact
 * gradient, on their logarithms (so they stay positive and the surface is
 * closer to quadratic), within the bounds above. Two different starts guard
 * against a poor first basin, and the better end wins.
 */
export function fitBgNbd(customers: readonly BgNbdCustomer[]): BgNbdFit {
  if (customers.length < 2) throw new NotEnoughDataError(`BG/NBD needs at least 2 clients, got ${customers.length}`);
  const data = compact(customers);
  if (data.distinctX.length < 2 || data.distinctX.every((x) => x === 0)) {
    throw new NotEnoughDataError(
      'BG/NBD needs clients with different numbers of repeat contacts, including some repeats',
    );
  }
  const n = customers.length;
  const scratch = scratchFor(data);
  const problem = {
    value: (theta: Float64Array) => {
      const value = -compactLogLikelihood(fromLog(theta), data, scratch) / n;
      return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
    },
    gradient: (theta: Float64Array, out: Float64Array) => {
      compactGradient(fromLog(theta), data, scratch, out);
      for (let i = 0; i < out.length; i++) out[i] = -(out[i] as number) / n;
    },
    lower: -LOG_BOUND,
    upper: LOG_BOUND,
  };
  let totalT = 0;
  for (let i = 0; i < data.count.length; i++) {
    totalT += (data.count[i] as number) * (data.distinctT[data.TIndex[i] as number] as number);
  }
  const meanT = totalT / n;
  const starts = [
    [0, Math.log(Math.max(meanT, 1e-6)), 0, 0],
    [Math.log(0.5), Math.log(Math.max(meanT / 4, 1e-6)), Math.log(0.5), Math.log(2)],
  ];
  let best = { point: starts[0] as number[], value: Number.POSITIVE_INFINITY };
  let iterations = 0;
  for (const start of starts) {
    const end = minimizeInBox(problem, start, {
      gradientTolerance: GRADIENT_TOLERANCE,
      maxIterations: 500,
      maxStep: 1,
    });
    iterations += end.iterations;
    if (end.value < best.value) best = end;
  }
  if (!Number.isFinite(best.value)) throw new NotEnoughDataError('BG/NBD likelihood is not finite for this data');
  const params = fromLog(best.point);
  return { params, ll: compactLogLikelihood(params, data, scratch), iterations };
}
