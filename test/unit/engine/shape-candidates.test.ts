import { describe, expect, it } from 'vitest';
import { figuresOf } from '@/lib/engine/risk-model/candidate-evaluation';
import type { Sample } from '@/lib/engine/risk-model/evaluation-samples';
import { crossValidate, type ModelSpec } from '@/lib/engine/risk-model/risk-evaluation';
import { FEATURE_NAMES } from '@/lib/engine/risk-model/risk-features';
import { CANDIDATE_NAMES, tryShapes } from '@/lib/engine/risk-model/shape-candidates';
import { random, sigmoid } from './seeded-random';

/**
 * Plain samples of three mailboxes at three cuts each, whose silence (log of
 * 1 + days, up to 180 days) tells nothing until 45 days and much after: a
 * bend one log-linear weight cannot draw.
 */
function samples(): Sample[] {
  const next = random(5);
  return ['a', 'b', 'c'].flatMap((mailbox) =>
    Array.from({ length: 150 }, (_, i) => {
      const silence = Math.log1p(180 * next());
      const quiet = next() < sigmoid(3 * Math.max(0, silence - Math.log1p(45)) - 0.5);
      return {
        mailbox,
        cut: i % 3,
        client: `${mailbox}${i}`,
        features: FEATURE_NAMES.map((name) => (name === 'silence' ? silence : 0)),
        baselines: { daysSinceLastContact: Math.expm1(silence), contactDays: 3, pAliveGap: 0, silenceRatio: 0 },
        quiet,
        noContact: quiet,
      };
    }),
  );
}

const SPEC: ModelSpec = { features: ['silence'], lambda: 0.01 };

describe('trying shapes, interactions and within-cut fits beside the shipped signals', () => {
  const all = samples();
  const report = tryShapes(all, SPEC, 'quiet', ['silenceHinges', 'silenceVsUsualCappedAt3', 'cutFixedEffects']);

  it('judges the shipped model by the evaluation’s own cross-validation', () => {
    const { minusRecency: _r, minusShipped, ...figures } = report.shipped;
    expect(figures).toEqual(figuresOf(crossValidate(all, SPEC, 'quiet'), all, 'quiet'));
    expect(minusShipped.pooled).toEqual({ low: 0, median: 0, high: 0 });
  });

  it('runs only the candidates asked for, each by a name it knows', () => {
    expect(Object.keys(report.candidates)).toEqual(['silenceHinges', 'silenceVsUsualCappedAt3', 'cutFixedEffects']);
    expect(CANDIDATE_NAMES).toEqual(expect.arrayContaining(Object.keys(report.candidates)));
    expect(Object.keys(tryShapes(all, SPEC, 'quiet', ['no such shape']).candidates)).toEqual([]);
  });

  it('finds the bend with hinges on the silence', () => {
    const hinges = report.candidates.silenceHinges;
    expect(hinges?.logLoss).toBeLessThan(report.shipped.logLoss);
    expect(hinges?.minusShipped.pooled.median).toBeGreaterThanOrEqual(0);
  });

  it('leaves the model as it is when the shape touches a signal it does not read', () => {
    const { minusShipped: _m, ...capped } = report.candidates.silenceVsUsualCappedAt3 ?? report.shipped;
    const { minusShipped: _s, ...shipped } = report.shipped;
    expect(capped).toEqual(shipped);
  });
});
