import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/core/analyze.js';
import type { Dateline } from '../../../src/core/document.js';
import { bundledModel } from '../../../src/core/model/bundled-model.js';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';
import { tagPlaces } from '../../../src/core/tags/places.js';
import type { Tag } from '../../../src/core/tags/tag.js';
import { analysisObjectTags } from '../../../src/upload/object-tags.js';

const model = bundledModel();

const PLACE_FIXTURES = new URL('../../fixtures/places/', import.meta.url);

interface Story {
  readonly file: string;
  readonly countries: readonly string[];
  readonly country: string;
  readonly region: string | null;
}

const STORIES: readonly Story[] = JSON.parse(
  readFileSync(new URL('labels.json', PLACE_FIXTURES), 'utf8'),
).stories;

function dateline(place: string, qualifier: string | null = null): Dateline {
  const text = qualifier === null ? place : `${place}, ${qualifier}`;
  return { text, place, qualifier, date: null, agency: null };
}

function tag(body: string, title: string | null = null, line: Dateline | null = null): Tag[] {
  return tagPlaces({ title, sentences: splitSentences(body), dateline: line }, model);
}

const countriesOf = (tags: readonly Tag[]): string[] =>
  tags.filter((t) => t.kind === 'country').map((t) => t.name);
const focusOf = (tags: readonly Tag[]): string[] =>
  tags.filter((t) => t.kind === 'country' && t.focus === true).map((t) => t.name);
const find = (tags: readonly Tag[], name: string): Tag | undefined => tags.find((t) => t.name === name);

function objectTag(tags: readonly Tag[], key: string): string | undefined {
  return analysisObjectTags(tags).find((t) => t.Key === key)?.Value;
}

async function analyzeStory(file: string) {
  return analyzeText(readFileSync(new URL(file, PLACE_FIXTURES), 'utf8'), { filename: file });
}

describe('tagPlaces: datelines', () => {
  it('counts the dateline city as where the story is, ahead of a country named more often', () => {
    const body =
      'Kanto Motor said its sales in the United States rose. U.S. dealers sold more cars. ' +
      'The U.S. plant will expand, and American buyers want compacts.';
    const tags = tag(body, null, dateline('TOKYO'));
    expect(countriesOf(tags)[0]).toBe('Japan');
    expect(find(tags, 'Japan')?.focus).toBe(true);
    expect(objectTag(tags, 'lede:country')).toBe('Japan');
  });

  it('reads a state abbreviation after the city as its country', () => {
    const tags = tag('The insurer raised its dividend.', null, dateline('GREENWICH', 'Conn.'));
    expect(focusOf(tags)).toEqual(['United States']);
  });

  it('lets the qualifier settle the country of a city with two readings', () => {
    expect(focusOf(tag('The council met.', null, dateline('PERTH', 'Scotland')))).toEqual(['United Kingdom']);
    expect(focusOf(tag('The council met.', null, dateline('PERTH')))).toEqual(['Australia']);
    expect(focusOf(tag('The fair opened.', null, dateline('PARIS', 'Texas')))).toEqual(['United States']);
  });

  it('tags nothing for a dateline place the gazetteer does not know', () => {
    expect(countriesOf(tag('The plant closed.', null, dateline('SMALLVILLE')))).toEqual([]);
  });

  it('reads the dateline the reader took off a wire story', async () => {
    const analysis = await analyzeStory('tokyo-carmaker-plant.txt');
    expect(analysis.dateline?.place).toBe('TOKYO');
    expect(objectTag(analysis.tags, 'lede:country')).toBe('Japan');
  });
});

