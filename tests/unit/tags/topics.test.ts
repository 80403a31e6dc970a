import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledModel } from '../../../src/core/model/bundled-model.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import type { Tag, TaggableText } from '../../../src/core/tags/tag.js';
import { compileTaxonomy } from '../../../src/core/tags/taxonomy-schema.js';
import { type ScoredCandidate, selectTopics, tagTopics } from '../../../src/core/tags/topics.js';
import { InvalidOptionsError } from '../../../src/errors.js';

const model = bundledModel();

/** A sample article: first line the title, then the body. */
function article(name: string): TaggableText {
  const raw = readFileSync(new URL(`../../fixtures/topics/${name}.txt`, import.meta.url), 'utf8');
  const [title = '', ...body] = raw.split('\n');
  return { title, sentences: splitSentences(body.join('\n')) };
}

function names(tags: readonly Tag[]): string[] {
  return tags.map((tag) => tag.name);
}

const SAMPLES: readonly { file: string; top: string; never: readonly string[] }[] = [
  { file: 'state-visit', top: 'geopolitics', never: ['sport', 'entertainment', 'transport', 'lifestyle'] },
  { file: 'football-match', top: 'sport', never: ['geopolitics', 'politics', 'conflict', 'labour'] },
  { file: 'rate-decision', top: 'economy', never: ['sport', 'politics', 'entertainment'] },
  { file: 'tech-launch', top: 'technology', never: ['sport', 'entertainment', 'crime'] },
  { file: 'vaccine-hospital', top: 'health', never: ['sport', 'science', 'politics'] },
  { file: 'wildfire-climate', top: 'environment', never: ['sport', 'economy', 'politics'] },
  { file: 'oil-gas-prices', top: 'energy', never: ['sport', 'transport', 'geopolitics'] },
  { file: 'film-festival', top: 'entertainment', never: ['sport', 'business', 'crime'] },
  { file: 'fraud-trial', top: 'crime', never: ['sport', 'entertainment', 'education'] },
  { file: 'vatican', top: 'religion', never: ['sport', 'entertainment', 'education'] },
  { file: 'school-funding', top: 'education', never: ['sport', 'science', 'energy'] },
  { file: 'refugee-detention', top: 'human rights', never: ['sport', 'media', 'entertainment'] },
];

describe('tagTopics on sample articles', () => {
  it.each(SAMPLES)('tags $file with $top first and never with $never', ({ file, top, never }) => {
    const tags = tagTopics(article(file), model);
    expect(tags[0]?.name).toBe(top);
    expect(tags[0]?.score).toBeGreaterThan(0.8);
    for (const wrong of never) expect(names(tags)).not.toContain(wrong);
  });

  it('tags a state visit with geopolitics, not sport or entertainment despite limousines and a victory lap', () => {
    const tags = tagTopics(article('state-visit'), model);
    expect(names(tags)[0]).toBe('geopolitics');
    // Its domestic politics (an election mentioned, the president's rivals) is a thin second theme.
    expect(names(tagTopics(article('state-visit'), model, { minRelativeEvidence: 0 }))).toContain('politics');
    expect(tags[0]?.evidence).toEqual(expect.arrayContaining(['state visit', 'summit']));
  });

  it('tags a wildfire story with disaster as well as environment', () => {
    expect(names(tagTopics(article('wildfire-climate'), model))).toEqual(
      expect.arrayContaining(['environment', 'disaster']),
    );
  });
});

