import { describe, expect, it } from 'vitest';
import { nelderMead } from '@/lib/engine/nelder-mead';
import { hyp2f1, logGamma, logSumExp, SeriesDivergenceError } from '@/lib/engine/special-functions';

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(2)).toBeCloseTo(0, 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 9);
    expect(logGamma(0.001)).toBeCloseTo(6.907178885383853, 9);
    expect(logGamma(Number.NaN)).toBeNaN();
  });
});

describe('logSumExp', () => {
  it('adds in log space without overflow', () => {
    expect(logSumExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logSumExp(Number.NEGATIVE_INFINITY, -5)).toBe(-5);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
      expect(hyp2f1(0.7, 2.5, 2.5, z)).toBeCloseTo((1 - z) ** -0.7, 10);
    }
    expect(hyp2f1(0.5, 1, 1.5, 0.25)).toBeCloseTo(Math.atanh(0.5) / 0.5, 12);
  });

  it('terminates polynomials and refuses arguments outside the unit disc', () => {
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - 2 * (3 / 4) * 0.5 + ((3 * 4) / (4 * 5)) * 0.25, 12);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(/undefined for c = -2/);
  });

  it('throws instead of returning a truncated sum', () => {
    expect(() => hyp2f1(400, 400, 0.5, 0.999999)).toThrow(SeriesDivergenceError);
  });
});

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x = 0, y = 0]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-14, maxIterations: 10_000 });
    expect(result.point[0]).toBeCloseTo(1, 3);
    expect(result.point[1]).toBeCloseTo(1, 3);
  });

  it('steps away from points where the function is not finite', () => {
    const f = ([x = 0]: number[]) => (x < 0 ? Number.NaN : (x - 2) ** 2);
    expect(nelderMead(f, [0.1]).point[0]).toBeCloseTo(2, 4);
  });
});
