import { describe, expect, it } from 'vitest';
import { commonestSurface } from '../../../src/core/terms/surface.js';
import { computeTermStats } from '../../../src/core/terms/term-stats.js';

describe('computeTermStats', () => {
  it('counts content words by stem and leaves stop words out', () => {
    const stats = computeTermStats(null, ['The farmers harvested wheat.', 'A farmer sells the wheat.']);
    const byStem = new Map(stats.terms.map((t) => [t.stem, t.count]));
    expect(byStem.get('farmer')).toBe(2);
    expect(byStem.get('wheat')).toBe(2);
    expect(byStem.has('the')).toBe(false);
  });

  it('weights terms sub-linearly so one repeated word cannot dominate', () => {
    const stats = computeTermStats(null, ['grain '.repeat(50).trim(), 'barley']);
    const grain = stats.terms.find((t) => t.stem === 'grain');
    const barley = stats.terms.find((t) => t.stem === 'barlei');
    expect(grain?.count).toBe(50);
    expect(stats.weight(grain?.id ?? -1)).toBeLessThan(6);
    expect(stats.weight(barley?.id ?? -1)).toBe(1);
  });

  it('records title terms that also occur in the body', () => {
    const stats = computeTermStats('Drought hits growers', ['Growers said the drought was long.']);
    const titleStems = [...stats.titleTermIds].map((id) => stats.terms[id]?.stem).sort();
    expect(titleStems).toEqual(['drought', 'grower']);
  });

  it('collects multi-word names with their sentences and surface forms', () => {
    const stats = computeTermStats(null, [
      'The Andean Development Bank approved a loan.',
      'Critics of the Andean Development Bank objected.',
    ]);
    const phrase = stats.phrases.get('andean develop bank');
    expect(phrase?.count).toBe(2);
    expect(phrase?.sentences).toEqual([0, 1]);
    expect(commonestSurface(phrase?.surfaces ?? new Map())).toBe('Andean Development Bank');
  });

  it('counts every word, stop words included, for the document length', () => {
    expect(computeTermStats(null, ['One two three.', 'Four five.']).totalWords).toBe(5);
  });
});
