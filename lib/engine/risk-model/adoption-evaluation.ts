// The adoption rule (adoption-rule.ts) measured the way the shipped model is:
// each mailbox held out, its prior fitted on the other mailboxes, and at each
// of its cut dates the rule run on the samples whose outcome was known by then
// (their 60 days had passed), as the extension would run it that day. The
// samples of the cut are scored by the model the rule chose, and by the prior
// alone: the same samples, so the difference is the rule's.
import { DAY } from '../business-hours';
import { ADOPTION, type AdoptionRule, decideAccountModel } from './adoption-rule';
import { HORIZON_DAYS, type Sample } from './evaluation-samples';
import { chanceOf, type LogisticModel } from './logistic-fit';
import { columnsOf, fitSpec, type Label, type ModelSpec, type Prediction, rowOf } from './risk-evaluation';

const HORIZON = HORIZON_DAYS * DAY;

export interface AdoptionRun {
  /** Every sample scored by the model the rule chose from the mailbox's earlier months. */
  rule: Prediction[];
  /** The same samples scored by the prior (the model fitted on the other mailboxes). */
  shipped: Prediction[];
  /** Samples scored by an adopted model, and per mailbox the cut dates at which the rule adopted one. */
  adoptedSamples: number;
  adoptedCuts: Record<string, number>;
  /** Why the prior was kept, counted over every mailbox's cut dates. */
  kept: Record<string, number>;
}

export function crossValidateAdoption(
  samples: readonly Sample[],
  spec: ModelSpec,
  label: Label,
  rule: AdoptionRule = ADOPTION,
): AdoptionRun {
  const columns = columnsOf(spec);
  const row = (s: Sample) => rowOf(s, columns);
  const run: AdoptionRun = { rule: [], shipped: [], adoptedSamples: 0, adoptedCuts: {}, kept: {} };
  for (const heldOut of new Set(samples.map((s) => s.mailbox))) {
    const prior = fitSpec(
      samples.filter((s) => s.mailbox !== heldOut),
      spec,
      label,
    );
    const own = samples.filter((s) => s.mailbox === heldOut);
    const cuts = [...new Set(own.map((s) => s.cut))].sort((a, b) => a - b);
    for (const cut of cuts) {
      const decision = decideAccountModel(
        own.filter((s) => s.cut + HORIZON <= cut),
        prior,
        row,
        label,
        rule,
      );
      let model: LogisticModel = prior;
      if (decision.adopt) {
        model = decision.model;
        run.adoptedCuts[heldOut] = (run.adoptedCuts[heldOut] ?? 0) + 1;
      } else run.kept[decision.reason] = (run.kept[decision.reason] ?? 0) + 1;
      for (const sample of own.filter((s) => s.cut === cut)) {
        run.rule.push({ sample, chance: chanceOf(model, row(sample)) });
        run.shipped.push({ sample, chance: chanceOf(prior, row(sample)) });
        if (decision.adopt) run.adoptedSamples += 1;
      }
    }
  }
  return run;
}
