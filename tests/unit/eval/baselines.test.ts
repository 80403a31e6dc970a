import { describe, expect, it } from 'vitest';
import { leadBaseline, termFrequencyBaseline } from '../../../scripts/eval/baselines.js';

const SENTENCES = [
  'The weather was mild.',
  'Interest rates rose as inflation rose.',
  'Rates and inflation dominate the news.',
  'A cat slept.',
];

describe('leadBaseline', () => {
  it('takes the first n sentences', () => {
    expect(leadBaseline(SENTENCES, 2)).toEqual(SENTENCES.slice(0, 2));
  });
});

describe('termFrequencyBaseline', () => {
  it('picks the sentences densest in frequent content words, in document order', () => {
    expect(termFrequencyBaseline(SENTENCES, 2)).toEqual([SENTENCES[1], SENTENCES[2]]);
  });

  it('returns at most as many sentences as there are', () => {
    expect(termFrequencyBaseline(SENTENCES, 10)).toEqual(SENTENCES);
    expect(termFrequencyBaseline([], 3)).toEqual([]);
  });
});
