// Special functions the BG/NBD model needs, written out because no small,
// well-kept package offers a log-gamma and a checked 2F1 series together.

// Lanczos approximation (g = 7, n = 9): relative error below 1e-15 for x > 0,
// plenty for likelihoods summed over thousands of clients.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (reflection keeps it defined for non-integer x < 0.5 too). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx); the series below is only accurate for x ≥ 0.5.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0] ?? 1;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    sum += (LANCZOS_COEFFICIENTS[i] ?? 0) / (z + i);
  }
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x+1) − 1/x up to
 * x ≥ 10, then the asymptotic series, whose first omitted term is below 1e-13 there.
 */
export function digamma(x: number): number {
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift -= 1 / z;
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(z) - 0.5 * inv - series;
}

/** ln(e^a + e^b) without overflow or underflow. */
export function logSumExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const max = Math.max(a, b);
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}

export class SeriesDivergenceError extends Error {}

const MAX_SERIES_TERMS = 200_000;
const SERIES_TOLERANCE = 1e-15;
const RESCALE_AT = 1e250;

export interface LogValue {
  /** ln |value| */
  log: number;
  sign: 1 | -1 | 0;
}

// At module level rather than a closure in the series: the series runs for every client's P(alive).
const logValue = (sum: number, logScale: number): LogValue => ({
  log: Math.log(Math.abs(sum)) + logScale,
  sign: sum > 0 ? 1 : sum < 0 ? -1 : 0,
});

/**
 * Gauss hypergeometric 2F1(a, b; c; z) by its power series, for |z| < 1,
 * returned as ln|value| and sign. Each term comes from the previous by the
 * ratio (a+k)(b+k)z / ((c+k)(k+1)), so no factorials overflow; with large a·z
 * the terms first grow past the double range, so the running sum is rescaled
 * and the scale kept as a logarithm. The sum stops when the last term is
 * negligible and the ratios are settling toward z (then the tail is bounded
 * by a geometric series); otherwise it throws rather than return a truncated
 * value.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): LogValue {
  if (!(Math.abs(z) < 1)) throw new RangeError(`2F1 series needs |z| < 1, got z = ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1 is undefined for c = ${c}`);
  let term = 1;
  let sum = 1;
  let logScale = 0;
  let previousRatio = Number.NaN;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return logValue(sum, logScale);
    if (Math.abs(sum) > RESCALE_AT || Math.abs(term) > RESCALE_AT) {
      sum /= RESCALE_AT;
      term /= RESCALE_AT;
      logScale += Math.log(RESCALE_AT);
    }
    if (!Number.isFinite(sum)) break;
    // For large k the ratio tends to z, from above (shrinking) or from below
    // (growing); while it moves toward z, later ratios stay below q.
    const size = Math.abs(ratio);
    const approaching = size >= Math.abs(z) ? size <= previousRatio : size >= previousRatio;
    const q = Math.max(size, Math.abs(z));
    previousRatio = size;
    if (approaching && q < 1 && k > 0 && Math.abs(term) / (1 - q) <= SERIES_TOLERANCE * Math.abs(sum))
      return logValue(sum, logScale);
  }
  throw new SeriesDivergenceError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_SERIES_TERMS} terms`);
}

/** 2F1(a, b; c; z) as a plain number (see logHyp2f1). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const { log, sign } = logHyp2f1(a, b, c, z);
  return sign * Math.exp(log);
}
