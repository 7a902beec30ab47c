// Fits that learn the weights from clients of one mailbox at one cut date
// only, the pairs the user sees side by side, instead of from every client
// pooled (where most pairs ask which mailbox's month was quieter). Both keep
// the shipped model's form, one weight per signal, so each reason is still one
// term; the intercept is then refitted by the log-loss alone, with the
// weights held, so the chance stays calibrated. Tried by the bench
// (shape-candidates.ts); the shipped model is fitted by fitLogistic.
import { bothOutcomes, type LogisticModel, newton, standardColumns, standardise } from './logistic-fit';
import type { Fit } from './risk-evaluation';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The intercept that minimises the log-loss of the rows' fixed log-odds (`linear`) shifted by it. */
function calibratedIntercept(linear: readonly number[], labels: readonly boolean[]): number {
  const positives = bothOutcomes(labels);
  let intercept = Math.log(positives / (labels.length - positives));
  for (let iteration = 0; iteration < 50; iteration++) {
    let gradient = 0;
    let curvature = 0;
    linear.forEach((l, k) => {
      const mu = sigmoid(intercept + l);
      gradient += mu - (labels[k] ? 1 : 0);
      curvature += Math.max(mu * (1 - mu), 1e-10);
    });
    const step = gradient / curvature;
    intercept -= step;
    if (Math.abs(step) < 1e-12) break;
  }
  return intercept;
}

/** The model of standardised weights `weights`, its intercept refitted for calibration. */
function withCalibratedIntercept(
  z: readonly number[][],
  labels: readonly boolean[],
  columns: readonly { mean: number; scale: number }[],
  weights: readonly number[],
): LogisticModel {
  const linear = z.map((row) => weights.reduce((s, w, j) => s + w * (row[j + 1] ?? 0), 0));
  return {
    intercept: calibratedIntercept(linear, labels),
    columns: columns.map((c, j) => ({ ...c, weight: weights[j] ?? 0 })),
  };
}

/** Indices of the rows by group, in the order the groups first appear. */
function byGroup(groups: readonly string[]): number[][] {
  const indices = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = indices.get(g);
    if (list) list.push(i);
    else indices.set(g, [i]);
  });
  return [...indices.values()];
}

/**
 * The mean log-loss of the rows, weighed 1 − α, blended with α times the
 * mean pairwise logistic loss of every (positive, negative) pair within one
 * group, that the positive outranks the negative (a ranking objective
 * like a conditional logistic's); the weights' penalty λ/2·Σ w² as the
 * shipped fit's. α = 0 is the shipped fit's objective; α must stay below 1,
 * since the pairs alone say nothing of the intercept.
 */
export function pairwiseBlend(alpha: number): Fit {
  return (rows, labels, lambda, groups) => {
    bothOutcomes(labels);
    const n = rows.length;
    const columns = standardColumns(rows);
    const z = standardise(rows, columns);
    const pairs: number[][] = [];
    for (const group of byGroup(groups ?? rows.map(() => ''))) {
      for (const i of group) {
        if (!labels[i]) continue;
        for (const j of group) {
          if (labels[j]) continue;
          const zi = z[i] ?? [];
          const zj = z[j] ?? [];
          pairs.push(zi.map((v, c) => (c === 0 ? 0 : v - (zj[c] ?? 0))));
        }
      }
    }
    const p = columns.length;
    const weights = [...z.map(() => (1 - alpha) / n), ...pairs.map(() => alpha / Math.max(1, pairs.length))];
    const beta = newton(
      [...z, ...pairs],
      [...labels, ...pairs.map(() => true)],
      new Array<number>(p + 1).fill(0),
      [0, ...new Array<number>(p).fill(lambda)],
      new Array<number>(p + 1).fill(0),
      weights,
    );
    return withCalibratedIntercept(z, labels, columns, beta.slice(1));
  };
}

/**
 * How lightly each group's own intercept is held toward the common one: only
 * enough to stay finite for a group of one outcome (on the mean log-loss).
 */
export const GROUP_INTERCEPT_PENALTY = 1e-4;

/**
 * The weights of a logistic fit with an intercept of its own per group (a
 * mailbox's cut date), which absorbs how quiet that month was, so the
 * weights answer only who in it goes quiet: a stand-in for the conditional
 * logistic. The penalty λ/2·Σ w² as the shipped fit's, on the mean log-loss.
 */
export const cutFixedEffects: Fit = (rows, labels, lambda, groups) => {
  bothOutcomes(labels);
  const n = rows.length;
  const columns = standardColumns(rows);
  const z = standardise(rows, columns);
  const members = byGroup(groups ?? rows.map(() => ''));
  const groupOf = new Array<number>(n).fill(0);
  members.forEach((list, g) => {
    for (const i of list) groupOf[i] = g;
  });
  const g = members.length;
  const p = columns.length;
  // The common intercept first (z's leading 1), each group's offset from it, then the signals.
  const design = z.map((row, i) => {
    const offsets = new Array<number>(g).fill(0);
    offsets[groupOf[i] ?? 0] = 1;
    return [1, ...offsets, ...row.slice(1)];
  });
  const width = 1 + g + p;
  const beta = newton(
    design,
    labels,
    new Array<number>(width).fill(0),
    [0, ...new Array<number>(g).fill(GROUP_INTERCEPT_PENALTY), ...new Array<number>(p).fill(lambda)],
    new Array<number>(width).fill(0),
    z.map(() => 1 / n),
  );
  return withCalibratedIntercept(z, labels, columns, beta.slice(1 + g));
};
