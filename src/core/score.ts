/**
 * Rounds a score (a sentence's, a keyword's, a tag's) to 4 decimals, as every score in the output is
 * reported, so output is stable and readable.
 *
 * @example
 * round(0.123456); // 0.1235
 */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
