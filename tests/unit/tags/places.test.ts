import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledModel } from '../../../src/core/model/bundled-model.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { M49_AREAS, type M49Area } from '../../../src/core/tags/data/m49.js';
import { AMBIGUOUS_ORGANIZATION_NAMES, ORGANIZATIONS } from '../../../src/core/tags/data/organizations.js';
import { AMBIGUOUS_PLACE_NAMES, AREA_PHRASES, PLACES } from '../../../src/core/tags/data/places.js';
import { type PlaceOptions, tagPlaces } from '../../../src/core/tags/places.js';
import type { Tag, TagKind } from '../../../src/core/tags/tag.js';
import { InvalidOptionsError } from '../../../src/errors.js';

const model = bundledModel();

function tag(body: string, title: string | null = null, options: PlaceOptions = {}): Tag[] {
  return tagPlaces({ title, sentences: splitSentences(body) }, model, options);
}

function names(tags: readonly Tag[], kind: TagKind): string[] {
  return tags.filter((t) => t.kind === kind).map((t) => t.name);
}

const countries = (body: string, title: string | null = null, options: PlaceOptions = {}): string[] =>
  names(tag(body, title, options), 'country');
const regions = (body: string): string[] => names(tag(body), 'region');
const organizations = (body: string): string[] => names(tag(body), 'organization');

describe('tagPlaces: names, aliases, demonyms and cities', () => {
  it.each([
    ['Officials in the U.S. said the talks had stalled.', 'United States'],
    ['Officials in the US said the talks had stalled.', 'United States'],
    ['The USA won the final.', 'United States'],
    ['The United States of America signed the accord.', 'United States'],
    ['Voters across America went to the polls.', 'United States'],
    ['Prices rose in the UK last month.', 'United Kingdom'],
    ['Prices rose in the U.K. last month.', 'United Kingdom'],
    ['Britain has left the bloc.', 'United Kingdom'],
    ['Great Britain topped the medal table.', 'United Kingdom'],
    ["The People's Republic of China objected.", 'China'],
    ['The Russian Federation vetoed the text.', 'Russia'],
    ['Türkiye hosted the talks.', 'Turkey'],
    ['Turkiye hosted the talks.', 'Turkey'],
    ['Czechia joined the scheme.', 'Czechia'],
    ['The Czech Republic joined the scheme.', 'Czechia'],
    ["Cocoa exports from Côte d'Ivoire fell.", "Côte d'Ivoire"],
    ['Cocoa exports from Ivory Coast fell.', "Côte d'Ivoire"],
    ['The junta in Burma jailed her.', 'Myanmar'],
    ['Swaziland renamed itself.', 'Eswatini'],
    ['Eswatini held elections.', 'Eswatini'],
    ['Talks resumed in Taiwan.', 'Taiwan'],
    ['Protests spread in Hong Kong.', 'Hong Kong'],
  ])('tags the country an alias names: %s', (body, country) => {
    expect(countries(body)).toEqual([country]);
  });

  it.each([
    ['Chinese and Chinese-owned firms bid.', 'China'],
    ['Russian troops and Russian drones advanced.', 'Russia'],
    ['Kazakh farmers met Kazakhs from the north.', 'Kazakhstan'],
    ['Kazakhstani banks and Kazakhstani miners grew.', 'Kazakhstan'],
    ['Uzbek cotton and Uzbek gas were on the agenda.', 'Uzbekistan'],
    ['American voters and American firms disagreed.', 'United States'],
    ['British ministers met British exporters.', 'United Kingdom'],
    ['Ukrainian forces and Ukrainian drones struck.', 'Ukraine'],
  ])('tags the country of a demonym mentioned twice: %s', (body, country) => {
    expect(countries(body)).toEqual([country]);
  });

  it('weighs a lone demonym at half a name, below the default threshold', () => {
    expect(countries('A Senegalese jurist chairs the mission.')).toEqual([]);
    expect(countries('A Senegalese jurist chairs the mission.', null, { minWeight: 0.5 })).toEqual([
      'Senegal',
    ]);
  });

  it.each([
    ['Talks were held in Beijing.', 'China'],
    ['Factories in Shanghai reopened.', 'China'],
    ['Camps in Xinjiang were criticised.', 'China'],
    ['The Kremlin said Moscow would respond.', 'Russia'],
    ['Tourists crowded into Samarkand.', 'Uzbekistan'],
    ['The delegation landed in Tashkent.', 'Uzbekistan'],
    ['Rents rose in Astana.', 'Kazakhstan'],
    ['Rents rose in Nur-Sultan.', 'Kazakhstan'],
    ['Smog covered Almaty.', 'Kazakhstan'],
    ['Rates were held by the Bank of England.', 'United Kingdom'],
  ])('tags the country of a city, province or institution: %s', (body, country) => {
    expect(countries(body)).toEqual([country]);
  });

  it('reads both names of a hyphenated pair such as US-China', () => {
    expect(countries('US-China trade talks resumed.').sort()).toEqual(['China', 'United States']);
  });

  it('reads an all-capitals dateline city', () => {
    expect(countries('KYIV (AP) — Air raid sirens sounded overnight.')).toEqual(['Ukraine']);
  });

  it('counts every surface form toward one tag, with distinct evidence', () => {
    const [china] = tag('Beijing said China would respond. Chinese officials in Beijing agreed.').filter(
      (t) => t.kind === 'country',
    );
    expect(china?.name).toBe('China');
    expect(china?.evidence).toEqual(['Beijing', 'China', 'Chinese']);
  });
});

