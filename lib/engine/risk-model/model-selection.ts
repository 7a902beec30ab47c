// Choosing the model's signals and its regularisation by mailbox-level
// cross-validation alone: a signal stays only while dropping it would make the
// held-out mailboxes' log-loss worse. Never tuned to one mailbox.
import { logLoss } from './evaluation-metrics';
import type { Sample } from './evaluation-samples';
import { crossValidate, type Label, type ModelSpec } from './risk-evaluation';
import { FEATURE_NAMES } from './risk-features';

export const LAMBDA_GRID = [0.001, 0.003, 0.01, 0.03, 0.1] as const;

const cvLoss = (samples: readonly Sample[], spec: ModelSpec, label: Label) =>
  logLoss(crossValidate(samples, spec, label).map((p) => ({ chance: p.chance, positive: p.sample[label] })));

export interface Selection {
  spec: ModelSpec;
  /** Cross-validated log-loss of the chosen spec. */
  loss: number;
  /** Each step of the backward elimination: the signal dropped and the loss after. */
  steps: { dropped: string; loss: number }[];
}

/** Picks λ over the grid with every signal, then drops signals one at a time while that lowers the loss, then re-picks λ. */
export function selectModel(samples: readonly Sample[], label: Label = 'quiet'): Selection {
  const bestLambda = (features: ModelSpec['features']) =>
    LAMBDA_GRID.map((lambda) => ({ lambda, loss: cvLoss(samples, { features, lambda }, label) })).reduce((a, b) =>
      b.loss < a.loss ? b : a,
    );
  let features = [...FEATURE_NAMES] as ModelSpec['features'];
  let { lambda, loss } = bestLambda(features);
  const steps: Selection['steps'] = [];
  for (;;) {
    const candidates = features.map((dropped) => {
      const rest = features.filter((f) => f !== dropped);
      return { dropped, rest, loss: cvLoss(samples, { features: rest, lambda }, label) };
    });
    const best = candidates.reduce((a, b) => (b.loss < a.loss ? b : a));
    if (features.length <= 1 || !(best.loss < loss)) break;
    features = best.rest;
    loss = best.loss;
    steps.push({ dropped: best.dropped, loss: best.loss });
  }
  ({ lambda, loss } = bestLambda(features));
  return { spec: { features, lambda }, loss, steps };
}
