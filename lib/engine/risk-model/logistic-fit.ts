// Ridge-regularised logistic regression by iteratively reweighted least
// squares (Newton's method), on standardised columns so one penalty fits all
// of them. Small and exact: a dozen columns and some thousands of rows solve
// in milliseconds, and the same rows always give the same numbers.

export interface LogisticModel {
  intercept: number;
  /** Per column: its mean and spread in the training rows, and its weight on the standardised value. */
  columns: { mean: number; scale: number; weight: number }[];
}

export class FitError extends Error {}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves the symmetric positive-definite system A x = b by Cholesky decomposition. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (l[i]?.[k] ?? 0) * (l[j]?.[k] ?? 0);
      if (i === j) {
        if (!(sum > 0)) throw new FitError('the fit is singular');
        (l[i] as number[])[i] = Math.sqrt(sum);
      } else (l[i] as number[])[j] = sum / (l[j]?.[j] ?? 1);
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (l[i]?.[k] ?? 0) * (y[k] ?? 0);
    y[i] = sum / (l[i]?.[i] ?? 1);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] ?? 0;
    for (let k = i + 1; k < n; k++) sum -= (l[k]?.[i] ?? 0) * (x[k] ?? 0);
    x[i] = sum / (l[i]?.[i] ?? 1);
  }
  return x;
}

/**
 * Newton's method on standardised rows (a leading 1 for the intercept, or 0
 * for a row that has none): minimises the log-loss, each row's weighed by
 * `weights` (1 without them), plus Σ penalty/2·(β − centre)², from `start`.
 */
export function newton(
  z: readonly number[][],
  labels: readonly boolean[],
  start: readonly number[],
  penalty: readonly number[],
  centre: readonly number[],
  weights?: readonly number[],
): number[] {
  const p = start.length - 1;
  let beta = [...start];
  for (let iteration = 0; iteration < 50; iteration++) {
    const hessian = Array.from({ length: p + 1 }, (_, i) =>
      new Array<number>(p + 1).fill(0).map((_, j) => (i === j ? (penalty[i] ?? 0) : 0)),
    );
    const gradient = beta.map((b, i) => (penalty[i] ?? 0) * (b - (centre[i] ?? 0)));
    z.forEach((row, k) => {
      const mu = sigmoid(row.reduce((s, v, i) => s + v * (beta[i] ?? 0), 0));
      const weight = weights?.[k] ?? 1;
      const w = weight * Math.max(mu * (1 - mu), 1e-10);
      const residual = weight * (mu - (labels[k] ? 1 : 0));
      for (let i = 0; i <= p; i++) {
        gradient[i] = (gradient[i] ?? 0) + residual * (row[i] ?? 0);
        const hi = hessian[i] as number[];
        for (let j = 0; j <= i; j++) hi[j] = (hi[j] ?? 0) + w * (row[i] ?? 0) * (row[j] ?? 0);
      }
    });
    for (let i = 0; i <= p; i++) for (let j = i + 1; j <= p; j++) (hessian[i] as number[])[j] = hessian[j]?.[i] ?? 0;
    const step = solve(hessian, gradient);
    beta = beta.map((b, i) => b - (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return beta;
}

export const standardise = (rows: readonly number[][], columns: readonly { mean: number; scale: number }[]) =>
  rows.map((r) => [1, ...r.map((v, j) => (v - (columns[j]?.mean ?? 0)) / (columns[j]?.scale ?? 1))]);

/** Each column's mean and spread (1 for a constant column) over the rows. */
export function standardColumns(rows: readonly number[][]): { mean: number; scale: number }[] {
  const n = rows.length;
  const means = Array.from({ length: rows[0]?.length ?? 0 }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / n);
  return means.map((mean, j) => {
    const sd = Math.sqrt(rows.reduce((s, r) => s + ((r[j] ?? 0) - mean) ** 2, 0) / n);
    return { mean, scale: sd > 1e-9 ? sd : 1 };
  });
}

export const bothOutcomes = (labels: readonly boolean[]) => {
  const positives = labels.filter(Boolean).length;
  if (labels.length === 0 || positives === 0 || positives === labels.length)
    throw new FitError('a fit needs samples of both outcomes');
  return positives;
};

/**
 * Fits P(label) = σ(b + Σ w·(x − mean)/scale), minimising the log-loss plus
 * λ/2·Σ w² (the intercept unpenalised). Throws FitError without rows of both labels.
 */
export function fitLogistic(rows: readonly number[][], labels: readonly boolean[], lambda: number): LogisticModel {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const positives = bothOutcomes(labels);
  const columns = standardColumns(rows);
  const start = new Array<number>(p + 1).fill(0);
  start[0] = Math.log(positives / (n - positives));
  const penalty = start.map((_, i) => (i > 0 ? lambda * n : 0));
  const beta = newton(standardise(rows, columns), labels, start, penalty, new Array<number>(p + 1).fill(0));
  return { intercept: beta[0] ?? 0, columns: columns.map((c, j) => ({ ...c, weight: beta[j + 1] ?? 0 })) };
}

/**
 * Refits `prior` on new rows, every coefficient (the intercept too) pulled
 * toward the prior's as strongly as `strength` rows would pull it: a few rows
 * move it little, many rows nearly as far as a free fit. The prior's
 * standardisation is kept, so the weights stay comparable with it. Throws
 * FitError without rows of both labels.
 */
export function fitToward(
  prior: LogisticModel,
  rows: readonly number[][],
  labels: readonly boolean[],
  strength: number,
): LogisticModel {
  bothOutcomes(labels);
  const centre = [prior.intercept, ...prior.columns.map((c) => c.weight)];
  const beta = newton(
    standardise(rows, prior.columns),
    labels,
    centre,
    centre.map(() => strength),
    centre,
  );
  return { intercept: beta[0] ?? 0, columns: prior.columns.map((c, j) => ({ ...c, weight: beta[j + 1] ?? 0 })) };
}

/** The log-odds of one row. */
export function logOdds(model: LogisticModel, row: readonly number[]): number {
  return model.columns.reduce((s, c, j) => s + (c.weight * ((row[j] ?? 0) - c.mean)) / c.scale, model.intercept);
}

export const chanceOf = (model: LogisticModel, row: readonly number[]) => sigmoid(logOdds(model, row));
