// Order statistics over small samples.

/**
 * Linear-interpolated quantile (R type 7, as numpy's default) of an ascending
 * array, or of its first `length` values; undefined when empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number, length = sorted.length): number | undefined {
  if (length === 0) return undefined;
  const position = (length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(position);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[Math.min(low + 1, length - 1)] ?? lowValue;
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
  insertionSort(sorted, sorted.length);
  return sorted;
}

function insertionSort(values: number[] | Float64Array, length: number): void {
  for (let i = 1; i < length; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
}

/** The first `length` values of a buffer put ascending in place, as sortedNumbers orders a list. */
export function sortPrefix(values: Float64Array, length: number): void {
  if (length > SMALL) values.subarray(0, length).sort();
  else insertionSort(values, length);
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