describe('tagPlaces: regions', () => {
  it('maps countries to their M49 sub-region and region', () => {
    const found = regions('Kazakhstan and Uzbekistan signed a water deal.');
    expect(found).toContain('Central Asia');
    expect(found).toContain('Asia');
    expect(found).not.toContain('Eastern Asia');
  });

  it('tags a region named directly', () => {
    expect(regions('Tensions rose across the Middle East.')).toEqual(['Western Asia', 'Asia']);
    expect(regions('Drought hit the Sahel.')).toEqual(['Western Africa', 'Sub-Saharan Africa', 'Africa']);
  });

  it('puts Taiwan in Eastern Asia and Sudan in Northern Africa, the more specific region first', () => {
    expect(regions('Taiwan held drills.')).toEqual(['Eastern Asia', 'Asia']);
    expect(regions('Sudan held talks.')).toEqual(['Northern Africa', 'Africa']);
  });

  it('reads "Latin America" as M49\'s Latin America and the Caribbean, not the United States', () => {
    const tags = tag('Inflation eased across Latin America.');
    expect(names(tags, 'country')).toEqual([]);
    expect(names(tags, 'region')).toEqual(['Latin America and the Caribbean', 'Americas']);
  });
});

describe('tagPlaces: ambiguous names', () => {
  it('reads Georgia as the US state in a story with US political context', () => {
    const body =
      'Early voting in Georgia broke records in the suburbs of Atlanta. Republican and Democratic campaigns poured money into the Senate race, and more than a million Georgians voted.';
    expect(countries(body)).toEqual(['United States']);
  });

  it('reads Georgia as the country in a story about the Caucasus', () => {
    const body =
      'Protesters filled the streets of Tbilisi as Georgia passed the law. Russia welcomed the vote.';
    expect(countries(body)).toContain('Georgia');
    expect(countries(body)).not.toContain('United States');
  });

  it('reads Georgia as the country when nothing says otherwise', () => {
    expect(countries('Georgia applied to join the bloc.')).toEqual(['Georgia']);
  });

  it('does not tag Jordan when it is a full name, and carries that to later bare mentions', () => {
    expect(countries('Jordan Blake scored twice. Jordan has been brilliant all season.')).toEqual([]);
    expect(countries('Striker Brandon Jordan scored twice.')).toEqual([]);
    expect(countries('Mr Jordan declined to comment.')).toEqual([]);
    expect(countries('Jordan, 24, was arrested on Friday.')).toEqual([]);
  });

  it('reads "Jordan said" as a person unless the story has Jordanian context', () => {
    expect(countries('Jordan said the result was fair.')).toEqual([]);
    expect(countries('Jordan said it would reopen the crossing. Officials in Amman confirmed it.')).toEqual([
      'Jordan',
    ]);
  });

  it('reads Jordan as the country in ordinary news use', () => {
    expect(countries('Refugees crossed into Jordan overnight.')).toEqual(['Jordan']);
  });

  it('reads Chad as a first name before a surname and as the country otherwise', () => {
    expect(countries('Chad Smith played the drums.')).toEqual([]);
    expect(countries("Chad closed its border, officials in N'Djamena said.")).toEqual(['Chad']);
    expect(countries('Lake Chad is shrinking.')).toEqual(['Chad']);
  });

  it('does not tag Turkey in a recipe, even capitalised at the start of a sentence', () => {
    expect(
      countries('Turkey should rest for 20 minutes after roasting. Carve it and serve with gravy.'),
    ).toEqual([]);
    expect(countries('Turkey sandwiches were served.')).toEqual([]);
    expect(countries('Turkey raised interest rates again on Thursday.')).toEqual(['Turkey']);
  });

  it('does not tag China for porcelain', () => {
    expect(countries('China plates and teacups sold well at the antiques fair.')).toEqual([]);
    expect(countries('China raised tariffs on steel.')).toEqual(['China']);
  });

  it('never matches lower-case turkey or china', () => {
    expect(tag('We ate turkey off the best china.')).toEqual([]);
  });

  it('keeps Guinea apart from Guinea-Bissau, Equatorial Guinea, Papua New Guinea and guinea pigs', () => {
    expect(countries('Guinea-Bissau held elections.')).toEqual(['Guinea-Bissau']);
    expect(countries('Equatorial Guinea exports oil.')).toEqual(['Equatorial Guinea']);
    expect(countries('Papua New Guinea was hit by a quake.')).toEqual(['Papua New Guinea']);
    expect(countries('Guinea pigs make good pets.')).toEqual([]);
    expect(countries('Guinea held elections.')).toEqual(['Guinea']);
  });

  it('keeps Niger and Nigeria, Sudan and South Sudan, Dominica and the Dominican Republic apart', () => {
    expect(countries('Oil spills blight the Niger Delta.')).toEqual(['Nigeria']);
    expect(countries('Niamey is the capital of Niger.')).toEqual(['Niger']);
    expect(countries('South Sudan marked independence.')).toEqual(['South Sudan']);
    expect(countries('The Dominican Republic hosted the summit.')).toEqual(['Dominican Republic']);
    expect(countries('Dominica was hit by the hurricane.')).toEqual(['Dominica']);
  });

  it('reads a bare Congo by its cues', () => {
    expect(countries('Fighting near Goma spread across Congo.')).toEqual(['DR Congo']);
    expect(countries('Congo held elections, and Brazzaville was calm.')).toEqual(['Republic of the Congo']);
  });

  it('reads Nice at the start of a sentence as the adjective and elsewhere as the city', () => {
    expect(countries('Nice weather is forecast for the weekend.')).toEqual([]);
    expect(countries('Crowds gathered in Nice for the carnival.')).toEqual(['France']);
  });

  it('reads "Paris, Texas" as the United States', () => {
    expect(countries('The rally was held in Paris, Texas, on Saturday.')).toEqual(['United States']);
    expect(countries('Leaders met in Paris, France.')).toEqual(['France']);
  });

  it('tags a bare Victoria only with cues for a place', () => {
    expect(countries('Victoria was in the audience.')).toEqual([]);
    expect(countries('Victoria announced new restrictions, and Melbourne went quiet.')).toEqual([
      'Australia',
    ]);
  });

  it('reads Perth as Australian by default and Scottish with Scottish cues', () => {
    expect(countries('The Test in Perth starts on Friday.')).toEqual(['Australia']);
    expect(countries('Floods hit Perth, and Scottish ministers visited.')).toEqual(['United Kingdom']);
  });
});

