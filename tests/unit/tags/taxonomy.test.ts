import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledModel } from '../../../src/core/model/bundled-model.js';
import { bundledTaxonomy, handWrittenTaxonomy } from '../../../src/core/tags/data/taxonomy.js';
import { mergeTaxonomy, type TaxonomyData } from '../../../src/core/tags/taxonomy.js';
import { compileTaxonomy, parseTaxonomy } from '../../../src/core/tags/taxonomy-schema.js';
import { tagTopics } from '../../../src/core/tags/topics.js';
import { InvalidTaxonomyError } from '../../../src/errors.js';

const model = bundledModel();

function customTaxonomy(): TaxonomyData {
  const url = new URL('../../fixtures/taxonomy/custom-taxonomy.json', import.meta.url);
  const json: unknown = JSON.parse(readFileSync(url, 'utf8'));
  return parseTaxonomy(json);
}

function rejection(json: unknown): InvalidTaxonomyError {
  try {
    parseTaxonomy(json);
  } catch (error) {
    if (error instanceof InvalidTaxonomyError) return error;
    throw error;
  }
  throw new Error('parseTaxonomy accepted an invalid taxonomy');
}

const oneTopic = (topic: Record<string, unknown>) => ({ topics: [topic] });

describe('bundled taxonomy', () => {
  it('passes its own validation', () => {
    expect(() => parseTaxonomy(bundledTaxonomy)).not.toThrow();
  });

  it('has the topics news readers ask for, each with enough vocabulary', () => {
    const required = [
      'geopolitics',
      'politics',
      'conflict',
      'business',
      'economy',
      'technology',
      'science',
      'health',
      'environment',
      'energy',
      'sport',
      'entertainment',
      'crime',
      'religion',
      'education',
      'human rights',
    ];
    const byName = new Map(bundledTaxonomy.topics.map((topic) => [topic.name, topic]));
    for (const name of required) {
      const topic = byName.get(name);
      expect(topic, name).toBeDefined();
      expect((topic?.terms.length ?? 0) + (topic?.phrases.length ?? 0), name).toBeGreaterThanOrEqual(30);
    }
    for (const topic of handWrittenTaxonomy.topics) {
      expect(topic.name).toBe(topic.name.toLowerCase());
      for (const entry of [...topic.terms, ...topic.phrases]) {
        expect(entry.weight).toBeGreaterThanOrEqual(0.5);
        expect(entry.weight).toBeLessThanOrEqual(3);
      }
    }
    // Fitted weights scale a hand weight by 0.25 to 2.
    for (const topic of bundledTaxonomy.topics) {
      for (const entry of [...topic.terms, ...(topic.phrases ?? [])]) {
        expect(entry.weight).toBeGreaterThanOrEqual(0.125);
        expect(entry.weight).toBeLessThanOrEqual(6);
      }
    }
  });

  it('carries its threshold as data', () => {
    expect(model.taxonomy.minScore).toBe(bundledTaxonomy.minScore);
  });
});

describe('parseTaxonomy', () => {
  it('accepts the sample user taxonomy', () => {
    expect(customTaxonomy().topics.map((t) => t.name)).toEqual(['climate policy', 'space', 'sport']);
  });

  it('rejects a topic with no name, naming the path', () => {
    const error = rejection(oneTopic({ terms: [{ term: 'oil', weight: 1 }] }));
    expect(error.message).toMatch(/topics\[0\]\.name/);
    expect(error.code).toBe('INVALID_TAXONOMY');
    expect(error.status).toBe(400);
  });

  it('rejects a non-numeric weight, naming the path', () => {
    const error = rejection(oneTopic({ name: 'energy', terms: [{ term: 'oil', weight: 'high' }] }));
    expect(error.message).toMatch(/topics\[0\]\.terms\[0\]\.weight: must be a number/);
  });

  it('rejects an empty topic list', () => {
    expect(rejection({ topics: [] }).message).toMatch(/topics: must list at least one topic/);
  });

  it('rejects duplicate topic names, ignoring case', () => {
    const error = rejection({
      topics: [
        { name: 'sport', terms: [{ term: 'goal', weight: 1 }] },
        { name: 'Sport', terms: [{ term: 'match', weight: 1 }] },
      ],
    });
    expect(error.message).toMatch(/topics\[1\]\.name: duplicate topic name "Sport" \(also at topics\[0\]\)/);
  });

  it('rejects a multi-word term and a one-word phrase', () => {
    const error = rejection(
      oneTopic({
        name: 'economy',
        terms: [{ term: 'interest rate', weight: 3 }],
        phrases: [{ term: 'inflation', weight: 3 }],
      }),
    );
    expect(error.message).toMatch(/topics\[0\]\.terms\[0\]\.term: "interest rate" is not a single word/);
    expect(error.message).toMatch(/topics\[0\]\.phrases\[0\]\.term: "inflation" must have 2 to 6 words/);
  });

  it('rejects a topic with nothing to match, an unknown key and a weight out of range', () => {
    expect(rejection(oneTopic({ name: 'empty', terms: [] })).message).toMatch(
      /topics\[0\]: has no terms and no phrases/,
    );
    expect(rejection(oneTopic({ name: 'x', terms: [{ term: 'oil', wieght: 1 }] })).message).toMatch(
      /topics\[0\]\.terms\[0\]/,
    );
    expect(rejection(oneTopic({ name: 'x', terms: [{ term: 'oil', weight: 50 }] })).message).toMatch(
      /weight: must be at most 10/,
    );
  });

  it('rejects something that is not a taxonomy at all', () => {
    expect(rejection(null).message).toMatch(/^Invalid taxonomy: \(root\)/);
    expect(rejection([1, 2]).message).toMatch(/Invalid taxonomy/);
  });
});

