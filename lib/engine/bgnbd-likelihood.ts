// The BG/NBD log-likelihood over an account's clients, and its gradient, in
// the compact form the fit evaluates many times (bgnbd-fit.ts).
import { assertValidCustomer, type BgNbdCustomer, type BgNbdParams } from './bgnbd';
import { digamma, logGamma } from './special-functions';

/**
 * Distinct (x, t_x, T) rows with their counts; many clients share a row, so this
 * shrinks each evaluation. t_x and T are whole days in some unit, so far fewer
 * distinct values than rows: each row points at its own in `distinctTx` and
 * `distinctT`, and an evaluation takes one logarithm per distinct value.
 */
export interface CompactData {
  xIndex: Int32Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
  count: Float64Array;
  distinctX: number[];
  /** How many clients have each distinct x: the terms of x alone are weighed by it. */
  countPerX: Float64Array;
  distinctTx: Float64Array;
  distinctT: Float64Array;
}

export function compact(customers: readonly BgNbdCustomer[]): CompactData {
  const rows = new Map<string, { c: BgNbdCustomer; n: number }>();
  customers.forEach((c, i) => {
    assertValidCustomer(c, `row ${i + 1}`);
    const key = `${c.x}|${c.tx}|${c.T}`;
    const row = rows.get(key);
    if (row) row.n += 1;
    else rows.set(key, { c, n: 1 });
  });
  // In a fixed order, whatever the clients' order: the sums, and so where the
  // quasi-Newton steps stop, then depend on the data alone, and the extension
  // and the command line, which list clients differently, fit the same numbers.
  const list = [...rows.values()].sort((p, q) => p.c.x - q.c.x || p.c.tx - q.c.tx || p.c.T - q.c.T);
  const indexed = (values: number[]) => {
    const distinct = [...new Set(values)].sort((p, q) => p - q);
    const position = new Map(distinct.map((value, i) => [value, i]));
    return { distinct, index: Int32Array.from(values, (value) => position.get(value) ?? 0) };
  };
  const x = indexed(list.map((row) => row.c.x));
  const tx = indexed(list.map((row) => row.c.tx));
  const T = indexed(list.map((row) => row.c.T));
  const count = Float64Array.from(list, (row) => row.n);
  const countPerX = new Float64Array(x.distinct.length);
  for (let i = 0; i < count.length; i++) {
    const k = x.index[i] as number;
    countPerX[k] = (countPerX[k] as number) + (count[i] as number);
  }
  return {
    xIndex: x.index,
    txIndex: tx.index,
    TIndex: T.index,
    count,
    distinctX: x.distinct,
    countPerX,
    distinctTx: Float64Array.from(tx.distinct),
    distinctT: Float64Array.from(T.distinct),
  };
}

/** ln(α + v) for each value, into `out`. */
function logsOfAlphaPlus(alpha: number, values: Float64Array, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) out[i] = Math.log(alpha + (values[i] as number));
}

/** Per-evaluation scratch, allocated once per fit: the likelihood runs many times. */
export interface Scratch {
  common: Float64Array;
  logOdds: Float64Array;
  rPlusX: Float64Array;
  logAlphaT: Float64Array;
  logAlphaTx: Float64Array;
}

export function scratchFor(data: CompactData): Scratch {
  const perX = () => new Float64Array(data.distinctX.length);
  return {
    common: perX(),
    logOdds: perX(),
    rPlusX: perX(),
    logAlphaT: new Float64Array(data.distinctT.length),
    logAlphaTx: new Float64Array(data.distinctTx.length),
  };
}

/** The terms of one evaluation that depend on x, t_x or T alone, into the scratch. */
function prepare(p: BgNbdParams, data: CompactData, scratch: Scratch): void {
  const { r, alpha, a, b } = p;
  const xs = data.distinctX;
  const { common, logOdds, rPlusX } = scratch;
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
  logsOfAlphaPlus(alpha, data.distinctT, scratch.logAlphaT);
  logsOfAlphaPlus(alpha, data.distinctTx, scratch.logAlphaTx);
}

/**
 * Same sum as logLikelihood() in bgnbd.ts, with the lnΓ terms computed once per
 * distinct x. The loop over rows reads typed arrays only and writes
 * logSumExp() out in place; the arithmetic is the same, in the same order, so
 * the sum is the same to the last bit.
 */
export function compactLogLikelihood(p: BgNbdParams, data: CompactData, scratch: Scratch): number {
  prepare(p, data, scratch);
  const { common, logOdds, rPlusX, logAlphaT, logAlphaTx } = scratch;
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

/**
 * The gradient of the log-likelihood with respect to ln r, ln α, ln a, ln b
 * (the fit's coordinates), into `out`. Each client's likelihood is the sum of
 * two terms, "still alive at T" and "dropped out after t_x"; `w` is the
 * second's share.
 */
export function compactGradient(p: BgNbdParams, data: CompactData, scratch: Scratch, out: Float64Array): void {
  prepare(p, data, scratch);
  const { r, alpha, a, b } = p;
  const { logOdds, rPlusX, logAlphaT, logAlphaTx } = scratch;
  const { xIndex, TIndex, txIndex, count, distinctT, distinctTx } = data;
  let dr = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  for (let i = 0; i < count.length; i++) {
    const k = xIndex[i] as number;
    const rx = rPlusX[k] as number;
    const logT = logAlphaT[TIndex[i] as number] as number;
    const invT = 1 / (alpha + (distinctT[TIndex[i] as number] as number));
    const odds = logOdds[k] as number;
    let w = 0;
    let logTx = 0;
    let invTx = 0;
    if (odds !== Number.NEGATIVE_INFINITY) {
      logTx = logAlphaTx[txIndex[i] as number] as number;
      invTx = 1 / (alpha + (distinctTx[txIndex[i] as number] as number));
      // w = e^B / (e^A + e^B) with A = −(r+x)·ln(α+T), B = odds − (r+x)·ln(α+t_x).
      w = 1 / (1 + Math.exp(-rx * logT - (odds - rx * logTx)));
    }
    const n = count[i] as number;
    dr -= n * ((1 - w) * logT + w * logTx);
    dAlpha -= n * rx * ((1 - w) * invT + w * invTx);
    if (w > 0) {
      dA += (n * w) / a;
      dB -= (n * w) / (b + (data.distinctX[k] as number) - 1);
    }
  }
  // The terms of x alone (lnΓ's and r·ln α), once per distinct x, weighed by its clients.
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const logAlpha = Math.log(alpha);
  for (let k = 0; k < data.distinctX.length; k++) {
    const x = data.distinctX[k] as number;
    const n = data.countPerX[k] as number;
    const psiABX = digamma(a + b + x);
    dr += n * (digamma(r + x) - psiR + logAlpha);
    dAlpha += (n * r) / alpha;
    dA += n * (psiAB - psiABX);
    dB += n * (psiAB + digamma(b + x) - psiB - psiABX);
  }
  // d/d(ln p) = p · d/dp.
  out[0] = r * dr;
  out[1] = alpha * dAlpha;
  out[2] = a * dA;
  out[3] = b * dB;
}
