import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/analyze.js';
import { bundledModel } from '../../../src/core/model/bundled-model.js';
import { tagEntities } from '../../../src/core/tags/entities/tag-entities.js';
import type { Tag } from '../../../src/core/tags/tag.js';

const model = bundledModel();

const story = (title: string | null, ...sentences: string[]) => ({ title, sentences });
const named = (tags: readonly Tag[], kind: Tag['kind']) =>
  tags.filter((t) => t.kind === kind).map((t) => t.name);
const find = (tags: readonly Tag[], name: string) => tags.find((t) => t.name === name);

describe('tagEntities merging', () => {
  it('joins a surname to the full name and tags the fullest form', () => {
    const tags = tagEntities(
      story(
        null,
        'Russian President Vladimir Putin arrived in Minsk on Tuesday.',
        'Putin is expected to sign a gas agreement.',
        'Officials said Putin would stay two days.',
      ),
      model,
    );
    const putin = find(tags, 'Vladimir Putin');
    expect(putin?.kind).toBe('person');
    expect(putin?.aliases).toEqual(['Putin']);
    expect(putin?.mentions).toBe(3);
    expect(named(tags, 'person')).not.toContain('Putin');
  });

  it('joins a family name that comes first ("Li" to "Li Qiang")', () => {
    const tags = tagEntities(
      story(
        null,
        'Premier Li Qiang opened the trade fair in Guangzhou.',
        'Li said exports would recover this year.',
      ),
      model,
    );
    expect(find(tags, 'Li Qiang')).toMatchObject({ kind: 'person', aliases: ['Li'], mentions: 2 });
  });

  it('joins an acronym defined in brackets to its expansion', () => {
    const tags = tagEntities(
      story(
        null,
        'The Asian Infrastructure Investment Bank (AIIB) approved three loans on Monday.',
        'The AIIB said the projects would start next year.',
        'Analysts expect the AIIB to lend more in Africa.',
      ),
      model,
    );
    const bank = find(tags, 'Asian Infrastructure Investment Bank');
    expect(bank?.kind).toBe('organization');
    expect(bank?.aliases).toContain('AIIB');
    expect(bank?.mentions).toBe(3);
  });

  it('joins a short company name to its full name ("Toyota" to "Toyota Motor Corp")', () => {
    const tags = tagEntities(
      story(
        null,
        'Toyota Motor Corp raised its forecast.',
        'Toyota said hybrid sales rose.',
        'Toyota shares gained.',
      ),
      model,
    );
    expect(find(tags, 'Toyota Motor Corp')).toMatchObject({
      kind: 'organization',
      aliases: ['Toyota'],
      mentions: 3,
    });
  });

  it('keeps a person called by a title apart from a company of the same name', () => {
    const tags = tagEntities(
      story(
        null,
        'Kestrel Steel agreed to buy a rival for $4 billion.',
        'Mr Kestrel, who founded the firm, said the deal made sense.',
        'Kestrel Steel shares rose 5 percent.',
      ),
      model,
    );
    expect(find(tags, 'Kestrel Steel')?.kind).toBe('organization');
    expect(find(tags, 'Kestrel Steel')?.aliases ?? []).not.toContain('Kestrel');
  });
});

