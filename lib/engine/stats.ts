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

/** Below this many values an insertion sort of a plain copy beats allocating a typed array. */
const SMALL = 32;

/**
 * The values ascending. A typed array sorts numbers natively, without calling
 * a comparator per comparison: every client's reply times and gaps are sorted
 * on each recompute. Most of those lists are short, and a typed array costs
 * more to allocate than a few comparisons, so short ones are sorted in place
 * in a plain copy. Same order as `(a, b) => a - b` for the finite numbers the
 * engine measures.
 */
export function sortedNumbers(values: readonly number[]): ArrayLike<number> {
  if (values.length > SMALL) return Float64Array.from(values).sort();
  const sorted = values.slice();
  for (let i = 1; i < sorted.length; i++) {
    const value = sorted[i] as number;
    let j = i - 1;
    while (j >= 0 && (sorted[j] as number) > value) {
      sorted[j + 1] = sorted[j] as number;
      j--;
    }
    sorted[j + 1] = value;
  }
  return sorted;
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
