// The model the extension ships: which signals it reads, their weights, and
// where they came from. The numbers are data (coefficients.json), written by
// `npm run fit-risk` from the evaluation's samples (fit-shipped-model.ts) and
// checked by a test that refits them.
import type { LogisticModel } from './logistic-fit';
import type { ModelSpec } from './risk-evaluation';
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