describe('tagPlaces: organisations', () => {
  it('tags WHO the organisation but not the word "who"', () => {
    expect(organizations('WHO declared a global emergency.')).toEqual(['World Health Organization']);
    expect(organizations('Doctors who treated patients were praised.')).toEqual([]);
    expect(organizations('Who will pay for it?')).toEqual([]);
  });

  it('ignores acronyms in a shouted headline', () => {
    expect(tag('', 'WHO WON THE DEBATE? US VOTERS DECIDE')).toEqual([]);
  });

  it('matches acronyms only case-sensitively', () => {
    expect(organizations('EU leaders met NATO officials.').sort()).toEqual(['European Union', 'NATO']);
    expect(organizations('The eu and the un were not mentioned.')).toEqual([]);
    expect(organizations('The U.N. and the UN Security Council met.')).toEqual(['United Nations']);
  });

  it('tags organisations by their full names', () => {
    expect(organizations('The Shanghai Cooperation Organisation met.')).toEqual([
      'Shanghai Cooperation Organisation',
    ]);
    expect(organizations('The International Monetary Fund approved the loan.')).toEqual([
      'International Monetary Fund',
    ]);
  });

  it('reads ICC as the court or the cricket council by its cues', () => {
    expect(organizations('The ICC prosecutor sought an arrest warrant.')).toEqual([
      'International Criminal Court',
    ]);
    expect(organizations('The ICC confirmed the Test schedule and the new wicket rules.')).toEqual([
      'International Cricket Council',
    ]);
  });

  it('tags AU only when the story is about Africa', () => {
    expect(organizations('The AU suspended the junta, African diplomats said.')).toEqual(['African Union']);
    expect(organizations('Gold (AU) prices rose.')).toEqual([]);
  });
});

