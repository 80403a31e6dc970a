import { describe, expect, it } from 'vitest';
import { runRounds } from '../../../scripts/bench/cold.js';

function recordingSubjects(names: readonly string[], order: string[]) {
  return names.map((name, index) => ({
    name,
    run: async () => {
      order.push(name);
      return { responseMs: index, timings: {} };
    },
  }));
}

describe('runRounds', () => {
  it('runs each subject once untimed, then starts each round one subject further along', async () => {
    const order: string[] = [];
    await runRounds(recordingSubjects(['a', 'b', 'c'], order), 3);
    // Warm-up a b c, then rounds a b c, b c a, c a b.
    expect(order.join(' ')).toBe('a b c a b c b c a c a b');
  });

  it('keeps only the timed runs, one per round for every subject', async () => {
    const samples = await runRounds(recordingSubjects(['lede', 'floor'], []), 4);
    expect(samples.get('lede')?.map((run) => run.responseMs)).toEqual([0, 0, 0, 0]);
    expect(samples.get('floor')).toHaveLength(4);
  });
});
