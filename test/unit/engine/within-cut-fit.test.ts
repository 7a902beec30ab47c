import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chanceOf, FitError, fitLogistic, type LogisticModel } from '@/lib/engine/risk-model/logistic-fit';
import { cutFixedEffects, pairwiseBlend } from '@/lib/engine/risk-model/within-cut-fit';
import { random, sigmoid } from './seeded-random';

/**
 * Ten groups (cut dates) whose clients' signal runs higher the later the
 * group, while the later groups go quiet less: within a group a unit of the
 * signal adds 1 to the log-odds, but pooled the groups' shifts hide it.
 */
function confounded() {
  const next = random(11);
  const rows: number[][] = [];
  const labels: boolean[] = [];
  const groups: string[] = [];
  for (let g = 0; g < 10; g++) {
    for (let i = 0; i < 150; i++) {
      const x = 2 * next() + 0.4 * g;
      rows.push([x]);
      labels.push(next() < sigmoid(x - 1 - 0.6 * g));
      groups.push(`g${g}`);
    }
  }
  return { rows, labels, groups };
}

/** The weight per unit of the raw signal. */
const rawSlope = (model: LogisticModel) => (model.columns[0]?.weight ?? 0) / (model.columns[0]?.scale ?? 1);
const meanChance = (model: LogisticModel, rows: number[][]) =>
  rows.reduce((s, r) => s + chanceOf(model, r), 0) / rows.length;

describe('fits that rank within one cut date', () => {
  const { rows, labels, groups } = confounded();
  const share = labels.filter(Boolean).length / labels.length;

  it('with no weight on the pairs, is the shipped fit', () => {
    const blended = pairwiseBlend(0)(rows, labels, 0.01, groups);
    const shipped = fitLogistic(rows, labels, 0.01);
    expect(blended.intercept).toBeCloseTo(shipped.intercept, 8);
    expect(rawSlope(blended)).toBeCloseTo(rawSlope(shipped), 8);
  });

  it('recovers the slope within groups that the pooled fit misses', () => {
    const pooled = rawSlope(fitLogistic(rows, labels, 0));
    const fixed = rawSlope(cutFixedEffects(rows, labels, 0, groups));
    const pairwise = rawSlope(pairwiseBlend(0.99)(rows, labels, 0, groups));
    expect(pooled).toBeLessThan(0.6);
    expect(fixed).toBeGreaterThan(0.85);
    expect(fixed).toBeLessThan(1.15);
    expect(pairwise).toBeGreaterThan(0.85);
    expect(pairwise).toBeLessThan(1.15);
    expect(rawSlope(pairwiseBlend(0.5)(rows, labels, 0, groups))).toBeGreaterThan(pooled);
  });

  it('refits the intercept so the mean chance is the share going quiet', () => {
    for (const model of [cutFixedEffects(rows, labels, 0.01, groups), pairwiseBlend(0.5)(rows, labels, 0.01, groups)])
      expect(meanChance(model, rows)).toBeCloseTo(share, 8);
  });

  it('ranks every row alike without groups, as one group', () => {
    const few = rows.slice(0, 200);
    const fewLabels = labels.slice(0, 200);
    expect(rawSlope(pairwiseBlend(0.5)(few, fewLabels, 0.01))).toBeCloseTo(
      rawSlope(
        pairwiseBlend(0.5)(
          few,
          fewLabels,
          0.01,
          few.map(() => ''),
        ),
      ),
      10,
    );
  });

  it('needs rows of both outcomes', () => {
    expect(() => cutFixedEffects([[1], [2]], [true, true], 0.01, ['a', 'a'])).toThrow(FitError);
    expect(() => pairwiseBlend(0.5)([[1], [2]], [false, false], 0.01, ['a', 'a'])).toThrow(FitError);
  });

  it('gives finite weights whatever the rows, groups of one outcome included', () => {
    const row = fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 4, maxLength: 40 }), (drawn) => {
        const all = [...drawn, [0, true, 0] as const, [1, false, 0] as const];
        const fitted = [
          cutFixedEffects(
            all.map(([x]) => [x]),
            all.map(([, y]) => y),
            0.03,
            all.map(([, , g]) => `g${g}`),
          ),
          pairwiseBlend(0.5)(
            all.map(([x]) => [x]),
            all.map(([, y]) => y),
            0.03,
            all.map(([, , g]) => `g${g}`),
          ),
        ];
        for (const model of fitted) {
          expect(Number.isFinite(model.intercept)).toBe(true);
          expect(Number.isFinite(model.columns[0]?.weight)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
