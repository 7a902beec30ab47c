import { describe, expect, it } from 'vitest';
import { minimizeInBox } from '@/lib/engine/box-bfgs';
import { digamma, hyp2f1, logGamma, logSumExp, SeriesDivergenceError } from '@/lib/engine/special-functions';

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

describe('digamma', () => {
  it('matches known values and the slope of logGamma', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.log(2), 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13);
    for (const x of [1e-4, 0.3, 2.5, 7, 40, 1e4]) {
      const h = x * 1e-5;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), x < 1 ? 3 : 6);
    }
  });
});

describe('minimizeInBox', () => {
  const options = { gradientTolerance: 1e-10, maxIterations: 500, maxStep: 1 };

  it('finds the minimum of the Rosenbrock valley inside the box', () => {
    const result = minimizeInBox(
      {
        value: ([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        gradient: ([x = 0, y = 0], out) => {
          out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
          out[1] = 200 * (y - x * x);
        },
        lower: -5,
        upper: 5,
      },
      [-1.2, 1],
      options,
    );
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
  });

  it('holds a variable on the bound its optimum lies beyond, and moves the others', () => {
    const result = minimizeInBox(
      {
        value: ([x = 0, y = 0]) => (x - 9) ** 2 + (y - 1) ** 2 + x * y * 0.1,
        gradient: ([x = 0, y = 0], out) => {
          out[0] = 2 * (x - 9) + 0.1 * y;
          out[1] = 2 * (y - 1) + 0.1 * x;
        },
        lower: -3,
        upper: 3,
      },
      [0, 0],
      options,
    );
    expect(result.point[0]).toBe(3);
    expect(result.point[1]).toBeCloseTo(1 - 0.15, 9);
  });
});
