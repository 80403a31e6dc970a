// Place tags scored on the project's own labelled texts: the evaluation corpus (tests/fixtures/articles,
// countries from references.json, main country and region from places.json) and the wire-style
// fixtures (tests/fixtures/places/labels.json). Reports country precision/recall (every country tag,
// and the focus ones), the main country (lede:country) and region (lede:region), beside baselines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../src/core/analyze.js';
import { bundledModel } from '../../src/core/model/bundled-model.js';
import { readText } from '../../src/core/read/read-document.js';
import { tagPlaces } from '../../src/core/tags/places.js';
import type { Tag } from '../../src/core/tags/tag.js';
import { analysisObjectTags } from '../../src/upload/object-tags.js';
import { DEFAULT_CORPUS_DIR, loadCorpus } from './corpus.js';
import { type TagMetrics, tagMetrics } from './tag-metrics.js';

const model = bundledModel();

const PLACE_FIXTURES = fileURLToPath(new URL('../../tests/fixtures/places/', import.meta.url));

/** One labelled story. */
export interface PlaceCase {
  readonly id: string;
  readonly set: 'articles' | 'wire';
  readonly text: string;
  readonly filename: string;
  /** The countries the story is about. */
  readonly countries: readonly string[];
  /** Acceptable main countries; empty when unlabelled. */
  readonly main: readonly string[];
  /** The main M49 region, or null when no one region holds the story. */
  readonly region: string | null;
}

interface Counts {
  correct: number;
  total: number;
}

export interface PlaceSetScores {
  readonly stories: number;
  /** Every country tag lede emits. */
  readonly countries: TagMetrics;
  /** Only the country tags marked `focus`. */
  readonly focusCountries: TagMetrics;
  /** Baseline: every country the text names at all (no threshold, no focus). */
  readonly mentionedCountries: TagMetrics;
  /** lede:country among the acceptable main countries. */
  readonly mainCountry: Counts;
  /** Baseline: the country with the most weighted mentions (title three times), no dateline or focus. */
  readonly mostMentionedCountry: Counts;
  /** lede:region equal to the label. */
  readonly mainRegion: Counts;
  /** Baseline: the top-scored region tag of a run without focus, ties alphabetical (the old lede:region). */
  readonly topRegion: Counts;
  readonly misses: readonly string[];
}

export interface PlaceScores {
  readonly articles: PlaceSetScores;
  readonly wire: PlaceSetScores;
}

interface PlaceLabels {
  readonly articles: Readonly<Record<string, { country: string[]; region: string | null }>>;
}

interface WireLabels {
  readonly stories: readonly {
    file: string;
    countries: string[];
    country: string;
    region: string | null;
  }[];
}

/** The labelled stories of both sets. */
export function loadPlaceCases(): PlaceCase[] {
  const labels: PlaceLabels = JSON.parse(readFileSync(join(DEFAULT_CORPUS_DIR, 'places.json'), 'utf8'));
  const articles = loadCorpus().map((article): PlaceCase => {
    const label = labels.articles[article.slug];
    return {
      id: article.slug,
      set: 'articles',
      text: article.text,
      filename: article.filename,
      countries: article.reference.countries,
      main: label?.country ?? [],
      region: label?.region ?? null,
    };
  });
  const wire: WireLabels = JSON.parse(readFileSync(join(PLACE_FIXTURES, 'labels.json'), 'utf8'));
  const stories = wire.stories.map(
    (story): PlaceCase => ({
      id: story.file.replace(/\.txt$/, ''),
      set: 'wire',
      text: readFileSync(join(PLACE_FIXTURES, story.file), 'utf8'),
      filename: story.file,
      countries: story.countries,
      main: [story.country],
      region: story.region,
    }),
  );
  return [...articles, ...stories];
}

const names = (tags: readonly Tag[], keep: (tag: Tag) => boolean): string[] =>
  tags.filter((tag) => tag.kind === 'country' && keep(tag)).map((tag) => tag.name);

/** The region lede:region named before focus: the top-scored region tag, ties alphabetical. */
function oldTopRegion(tags: readonly Tag[]): string | undefined {
  const regions = tags.filter((tag) => tag.kind === 'region');
  regions.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return regions[0]?.name;
}

