// Fitting the shipped model, apart from its shape: the fit runs the
// evaluation's cross-validation, and the evaluation reads the shipped model.
import type { Sample } from './evaluation-samples';
import { type Selection, selectModel } from './model-selection';
import { fitSpec } from './risk-evaluation';
import { FIT_COMMAND, type ShippedModel } from './shipped-model';

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
