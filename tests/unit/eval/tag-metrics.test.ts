import { describe, expect, it } from 'vitest';
import { tagMetrics } from '../../../scripts/eval/tag-metrics.js';

describe('tagMetrics', () => {
  it('pools counts for micro scores and averages labels for macro scores', () => {
    const metrics = tagMetrics([
      { expected: ['sport'], predicted: ['sport', 'crime'] },
      { expected: ['crime', 'politics'], predicted: ['crime'] },
    ]);
    // tp 2 (sport, crime), fp 1 (crime in the first), fn 1 (politics).
    expect(metrics.micro).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    // sport P1 R1 F1; crime P1/2 R1 F2/3; politics P0 R0 F0.
    expect(metrics.macro.precision).toBeCloseTo(0.5, 12);
    expect(metrics.macro.recall).toBeCloseTo(2 / 3, 12);
    expect(metrics.macro.f1).toBeCloseTo(5 / 9, 12);
  });

  it('compares names case-insensitively', () => {
    const metrics = tagMetrics([{ expected: ['South-eastern Asia'], predicted: ['South-Eastern Asia'] }]);
    expect(metrics.micro.f1).toBe(1);
  });

  it('scores no predictions as 0, not NaN', () => {
    expect(tagMetrics([{ expected: ['Japan'], predicted: [] }]).micro).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
    });
  });
});