describe('tagPlaces: focus', () => {
  it('marks places in the title and lead as the focus and a passing mention as not', () => {
    const body =
      'Kazakhstan signed a water deal with Uzbekistan on Monday. The two governments will share the river. ' +
      'Engineers from both countries will meet monthly. Farmers welcomed the news. ' +
      'A similar accord was tried in Spain years ago.';
    const tags = tag(body, 'Central Asian neighbours agree on water');
    expect(focusOf(tags).sort()).toEqual(['Kazakhstan', 'Uzbekistan']);
    expect(find(tags, 'Spain')?.focus).toBe(false);
  });

  it('marks a country the body returns to again and again as the focus', () => {
    const body =
      'Talks opened on Monday. Officials said Chile would attend. Chile has asked for more time. ' +
      'Chile is the largest producer. Delegates from Chile later left.';
    expect(focusOf(tag(body))).toEqual(['Chile']);
  });

  it('treats a meeting venue as a weak mention, not the focus', () => {
    const body =
      'Treasury Secretary Ann Cole said the currency pact would be reviewed at the summit in Venice in June. ' +
      'She said the United States backed the accord. The United States wants a weaker dollar.';
    const tags = tag(body, null, dateline('WASHINGTON'));
    expect(focusOf(tags)).toEqual(['United States']);
    expect(find(tags, 'Italy')?.focus).not.toBe(true);
    const venue = tagPlaces(
      { title: null, sentences: ['Ministers met on Monday at a meeting in Vienna.'] },
      model,
    );
    const subject = tagPlaces({ title: null, sentences: ['Floods hit Vienna on Monday.'] }, model);
    expect(find(venue, 'Austria')?.focus).not.toBe(true);
    expect(find(subject, 'Austria')?.focus).toBe(true);
    const shouted = tag(
      'Oil ministers will meet in Vienna next week to review quotas, delegates said.',
      'OPEC MINISTERS TO MEET IN VIENNA NEXT WEEK',
      dateline('LONDON'),
    );
    expect(focusOf(shouted)).toEqual(['United Kingdom']);
    expect(find(shouted, 'Austria')?.focus).toBe(false);
  });

  it('makes the most specific M49 region holding the focus countries the main region', () => {
    const quake =
      'A strong earthquake struck southern Peru, killing 14 people near Arequipa. ' +
      'The quake was felt in Lima. Rescue teams searched collapsed homes in Peru.';
    const tags = tag(quake, 'Earthquake shakes Peru');
    expect(objectTag(tags, 'lede:region')).toBe('South America');
    const pair = tag('Kenya and Uganda agreed a border deal. Kenya and Uganda will open a crossing.');
    expect(objectTag(pair, 'lede:region')).toBe('Eastern Africa');
    const europe = tag('Yugoslavia and Czechoslovakia signed a trade accord. Yugoslavia will ship textiles.');
    expect(objectTag(europe, 'lede:region')).toBe('Europe');
  });

  it('prefers a region the title names when no region holds every focus country', () => {
    const body =
      'President Wen left China for Kazakhstan on Tuesday. He will visit Uzbekistan and meet the Russian leader. ' +
      'Russia and China compete for influence there.';
    const tags = tag(body, 'Chinese leader tours Central Asia');
    expect(focusOf(tags)).toEqual(expect.arrayContaining(['China', 'Kazakhstan', 'Uzbekistan']));
    expect(objectTag(tags, 'lede:region')).toBe('Central Asia');
    expect(objectTag(tags, 'lede:country')).toBe('China');
  });
});

describe('tagPlaces: capitals, names inside names and currencies', () => {
  it('does not read ordinary words of an all-caps headline as places', () => {
    expect(
      countriesOf(tag('The board approved the plan.', 'PHILIPPINE TELEPHONE FIRM PLANS STOCK SPLIT')),
    ).toEqual(['Philippines']);
    expect(countriesOf(tag('Prices rise in April.', 'TYRE MAKER RAISES PRICES ON TRUCK LINES'))).toEqual([]);
    expect(
      countriesOf(tag('The driver was quickest in qualifying.', 'HAMILTON TAKES POLE IN MONACO')),
    ).toEqual(['Monaco']);
    expect(countriesOf(tag('Split is on the Dalmatian coast, and Split harbour was busy.'))).toEqual([
      'Croatia',
    ]);
  });

  it('matches all-caps possessives in a headline', () => {
    expect(
      countriesOf(tag('The insurer bought shares.', "ITALY'S LA PREVIDENZA RAISES STAKE IN BANK")),
    ).toEqual(['Italy']);
    expect(countriesOf(tag('Exports fell again.', "WEST GERMANY'S EXPORTS FALL FOR THIRD MONTH"))).toEqual([
      'West Germany',
    ]);
  });

  it('skips wire tickers and shouted words in running text', () => {
    expect(
      countriesOf(tag('Borden-Warrick Corp <BOR> said it agreed to buy Precision Race Inc <PRCE>.')),
    ).toEqual([]);
    expect(countriesOf(tag('The fund said the deal was a BOR for now.'))).toEqual([]);
    expect(countriesOf(tag('Shares rose.', 'BORDEN-WARRICK <BOR> TO BUY BEARING MAKER'))).toEqual([]);
    expect(countriesOf(tag('Shares rose.', 'BORDEN-WARRICK &lt;BOR> TO BUY BEARING MAKER'))).toEqual([]);
    expect(countriesOf(tag('Shares rose.', 'BORDEN-WARRICK &lt;BOR&gt; TO BUY BEARING MAKER'))).toEqual([]);
    expect(countriesOf(tag('Shares rose.', 'BOR TOWNSHIP FLOODED AFTER NILE RISES'))).toEqual([
      'South Sudan',
    ]);
  });

  it('does not count a city inside a company or club name', () => {
    expect(
      countriesOf(tag('Hanover Insurance Co said profits rose. Hanover Insurance will pay more.')),
    ).toEqual([]);
    const loan =
      'The syndicated loan for the steel maker was arranged by Manufacturers Hanover Trust and by Chase Manhattan Bank.';
    expect(countriesOf(tag(loan))).toEqual([]);
    expect(
      countriesOf(tag('The striker joined Paris Saint-Germain, and Paris Saint-Germain paid 90m.')),
    ).toEqual([]);
    expect(countriesOf(tag('Snow fell on Hanover. Hanover airport closed.'))).toEqual(['Germany']);
    expect(
      countriesOf(
        tag('The new novel by the prize-winning author is set among thieves in Victorian England.'),
      ),
    ).toEqual(['United Kingdom']);
  });

  it('keeps the place in its own institutions', () => {
    expect(countriesOf(tag('Shares rose on the Tokyo Stock Exchange.'))).toEqual(['Japan']);
  });

  it('weighs a currency adjective as weak evidence that never makes the focus', () => {
    const body = 'The bank is issuing a 50 mln Australian dlr eurobond. Australian dlr paper is in demand.';
    const tags = tagPlaces({ title: null, sentences: splitSentences(body) }, model, { minWeight: 0 });
    const australia = find(tags, 'Australia');
    expect(australia?.focus).toBe(false);
    expect(countriesOf(tag(body))).toEqual([]);
    expect(countriesOf(tag('Australian farmers and Australian miners gained.'))).toEqual(['Australia']);
  });
});

