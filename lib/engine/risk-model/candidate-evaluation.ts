// Whether a signal of the whole account, a client signal the selection
// dropped, or a recalibration, would help the shipped model: each tried in the
// evaluation's own mailbox-level cross-validation, on the same samples, beside
// the shipped signals, and judged by the same figures as the shipped model in
// the same run.
import { ACCOUNT_SIGNAL_NAMES, type AccountSignalName, type AccountSignals } from './account-signals';
import { type Interval, mailboxBootstrap } from './evaluation-bootstrap';
import type { Sample } from './evaluation-samples';
import { fitLogistic } from './logistic-fit';
import {
  columnsOf,
  crossValidate,
  crossValidateRows,
  type Label,
  type ModelSpec,
  type Prediction,
  rankingOf,
  rowOf,
} from './risk-evaluation';
import { FEATURE_NAMES, type FeatureName } from './risk-features';

export interface Figures {
  pooledAuc: number;
  withinCutAuc: number;
  logLoss: number;
  /** Mailboxes where it ranks better than days since the last contact, of those with both outcomes. */
  mailboxesWon: number;
  mailboxesRanked: number;
  /** Deciles holding at least 100 samples whose predicted and observed shares differ by more than 5 points. */
  decilesOffBy5Points: number;
}

export function figuresOf(predictions: readonly Prediction[], samples: readonly Sample[], label: Label): Figures {
  const ranking = rankingOf(predictions, samples, label);
  return {
    pooledAuc: ranking.pooled.auc.risk,
    withinCutAuc: ranking.pooled.withinCutAuc.risk,
    logLoss: ranking.pooled.logLoss,
    mailboxesWon: ranking.winsOverDaysSince,
    mailboxesRanked: ranking.mailboxesRanked,
    decilesOffBy5Points: ranking.deciles100OffBy5Points,
  };
}

const logit = (p: number) => {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
};

/** One held-out mailbox's recalibration: chance = σ(intercept + slope · held-out log-odds); 0 and 1 leave it as it was. */
export interface PlattFit {
  mailbox: string;
  intercept: number;
  slope: number;
}

/**
 * A Platt-style recalibration inside the cross-validation: each mailbox's
 * held-out chance put through a logistic fit of the label on the held-out
 * log-odds of every other mailbox. Those log-odds came from models that saw
 * this mailbox, so the fit is a little kinder to it than a nested one.
 */
export function recalibrated(
  predictions: readonly Prediction[],
  label: Label,
): { predictions: Prediction[]; fits: PlattFit[] } {
  const mailboxes = [...new Set(predictions.map((p) => p.sample.mailbox))];
  const fits = mailboxes.map((mailbox): PlattFit => {
    const others = predictions.filter((p) => p.sample.mailbox !== mailbox);
    const platt = fitLogistic(
      others.map((p) => [logit(p.chance)]),
      others.map((p) => p.sample[label]),
      0,
    );
    const { weight, mean, scale } = platt.columns[0] ?? { weight: 1, mean: 0, scale: 1 };
    return { mailbox, intercept: platt.intercept - (weight * mean) / scale, slope: weight / scale };
  });
  const fitOf = new Map(fits.map((f) => [f.mailbox, f]));
  return {
    predictions: predictions.map((p) => {
      const fit = fitOf.get(p.sample.mailbox) ?? { intercept: 0, slope: 1 };
      return { sample: p.sample, chance: 1 / (1 + Math.exp(-(fit.intercept + fit.slope * logit(p.chance)))) };
    }),
    fits,
  };
}

/** Held-out chances' AUC minus another score's on the same samples, over mailboxes resampled. */
export function difference(predictions: readonly Prediction[], baseline: (p: Prediction) => number, label: Label) {
  return mailboxBootstrap(
    predictions.map((p) => ({
      mailbox: p.sample.mailbox,
      cut: p.sample.cut,
      risk: p.chance,
      baseline: baseline(p),
      positive: p.sample[label],
    })),
  );
}

/** Another set of held-out chances of the same samples, as a score to compare with. */
export function chanceIn(predictions: readonly Prediction[]): (p: Prediction) => number {
  const chance = new Map(predictions.map((p) => [p.sample, p.chance]));
  return (p) => chance.get(p.sample) ?? Number.NaN;
}

export interface Range {
  min: number;
  max: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const rangeOf = (values: readonly number[]): Range => ({
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

export interface CandidateReport {
  shipped: Figures;
  /** Each signal alone beside the shipped ones. */
  alone: Record<AccountSignalName, Figures>;
  /**
   * The signals that alone raised the pooled AUC, together (chosen on these
   * same figures, so a kind estimate), and their AUC minus the shipped
   * model's over mailboxes resampled.
   */
  bestTogether: {
    signals: AccountSignalName[];
    figures?: Figures;
    minusShipped?: { pooled: Interval; withinCut: Interval };
  };
  allTogether: Figures;
  /** The shipped model's held-out chances recalibrated inside the cross-validation, and the range of its fits. */
  recalibrated: Figures & { intercepts: Range; slopes: Range };
}

/** Tries each account signal of `signalsOf` beside the spec's signals, then the best of them together, then a recalibration. */
export function tryCandidates(
  samples: readonly Sample[],
  spec: ModelSpec,
  signalsOf: (sample: Sample) => AccountSignals,
  label: Label = 'quiet',
): CandidateReport {
  const columns = columnsOf(spec);
  const base = new Map(samples.map((s) => [s, rowOf(s, columns)]));
  const withSignals = (chosen: readonly AccountSignalName[]) => {
    const row = (s: Sample) => {
      const signals = signalsOf(s);
      return [...(base.get(s) ?? []), ...chosen.map((name) => signals[name])];
    };
    return crossValidateRows(samples, row, spec.lambda, label);
  };
  const shippedPredictions = withSignals([]);
  const shipped = figuresOf(shippedPredictions, samples, label);
  const names = ACCOUNT_SIGNAL_NAMES;
  const alone = Object.fromEntries(
    names.map((name) => [name, figuresOf(withSignals([name]), samples, label)]),
  ) as Record<AccountSignalName, Figures>;
  const best = names.filter((name) => alone[name].pooledAuc > shipped.pooledAuc);
  const bestPredictions = best.length > 0 ? withSignals(best) : undefined;
  return {
    shipped,
    alone,
    bestTogether: {
      signals: best,
      ...(bestPredictions && {
        figures: figuresOf(bestPredictions, samples, label),
        minusShipped: difference(bestPredictions, chanceIn(shippedPredictions), label),
      }),
    },
    allTogether: figuresOf(withSignals(names), samples, label),
    recalibrated: (() => {
      const { predictions, fits } = recalibrated(shippedPredictions, label);
      return {
        ...figuresOf(predictions, samples, label),
        intercepts: rangeOf(fits.map((f) => f.intercept)),
        slopes: rangeOf(fits.map((f) => f.slope)),
      };
    })(),
  };
}

/**
 * Each client signal the spec does not read (the ones the selection dropped)
 * added back alone beside the spec's, refitted with its penalty: what the
 * selection's log-loss weighed, in the figures the shipped model is judged by.
 */
export function tryDroppedSignals(
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label = 'quiet',
): Partial<Record<FeatureName, Figures>> {
  const dropped = FEATURE_NAMES.filter((name) => !spec.features.includes(name));
  return Object.fromEntries(
    dropped.map((name) => [
      name,
      figuresOf(
        crossValidate(samples, { features: [...spec.features, name], lambda: spec.lambda }, label),
        samples,
        label,
      ),
    ]),
  );
}
