import { figuresOf } from '@/lib/engine/risk-model/candidate-evaluation';
import { mailboxSamples } from '@/lib/engine/risk-model/evaluation-samples';
import { selectModel } from '@/lib/engine/risk-model/model-selection';
import { crossValidate } from '@/lib/engine/risk-model/risk-evaluation';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { BLEND_ALPHAS, KNOT_DAYS, RATIO_KNOTS, tryShapes } from '@/lib/engine/risk-model/shape-candidates';
import { specOf } from '@/lib/engine/risk-model/shipped-model';
import { GROUP_INTERCEPT_PENALTY } from '@/lib/engine/risk-model/within-cut-fit';
import { loadAllMailboxes } from '../risk-data/enron-mailboxes';
import type { Benchmark } from './benchmark';

// Richer shapes of the shipped signals, readable interactions and fits that
// rank within one mailbox's cut date (lib/engine/risk-model/
// shape-candidates.ts), each in risk-quality's mailbox-level cross-validation
// and on its samples, against the shipped model and days since the last
// contact from the same run, on both labels; and for "no contact either way",
// how the primary model serves it and what a model chosen for it would be.

export const riskShapes: Benchmark = {
  name: 'risk-shapes',
  async run() {
    const mailboxes = await loadAllMailboxes();
    if (mailboxes.length === 0) throw new Error('the Enron mailboxes are not beside the checkout');
    const samples = mailboxes.flatMap(mailboxSamples);
    const spec = specOf(SHIPPED_MODEL);
    const selected = selectModel(samples, 'noContact');
    return {
      method:
        'risk-quality’s samples and leave-one-mailbox-out cross-validation; each candidate refitted with the shipped penalty; mailboxesWon: mailboxes where it ranks better than days since the last contact; minusRecency and minusShipped: AUC differences over mailboxes resampled (2.5th, 50th, 97.5th percentiles)',
      knots: { days: KNOT_DAYS, timesTheExpectedGap: RATIO_KNOTS },
      pairwiseBlendAlphas: BLEND_ALPHAS,
      groupInterceptPenalty: GROUP_INTERCEPT_PENALTY,
      samples: samples.length,
      primaryNothingFromThemIn60Days: tryShapes(samples, spec, 'quiet'),
      secondaryNoContactEitherWayIn60Days: {
        ...tryShapes(samples, spec, 'noContact'),
        // The shipped model's chance (fitted on the primary label) read as the secondary one.
        servedByPrimaryModel: figuresOf(crossValidate(samples, spec, 'quiet'), samples, 'noContact'),
        // The shipped selection (signals and penalty by cross-validated log-loss) run for the secondary label.
        selectedForItself: {
          spec: selected.spec,
          ...figuresOf(crossValidate(samples, selected.spec, 'noContact'), samples, 'noContact'),
        },
      },
    };
  },
};
