// How good a set of predicted chances is: ranking (AUC), calibration by decile
// and the Brier score. Plain numbers in, plain numbers out.

export interface Scored {
  /** Higher means more likely positive. */
  score: number;
  positive: boolean;
}

/** Area under the ROC curve: the chance a random positive outranks a random negative, ties counted half. NaN without both. */
export function auc(scored: readonly Scored[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.score === sorted[i]?.score) j += 1;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]?.positive) {
        rankSum += averageRank;
        positives += 1;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * AUC within groups: of the pairs of one positive and one negative from the
 * same group, the share the score orders right (ties half). With the group a
 * mailbox's cut date, it asks what the user sees: of two clients of one
 * account at one moment, does the one who goes quiet rank higher? Swings of
 * the share going quiet from one cut or mailbox to the next, which no signal
 * of one client can know, move the pooled AUC but not this. NaN without a
 * group holding both outcomes.
 */
export function withinGroupAuc(scored: readonly (Scored & { group: string })[]): number {
  const groups = new Map<string, Scored[]>();
  for (const s of scored) {
    const group = groups.get(s.group);
    if (group) group.push(s);
    else groups.set(s.group, [s]);
  }
  let won = 0;
  let pairs = 0;
  for (const group of groups.values()) {
    const positives = group.filter((s) => s.positive).length;
    const groupPairs = positives * (group.length - positives);
    if (groupPairs === 0) continue;
    won += auc(group) * groupPairs;
    pairs += groupPairs;
  }
  return pairs > 0 ? won / pairs : Number.NaN;
}

/**
 * Of the pooled AUC's pairs (one positive, one negative), the share whose two
 * samples fall in one group. With the group a mailbox's cut date, it bounds
 * what ranking the clients of one moment better can do to the pooled AUC: at
 * most this share of (1 − the within-group AUC). NaN without both outcomes.
 */
export function shareOfPairsWithinGroups(outcomes: readonly { positive: boolean; group: string }[]): number {
  const counts = new Map<string, { positives: number; negatives: number }>();
  for (const o of outcomes) {
    const count = counts.get(o.group) ?? { positives: 0, negatives: 0 };
    if (o.positive) count.positives++;
    else count.negatives++;
    counts.set(o.group, count);
  }
  const positives = outcomes.filter((o) => o.positive).length;
  const pairs = positives * (outcomes.length - positives);
  if (pairs === 0) return Number.NaN;
  let within = 0;
  for (const c of counts.values()) within += c.positives * c.negatives;
  return within / pairs;
}

export interface CalibrationBin {
  /** Mean predicted chance in the bin. */
  predicted: number;
  /** Share of positives in the bin. */
  observed: number;
  count: number;
}

/**
 * Samples sorted by predicted chance and cut into ten bins of (nearly) equal
 * size; equal chances never straddle two bins' order. Fewer than ten samples
 * give one bin each.
 */
export function calibrationByDecile(predicted: readonly { chance: number; positive: boolean }[]): CalibrationBin[] {
  const sorted = [...predicted].sort((a, b) => a.chance - b.chance);
  const bins: CalibrationBin[] = [];
  const count = Math.min(10, sorted.length);
  for (let b = 0; b < count; b++) {
    const slice = sorted.slice(Math.floor((b * sorted.length) / count), Math.floor(((b + 1) * sorted.length) / count));
    if (slice.length === 0) continue;
    bins.push({
      predicted: slice.reduce((s, p) => s + p.chance, 0) / slice.length,
      observed: slice.filter((p) => p.positive).length / slice.length,
      count: slice.length,
    });
  }
  return bins;
}

/** Mean squared difference between the chance and the outcome (0 or 1); NaN for no samples. */
export function brierScore(predicted: readonly { chance: number; positive: boolean }[]): number {
  if (predicted.length === 0) return Number.NaN;
  return predicted.reduce((s, p) => s + (p.chance - (p.positive ? 1 : 0)) ** 2, 0) / predicted.length;
}

/** Mean negative log-likelihood of the outcomes, the criterion features and regularisation are chosen by. */
export function logLoss(predicted: readonly { chance: number; positive: boolean }[]): number {
  if (predicted.length === 0) return Number.NaN;
  const eps = 1e-12;
  return (
    -predicted.reduce((s, p) => s + Math.log(Math.max(eps, p.positive ? p.chance : 1 - p.chance)), 0) / predicted.length
  );
}