describe('tagEntities titles and typing', () => {
  it('takes titles and honorifics off the name and keeps them as evidence', () => {
    const tags = tagEntities(
      story(
        null,
        'President Amara Diallo met Dr. Helen Marsh in Dakar.',
        'Diallo thanked Marsh for her work.',
      ),
      model,
    );
    expect(named(tags, 'person').sort()).toEqual(['Amara Diallo', 'Helen Marsh']);
    expect(find(tags, 'Amara Diallo')?.evidence).toContain('title:President');
  });

  it('keeps the style of a person known by one name ("Pope Leo")', () => {
    const tags = tagEntities(
      story(null, 'Pope Leo called for a ceasefire.', 'Leo spoke from a balcony in Rome.'),
      model,
    );
    expect(named(tags, 'person')).toEqual(['Pope Leo']);
  });

  it('splits an office-holder from the body named before the title', () => {
    const tags = tagEntities(
      story(
        null,
        'Federal Reserve Chair Jerome Powell said rates would stay on hold.',
        'Powell said the Federal Reserve would watch inflation closely.',
      ),
      model,
    );
    expect(find(tags, 'Jerome Powell')?.kind).toBe('person');
    expect(find(tags, 'Federal Reserve')?.kind).toBe('organization');
  });

  it('types an unknown name by an honorific, a suffix, a first name or an age', () => {
    const tags = tagEntities(
      story(
        null,
        'Mr Okonkwo told the court he was innocent.',
        'Brightwater Holdings denied any wrongdoing.',
        'Craig Dunmore, the chief investigator, gave evidence for two hours.',
        'Okonkwo, 52, will be sentenced in June. Brightwater Holdings said it would appeal. Dunmore declined to comment.',
      ),
      model,
    );
    expect(find(tags, 'Okonkwo')?.kind).toBe('person');
    expect(find(tags, 'Brightwater Holdings')?.kind).toBe('organization');
    expect(find(tags, 'Craig Dunmore')?.kind).toBe('person');
  });

  it('marks a name followed by a wire ticker as a company', () => {
    const tags = tagEntities(
      story(
        null,
        'NEW YORK, May 2 (Reuters) - Roofing maker Orvane <ORV> agreed to buy Kessler Tile Inc <KTI.N> for $900 million.',
        'Orvane said the deal would close this year.',
      ),
      model,
    );
    expect(find(tags, 'Orvane')).toMatchObject({ kind: 'organization' });
    expect(find(tags, 'Orvane')?.evidence).toContain('ticker:ORV');
    expect(find(tags, 'Kessler Tile Inc')?.kind).toBe('organization');
    expect(named(tags, 'organization')).not.toContain('Reuters');
    expect(named(tags, 'organization')).not.toContain('NEW YORK');
  });

  it('names an organisation of the gazetteer as the story spells it, and its acronym as an alias', () => {
    const tags = tagEntities(
      story(
        null,
        'Leaders met at the Shanghai Cooperation Organization summit.',
        'The SCO has ten members.',
        'NATO watched closely.',
      ),
      model,
    );
    expect(find(tags, 'Shanghai Cooperation Organization')?.aliases).toContain('SCO');
    expect(find(tags, 'NATO')?.kind).toBe('organization');
  });

  it('reads a bare acronym as the story’s own name it abbreviates before the gazetteer’s', () => {
    const tags = tagEntities(
      story(
        null,
        'The England and Wales Cricket Board fined the county on Friday.',
        'The ECB said the fine would be suspended.',
      ),
      model,
    );
    expect(find(tags, 'England and Wales Cricket Board')?.aliases).toContain('ECB');
    expect(named(tags, 'organization')).not.toContain('European Central Bank');
  });

  it('never tags a place as a person or an organisation', () => {
    const tags = tagEntities(
      story(
        'Kazakhstan and China sign deal in Astana',
        'Kazakh President Kassym-Jomart Tokayev hosted talks in Astana with officials from Beijing.',
        'Kazakhstan will export more grain to China. Tokayev said Astana wanted closer ties.',
      ),
      model,
    );
    const all = tags.map((t) => t.name);
    for (const place of ['Kazakhstan', 'China', 'Astana', 'Beijing', 'Kazakh'])
      expect(all).not.toContain(place);
    expect(find(tags, 'Kassym-Jomart Tokayev')?.kind).toBe('person');
  });

  it('makes no person or organisation out of page furniture', () => {
    const tags = tagEntities(
      story(
        null,
        'Listen 4 min Comment on this story Comment Gift Article Share',
        'ArrowRight Sign up for the Morning Briefing newsletter.',
        'Gift Article Share ArrowRight',
      ),
      model,
    );
    expect(tags).toEqual([]);
  });
});

