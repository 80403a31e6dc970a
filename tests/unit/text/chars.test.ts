import { describe, expect, it } from 'vitest';
import { cutLength, numberAt } from '../../../src/core/text/chars.js';

describe('cutLength', () => {
  it('moves a cut that would split a surrogate pair back before the pair, and leaves other cuts alone', () => {
    expect(cutLength('a😀b', 2)).toBe(1);
    expect(cutLength('a😀b', 3)).toBe(3);
    expect(cutLength('abc', 2)).toBe(2);
  });

  it('keeps the cut inside the text', () => {
    expect(cutLength('abc', 10)).toBe(3);
    expect(cutLength('abc', -1)).toBe(0);
  });
});

describe('numberAt', () => {
  it('measures digits and numerals of any script, and nothing else', () => {
    expect(numberAt('7', 0)).toBe(1);
    expect(numberAt('٣', 0)).toBe(1);
    expect(numberAt('𝟕', 0)).toBe(2);
    expect(numberAt('a', 0)).toBe(0);
    expect(numberAt('é', 0)).toBe(0);
  });
});
