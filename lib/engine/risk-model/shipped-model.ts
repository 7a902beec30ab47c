// The model the extension ships: which signals it reads, their weights, and
// where they came from. The numbers are data (coefficients.json), written by
// `npm run fit-risk` from the evaluation's samples and checked by a test that
// refits them.
import type { Sample } from './evaluation-samples';
import type { LogisticModel } from './logistic-fit';
import { type Selection, selectModel } from './model-selection';
import { fitSpec, type ModelSpec } from './risk-evaluation';
import type { FeatureName } from './risk-features';

export const FIT_COMMAND = 'npm run fit-risk';

export interface ShippedModel {
  /** What the chance is of: nothing from the client in the next `horizonDays`. */
  label: 'quiet';
  horizonDays: number;
  /** The ridge penalty the cross-validation chose. */
  lambda: number;
  intercept: number;
  terms: { feature: FeatureName; mean: number; scale: number; weight: number }[];
  training: {
    mailboxes: number;
    samples: number;
    quiet: number;
    /** Cross-validated log-loss of the chosen signals, and each signal the selection dropped. */
    crossValidatedLogLoss: number;
    dropped: string[];
  };
  /**
   * The commit whose code and data fitted these numbers, and the command that
   * refits them; `account` when the weights were refitted on one account's own
   * past, pulled toward the shipped model of that commit (account-model.ts).
   */
  fitted: { commit: string; command: string; account?: true };
}

export function specOf(model: ShippedModel): ModelSpec {
  return { features: model.terms.map((t) => t.feature), lambda: model.lambda };
}

export function asLogistic(model: ShippedModel): LogisticModel {
  return {
    intercept: model.intercept,
    columns: model.terms.map(({ mean, scale, weight }) => ({ mean, scale, weight })),
  };
}

/** The final fit on every sample, with the signals and penalty `selection` chose. */
export function shippedModelOf(samples: readonly Sample[], selection: Selection, commit: string): ShippedModel {
  const fit = fitSpec(samples, selection.spec, 'quiet');
  return {
    label: 'quiet',
    horizonDays: 60,
    lambda: selection.spec.lambda,
    intercept: fit.intercept,
    terms: selection.spec.features.map((feature, j) => ({
      feature,
      mean: fit.columns[j]?.mean ?? 0,
      scale: fit.columns[j]?.scale ?? 1,
      weight: fit.columns[j]?.weight ?? 0,
    })),
    training: {
      mailboxes: new Set(samples.map((s) => s.mailbox)).size,
      samples: samples.length,
      quiet: samples.filter((s) => s.quiet).length,
      crossValidatedLogLoss: selection.loss,
      dropped: selection.steps.map((s) => s.dropped),
    },
    fitted: { commit, command: FIT_COMMAND },
  };
}

/** Selects the signals and penalty by cross-validation, then fits them on every sample. */
export function fitShippedModel(samples: readonly Sample[], commit: string): ShippedModel {
  return shippedModelOf(samples, selectModel(samples, 'quiet'), commit);
}
