import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Keyword } from '../../src/core/analysis.js';
import { extractKeywords } from '../../src/core/keywords.js';
import { bundledModel } from '../../src/core/model/bundled-model.js';
import { splitSentences } from '../../src/core/segment/split-sentences.js';
import { computeTermStats } from '../../src/core/terms/term-stats.js';
import { tokenizeText } from '../../src/core/text/words.js';

const model = bundledModel();

const SENTENCES = [
  'The Andean Development Bank lent money for a railway across the mountains.',
  'The railway will carry copper from the mountains to the coast.',
  'Officials at the Andean Development Bank said the railway loan was its largest.',
  'Copper prices rose after the railway loan was announced.',
];

describe('extractKeywords', () => {
  it('reports multi-word names in their surface form', () => {
    const terms = extractKeywords(computeTermStats('Bank backs railway', SENTENCES), model).map(
      (k) => k.term,
    );
    expect(terms).toContain('Andean Development Bank');
    expect(terms.some((t) => t === 'andean develop bank')).toBe(false);
  });

  it('ranks the most frequent content word near the top with its count', () => {
    const keywords = extractKeywords(computeTermStats(null, SENTENCES), model);
    const railway = keywords.find((k) => k.term === 'railway');
    expect(railway?.count).toBe(4);
    expect(keywords.indexOf(railway ?? keywords[0] ?? { term: '', score: 0, count: 0 })).toBeLessThan(3);
  });

  it('leaves out a word that only occurs inside a chosen name', () => {
    const terms = extractKeywords(computeTermStats(null, SENTENCES), model).map((k) => k.term);
    expect(terms).not.toContain('Andean');
  });

  it('scores keywords in [0, 1] with the best at 1, and honours the limit', () => {
    const keywords = extractKeywords(computeTermStats(null, SENTENCES), model, { limit: 3 });
    expect(keywords).toHaveLength(3);
    expect(keywords[0]?.score).toBe(1);
    for (const k of keywords) expect(k.score).toBeGreaterThan(0);
  });

  it('ignores words seen only once', () => {
    const terms = extractKeywords(computeTermStats(null, SENTENCES), model).map((k) => k.term.toLowerCase());
    expect(terms).not.toContain('coast');
  });
});

/** Keywords of a fixture article (title line, blank line, body), as the analysis computes them. */
function keywordsOf(name: string): string[] {
  const raw = readFileSync(new URL(`../fixtures/topics/${name}.txt`, import.meta.url), 'utf8');
  const [title = '', ...body] = raw.split('\n');
  const sentences = splitSentences(body.join('\n'));
  return keywordTerms(title, sentences);
}

/** Keywords with lower-case pairs checked against the text's tokens, as the analysis passes them. */
function keywordsWithPairs(title: string | null, sentences: readonly string[]): Keyword[] {
  const tokens = tokenizeText(title, sentences);
  return extractKeywords(computeTermStats(title, sentences, tokens), model, { tokens });
}

function keywordTerms(title: string | null, sentences: readonly string[]): string[] {
  return keywordsWithPairs(title, sentences).map((k) => k.term);
}

const GENERIC =
  /^(?:ahead|expected|expect|least|five|three|april|march|tuesday|thursday|weekend|year|said|not|next)$/i;

describe('extractKeywords on news stories', () => {
  it('keeps a multi-word club name whole and folds its short form into it', () => {
    const terms = keywordsOf('keywords-football');
    expect(terms.slice(0, 2)).toEqual(['Real Madrid', 'Atlético Madrid']);
    expect(terms).not.toContain('Real');
    expect(terms).not.toContain('Madrid');
    expect(terms).not.toContain('Atlético');
  });

  it('counts the short form of a name with the full name given first', () => {
    const keywords = extractKeywords(
      computeTermStats('Moreau visits Lagos', [
        'French President Helena Moreau arrived in Lagos on Monday.',
        'Moreau met business leaders.',
        'Moreau later left for Abuja.',
      ]),
      model,
    );
    expect(keywords[0]).toMatchObject({ term: 'Helena Moreau', count: 3 });
    expect(keywords.map((k) => k.term)).not.toContain('Moreau');
  });

  it('folds an acronym into the name it spells', () => {
    const keywords = extractKeywords(
      computeTermStats(null, [
        'Leaders of the Pacific Islands Forum met in Suva.',
        'The PIF called for more climate finance.',
        'The PIF will meet again next year.',
      ]),
      model,
    );
    expect(keywords.find((k) => k.term === 'Pacific Islands Forum')?.count).toBe(3);
    expect(keywords.map((k) => k.term)).not.toContain('PIF');
  });

  it('keeps recurring lower-case terms whole: interest rates, stock split', () => {
    const terms = keywordsOf('keywords-rates-wire');
    expect(terms[0]).toBe('interest rates');
    expect(terms).toContain('stock split');
    expect(terms).not.toContain('split');
  });

  it.each(['keywords-state-visit', 'keywords-football', 'keywords-rates-wire'])(
    'gives no numbers, dates, months, weekdays or generic words for %s',
    (name) => {
      for (const term of keywordsOf(name)) {
        expect(term).not.toMatch(GENERIC);
        expect(term).not.toMatch(/^\d/);
      }
    },
  );

  it('puts the visiting leader, the region and the bloc near the top of a state visit', () => {
    const top = keywordsOf('keywords-state-visit').slice(0, 4);
    expect(top).toEqual(expect.arrayContaining(['West Africa', 'Lula', 'ECOWAS']));
  });

  it('does not take a pair the text never has side by side for a term', () => {
    // Stop words removed, "rise in food" reads as rise-food: it is not a term.
    const sentences = [
      'A rise in food costs hit families.',
      'Another rise in food costs is likely.',
      'The rise in food costs worried shops.',
    ];
    const terms = keywordTerms(null, sentences);
    expect(terms).not.toContain('rise food');
    expect(terms).toContain('food costs');
  });

  it('takes a pair only where the text writes it as a pair: one space between, no possessive', () => {
    const asWritten = [
      'Sales of children book titles rose.',
      'Prizes for children book authors were handed out.',
      'Shops selling children book ranges did well.',
    ];
    expect(keywordTerms(null, asWritten)).toContain('children book');
    const apart = [
      'Sales of the children’s book titles rose.',
      'Prizes for children, book authors and poets were handed out.',
      'Shops selling the children’s book ranges did well.',
    ];
    expect(keywordTerms(null, apart)).not.toContain('children book');
  });

  it('does not count a pair whose second word is part of a hyphenated word', () => {
    const sentences = [
      'The prime minister flew home.',
      'Critics said the prime minister had waited too long.',
      'His rival cast himself as a prime minister-in-waiting.',
    ];
    expect(keywordsWithPairs(null, sentences).find((k) => k.term === 'prime minister')?.count).toBe(2);
  });
});
