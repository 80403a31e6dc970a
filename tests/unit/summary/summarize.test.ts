import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SUMMARY_WORDS,
  SUMMARY_MODEL,
  type SummaryModel,
  type SummaryOptions,
  scoreSentences,
  selectSummary,
} from '../../../src/core/summary/summarize.js';
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

  // The default model leaves these two penalties off (the development data did not support them, see the
  // README); the mechanism is tested with a model that turns them on.
  const strict: SummaryModel = {
    ...SUMMARY_MODEL,
    penalty: { ...SUMMARY_MODEL.penalty, danglingConnective: 0.55, anaphoricOpener: 0.75 },
  };

  it('with a dangling-connective penalty, prefers a sentence that stands alone', () => {
    const standalone = 'Critics of the tidal plant worry about fish in the harbour.';
    const dangling = `But ${standalone.charAt(0).toLowerCase()}${standalone.slice(1)}`;
    const texts = [ARTICLE[0] ?? '', dangling, standalone];
    const [, danglingScore, standaloneScore] = scoreSentences(computeTermStats(TITLE, texts), texts, strict);
    expect(standaloneScore).toBeGreaterThan(danglingScore ?? 0);
  });

  it('with a pronoun penalty, prefers the sentence that names its subject', () => {
    const texts = [
      ARTICLE[0] ?? '',
      'It was the third tidal protest at the harbour.',
      'The third tidal protest at the harbour was loud.',
    ];
    const [, pronoun, named] = scoreSentences(computeTermStats(TITLE, texts), texts, strict);
    expect(named).toBeGreaterThan(pronoun ?? 0);
  });

  it('scores a quotation cut off by its speaker tag below the same words as reported speech', () => {
    const texts = [
      ARTICLE[0] ?? '',
      '“The turbines will pay for the tidal plant within fifteen years,” the mayor said.',
      'The turbines will pay for the tidal plant within fifteen years, according to the mayor.',
    ];
    const [, quoted, reported] = scoreSentences(computeTermStats(TITLE, texts), texts);
    expect(reported).toBeGreaterThan(quoted ?? 0);
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

  it('summarises a very long document within the default word budget', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `${ARTICLE[i % ARTICLE.length]} Item ${i}.`);
    const stats = computeTermStats(TITLE, long);
    const chosen = selectSummary(stats, long);
    expect(chosen.length).toBeGreaterThan(0);
    expect(wordsOf(stats, chosen)).toBeLessThanOrEqual(DEFAULT_SUMMARY_WORDS);
  });
});

describe('scoreSentences', () => {
  // A feature story: the lead is colour that nothing after it returns to; the second sentence states the
  // news that the rest of the story goes on to elaborate.
  const COLOUR_LEAD = [
    'Gulls wheeled over the grey slipway at dawn while a lone cyclist pedalled past the shuttered cafe.',
    'The harbour city of Port Venn opened its tidal power plant on Monday, promising power for a third of its homes.',
    'The tidal plant uses forty turbines anchored across the harbour mouth to make power.',
    'Engineers said the tidal turbines at the harbour turn with each tide and make power day and night.',
    'The city expects the tidal power plant to supply homes across the harbour district by spring.',
    'Officials said the tidal plant in Port Venn would pay for itself within fifteen years.',
  ];

  it('ranks the news sentence above a colour lead that the rest of the story never returns to', () => {
    const [lead, news] = scoreSentences(computeTermStats(null, COLOUR_LEAD), COLOUR_LEAD);
    expect(news).toBeGreaterThan(lead ?? 1);
  });

  it('ranks the lead first when it is also what the story is about', () => {
    const scores = scoreSentences(computeTermStats(TITLE, ARTICLE), ARTICLE);
    const best = scores.indexOf(Math.max(...scores));
    expect(best).toBe(0);
  });

  it('with directed centrality, scores a closing recap lower than when earlier sentences count', () => {
    const texts = [
      ...COLOUR_LEAD.slice(1),
      'The tidal power plant at the harbour of Port Venn opened on Monday.',
    ];
    const stats = computeTermStats(null, texts);
    const recap = texts.length - 1;
    const undirected = scoreSentences(stats, texts, { ...SUMMARY_MODEL, centralityBackward: 1 })[recap] ?? 0;
    const directed = scoreSentences(stats, texts, { ...SUMMARY_MODEL, centralityBackward: 0 })[recap] ?? 0;
    expect(directed).toBeLessThan(undirected);
  });

  it('keeps every score between 0 and 1 whatever the weights and floor', () => {
    const stats = computeTermStats(TITLE, ARTICLE);
    const weight = fc.double({ min: 0, max: 4, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ terms: weight, position: weight, title: weight, centrality: weight, length: weight }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, featureFloor) => {
          for (const score of scoreSentences(stats, ARTICLE, { ...SUMMARY_MODEL, weights, featureFloor })) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

function wordsOf(stats: ReturnType<typeof computeTermStats>, chosen: readonly { index: number }[]): number {
  return chosen.reduce((sum, s) => sum + (stats.sentences[s.index]?.wordCount ?? 0), 0);
}

describe('selectSummary with a word budget', () => {
  const stats = computeTermStats(TITLE, ARTICLE);
  const pick = (options: SummaryOptions) => selectSummary(stats, ARTICLE, options);

  it('takes whole sentences whose words add up to no more than the budget', () => {
    for (const words of [15, 30, 45, 80]) {
      const chosen = pick({ words });
      expect(wordsOf(stats, chosen)).toBeLessThanOrEqual(words);
      expect(chosen.length).toBeGreaterThan(0);
    }
  });

  it('passes over a sentence too long for what is left and takes a shorter one', () => {
    // The lead is 21 words: what is left of 35 holds one of the shorter sentences, never a cut one.
    const chosen = pick({ words: 35 });
    expect(wordsOf(stats, chosen)).toBeLessThanOrEqual(35);
    expect(chosen.length).toBeGreaterThanOrEqual(2);
  });

  it('returns the best sentence alone, uncut, when no sentence fits the budget', () => {
    const chosen = pick({ words: 3 });
    expect(chosen).toHaveLength(1);
  });

  it('applies the default budget when no length is asked for', () => {
    expect(pick({})).toEqual(pick({ words: DEFAULT_SUMMARY_WORDS }));
  });

  it('drops the default budget when a sentence count is asked for', () => {
    expect(pick({ sentences: 6 })).toHaveLength(6);
  });

  it('stops at whichever limit it reaches first when given both a sentence count and a budget', () => {
    expect(pick({ sentences: 6, words: 30 }).length).toBeLessThan(6);
    expect(wordsOf(stats, pick({ sentences: 6, words: 30 }))).toBeLessThanOrEqual(30);
    expect(pick({ sentences: 1, words: 500 })).toHaveLength(1);
  });

  it('gives the same summary on every run', () => {
    expect(pick({ words: 50 })).toEqual(pick({ words: 50 }));
  });

  it('for any budget and sentence ceiling, stays within both or returns one sentence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 12 }), (words, sentences) => {
        const chosen = pick({ words, sentences });
        expect(chosen.length).toBeGreaterThan(0);
        expect(chosen.length).toBeLessThanOrEqual(sentences);
        expect(wordsOf(stats, chosen) <= words || chosen.length === 1).toBe(true);
        const indexes = chosen.map((s) => s.index);
        expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      }),
    );
  });

  it('refuses a budget that is not a whole number from 1 to 2000', () => {
    for (const words of [0, 2001, 12.5, Number.NaN])
      expect(() => pick({ words })).toThrow(InvalidOptionsError);
  });
});
