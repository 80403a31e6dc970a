/** The median of a non-empty list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** How a set of timings spread: the median, the quartiles and the extremes. */
export interface Spread {
  readonly runs: number;
  readonly min: number;
  /** First quartile: a quarter of the runs were at or below it. */
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

// Linear interpolation between the closest ranks (the usual "type 7" quantile): defined for any
// non-empty list, and the 0.5 quantile is the median above.
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

/**
 * Median, quartiles and range of a list of timings; every field is NaN for an empty list.
 *
 * @example
 * spread([4, 1, 3, 2, 5]); // { runs: 5, min: 1, q1: 2, median: 3, q3: 4, max: 5 }
 */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    min: sorted[0] ?? Number.NaN,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/**
 * The median of the pairwise differences `a[i] - b[i]` of two lists measured in the same rounds:
 * round-to-round load hits both members of a pair alike, so this is steadier than the difference of
 * the two medians. Pairs beyond the shorter list are ignored.
 */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  const count = Math.min(a.length, b.length);
  return Array.from({ length: count }, (_, i) => (a[i] ?? Number.NaN) - (b[i] ?? Number.NaN));
}
