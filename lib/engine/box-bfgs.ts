// A small quasi-Newton minimiser (BFGS) for smooth functions of a few
// variables kept within one box, lower ≤ xᵢ ≤ upper. A variable on a bound
// whose gradient pushes it outward is held there (its optimum is the
// boundary), the others move; steps are projected back into the box.

export interface BoxProblem {
  value(x: Float64Array): number;
  /** The gradient of `value` at x, into `out`. */
  gradient(x: Float64Array, out: Float64Array): void;
  lower: number;
  upper: number;
}

export interface BoxOptions {
  /** Stop when no free variable's gradient exceeds this. */
  gradientTolerance: number;
  maxIterations: number;
  /** The longest first step along any variable: the first guess of the curvature is plain descent. */
  maxStep: number;
}

export interface BoxResult {
  point: number[];
  value: number;
  iterations: number;
}

const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;

function identity(n: number): Float64Array {
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
  return h;
}

/** Which variables may move: not those on a bound with the gradient pushing outward. */
function freeVariables(x: Float64Array, g: Float64Array, box: BoxProblem): boolean[] {
  return Array.from(
    x,
    (xi, i) => !((xi <= box.lower && (g[i] as number) > 0) || (xi >= box.upper && (g[i] as number) < 0)),
  );
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, the BFGS update of the inverse Hessian. */
function updateInverse(h: Float64Array, s: Float64Array, y: Float64Array): void {
  const n = s.length;
  let sy = 0;
  for (let i = 0; i < n; i++) sy += (s[i] as number) * (y[i] as number);
  if (!(sy > 1e-300)) return;
  const rho = 1 / sy;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (h[i * n + j] as number) * (y[j] as number);
    hy[i] = sum;
  }
  let yhy = 0;
  for (let i = 0; i < n; i++) yhy += (y[i] as number) * (hy[i] as number);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = s[i] as number;
      const sj = s[j] as number;
      h[i * n + j] =
        (h[i * n + j] as number) -
        rho * ((hy[i] as number) * sj + si * (hy[j] as number)) +
        (rho * rho * yhy + rho) * si * sj;
    }
  }
}

/** Minimises within the box from `start` (clamped into it). */
export function minimizeInBox(box: BoxProblem, start: readonly number[], options: BoxOptions): BoxResult {
  const n = start.length;
  const clamp = (v: number) => Math.min(box.upper, Math.max(box.lower, v));
  let x: Float64Array = Float64Array.from(start, clamp);
  let f = box.value(x);
  let g: Float64Array = new Float64Array(n);
  box.gradient(x, g);
  let h = identity(n);
  let pattern = '';
  let iterations = 0;
  for (; iterations < options.maxIterations; iterations++) {
    const free = freeVariables(x, g, box);
    let largest = 0;
    for (let i = 0; i < n; i++) if (free[i]) largest = Math.max(largest, Math.abs(g[i] as number));
    if (largest <= options.gradientTolerance) break;
    // A variable joining or leaving its bound makes the curvature learnt so far a poor guess.
    const freePattern = free.map((v) => (v ? '1' : '0')).join('');
    if (freePattern !== pattern) {
      h = identity(n);
      pattern = freePattern;
    }
    const d = new Float64Array(n);
    let slope = 0;
    for (let i = 0; i < n; i++) {
      if (!free[i]) continue;
      let di = 0;
      for (let j = 0; j < n; j++) if (free[j]) di -= (h[i * n + j] as number) * (g[j] as number);
      d[i] = di;
      slope += di * (g[i] as number);
    }
    if (!(slope < 0)) {
      h = identity(n);
      for (let i = 0; i < n; i++) d[i] = free[i] ? -(g[i] as number) : 0;
    }
    let longest = 0;
    for (let i = 0; i < n; i++) longest = Math.max(longest, Math.abs(d[i] as number));
    let t = longest > options.maxStep ? options.maxStep / longest : 1;
    let next: { x: Float64Array; f: number } | undefined;
    for (let halving = 0; halving < MAX_HALVINGS && !next; halving++, t /= 2) {
      const candidate = Float64Array.from(x, (xi, i) => clamp(xi + t * (d[i] as number)));
      let decrease = 0;
      for (let i = 0; i < n; i++) decrease += (g[i] as number) * ((candidate[i] as number) - (x[i] as number));
      if (!(decrease < 0)) break;
      const value = box.value(candidate);
      if (value <= f + ARMIJO * decrease) next = { x: candidate, f: value };
    }
    // No step lowers the value any more: the optimum within the arithmetic's precision.
    if (!next) break;
    const gNext = new Float64Array(n);
    box.gradient(next.x, gNext);
    const s = Float64Array.from(next.x, (v, i) => v - (x[i] as number));
    const y = Float64Array.from(gNext, (v, i) => v - (g[i] as number));
    updateInverse(h, s, y);
    x = next.x;
    f = next.f;
    g = gNext;
  }
  return { point: Array.from(x), value: f, iterations };
}