function count(counts: Counts, ok: boolean): void {
  counts.total++;
  if (ok) counts.correct++;
}

async function scoreSet(cases: readonly PlaceCase[]): Promise<PlaceSetScores> {
  const all: { expected: readonly string[]; predicted: readonly string[] }[] = [];
  const focus: typeof all = [];
  const mentioned: typeof all = [];
  const mainCountry = { correct: 0, total: 0 };
  const mostMentionedCountry = { correct: 0, total: 0 };
  const mainRegion = { correct: 0, total: 0 };
  const topRegion = { correct: 0, total: 0 };
  const misses: string[] = [];
  for (const story of cases) {
    const analysis = await analyzeText(story.text, { filename: story.filename });
    const doc = await readText(story.text, { filename: story.filename });
    // Raw mention counts: the body as read, without the dateline, focus or threshold.
    const raw = tagPlaces({ title: doc.title, sentences: doc.sentences.map((s) => s.text) }, model, {
      minWeight: 0,
    });
    const objectTags = new Map(analysisObjectTags(analysis.tags).map((tag) => [tag.Key, tag.Value]));
    all.push({ expected: story.countries, predicted: names(analysis.tags, () => true) });
    focus.push({ expected: story.countries, predicted: names(analysis.tags, (tag) => tag.focus === true) });
    mentioned.push({ expected: story.countries, predicted: names(raw, () => true) });
    if (story.main.length > 0) {
      const main = objectTags.get('lede:country') ?? '';
      count(mainCountry, story.main.includes(main));
      count(mostMentionedCountry, story.main.includes(names(raw, () => true)[0] ?? ''));
      if (!story.main.includes(main)) misses.push(`${story.id}: lede:country ${main || '-'}`);
    }
    if (story.region !== null) {
      const region = objectTags.get('lede:region') ?? '';
      count(mainRegion, region === story.region);
      count(topRegion, oldTopRegion(raw) === story.region);
      if (region !== story.region)
        misses.push(`${story.id}: lede:region ${region || '-'}, expected ${story.region}`);
    }
  }
  return {
    stories: cases.length,
    countries: tagMetrics(all),
    focusCountries: tagMetrics(focus),
    mentionedCountries: tagMetrics(mentioned),
    mainCountry,
    mostMentionedCountry,
    mainRegion,
    topRegion,
    misses,
  };
}

/**
 * Scores place tags on both labelled sets.
 * @example formatPlaceReport(await evaluatePlaces())
 */
export async function evaluatePlaces(cases: readonly PlaceCase[] = loadPlaceCases()): Promise<PlaceScores> {
  return {
    articles: await scoreSet(cases.filter((c) => c.set === 'articles')),
    wire: await scoreSet(cases.filter((c) => c.set === 'wire')),
  };
}

const f3 = (value: number): string => value.toFixed(3);
const rate = ({ correct, total }: Counts): string =>
  total === 0 ? '-' : `${f3(correct / total)} (${correct}/${total})`;

/** Markdown tables of the place scores, lede beside its baselines. */
export function formatPlaceReport(scores: PlaceScores): string {
  const sets = [
    ['evaluation corpus', scores.articles],
    ['wire fixtures', scores.wire],
  ] as const;
  const lines = [
    '## Places',
    '',
    'Countries: micro precision / recall / F1 against the countries each story is about. Main country: lede:country among the acceptable ones; main region: lede:region equal to the label.',
    '',
    '| Set | Stories | Countries P | R | F1 | Focus P | R | F1 | Every mention P | R | F1 | Main country | Most mentioned | Main region | Top region |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [label, set] of sets) {
    const prf = (m: TagMetrics) => [f3(m.micro.precision), f3(m.micro.recall), f3(m.micro.f1)];
    lines.push(
      `| ${[
        label,
        String(set.stories),
        ...prf(set.countries),
        ...prf(set.focusCountries),
        ...prf(set.mentionedCountries),
        rate(set.mainCountry),
        rate(set.mostMentionedCountry),
        rate(set.mainRegion),
        rate(set.topRegion),
      ].join(' | ')} |`,
    );
  }
  const misses = sets.flatMap(([, set]) => set.misses);
  lines.push('', `Misses: ${misses.length === 0 ? 'none' : misses.join('; ')}`);
  return lines.join('\n');
}
