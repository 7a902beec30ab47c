// A small Nelder–Mead simplex minimiser. Derivative-free, which suits
// likelihoods of a few parameters evaluated in log-space.

export interface NelderMeadOptions {
  /** Initial step along each axis. */
  step?: number;
  maxIterations?: number;
  /** Stop when the spread of function values across the simplex falls below this. */
  tolerance?: number;
}

export interface NelderMeadResult {
  point: number[];
  value: number;
  iterations: number;
}

export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-10;
  const n = start.length;
  // Non-finite values (parameters outside the model) are treated as +∞ so the
  // simplex simply moves away from them.
  const evaluate = (x: number[]): number => {
    const value = f(x);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  let simplex: Array<{ x: number[]; v: number }> = [{ x: start.slice(), v: evaluate(start) }];
  for (let i = 0; i < n; i++) {
    const x = start.slice();
    x[i] = (x[i] ?? 0) + step;
    simplex.push({ x, v: evaluate(x) });
  }
  const at = (i: number) => simplex[i] as { x: number[]; v: number };
  const combine = (from: number[], to: number[], t: number) => from.map((c, i) => c + t * ((to[i] ?? 0) - c));

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = at(0);
    const worst = at(n);
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (at(i).x[j] ?? 0) / n;
    }
    const reflected = combine(centroid, worst.x, -1);
    const rv = evaluate(reflected);
    if (rv < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ev = evaluate(expanded);
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
      continue;
    }
    if (rv < at(n - 1).v) {
      simplex[n] = { x: reflected, v: rv };
      continue;
    }
    const outside = rv < worst.v;
    const contracted = combine(centroid, outside ? reflected : worst.x, 0.5);
    const cv = evaluate(contracted);
    if (cv < (outside ? rv : worst.v)) {
      simplex[n] = { x: contracted, v: cv };
      continue;
    }
    simplex = simplex.map((p, i) => {
      if (i === 0) return p;
      const x = combine(best.x, p.x, 0.5);
      return { x, v: evaluate(x) };
    });
  }
  simplex.sort((p, q) => p.v - q.v);
  return { point: at(0).x, value: at(0).v, iterations };
}
