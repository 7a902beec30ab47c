// Whether an account's own past earns it a model of its own. A refit pulled
// toward the shipped coefficients, measured across mailboxes, made the chance
// slightly worse on average (own-past-refit.ts), so a refit must prove itself
// on the account before it is used: it is fitted on the account's earlier cut
// dates only and checked on its later ones, and adopted only when its log-loss
// there beats the shipped model's by a margin larger than the check's own
// noise. Otherwise the shipped model stays, with the reason.
import { DAY } from '../business-hours';
import { HORIZON_DAYS, type Sample } from './evaluation-samples';
import { chanceOf, fitToward, type LogisticModel } from './logistic-fit';

const HORIZON = HORIZON_DAYS * DAY;

export interface AdoptionRule {
  strength: number;
  minFitSamples: number;
  minCheckSamples: number;
  minCheckCuts: number;
  checkShare: number;
  margin: number;
}

export const ADOPTION: AdoptionRule = {
  /** The pull toward the shipped coefficients, in samples: a few hundred samples move it half way. */
  strength: 100,
  /** Samples the refit is fitted on, and samples (over cut dates) it is checked on, at the least. */
  minFitSamples: 100,
  minCheckSamples: 100,
  minCheckCuts: 3,
  /** The later cut dates checked on hold at least this share of the samples. */
  checkShare: 1 / 3,
  /** Log-loss per sample the refit must gain on the check, in nats, beyond twice the gain's standard error. */
  margin: 0.01,
};

export type KeptReason = 'few-samples' | 'one-outcome' | 'not-better';

export interface CheckEvidence {
  fitSamples: number;
  checkSamples: number;
  checkCuts: number;
  /** Mean log-loss on the check samples, of the shipped model and of the refit. */
  shippedLogLoss: number;
  accountLogLoss: number;
  /** Standard error of the refit's mean gain, with the samples of one cut date counted together. */
  gainStandardError: number;
}

export type Decision =
  | { adopt: true; model: LogisticModel; evidence: CheckEvidence }
  | { adopt: false; reason: KeptReason; evidence?: CheckEvidence };

const lossOf = (chance: number, positive: boolean) => {
  const p = Math.min(Math.max(chance, 1e-12), 1 - 1e-12);
  return -Math.log(positive ? p : 1 - p);
};

const bothOutcomes = (labels: readonly boolean[]) => labels.some(Boolean) && labels.some((l) => !l);

/** The later cut dates to check on and the earlier ones to fit on, a horizon apart so no outcome is seen by both. */
export function splitByTime(
  samples: readonly Sample[],
  rule: AdoptionRule = ADOPTION,
): { fit: Sample[]; check: Sample[]; checkCuts: number } {
  const perCut = new Map<number, number>();
  for (const s of samples) perCut.set(s.cut, (perCut.get(s.cut) ?? 0) + 1);
  const cuts = [...perCut.keys()].sort((a, b) => b - a);
  const wanted = Math.max(rule.minCheckSamples, Math.ceil(samples.length * rule.checkShare));
  let firstChecked = Number.POSITIVE_INFINITY;
  let checked = 0;
  let checkCuts = 0;
  for (const cut of cuts) {
    if (checked >= wanted && checkCuts >= rule.minCheckCuts) break;
    firstChecked = cut;
    checked += perCut.get(cut) ?? 0;
    checkCuts += 1;
  }
  return {
    fit: samples.filter((s) => s.cut + HORIZON <= firstChecked),
    check: samples.filter((s) => s.cut >= firstChecked),
    checkCuts,
  };
}

/**
 * Decides on the account's samples (only those whose outcome is known), rows
 * read by `rowOf` in the prior's column order. Throws what the fit throws
 * beyond a missing outcome: the caller keeps its previous model then.
 */
export function decideAccountModel(
  samples: readonly Sample[],
  prior: LogisticModel,
  rowOf: (sample: Sample) => number[],
  label: 'quiet' | 'noContact' = 'quiet',
  rule: AdoptionRule = ADOPTION,
): Decision {
  if (samples.length < rule.minFitSamples + rule.minCheckSamples) return { adopt: false, reason: 'few-samples' };
  if (!bothOutcomes(samples.map((s) => s[label]))) return { adopt: false, reason: 'one-outcome' };
  const { fit, check, checkCuts } = splitByTime(samples, rule);
  if (fit.length < rule.minFitSamples || check.length < rule.minCheckSamples || checkCuts < rule.minCheckCuts)
    return { adopt: false, reason: 'few-samples' };
  if (!bothOutcomes(fit.map((s) => s[label])) || !bothOutcomes(check.map((s) => s[label])))
    return { adopt: false, reason: 'one-outcome' };
  const model = fitToward(
    prior,
    fit.map(rowOf),
    fit.map((s) => s[label]),
    rule.strength,
  );
  let shippedLoss = 0;
  let accountLoss = 0;
  const gainByCut = new Map<number, { sum: number; count: number }>();
  for (const s of check) {
    const row = rowOf(s);
    const shipped = lossOf(chanceOf(prior, row), s[label]);
    const account = lossOf(chanceOf(model, row), s[label]);
    shippedLoss += shipped;
    accountLoss += account;
    const cut = gainByCut.get(s.cut) ?? { sum: 0, count: 0 };
    cut.sum += shipped - account;
    cut.count += 1;
    gainByCut.set(s.cut, cut);
  }
  const n = check.length;
  const gain = (shippedLoss - accountLoss) / n;
  // Clustered by cut date: one client's months are not independent draws, one month's clients even less.
  let spread = 0;
  for (const { sum, count } of gainByCut.values()) spread += (sum - count * gain) ** 2;
  const evidence: CheckEvidence = {
    fitSamples: fit.length,
    checkSamples: n,
    checkCuts,
    shippedLogLoss: shippedLoss / n,
    accountLogLoss: accountLoss / n,
    gainStandardError: Math.sqrt(spread) / n,
  };
  const adopt = gain >= rule.margin && gain - 2 * evidence.gainStandardError > 0;
  return adopt ? { adopt, model, evidence } : { adopt, reason: 'not-better', evidence };
}
