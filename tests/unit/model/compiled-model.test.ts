import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/analyze.js';
import { bundledModel, bundledModelData } from '../../../src/core/model/bundled-model.js';
import { compileModelData } from '../../../src/core/model/compile-model.js';
import { modelFrom, withTaxonomy } from '../../../src/core/model/model.js';
import { bundledTaxonomy } from '../../../src/core/tags/data/taxonomy.js';
import { DEFAULT_MIN_SCORE } from '../../../src/core/tags/taxonomy.js';
import { compileTaxonomy } from '../../../src/core/tags/taxonomy-schema.js';

const STORY = [
  'Kazakh and Chinese ministers sign rail deal in Astana',
  '',
  'ASTANA, March 3 - Ministers from Kazakhstan and China signed a rail freight agreement on Tuesday.',
  'The Kazakh transport minister, Aliya Sarsenova, said the line would carry grain to Xinjiang.',
  'Beijing has lent money for railways across Central Asia, and Sarsenova said more deals would follow.',
  'The European Union and Russia are watching the region closely, analysts said.',
].join('\n');

describe('the compiled model', () => {
  // Regenerate with `npm run build:model` after editing src/core/tags/data or the stop lists.
  it.each(['taxonomy', 'gazetteer', 'entities', 'keywordStopStems'] as const)(
    'holds the same %s as a fresh compile of the data files',
    (part) => {
      expect(JSON.stringify(bundledModelData()[part])).toBe(JSON.stringify(compileModelData()[part]));
    },
  );

  it("gives a taxonomy that sets no minScore the bundled taxonomy's bar", () => {
    expect(DEFAULT_MIN_SCORE).toBe(bundledTaxonomy.minScore);
    expect(compileTaxonomy({ topics: [{ name: 'x', terms: [{ term: 'oil', weight: 1 }] }] }).minScore).toBe(
      bundledTaxonomy.minScore,
    );
  });

  it('analyses a story the same whether loaded from the compiled data or compiled now', async () => {
    const fresh = await analyzeText(STORY, { model: modelFrom(compileModelData()) });
    const compiled = await analyzeText(STORY, { model: modelFrom(bundledModelData()) });
    expect(compiled).toEqual(fresh);
    expect(compiled.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['Kazakhstan', 'China']));
  });

  it('uses the model it is given: a custom taxonomy is another model, the bundled one unchanged', async () => {
    const terms = ['rail', 'freight', 'railway', 'line', 'grain'].map((term) => ({ term, weight: 5 }));
    const custom = compileTaxonomy({ topics: [{ name: 'freight', terms }] });
    const model = withTaxonomy(bundledModel(), custom);
    const topics = (tags: readonly { kind: string; name: string }[]) =>
      tags.filter((tag) => tag.kind === 'topic').map((tag) => tag.name);
    expect(topics((await analyzeText(STORY, { model })).tags)).toEqual(['freight']);
    expect(topics((await analyzeText(STORY)).tags)).not.toContain('freight');
    expect(bundledModel().taxonomy).not.toBe(custom);
  });
});
