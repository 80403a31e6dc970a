import { describe, expect, it } from 'vitest';
import { median, pairedDifferences, spread } from '../../../scripts/bench/stats.js';

describe('spread', () => {
  it('gives the extremes, quartiles and median of unsorted timings', () => {
    expect(spread([40, 10, 30, 20, 50])).toEqual({ runs: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50 });
  });

  it('interpolates quartiles that fall between two runs', () => {
    const { q1, median: middle, q3 } = spread([1, 2, 3, 4]);
    expect([q1, middle, q3]).toEqual([1.75, 2.5, 3.25]);
  });

  it('agrees with median for odd and even counts', () => {
    for (const values of [[3], [5, 1], [9, 2, 7], [4, 8, 1, 6, 2, 9]]) {
      expect(spread(values).median).toBe(median(values));
    }
  });

  it('reports NaN rather than a number for no runs', () => {
    const empty = spread([]);
    expect(empty.runs).toBe(0);
    expect([empty.min, empty.q1, empty.median, empty.q3, empty.max].every(Number.isNaN)).toBe(true);
  });

  it('leaves the caller’s list in its order', () => {
    const values = [3, 1, 2];
    spread(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('pairedDifferences', () => {
  it('subtracts run by run and ignores runs the shorter list lacks', () => {
    expect(pairedDifferences([10, 20, 35], [4, 5])).toEqual([6, 15]);
  });

  it('keeps a round-wide slowdown out of the differences', () => {
    const floor = [100, 300, 110];
    const lede = floor.map((ms) => ms + 25);
    expect(spread(pairedDifferences(lede, floor)).median).toBe(25);
  });
});