describe('tagPlaces: scores and order', () => {
  const body =
    'Japan and Uzbekistan signed deals in Tashkent. Japanese firms will build a plant near Samarkand. China is the largest investor. Russia was not invited. The UN welcomed the deals.';

  it('gives scores in [0, 1], the top of each kind at 1', () => {
    const tags = tag(body, 'Japan courts Central Asia');
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.score).toBeLessThanOrEqual(1);
      expect(t.evidence.length).toBeGreaterThan(0);
      expect(t.evidence.length).toBeLessThanOrEqual(5);
    }
    for (const kind of ['country', 'region', 'organization'] as const) {
      expect(Math.max(...tags.filter((t) => t.kind === kind).map((t) => t.score))).toBe(1);
    }
  });

  it('sorts by score, then name', () => {
    const tags = tag(body, 'Japan courts Central Asia');
    for (let i = 1; i < tags.length; i++) {
      const previous = tags[i - 1];
      const current = tags[i];
      if (previous === undefined || current === undefined) throw new Error('unreachable');
      expect(
        previous.score > current.score || (previous.score === current.score && previous.name <= current.name),
      ).toBe(true);
    }
  });

  it('weighs a title mention above a body mention', () => {
    expect(countries('Chile and Peru signed. Chile agreed.', 'Peru votes')).toEqual(['Peru', 'Chile']);
  });

  it('returns the same tags every time', () => {
    expect(tag(body, 'Japan courts Central Asia')).toEqual(tag(body, 'Japan courts Central Asia'));
  });

  it('applies minScore and maxPerKind', () => {
    const strict = tag(body, 'Japan courts Central Asia', { minScore: 0.5, maxPerKind: 2 });
    expect(names(strict, 'country')).toEqual(['Japan', 'Uzbekistan']);
    expect(strict.every((t) => t.score >= 0.5)).toBe(true);
  });

  it('rejects options out of range', () => {
    expect(() => tag(body, null, { minScore: 2 })).toThrow(InvalidOptionsError);
    expect(() => tag(body, null, { maxPerKind: 0 })).toThrow(InvalidOptionsError);
    expect(() => tag(body, null, { minWeight: -1 })).toThrow(InvalidOptionsError);
    expect(() => tag(body, null, { titleWeight: Number.NaN })).toThrow(InvalidOptionsError);
  });

  it('never throws and keeps scores in range for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.option(fc.string({ maxLength: 50 })), (text, title) => {
        for (const t of tagPlaces({ title, sentences: [text] }, model)) {
          expect(t.score).toBeGreaterThan(0);
          expect(t.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('processes a 5 MB text in one pass', () => {
    const sentence =
      'Officials in Astana and Tashkent met Chinese envoys while Georgia prepared for talks in Tbilisi and the WHO warned of heat. ';
    const sentences = Array.from({ length: Math.ceil(5_000_000 / sentence.length) }, () => sentence);
    const tags = tagPlaces({ title: null, sentences }, model);
    expect(names(tags, 'country')).toEqual(['Georgia', 'Kazakhstan', 'Uzbekistan', 'China']);
    expect(names(tags, 'organization')).toEqual(['World Health Organization']);
  });
});

describe('place gazetteer data', () => {
  it('lists all 193 UN member states and both observer states', () => {
    expect(PLACES.filter((p) => p.status === 'member')).toHaveLength(193);
    expect(
      PLACES.filter((p) => p.status === 'observer')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Palestine', 'Vatican City']);
  });

  it('gives every entry a unique two-letter code and a unique name', () => {
    const live = PLACES.filter((p) => p.status !== 'historic').map((p) => p.code);
    const historic = PLACES.filter((p) => p.status === 'historic').map((p) => p.code);
    expect(new Set(live).size).toBe(live.length);
    expect(new Set(historic).size).toBe(historic.length);
    for (const code of [...live, ...historic]) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(new Set(PLACES.map((p) => p.name)).size).toBe(PLACES.length);
  });

  it('names the historic states with their own codes and existing successors', () => {
    const historic = new Map(PLACES.filter((p) => p.status === 'historic').map((p) => [p.name, p]));
    expect([...historic.keys()].sort()).toEqual([
      'Czechoslovakia',
      'East Germany',
      'Soviet Union',
      'West Germany',
      'Yugoslavia',
    ]);
    expect(historic.get('Soviet Union')?.code).toBe('SU');
    expect(historic.get('Yugoslavia')?.code).toBe('YU');
    expect(historic.get('Czechoslovakia')?.code).toBe('CS');
    expect(historic.get('East Germany')?.code).toBe('DD');
    expect(historic.get('West Germany')?.code).toBe('DE');
    const live = new Set(PLACES.filter((p) => p.status !== 'historic').map((p) => p.code));
    for (const state of historic.values()) {
      expect(state.successors?.length).toBeGreaterThan(0);
      for (const code of state.successors ?? []) expect(live).toContain(code);
    }
  });

  it('links every M49 area to an existing parent and uses every area', () => {
    const byName = new Map<string, M49Area>(M49_AREAS.map((a) => [a.name, a]));
    const used = new Set<string>();
    for (const place of PLACES) {
      for (let at: string | null = place.area; at !== null; at = byName.get(at)?.parent ?? null) {
        expect(byName.has(at)).toBe(true);
        used.add(at);
      }
    }
    expect([...byName.keys()].filter((name) => !used.has(name))).toEqual([]);
    for (const area of M49_AREAS) {
      if (area.level === 'region') expect(area.parent).toBeNull();
      else expect(byName.get(area.parent ?? '')?.level).not.toBe(area.level);
    }
  });

  it('has the M49 areas of a few countries news often gets wrong', () => {
    const areaOf = new Map(PLACES.map((p) => [p.name, p.area]));
    expect(areaOf.get('Taiwan')).toBe('Eastern Asia');
    expect(areaOf.get('Sudan')).toBe('Northern Africa');
    expect(areaOf.get('Mexico')).toBe('Central America');
    expect(areaOf.get('Cyprus')).toBe('Western Asia');
    expect(areaOf.get('Iran')).toBe('Southern Asia');
    expect(areaOf.get('Greenland')).toBe('Northern America');
    expect(areaOf.get('Peru')).toBe('South America');
  });

  it('gives no surface to two places unless an ambiguity rule governs it', () => {
    const governed = new Set(AMBIGUOUS_PLACE_NAMES.flatMap((rule) => rule.surfaces));
    const owners = new Map<string, Set<string>>();
    for (const place of PLACES) {
      const forms = [
        place.name,
        ...place.aliases,
        ...place.demonyms,
        ...place.cities,
        ...(place.subdivisions ?? []),
        ...(place.metonyms ?? []),
      ];
      const key = place.status === 'historic' ? `historic:${place.code}` : place.code;
      for (const form of forms) owners.set(form, (owners.get(form) ?? new Set()).add(key));
    }
    const shared = [...owners]
      .filter(([form, codes]) => codes.size > 1 && !governed.has(form))
      .map(([form]) => form);
    expect(shared).toEqual([]);
  });

  it('compiles without any phrase claimed by two meanings', () => {
    expect(model.gazetteer.conflicts).toEqual([]);
  });

  it('points every ambiguity rule at places and organisations that exist', () => {
    const codes = new Set(PLACES.filter((p) => p.status !== 'historic').map((p) => p.code));
    const ids = new Set(ORGANIZATIONS.map((o) => o.id));
    for (const rule of AMBIGUOUS_PLACE_NAMES) {
      for (const reading of rule.readings)
        if (reading.target !== null) expect(codes).toContain(reading.target);
    }
    for (const rule of AMBIGUOUS_ORGANIZATION_NAMES) {
      for (const reading of rule.readings) if (reading.target !== null) expect(ids).toContain(reading.target);
    }
    expect(new Set(ORGANIZATIONS.map((o) => o.id)).size).toBe(ORGANIZATIONS.length);
  });

  it('names only M49 areas in its region phrases', () => {
    const areas = new Set<string>(M49_AREAS.map((a) => a.name));
    for (const phrase of AREA_PHRASES) expect(areas).toContain(phrase.area);
  });
});
