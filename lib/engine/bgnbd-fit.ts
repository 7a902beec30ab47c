// Maximum-likelihood fit of the BG/NBD model.
import { assertValidCustomer, type BgNbdCustomer, type BgNbdParams } from './bgnbd';
import { nelderMead } from './nelder-mead';
import { logGamma } from './special-functions';

export interface BgNbdFit {
  params: BgNbdParams;
  /** Total log-likelihood at the fitted parameters. */
  ll: number;
  /** Simplex iterations summed over all restarts. */
  iterations: number;
}

export class NotEnoughDataError extends Error {}

/**
 * Distinct (x, t_x, T) rows with their counts; many clients share a row, so this
 * shrinks each evaluation. t_x and T are whole days in some unit, so far fewer
 * distinct values than rows: each row points at its own in `distinctTx` and
 * `distinctT`, and an evaluation takes one logarithm per distinct value.
 */
interface CompactData {
  xIndex: Int32Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
  count: Float64Array;
  distinctX: number[];
  distinctTx: Float64Array;
  distinctT: Float64Array;
}

function compact(customers: readonly BgNbdCustomer[]): CompactData {
  const rows = new Map<string, { c: BgNbdCustomer; n: number }>();
  customers.forEach((c, i) => {
    assertValidCustomer(c, `row ${i + 1}`);
    const key = `${c.x}|${c.tx}|${c.T}`;
    const row = rows.get(key);
    if (row) row.n += 1;
    else rows.set(key, { c, n: 1 });
  });
  const list = [...rows.values()];
  const indexed = (values: number[]) => {
    const distinct = [...new Set(values)].sort((p, q) => p - q);
    const position = new Map(distinct.map((value, i) => [value, i]));
    return { distinct, index: Int32Array.from(values, (value) => position.get(value) ?? 0) };
  };
  const x = indexed(list.map((row) => row.c.x));
  const tx = indexed(list.map((row) => row.c.tx));
  const T = indexed(list.map((row) => row.c.T));
  return {
    xIndex: x.index,
    txIndex: tx.index,
    TIndex: T.index,
    count: Float64Array.from(list, (row) => row.n),
    distinctX: x.distinct,
    distinctTx: Float64Array.from(tx.distinct),
    distinctT: Float64Array.from(T.distinct),
  };
}

/** ln(α + v) for each value, into `out`. */
function logsOfAlphaPlus(alpha: number, values: Float64Array, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) out[i] = Math.log(alpha + (values[i] as number));
}

/** Per-evaluation scratch, allocated once per fit: the likelihood runs some thousand times. */
interface Scratch {
  common: Float64Array;
  logOdds: Float64Array;
  rPlusX: Float64Array;
  logAlphaT: Float64Array;
  logAlphaTx: Float64Array;
}

function scratchFor(data: CompactData): Scratch {
  const perX = () => new Float64Array(data.distinctX.length);
  return {
    common: perX(),
    logOdds: perX(),
    rPlusX: perX(),
    logAlphaT: new Float64Array(data.distinctT.length),
    logAlphaTx: new Float64Array(data.distinctTx.length),
  };
}

/**
 * Same sum as logLikelihood() in bgnbd.ts, with the lnΓ terms computed once per
 * distinct x. The loop over rows runs some thousand times per fit, so it reads
 * typed arrays only and writes logSumExp() out in place; the arithmetic is the
 * same, in the same order, so the sum is the same to the last bit.
 */
function compactLogLikelihood(p: BgNbdParams, data: CompactData, scratch: Scratch): number {
  const { r, alpha, a, b } = p;
  const xs = data.distinctX;
  const { common, logOdds, rPlusX, logAlphaT, logAlphaTx } = scratch;
  // The terms that do not depend on x, once; each sum keeps its order.
  const logGammaR = logGamma(r);
  const rLogAlpha = r * Math.log(alpha);
  const logGammaAB = logGamma(a + b);
  const logGammaB = logGamma(b);
  const logA = Math.log(a);
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as number;
    common[k] =
      logGamma(r + x) - logGammaR + rLogAlpha + logGammaAB + logGamma(b + x) - logGammaB - logGamma(a + b + x);
    logOdds[k] = x > 0 ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    rPlusX[k] = r + x;
  }
  logsOfAlphaPlus(alpha, data.distinctT, logAlphaT);
  logsOfAlphaPlus(alpha, data.distinctTx, logAlphaTx);
  const { xIndex, TIndex, txIndex, count } = data;
  let sum = 0;
  for (let i = 0; i < count.length; i++) {
    const k = xIndex[i] as number;
    const rx = rPlusX[k] as number;
    const a3 = -rx * (logAlphaT[TIndex[i] as number] as number);
    const odds = logOdds[k] as number;
    let both: number;
    if (odds === Number.NEGATIVE_INFINITY || a3 === Number.NEGATIVE_INFINITY) {
      both = odds === Number.NEGATIVE_INFINITY ? a3 : odds - rx * (logAlphaTx[txIndex[i] as number] as number);
    } else {
      const a4 = odds - rx * (logAlphaTx[txIndex[i] as number] as number);
      both = a4 === Number.NEGATIVE_INFINITY ? a3 : Math.max(a3, a4) + Math.log1p(Math.exp(-Math.abs(a3 - a4)));
    }
    sum += (count[i] as number) * ((common[k] as number) + both);
  }
  return sum;
}

const fromLog = (theta: number[]): BgNbdParams => ({
  r: Math.exp(theta[0] ?? 0),
  alpha: Math.exp(theta[1] ?? 0),
  a: Math.exp(theta[2] ?? 0),
  b: Math.exp(theta[3] ?? 0),
});

const MAX_RESTARTS = 20;
/**
 * Parameters are kept within 1e-4 … 1e4. Beyond that the data cannot tell
 * values apart (a and b growing together turn the beta into a point mass,
 * r and α together the gamma), and the conditional expectation's series needs
 * more terms than it is worth.
 */
const LOG_BOUND = Math.log(1e4);

/**
 * Fits r, α, a, b by Nelder–Mead on their logarithms (so they stay positive and
 * the surface is closer to quadratic). The simplex can stall on a ridge, so it is
 * restarted from its own best point with a fresh, smaller simplex until a restart
 * gains less than 1e-9 in log-likelihood; two different starts guard against a
 * poor first basin, and the better end wins.
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
  const objective = (theta: number[]) =>
    theta.every((t) => Math.abs(t) <= LOG_BOUND)
      ? -compactLogLikelihood(fromLog(theta), data, scratch) / n
      : Number.POSITIVE_INFINITY;
  const meanT = customers.reduce((s, c) => s + c.T, 0) / n;
  const starts = [
    [0, Math.log(Math.max(meanT, 1e-6)), 0, 0],
    [Math.log(0.5), Math.log(Math.max(meanT / 4, 1e-6)), Math.log(0.5), Math.log(2)],
  ];
  let best = { point: starts[0] as number[], value: Number.POSITIVE_INFINITY };
  let iterations = 0;
  for (const start of starts) {
    let current = nelderMead(objective, start, { step: 1 });
    iterations += current.iterations;
    for (let restart = 0; restart < MAX_RESTARTS; restart++) {
      const next = nelderMead(objective, current.point, { step: 0.1 });
      iterations += next.iterations;
      const gain = (current.value - next.value) * n;
      if (next.value < current.value) current = next;
      if (gain < 1e-9) break;
    }
    if (current.value < best.value) best = current;
  }
  if (!Number.isFinite(best.value)) throw new NotEnoughDataError('BG/NBD likelihood is not finite for this data');
  return { params: fromLog(best.point), ll: -best.value * n, iterations };
}