describe('compileTaxonomy', () => {
  it('keys terms by stem and phrases by stem sequence', () => {
    const taxonomy = compileTaxonomy({
      topics: [
        {
          name: 'geopolitics',
          terms: [
            { term: 'Sanctions', weight: 2.5 },
            { term: 'sanction', weight: 2 },
          ],
          phrases: [{ term: 'Foreign policies', weight: 3 }],
        },
      ],
    });
    expect([...taxonomy.terms.keys()]).toEqual(['sanction']);
    expect(taxonomy.terms.get('sanction')?.postings).toEqual([{ topic: 0, weight: 2 }]);
    expect(taxonomy.phrases.get('foreign')?.[0]?.stems).toEqual(['foreign', 'polici']);
    expect(taxonomy.topics[0]?.mass).toBe(5);
  });

  it('indexes an entry that two topics list once, with a posting for each', () => {
    const taxonomy = compileTaxonomy({
      topics: [
        { name: 'environment', terms: [{ term: 'wildfire', weight: 2 }] },
        { name: 'disaster', terms: [{ term: 'wildfires', weight: 1.5 }] },
      ],
    });
    expect(taxonomy.terms.get('wildfir')?.postings).toEqual([
      { topic: 0, weight: 2 },
      { topic: 1, weight: 1.5 },
    ]);
  });

  it('throws InvalidTaxonomyError for bad data given in code', () => {
    expect(() => compileTaxonomy({ topics: [] })).toThrow(InvalidTaxonomyError);
  });

  it('compiles the default taxonomy once', () => {
    expect(model.taxonomy.terms).toBe(model.taxonomy.terms);
    expect(model.taxonomy.topics.length).toBe(bundledTaxonomy.topics.length);
  });
});

describe('mergeTaxonomy', () => {
  it('extends: keeps every base topic, adds the new ones and merges a same-name topic', () => {
    const merged = mergeTaxonomy(bundledTaxonomy, customTaxonomy(), 'extend');
    const names = merged.topics.map((t) => t.name);
    expect(names.slice(0, bundledTaxonomy.topics.length)).toEqual(bundledTaxonomy.topics.map((t) => t.name));
    expect(names.slice(bundledTaxonomy.topics.length)).toEqual(['climate policy', 'space']);

    const sport = merged.topics.find((t) => t.name === 'sport');
    expect(sport?.terms).toContainEqual({ term: 'padel', weight: 3 });
    expect(sport?.terms).toContainEqual({ term: 'match', weight: 2 });
    expect(sport?.terms.filter((t) => t.term === 'match')).toHaveLength(1);
    const football = bundledTaxonomy.topics
      .find((t) => t.name === 'sport')
      ?.terms.find((t) => t.term === 'football');
    expect(football).toBeDefined();
    expect(sport?.terms).toContainEqual(football);
    expect(sport?.description).toBe(bundledTaxonomy.topics.find((t) => t.name === 'sport')?.description);
    expect(merged.minScore).toBe(bundledTaxonomy.minScore);
  });

  it('extends: a user term overrides a base term with the same stem', () => {
    const merged = mergeTaxonomy(
      { topics: [{ name: 'geopolitics', terms: [{ term: 'sanctions', weight: 2.5 }] }] },
      { topics: [{ name: 'Geopolitics', terms: [{ term: 'sanction', weight: 1 }] }] },
      'extend',
    );
    expect(merged.topics).toEqual([
      { name: 'geopolitics', description: undefined, terms: [{ term: 'sanction', weight: 1 }], phrases: [] },
    ]);
  });

  it('extends: weight 0 switches a base term off', () => {
    const merged = compileTaxonomy(
      mergeTaxonomy(
        bundledTaxonomy,
        { topics: [{ name: 'sport', terms: [{ term: 'goal', weight: 0 }] }] },
        'extend',
      ),
    );
    expect(merged.terms.get('goal')).toBeUndefined();
    expect(merged.terms.get('footbal')).toBeDefined();
  });

  it('replaces: keeps only the user topics, and the base threshold unless the user sets one', () => {
    const user = customTaxonomy();
    const replaced = mergeTaxonomy(bundledTaxonomy, user, 'replace');
    expect(replaced.topics).toEqual(user.topics);
    expect(replaced.minScore).toBe(bundledTaxonomy.minScore);
    expect(mergeTaxonomy(bundledTaxonomy, { ...user, minScore: 0.7 }, 'replace').minScore).toBe(0.7);
  });

  it('tags with a user topic once merged', () => {
    const taxonomy = compileTaxonomy(mergeTaxonomy(bundledTaxonomy, customTaxonomy(), 'extend'));
    const text = {
      title: 'Astronauts dock with the space station',
      sentences: [
        'A rocket carrying three astronauts lifted off from the launchpad on Sunday.',
        'The spacecraft reached orbit nine minutes later and docked with the space station.',
        'NASA said the crew would stay for six months.',
      ],
    };
    const tags = tagTopics(text, { taxonomy });
    expect(tags[0]?.name).toBe('space');
    expect(tagTopics(text, model).map((t) => t.name)).not.toContain('space');
  });
});
