import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termFrequencyOrder, withinWordBudget } from '../../../scripts/eval/baselines.js';
import { devCorpusKind, loadDevCorpus } from '../../../scripts/eval/dev-corpus.js';
import { evaluateDevSummary } from '../../../scripts/eval/dev-summary.js';
import { textRankOrder } from '../../../scripts/eval/textrank.js';

// Two tiny corpora in both labels.json shapes, written here (never the real development data).
const STORY = [
  'Lake ferry returns',
  '',
  'The lake ferry returned to service on Friday after a month of repairs to its engine. ' +
    'Passengers queued at the pier before dawn to catch the first crossing. ' +
    'The ferry company said the repairs cost less than expected. ' +
    'A second ferry will join the route in the summer. ' +
    'Fares will stay the same until next year.',
].join('\n');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lede-dev-corpus-'));
  for (const name of ['cnndm', 'bbc']) mkdirSync(join(root, name, 'articles'), { recursive: true });
  writeFileSync(join(root, 'cnndm', 'articles', 'a.txt'), STORY);
  writeFileSync(join(root, 'bbc', 'articles', 'a.txt'), STORY);
  writeFileSync(
    join(root, 'cnndm', 'labels.json'),
    JSON.stringify([
      {
        file: 'articles/a.txt',
        id: 'a',
        source: 'cnn',
        section: null,
        title: 'Lake ferry returns',
        highlights: ['The lake ferry is back after engine repairs.', 'A second ferry joins in summer.'],
      },
    ]),
  );
  writeFileSync(
    join(root, 'bbc', 'labels.json'),
    JSON.stringify([
      {
        file: 'articles/a.txt',
        id: 'travel/001',
        category: 'travel',
        title: 'Lake ferry returns',
        reference: ['The ferry company said the repairs cost less than expected.'],
        reference_indices: [2],
      },
    ]),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadDevCorpus', () => {
  it('tells the two labels.json shapes apart by their fields', () => {
    expect(devCorpusKind([{ highlights: ['x'] }])).toBe('cnndm');
    expect(devCorpusKind([{ category: 'sport' }])).toBe('bbc');
    expect(() => devCorpusKind([{ summary: 'x' }])).toThrow(/highlights/);
  });

  it('loads each story with its labels and its file', () => {
    const cnndm = loadDevCorpus(join(root, 'cnndm'));
    const bbc = loadDevCorpus(join(root, 'bbc'));
    expect(cnndm.kind).toBe('cnndm');
    expect(bbc.kind).toBe('bbc');
    expect(cnndm.stories[0]).toMatchObject({ id: 'a', filename: 'a.txt', source: 'cnn' });
    expect(bbc.stories[0]).toMatchObject({ category: 'travel' });
    expect(new TextDecoder().decode(cnndm.stories[0]?.bytes)).toBe(STORY);
  });

  it('marks a title rebuilt from the URL slug as no headline, and a page title as one', () => {
    const dir = join(root, 'cnndm-slug');
    mkdirSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(join(dir, 'articles', 'a.txt'), STORY);
    writeFileSync(
      join(dir, 'labels.json'),
      JSON.stringify([
        {
          file: 'articles/a.txt',
          id: 'slug',
          title: 'lake ferry returns after engine month',
          title_source: 'url-slug',
          highlights: ['The lake ferry is back.'],
        },
      ]),
    );
    expect(loadDevCorpus(dir).stories[0]?.headline).toBe(false);
    expect(loadDevCorpus(join(root, 'cnndm')).stories[0]?.headline).toBe(true);
    expect(loadDevCorpus(join(root, 'bbc')).stories[0]?.headline).toBe(true);
  });
});

describe('evaluateDevSummary', () => {
  it('scores CNN/DM at three sentences and at the budget, BBC at three sentences, every system', async () => {
    const cnndm = await evaluateDevSummary(loadDevCorpus(join(root, 'cnndm')), { words: 30 });
    const bbc = await evaluateDevSummary(loadDevCorpus(join(root, 'bbc')));
    expect(cnndm.settings.map((s) => s.length)).toEqual([{ sentences: 3 }, { words: 30 }]);
    expect(bbc.settings.map((s) => s.length)).toEqual([{ sentences: 3 }]);
    expect(cnndm.settings[0]?.systems.map((s) => s.system)).toEqual([
      'lede',
      'Lead-3',
      'TF baseline',
      'TextRank',
      'node-summary',
    ]);
    for (const system of cnndm.settings[1]?.systems ?? []) expect(system.meanWords).toBeLessThanOrEqual(30);
    const lead = bbc.settings[0]?.systems.find((s) => s.system === 'Lead-3');
    expect(lead?.meanSentences).toBe(3);
    expect(lead?.rouge.rouge1.f1).toBeGreaterThan(0);
  });
});

describe('withinWordBudget', () => {
  it('takes ranked sentences that still fit, skipping one that would overrun, in document order', () => {
    expect(withinWordBudget([2, 0, 1], [10, 30, 12], 25, 3)).toEqual([0, 2]);
  });

  it('stops at the sentence ceiling', () => {
    expect(withinWordBudget([0, 1, 2], [5, 5, 5], 100, 2)).toEqual([0, 1]);
  });

  it('returns the best sentence alone when none fits', () => {
    expect(withinWordBudget([1, 0], [40, 50], 10, 3)).toEqual([1]);
  });
});

describe('TextRank and TF orders', () => {
  const sentences = [
    'The council approved the new harbour budget.',
    'The harbour budget pays for dredging and a new pier.',
    'A cat slept in the sun.',
    'Dredging the harbour will start in spring, the council said.',
  ];

  it('ranks the sentence most like the others first and the unrelated one last', () => {
    const order = textRankOrder(sentences);
    expect(order).toHaveLength(4);
    expect(order.at(-1)).toBe(2);
  });

  it('ranks every sentence exactly once', () => {
    expect([...termFrequencyOrder(sentences)].sort()).toEqual([0, 1, 2, 3]);
    expect([...textRankOrder(sentences)].sort()).toEqual([0, 1, 2, 3]);
  });
});
