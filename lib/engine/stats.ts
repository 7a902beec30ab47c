// Order statistics over small samples.

/** Linear-interpolated quantile (R type 7, as numpy's default) of an ascending array; undefined when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(position);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[Math.min(low + 1, sorted.length - 1)] ?? lowValue;
  return lowValue + (highValue - lowValue) * (position - low);
}

/**
 * The values ascending. A typed array sorts numbers natively, without calling
 * a comparator per comparison: every client's reply times and gaps are sorted
 * on each recompute. Same order as `(a, b) => a - b` for the finite numbers the
 * engine measures.
 */
export function sortedNumbers(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

export interface Spread {
  count: number;
  median?: number;
  p90?: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = sortedNumbers(values);
  return { count: sorted.length, median: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
}
