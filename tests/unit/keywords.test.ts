import { describe, expect, it } from 'vitest';
import { extractKeywords } from '../../src/core/keywords.js';
import { computeTermStats } from '../../src/core/terms/term-stats.js';

const SENTENCES = [
  'The Andean Development Bank lent money for a railway across the mountains.',
  'The railway will carry copper from the mountains to the coast.',
  'Officials at the Andean Development Bank said the railway loan was its largest.',
  'Copper prices rose after the railway loan was announced.',
];

describe('extractKeywords', () => {
  it('reports multi-word names in their surface form', () => {
    const terms = extractKeywords(computeTermStats('Bank backs railway', SENTENCES)).map((k) => k.term);
    expect(terms).toContain('Andean Development Bank');
    expect(terms.some((t) => t === 'andean develop bank')).toBe(false);
  });

  it('ranks the most frequent content word near the top with its count', () => {
    const keywords = extractKeywords(computeTermStats(null, SENTENCES));
    const railway = keywords.find((k) => k.term === 'railway');
    expect(railway?.count).toBe(4);
    expect(keywords.indexOf(railway ?? keywords[0] ?? { term: '', score: 0, count: 0 })).toBeLessThan(3);
  });

  it('leaves out a word that only occurs inside a chosen name', () => {
    const terms = extractKeywords(computeTermStats(null, SENTENCES)).map((k) => k.term);
    expect(terms).not.toContain('Andean');
  });

  it('scores keywords in [0, 1] with the best at 1, and honours the limit', () => {
    const keywords = extractKeywords(computeTermStats(null, SENTENCES), { limit: 3 });
    expect(keywords).toHaveLength(3);
    expect(keywords[0]?.score).toBe(1);
    for (const k of keywords) expect(k.score).toBeGreaterThan(0);
  });

  it('ignores words seen only once', () => {
    const terms = extractKeywords(computeTermStats(null, SENTENCES)).map((k) => k.term.toLowerCase());
    expect(terms).not.toContain('coast');
  });
});