describe('tagTopics scoring', () => {
  it('scores a topic higher when its words are in the title', () => {
    const sentences = [
      'The ministers met on Tuesday.',
      'The talks covered sanctions and a treaty on fishing.',
      'They spoke for an hour.',
    ];
    const inBody = tagTopics({ title: 'Ministers meet', sentences }, model);
    const inTitle = tagTopics({ title: 'Ministers discuss sanctions and a treaty', sentences }, model);
    const score = (tags: readonly Tag[]) => tags.find((t) => t.name === 'geopolitics')?.score ?? 0;
    expect(score(inTitle)).toBeGreaterThan(score(inBody));
  });

  it('lets several distinct terms beat one word repeated fifty times', () => {
    const repeated = Array.from({ length: 50 }, () => 'The school was in the news again.');
    const tags = tagTopics(
      {
        title: null,
        sentences: [
          ...repeated,
          'A teacher spoke.',
          'Diplomats from both embassies said the summit would end with a treaty, new sanctions and a bilateral pact.',
        ],
      },
      model,
      { minScore: 0, minRelativeScore: 0, minRelativeEvidence: 0 },
    );
    const geopolitics = tags.find((t) => t.name === 'geopolitics');
    const education = tags.find((t) => t.name === 'education');
    expect(geopolitics).toBeDefined();
    expect(education).toBeDefined();
    expect(geopolitics?.score ?? 0).toBeGreaterThan(education?.score ?? 1);
  });

  it('gives no topic for a single weak word', () => {
    expect(
      tagTopics({ title: null, sentences: ['The match was postponed because of the rain.'] }, model),
    ).toEqual([]);
  });

  it('gives no topic for one strong word alone, even at no threshold', () => {
    const tags = tagTopics({ title: null, sentences: ['The pope waved.'] }, model, {
      minScore: 0,
      minRelativeScore: 0,
    });
    expect(names(tags)).not.toContain('religion');
  });

  it('lets one strong phrase count as evidence on its own', () => {
    const tags = tagTopics({ title: 'Interest rates', sentences: ['Interest rates.'] }, model, {
      minScore: 0,
    });
    expect(tags[0]).toMatchObject({ name: 'economy', evidence: ['Interest rates'] });
  });

  it('matches phrases on stems and lets a phrase consume its words', () => {
    const tags = tagTopics(
      {
        title: null,
        sentences: [
          'The central bank left its interest rate unchanged.',
          'The world cup final drew a huge crowd.',
        ],
      },
      model,
      { minScore: 0, minRelativeScore: 0, minSentences: 0 },
    );
    const economy = tags.find((t) => t.name === 'economy');
    const sport = tags.find((t) => t.name === 'sport');
    expect(economy?.evidence).toEqual(expect.arrayContaining(['central bank', 'interest rate']));
    expect(sport?.evidence).toContain('world cup');
    expect(sport?.evidence).not.toContain('cup');
  });

  it('reads hyphenated words as phrases', () => {
    const tags = tagTopics(
      { title: null, sentences: ['A cease-fire held along the front line after the air strikes.'] },
      model,
      { minScore: 0 },
    );
    expect(tags[0]?.name).toBe('conflict');
    expect(tags[0]?.evidence).toContain('cease fire');
  });

  it('does not match function words that stem like a term', () => {
    // Porter stems "innings" to "in" and "wellness" to "well".
    const sentences = ['He was in the room as well as in the hall, in fact in every room.'];
    expect(tagTopics({ title: null, sentences }, model, { minScore: 0 })).toEqual([]);
  });

  it('lists distinct evidence, heaviest first, at most six', () => {
    const tags = tagTopics(article('vatican'), model);
    const religion = tags[0];
    expect(religion?.evidence.length).toBeLessThanOrEqual(6);
    expect(new Set(religion?.evidence.map((e) => e.toLowerCase())).size).toBe(religion?.evidence.length);
    expect(religion?.evidence.slice(0, 2)).toEqual(expect.arrayContaining(['Pope']));
  });

  it('returns tags sorted by score, then name, with scores in [0, 1]', () => {
    const tags = tagTopics(article('wildfire-climate'), model, {
      minScore: 0,
      minRelativeScore: 0,
      minRelativeEvidence: 0,
      maxTopics: 20,
    });
    expect(tags.length).toBeGreaterThan(3);
    for (const [i, tag] of tags.entries()) {
      expect(tag.kind).toBe('topic');
      expect(tag.score).toBeGreaterThanOrEqual(0);
      expect(tag.score).toBeLessThanOrEqual(1);
      const next = tags[i + 1];
      if (next !== undefined) {
        expect(tag.score > next.score || (tag.score === next.score && tag.name < next.name)).toBe(true);
      }
    }
  });

  it('gives the same tags for the same input every time', () => {
    const text = article('oil-gas-prices');
    const first = tagTopics(text, model);
    expect(tagTopics(structuredClone(text), model)).toEqual(first);
    const custom = () => ({
      taxonomy: compileTaxonomy({ topics: [{ name: 'x', terms: [{ term: 'oil', weight: 1 }] }] }),
    });
    expect(tagTopics(text, custom())).toEqual(tagTopics(text, custom()));
  });

  it('returns nothing for an empty article', () => {
    expect(tagTopics({ title: null, sentences: [] }, model)).toEqual([]);
    expect(tagTopics({ title: '', sentences: ['', '   '] }, model)).toEqual([]);
  });

  it('finishes on 20 MB of text', () => {
    const sentences = [...article('football-match').sentences, ...article('rate-decision').sentences];
    const long: string[] = [];
    let size = 0;
    while (size < 20_000_000) {
      for (const sentence of sentences) {
        long.push(sentence);
        size += sentence.length;
      }
    }
    const tags = tagTopics({ title: null, sentences: long }, model);
    expect(names(tags)).toEqual(expect.arrayContaining(['sport', 'economy']));
  });

  it('never throws and keeps scores in [0, 1] for any text', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: null }), fc.array(fc.string()), (title, sentences) => {
        for (const tag of tagTopics({ title, sentences }, model, { minScore: 0 })) {
          expect(tag.score).toBeGreaterThanOrEqual(0);
          expect(tag.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('tagTopics options', () => {
  it('keeps at most maxTopics', () => {
    const tags = tagTopics(article('wildfire-climate'), model, { maxTopics: 1 });
    expect(names(tags)).toEqual(['environment']);
  });

  it('drops topics below minScore', () => {
    const all = tagTopics(article('state-visit'), model, { minScore: 0, minRelativeEvidence: 0 });
    const strict = tagTopics(article('state-visit'), model, { minScore: 0.9 });
    expect(all.length).toBeGreaterThan(strict.length);
    for (const tag of strict) expect(tag.score).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects options out of range', () => {
    const text = article('vatican');
    expect(() => tagTopics(text, model, { minScore: 2 })).toThrow(InvalidOptionsError);
    expect(() => tagTopics(text, model, { maxTopics: 0 })).toThrow(InvalidOptionsError);
    expect(() => tagTopics(text, model, { maxTopics: 1.5 })).toThrow(/maxTopics/);
    expect(() => tagTopics(text, model, { minRelativeScore: Number.NaN })).toThrow(InvalidOptionsError);
  });
});

describe('tagTopics on the labelled stories', () => {
  const dir = new URL('../../fixtures/topics/labelled/', import.meta.url);
  const labels: { stories: { file: string; main: string[]; never: string[] }[] } = JSON.parse(
    readFileSync(new URL('labels.json', dir), 'utf8'),
  );
  const story = (file: string): TaggableText => {
    const [title = '', ...body] = readFileSync(new URL(file, dir), 'utf8').split('\n');
    return { title, sentences: splitSentences(body.join('\n')) };
  };

  it.each(labels.stories)(
    'files $file under $main first, and never under $never',
    ({ file, main, never }) => {
      const tags = tagTopics(story(file), model);
      expect(main).toContain(tags[0]?.name);
      for (const wrong of never) expect(names(tags)).not.toContain(wrong);
    },
  );

  it('gives each tag its IPTC code and parent from the taxonomy', () => {
    const tags = tagTopics(story('stock-market-selloff.txt'), model);
    expect(tags.find((t) => t.name === 'finance and markets')).toMatchObject({
      code: 'medtop:20000385',
      parent: 'business',
    });
    expect(tagTopics(story('cup-final.txt'), model)[0]).toMatchObject({
      name: 'sport',
      code: 'medtop:15000000',
    });
    expect(tagTopics(story('election-result.txt'), model)[0]).toMatchObject({ code: 'medtop:11000000' });
    expect(tagTopics(story('election-result.txt'), model)[0]).not.toHaveProperty('parent');
  });

  it('leaves the code off a topic IPTC gives none to here', () => {
    const shipping = tagTopics(story('tanker-rates.txt'), model)[0];
    expect(shipping).toMatchObject({ name: 'shipping', parent: 'transport' });
    expect(shipping).not.toHaveProperty('code');
  });
});

describe('tagTopics secondary topics', () => {
  const passing = {
    title: 'Council approves new school library',
    sentences: [
      'The council approved plans for a new library for the primary school on Tuesday.',
      'Teachers said pupils would use its books and study rooms.',
      'The head teacher said the school had waited ten years for it.',
      'One councillor noted that a footballer had once scored a goal in a match nearby.',
    ],
  };

  it('keeps a topic matched in one sentence only out of the secondary tags', () => {
    const tags = tagTopics(passing, model, {
      minScore: 0,
      minRelativeScore: 0,
      minRelativeEvidence: 0,
    });
    expect(names(tags)).not.toContain('sport');
  });

  it('lets minSentences 0 show every topic with evidence', () => {
    const tags = tagTopics(passing, model, { minScore: 0, minRelativeScore: 0, minSentences: 0 });
    expect(names(tags)).toContain('sport');
  });

  it('scores the same evidence the same in any story: a calibrated score, not relative to the best', () => {
    const rate = [
      'The central bank raised interest rates.',
      'Inflation rose and the bank cut its growth forecast.',
    ];
    const alone = tagTopics({ title: null, sentences: rate }, model);
    const economy = alone.find((t) => t.name === 'economy');
    expect(economy?.score).toBeGreaterThan(0.5);
    expect(economy?.score).toBeLessThanOrEqual(1);
  });

  it('rejects a negative or fractional minSentences', () => {
    expect(() => tagTopics(passing, model, { minSentences: -1 })).toThrow(InvalidOptionsError);
    expect(() => tagTopics(passing, model, { mainMinScore: 2 })).toThrow(/mainMinScore/);
  });
});

describe('selectTopics: a secondary topic needs a real share of the story', () => {
  function scored(name: string, score: number, evidence: number): ScoredCandidate {
    const topic = model.taxonomy.topics.findIndex((t) => t.name === name);
    const c = {
      topic,
      name,
      evidence,
      share: 0,
      best: false,
      sentences: 5,
      spread: 0.3,
      inTitle: false,
      entries: 4,
      shown: [name],
    };
    return { c, score };
  }
  const main = scored('environment', 0.99, 40);

  it('leaves out a secondary with well under a third of the main topic evidence', () => {
    expect(names(selectTopics([main, scored('transport', 0.7, 10)], model.taxonomy))).toEqual([
      'environment',
    ]);
  });

  it('keeps a secondary with a third of the main topic evidence', () => {
    expect(names(selectTopics([main, scored('transport', 0.7, 13)], model.taxonomy))).toEqual([
      'environment',
      'transport',
    ]);
  });

  it('keeps a thin secondary whose calibrated score reaches sureScore', () => {
    const disaster = scored('disaster', 0.9, 8);
    expect(names(selectTopics([main, disaster], model.taxonomy))).toEqual(['environment', 'disaster']);
    expect(names(selectTopics([main, disaster], model.taxonomy, { sureScore: 0.95 }))).toEqual([
      'environment',
    ]);
  });

  it('rejects a sureScore outside 0 to 1', () => {
    expect(() => selectTopics([main], model.taxonomy, { sureScore: 1.5 })).toThrow(/sureScore/);
  });
});
