import { describe, expect, it } from 'vitest';
import { defaultSummaryLength, scoreSentences, selectSummary } from '../../../src/core/summary/summarize.js';
import { computeTermStats } from '../../../src/core/terms/term-stats.js';
import { InvalidOptionsError } from '../../../src/errors.js';

const TITLE = 'Harbour city opens tidal power plant';
const ARTICLE = [
  'The harbour city of Port Venn opened Europe’s largest tidal power plant on Monday, promising to supply a third of its homes.',
  'The tidal plant uses forty underwater turbines anchored across the harbour mouth.',
  'Engineers said the turbines turn with each tide and stop only twice a day.',
  'But critics of the plant worry about the effect on fish that swim through the harbour.',
  'The city council approved the tidal project in 2019 after a long public inquiry into power costs.',
  'Local fishermen held a protest outside the council offices last spring.',
  'It was the third such protest in a year.',
  'The plant cost 410 million euros, paid partly by a regional energy fund.',
  'Officials expect the tidal power plant to pay for itself within fifteen years.',
  'A smaller tidal scheme in the north of the country closed in 2015 after repeated turbine failures.',
];

function summarize(sentences: readonly string[], count?: number, title: string | null = TITLE) {
  const stats = computeTermStats(title, sentences);
  return selectSummary(stats, sentences, count === undefined ? {} : { sentences: count });
}

describe('selectSummary', () => {
  it('returns the requested number of sentences in document order', () => {
    const chosen = summarize(ARTICLE, 3);
    expect(chosen).toHaveLength(3);
    const indexes = chosen.map((s) => s.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('puts the lead sentence of a news story in its summary', () => {
    expect(summarize(ARTICLE, 3).map((s) => s.index)).toContain(0);
  });

  it('does not pick the same statement twice', () => {
    const lead = ARTICLE[0] ?? '';
    const withCopy = [lead, lead.replace('on Monday', 'this week'), ...ARTICLE.slice(1)];
    const chosen = summarize(withCopy, 3).map((s) => s.index);
    expect(chosen.includes(0) && chosen.includes(1)).toBe(false);
  });

  it('prefers a sentence that stands alone over one that opens with a dangling connective', () => {
    const standalone = 'Critics of the tidal plant worry about fish in the harbour.';
    const dangling = `But ${standalone.charAt(0).toLowerCase()}${standalone.slice(1)}`;
    const stats = computeTermStats(TITLE, [ARTICLE[0] ?? '', dangling, standalone]);
    const [, danglingScore, standaloneScore] = scoreSentences(stats, [
      ARTICLE[0] ?? '',
      dangling,
      standalone,
    ]);
    expect(standaloneScore).toBeGreaterThan(danglingScore ?? 0);
  });

  it('penalises a sentence opening with a pronoun whose antecedent is elsewhere', () => {
    const texts = [
      ARTICLE[0] ?? '',
      'It was the third tidal protest at the harbour.',
      'The third tidal protest at the harbour was loud.',
    ];
    const [, pronoun, named] = scoreSentences(computeTermStats(TITLE, texts), texts);
    expect(named).toBeGreaterThan(pronoun ?? 0);
  });

  it('gives the same result on every run', () => {
    expect(summarize(ARTICLE, 4)).toEqual(summarize(ARTICLE, 4));
  });

  it('returns every sentence when asked for more than the article has', () => {
    expect(summarize(ARTICLE.slice(0, 2), 5)).toHaveLength(2);
  });

  it('refuses a summary length outside 1-50', () => {
    expect(() => summarize(ARTICLE, 0)).toThrow(InvalidOptionsError);
    expect(() => summarize(ARTICLE, 51)).toThrow(InvalidOptionsError);
    expect(() => summarize(ARTICLE, 2.5)).toThrow(InvalidOptionsError);
  });

  it('takes a ratio of the article’s sentences', () => {
    const stats = computeTermStats(TITLE, ARTICLE);
    expect(selectSummary(stats, ARTICLE, { ratio: 0.5 })).toHaveLength(5);
    expect(() => selectSummary(stats, ARTICLE, { ratio: 0 })).toThrow(InvalidOptionsError);
  });

  it('scores every sentence between 0 and 1', () => {
    for (const score of scoreSentences(computeTermStats(TITLE, ARTICLE), ARTICLE)) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('summarises a very long document with a bounded number of sentences', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `${ARTICLE[i % ARTICLE.length]} Item ${i}.`);
    const chosen = summarize(long);
    expect(chosen).toHaveLength(defaultSummaryLength(long.length));
    expect(chosen.length).toBeLessThanOrEqual(10);
  });
});

describe('defaultSummaryLength', () => {
  it('grows with the article: 3 for a news story, more for a report, at most 10', () => {
    expect(defaultSummaryLength(1)).toBe(1);
    expect(defaultSummaryLength(25)).toBe(3);
    expect(defaultSummaryLength(100)).toBe(6);
    expect(defaultSummaryLength(1_000_000)).toBe(10);
  });
});
