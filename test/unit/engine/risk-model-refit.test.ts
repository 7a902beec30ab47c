import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mailboxSamples } from '@/lib/engine/risk-model/evaluation-samples';
import { fitSpec } from '@/lib/engine/risk-model/risk-evaluation';
import { SHIPPED_MODEL } from '@/lib/engine/risk-model/risk-score';
import { specOf } from '@/lib/engine/risk-model/shipped-model';
import { EMAIL_DATA, loadAllMailboxes } from '../../risk-data/enron-mailboxes';

// The shipped coefficients are what `npm run fit-risk` gives on the mailboxes
// beside the checkout: refitting the shipped signals and penalty on them must
// give the shipped numbers back. (The choice of signals and penalty is the
// script's longer search; its result is the shipped spec.)

describe.skipIf(!existsSync(EMAIL_DATA))('the shipped model', () => {
  it('reproduces from the shared mailboxes', async () => {
    const samples = (await loadAllMailboxes()).flatMap(mailboxSamples);
    expect(samples.length).toBe(SHIPPED_MODEL.training.samples);
    expect(samples.filter((s) => s.quiet).length).toBe(SHIPPED_MODEL.training.quiet);
    const fit = fitSpec(samples, specOf(SHIPPED_MODEL), 'quiet');
    expect(fit.intercept).toBeCloseTo(SHIPPED_MODEL.intercept, 6);
    SHIPPED_MODEL.terms.forEach((term, j) => {
      expect(fit.columns[j]?.weight, term.feature).toBeCloseTo(term.weight, 6);
      expect(fit.columns[j]?.mean, term.feature).toBeCloseTo(term.mean, 6);
      expect(fit.columns[j]?.scale, term.feature).toBeCloseTo(term.scale, 6);
    });
  });
});
