// BG/NBD ("beta-geometric / negative binomial distribution") model of
// Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way",
// Marketing Science 24(2):275–284. Equation numbers refer to that paper.
//
// A client makes repeat contacts as a Poisson process with rate λ ~ Gamma(r, α);
// after each contact it "dies" with probability p ~ Beta(a, b). Per client the
// data are x (repeat contacts), t_x (time of the last one, from the first) and
// T (time from the first contact to now); all times in one unit (see
// bgnbd-summary.ts).
import { type LogValue, logGamma, logHyp2f1, logSumExp } from './special-functions';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdCustomer {
  /** Number of repeat transactions (an integer ≥ 0). */
  x: number;
  /** Time of the last repeat transaction, from the first; 0 when x = 0. */
  tx: number;
  /** Time from the first transaction to the end of observation. */
  T: number;
}

/** Throws a RangeError naming what is wrong, so a bad row is never silently fitted. */
export function assertValidCustomer(c: BgNbdCustomer, label = 'customer'): void {
  if (!Number.isInteger(c.x) || c.x < 0) throw new RangeError(`${label}: x must be a whole number ≥ 0, got ${c.x}`);
  if (!Number.isFinite(c.T) || c.T < 0) throw new RangeError(`${label}: T must be a finite number ≥ 0, got ${c.T}`);
  if (!Number.isFinite(c.tx) || c.tx < 0)
    throw new RangeError(`${label}: t_x must be a finite number ≥ 0, got ${c.tx}`);
  if (c.tx > c.T) throw new RangeError(`${label}: t_x (${c.tx}) cannot be after T (${c.T})`);
  if (c.x === 0 && c.tx !== 0) throw new RangeError(`${label}: t_x must be 0 when x = 0, got ${c.tx}`);
}

export function assertValidParams(p: BgNbdParams): void {
  // Each key in turn rather than a list of entries: every client's P(alive) checks the same parameters.
  for (const name in p) {
    const value = p[name as keyof BgNbdParams];
    if (!(Number.isFinite(value) && value > 0))
      throw new RangeError(`BG/NBD parameter ${name} must be > 0, got ${value}`);
  }
}

/**
 * Log-likelihood of one client, eq. (6) rewritten as sums of logs:
 *   ln L = A1 + A2 + ln(e^A3 + δ(x>0)·e^A4)
 *   A1 = lnΓ(r+x) − lnΓ(r) + r ln α
 *   A2 = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
 * The log-sum-exp keeps the two terms from underflowing for large x or T.
 */
export function customerLogLikelihood(p: BgNbdParams, c: BgNbdCustomer): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = c;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : Number.NEGATIVE_INFINITY;
  return a1 + a2 + logSumExp(a3, a4);
}

/** Sum of the clients' log-likelihoods. */
export function logLikelihood(p: BgNbdParams, customers: readonly BgNbdCustomer[]): number {
  let sum = 0;
  for (const c of customers) sum += customerLogLikelihood(p, c);
  return sum;
}

/** ln of the odds term a/(b+x−1)·((α+T)/(α+t_x))^(r+x) shared by eq. (13) and (10). */
function logDeathOdds(p: BgNbdParams, c: BgNbdCustomer): number {
  return Math.log(p.a) - Math.log(p.b + c.x - 1) + (p.r + c.x) * (Math.log(p.alpha + c.T) - Math.log(p.alpha + c.tx));
}

/** P(alive | x, t_x, T), eq. (13). A client with no repeat contact cannot have died yet in this model: 1. */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  assertValidParams(p);
  assertValidCustomer({ x, tx, T });
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(logDeathOdds(p, { x, tx, T })));
}

/**
 * E[Y(t) | x, t_x, T]: expected repeat transactions in the next t, eq. (10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)] / (1 + δ·odds),
 *   z = t/(α+T+t).
 * For large x the 2F1 series has huge parameters and its terms overflow before
 * they shrink, so we use Euler's transformation
 *   2F1(A, B; C; z) = (1−z)^(C−A−B) · 2F1(C−A, C−B; C; z),
 * with C−A = a+b−1−r and C−B = a−1, which no longer grow with x. The power
 * factors then combine to (1−z)^(a−1), and the product is formed in logs
 * because for large a·z the series alone exceeds the double range.
 */
export function expectedTransactions(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  assertValidParams(p);
  assertValidCustomer({ x, tx, T });
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const c = a + b + x - 1;
  const bracket = 1 - powerTimesSeries(a - 1, z, logHyp2f1(a + b - 1 - r, a - 1, c, z));
  const numerator = (c / (a - 1)) * bracket;
  const denominator = x > 0 ? 1 + Math.exp(logDeathOdds(p, { x, tx, T })) : 1;
  return numerator / denominator;
}

/**
 * E[X(t)] for a new client, eq. (9), with the same Euler transformation:
 *   (a+b−1)/(a−1) · [1 − (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b−1; z)], z = t/(α+t).
 */
export function expectedTransactionsUnconditional(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - powerTimesSeries(a - 1, z, logHyp2f1(a + b - 1 - r, a - 1, a + b - 1, z)));
}

/** (1−z)^power · series, with the series given in log form. */
function powerTimesSeries(power: number, z: number, series: LogValue): number {
  return series.sign * Math.exp(power * Math.log1p(-z) + series.log);
}
