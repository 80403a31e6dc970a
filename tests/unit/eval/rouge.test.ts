import { describe, expect, it } from 'vitest';
import { lcsLength, meanRouge, rouge, rougeL, rougeN, rougeTokens } from '../../../scripts/eval/rouge.js';

const CANDIDATE = 'The cat sat on the mat.';
const REFERENCE = 'The cat lay on the red mat.';

describe('rougeTokens', () => {
  it('lower-cases, drops punctuation and keeps stop words', () => {
    expect(rougeTokens('The Cat, sat!')).toEqual(['the', 'cat', 'sat']);
  });

  it('Porter-stems when asked', () => {
    expect(rougeTokens('Rates rising', { stem: true })).toEqual(['rate', 'rise']);
  });
});

describe('rouge', () => {
  it('scores identical texts 1 on every measure', () => {
    const scores = rouge(CANDIDATE, CANDIDATE);
    for (const prf of [scores.rouge1, scores.rouge2, scores.rougeL]) {
      expect(prf).toEqual({ precision: 1, recall: 1, f1: 1 });
    }
  });

  it('scores texts with no word in common 0 on every measure', () => {
    const scores = rouge('Alpha beta gamma.', 'Delta epsilon zeta.');
    for (const prf of [scores.rouge1, scores.rouge2, scores.rougeL]) {
      expect(prf).toEqual({ precision: 0, recall: 0, f1: 0 });
    }
  });

  // the cat sat on the mat (6 tokens) / the cat lay on the red mat (7 tokens):
  // unigrams in common the×2, cat, on, mat = 5; bigrams in common "the cat", "on the" = 2 of 5 and 6;
  // LCS "the cat on the mat" = 5.
  it('computes ROUGE-1 on a partial overlap by hand', () => {
    const { rouge1 } = rouge(CANDIDATE, REFERENCE);
    expect(rouge1.precision).toBeCloseTo(5 / 6, 12);
    expect(rouge1.recall).toBeCloseTo(5 / 7, 12);
    expect(rouge1.f1).toBeCloseTo(10 / 13, 12);
  });

  it('computes ROUGE-2 on a partial overlap by hand', () => {
    const { rouge2 } = rouge(CANDIDATE, REFERENCE);
    expect(rouge2.precision).toBeCloseTo(2 / 5, 12);
    expect(rouge2.recall).toBeCloseTo(2 / 6, 12);
    expect(rouge2.f1).toBeCloseTo(4 / 11, 12);
  });

  it('computes ROUGE-L on a partial overlap by hand', () => {
    const { rougeL: l } = rouge(CANDIDATE, REFERENCE);
    expect(l.precision).toBeCloseTo(5 / 6, 12);
    expect(l.recall).toBeCloseTo(5 / 7, 12);
    expect(l.f1).toBeCloseTo(10 / 13, 12);
  });

  it('matches word forms only with stemming', () => {
    expect(rouge('Rates rising', 'rate rises').rouge1.f1).toBe(0);
    expect(rouge('Rates rising', 'rate rises', { stem: true }).rouge1.f1).toBe(1);
  });

  it('scores an empty summary 0, not NaN', () => {
    const scores = rouge('', REFERENCE);
    expect(scores.rouge1).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scores.rougeL).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('rougeN', () => {
  it('clips a repeated n-gram to its count in the reference', () => {
    const { precision, recall } = rougeN(['the', 'the', 'the'], ['the', 'cat'], 1);
    expect(precision).toBeCloseTo(1 / 3, 12);
    expect(recall).toBe(1 / 2);
  });

  it('does not match n-grams across different token boundaries', () => {
    expect(rougeN(['ab', 'c'], ['a', 'bc'], 2).f1).toBe(0);
  });
});

describe('rougeL', () => {
  it('uses the longest common subsequence, not a contiguous run', () => {
    expect(rougeL(['a', 'x', 'b', 'y', 'c'], ['a', 'b', 'c']).recall).toBe(1);
  });
});

describe('lcsLength', () => {
  it('finds the textbook LCS of ABCBDAB and BDCABA', () => {
    expect(lcsLength([...'ABCBDAB'], [...'BDCABA'])).toBe(4);
  });
});

describe('meanRouge', () => {
  it('averages each score over the articles', () => {
    const mean = meanRouge([rouge(CANDIDATE, CANDIDATE), rouge('Alpha.', 'Beta.')]);
    expect(mean.rouge1).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