describe('tagPlaces: codes, levels and historic states', () => {
  it('gives countries their ISO 3166-1 code and most specific M49 area', () => {
    const peru = find(tag('Peru held elections.'), 'Peru');
    expect(peru).toMatchObject({ kind: 'country', code: 'PE', parent: 'South America', focus: true });
  });

  it('gives regions their M49 code, level and parent, up to the continent', () => {
    const tags = tag('Peru held elections.');
    expect(find(tags, 'South America')).toMatchObject({
      kind: 'region',
      code: '005',
      level: 'intermediate-region',
      parent: 'Latin America and the Caribbean',
    });
    expect(find(tags, 'Latin America and the Caribbean')).toMatchObject({
      code: '419',
      level: 'sub-region',
      parent: 'Americas',
    });
    const americas = find(tags, 'Americas');
    expect(americas).toMatchObject({ code: '019', level: 'region' });
    expect(americas?.parent).toBeUndefined();
    expect(find(tag('Ghana held elections.'), 'Sub-Saharan Africa')).toMatchObject({ code: '202' });
  });

  it.each([
    ['The Soviet Union bought grain.', 'Soviet Union', 'SU'],
    ['Yugoslavia devalued the dinar.', 'Yugoslavia', 'YU'],
    ['Czechoslovakia signed the accord.', 'Czechoslovakia', 'CS'],
    ['East Germany opened the border.', 'East Germany', 'DD'],
    ['West Germany cut rates.', 'West Germany', 'DE'],
  ])('names a historic state with its own code: %s', (body, name, code) => {
    const tags = tag(body);
    expect(countriesOf(tags)).toEqual([name]);
    expect(find(tags, name)?.code).toBe(code);
  });

  it('counts the heir state’s cities toward a historic state the story names as a going concern', () => {
    const tags = tag('The Soviet Union bought corn. Traders in Moscow said the Kremlin wanted wheat.');
    expect(countriesOf(tags)).toEqual(['Soviet Union']);
    expect(countriesOf(tag('Traders in Moscow said the Kremlin wanted wheat.'))).toEqual(['Russia']);
  });

  it('keeps a modern state apart from the historic one a story recalls', () => {
    const body = 'Russia said Moscow would respond. Russia was once part of the Soviet Union.';
    expect(countriesOf(tag(body))).toContain('Russia');
    expect(countriesOf(tag('Aid reached the former Soviet Union.'))).toEqual([]);
  });
});

describe('labelled wire fixtures', () => {
  it.each(STORIES.map((story) => [story.file, story] as const))('%s', async (_, story) => {
    const analysis = await analyzeStory(story.file);
    const countries = countriesOf(analysis.tags);
    for (const country of story.countries) expect(countries).toContain(country);
    expect(objectTag(analysis.tags, 'lede:country')).toBe(story.country);
    if (story.region !== null) expect(objectTag(analysis.tags, 'lede:region')).toBe(story.region);
  });

  it('reaches country micro-F1 0.9 over the fixtures', async () => {
    let tp = 0;
    let predicted = 0;
    let expected = 0;
    for (const story of STORIES) {
      const got = new Set(countriesOf((await analyzeStory(story.file)).tags));
      predicted += got.size;
      expected += story.countries.length;
      tp += story.countries.filter((c) => got.has(c)).length;
    }
    expect((2 * tp) / (predicted + expected)).toBeGreaterThanOrEqual(0.9);
  });
});