describe('tagEntities salience', () => {
  it('keeps names used twice or in the title or lead, and drops a passing mention', () => {
    const tags = tagEntities(
      story(
        'Ruiz wins again',
        'Ana Ruiz won the Madrid marathon on Sunday.',
        'Her coach, Pablo Serrano, said she had trained at altitude.',
        'Ruiz led from the start. Serrano watched from the finish.',
        'The course passed the house where Tomas Vidal once lived.',
      ),
      model,
    );
    expect(named(tags, 'person')).toEqual(['Ana Ruiz', 'Pablo Serrano']);
  });

  it('ranks by salience with scores in [0, 1], the top one 1', () => {
    const tags = tagEntities(
      story(
        'Mendes signs for Lisbon club',
        'Striker Rui Mendes joined Sporting Lisbon on Monday.',
        'Mendes, 24, said it was a dream. Coach Jorge Pinto said Mendes would start on Saturday.',
      ),
      model,
    );
    const people = tags.filter((t) => t.kind === 'person');
    expect(people[0]?.name).toBe('Rui Mendes');
    expect(people[0]?.score).toBe(1);
    for (const tag of tags) {
      expect(tag.score).toBeGreaterThan(0);
      expect(tag.score).toBeLessThanOrEqual(1);
    }
  });

  it('counts names in an all-caps headline without making tags from shouted words', () => {
    const tags = tagEntities(
      story(
        'SAMSUNG CUTS PHONE PRICES AS RIVALS CLOSE IN',
        'SEOUL, June 3 (Reuters) - Samsung Electronics Co Ltd <005930.KS> cut prices of its foldable phones on Tuesday.',
        'Samsung said demand had slowed.',
      ),
      model,
    );
    const samsung = find(tags, 'Samsung Electronics Co Ltd');
    expect(samsung?.mentions).toBe(3);
    expect(tags.map((t) => t.name)).toEqual(['Samsung Electronics Co Ltd']);
  });

  it('never throws on any text and keeps its fields in range', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 80 })),
        fc.array(fc.string({ maxLength: 200 }), { maxLength: 8 }),
        (title, sentences) => {
          for (const tag of tagEntities({ title, sentences }, model)) {
            expect(tag.score).toBeGreaterThanOrEqual(0);
            expect(tag.score).toBeLessThanOrEqual(1);
            expect(tag.mentions ?? 0).toBeGreaterThanOrEqual(1);
            expect(['person', 'organization']).toContain(tag.kind);
          }
        },
      ),
    );
  });
});

describe('people and organisations in the analysis', () => {
  const summit = [
    'Xi and Putin meet as Central Asia summit opens',
    '',
    'President Xi Jinping arrived in Samarkand on Thursday for a summit of the Shanghai Cooperation Organization (SCO), where he will hold talks with Russian President Vladimir Putin.',
    '',
    'Gift Article Share',
    '',
    'It is the first meeting between Xi and Putin since the spring. The SCO, founded in 2001, has grown to ten members and casts itself as a counterweight to NATO.',
    '',
    '“Beijing wants to show it has friends,” said Lena Hartmann, a fellow at the Berlin Institute for Asian Affairs. Hartmann said Xi would avoid open support for the war.',
    '',
    'Putin is expected to press Xi for more trade. The United Nations has called for talks to end the war, and the Communist Party has said China is neutral.',
  ].join('\n');

  it('tags the seed-like story’s leaders, analyst and bodies, and no furniture', async () => {
    const analysis = await analyzeText(summit, { filename: 'summit.txt' });
    const people = named(analysis.tags, 'person');
    const organizations = named(analysis.tags, 'organization');
    expect(people.slice(0, 2)).toEqual(['Xi Jinping', 'Vladimir Putin']);
    expect(people).toContain('Lena Hartmann');
    expect(organizations).toEqual(
      expect.arrayContaining([
        'Shanghai Cooperation Organization',
        'NATO',
        'United Nations',
        'Communist Party',
      ]),
    );
    expect(analysis.tags.map((t) => t.name)).not.toContain('Gift Article');
    expect(find(analysis.tags, 'Xi Jinping')?.aliases).toEqual(['Xi']);
  });

  it('gives no people or organisations for a language other than English', async () => {
    const french = [
      'Le président rencontre les syndicats',
      '',
      'Le président Emmanuel Macron a reçu mardi les dirigeants de la Confédération générale du travail à l’Élysée.',
      'Emmanuel Macron a déclaré que la réforme des retraites serait maintenue malgré les grèves.',
      'Les syndicats ont annoncé une nouvelle journée de mobilisation la semaine prochaine dans toute la France.',
    ].join('\n');
    const analysis = await analyzeText(french, { filename: 'fr.txt' });
    expect(analysis.language).toBe('fr');
    expect(analysis.tags.filter((t) => t.kind === 'person' || t.kind === 'organization')).toEqual([]);
  });
});
