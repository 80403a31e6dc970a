import { InvalidOptionsError } from '../../errors.js';
import { round } from '../score.js';
import { commonestSurface } from '../terms/surface.js';
import { sentenceCount, sentenceIds, titleIds, tokenizeText } from '../text/words.js';
import type { Tag, TaggableText } from './tag.js';
import { defaultTaxonomy, type Taxonomy, type TaxonomyEntry, tokenUnits, type Unit } from './taxonomy.js';

export interface TopicOptions {
  /** Lowest score, in [0, 1], a topic needs to be tagged; defaults to the taxonomy's `minScore`. */
  readonly minScore?: number;
  /** At most this many topics, best first. */
  readonly maxTopics?: number;
  /**
   * Lowest score as a fraction of the best topic's: a story that is plainly about one thing keeps the
   * passing mentions of another out of its tags.
   */
  readonly minRelativeScore?: number;
}

const DEFAULTS = Object.freeze({ maxTopics: 5, minRelativeScore: 0.4 });

// Okapi BM25's term-frequency saturation: the second mention of a word adds much less than the first
// and fifty add little more than five, so breadth of topic vocabulary beats one repeated word; `b`
// scales saturation by the article's length against a typical news story, so one passing mention in a
// long report weighs less than in a short brief, and short and long articles land on the same scale.
const SCORING = Object.freeze({
  /** A title word counts as this many body mentions: the title says what the editor thought it was about. */
  titleBoost: 3,
  k1: 1.2,
  b: 0.75,
  /** Content words in a typical news article. */
  typicalLength: 150,
  /**
   * Topic evidence is divided by sqrt(topic mass / referenceMass): a topic with a larger vocabulary
   * finds more matches in any text, and would otherwise win by size. The square root leaves a larger
   * topic some of its advantage, since its matches are still real evidence.
   */
  referenceMass: 100,
  /**
   * Evidence that scores 0.5. Score is evidence² / (evidence² + halfScore²): an S-curve that keeps the
   * few weak words any article shares with an unrelated topic near zero while a topic the story is
   * about, with ~5x that evidence, lands above 0.9.
   */
  halfScore: 6,
  /** A single phrase at least this heavy is evidence enough; otherwise two distinct entries are needed. */
  strongPhraseWeight: 2.5,
  minDistinctEntries: 2,
  maxEvidence: 6,
});

interface Hits {
  body: number;
  title: number;
  readonly surfaces: Map<string, number>;
}

interface TopicEvidence {
  raw: number;
  strongPhrase: boolean;
  readonly matches: { surface: string; contribution: number }[];
}

function isContentWord(unit: Unit): boolean {
  return unit.hasLetter && !unit.stopWord;
}

function matchPhrase(
  units: readonly Unit[],
  start: number,
  candidates: readonly TaxonomyEntry[] | undefined,
): TaxonomyEntry | undefined {
  if (candidates === undefined) return undefined;
  // Candidates are longest first, so the first full match is the longest; look-ahead is bounded by
  // the longest phrase, which keeps the scan linear in the text.
  for (const phrase of candidates) {
    if (start + phrase.stems.length > units.length) continue;
    let matched = true;
    for (let k = 1; k < phrase.stems.length; k++) {
      if (units[start + k]?.stem !== phrase.stems[k]) {
        matched = false;
        break;
      }
    }
    if (matched) return phrase;
  }
  return undefined;
}

function record(
  hits: Map<TaxonomyEntry, Hits>,
  entry: TaxonomyEntry,
  surface: string,
  inTitle: boolean,
): void {
  let hit = hits.get(entry);
  if (hit === undefined) {
    hit = { body: 0, title: 0, surfaces: new Map() };
    hits.set(entry, hit);
  }
  if (inTitle) hit.title++;
  else hit.body++;
  hit.surfaces.set(surface, (hit.surfaces.get(surface) ?? 0) + 1);
}

/** Matches one title or sentence, given its units; returns its number of content words. */
function scan(
  units: readonly Unit[],
  taxonomy: Taxonomy,
  hits: Map<TaxonomyEntry, Hits>,
  inTitle: boolean,
): number {
  let contentWords = 0;
  let i = 0;
  while (i < units.length) {
    const unit = units[i];
    if (unit === undefined) break;
    const phrase = matchPhrase(units, i, taxonomy.phrases.get(unit.stem));
    if (phrase !== undefined) {
      // A phrase consumes its words: "world cup" is sport, and its "cup" must not count again.
      const words = units.slice(i, i + phrase.stems.length);
      for (const word of words) if (isContentWord(word)) contentWords++;
      record(hits, phrase, words.map((w) => w.surface).join(' '), inTitle);
      i += phrase.stems.length;
      continue;
    }
    // Function words never count as terms, whatever they stem to: Porter takes "according" to the
    // stem of "accord" and "in" to that of "innings".
    if (isContentWord(unit)) {
      contentWords++;
      const term = taxonomy.terms.get(unit.stem);
      if (term !== undefined) record(hits, term, unit.surface, inTitle);
    }
    i++;
  }
  return contentWords;
}

function resolveOptions(
  taxonomy: Taxonomy,
  options: TopicOptions,
): { minScore: number; maxTopics: number; minRelativeScore: number } {
  const merged = { ...DEFAULTS, minScore: taxonomy.minScore, ...options };
  if (!(merged.minScore >= 0 && merged.minScore <= 1))
    throw new InvalidOptionsError('minScore must be a number from 0 to 1');
  if (!(merged.minRelativeScore >= 0 && merged.minRelativeScore <= 1))
    throw new InvalidOptionsError('minRelativeScore must be a number from 0 to 1');
  if (!Number.isInteger(merged.maxTopics) || merged.maxTopics < 1)
    throw new InvalidOptionsError('maxTopics must be a positive integer');
  return merged;
}

/**
 * Tags an article with the taxonomy's topics it is about, best first. Each tag's `evidence` lists the
 * words and phrases that earned it, heaviest first. Reads every word once: linear in the text.
 *
 * A topic's evidence is the sum over its matched terms and phrases of
 * `weight × tf·(k1+1) / (tf + k1·(1 − b + b·N/150))` (BM25 saturation, `tf` = body count + 3 × title
 * count, `N` = the article's content words), divided by `sqrt(topic mass / 100)`; its score is
 * `evidence² / (evidence² + 6²)`. A topic needs two distinct matches or one strong phrase, a score of at least
 * `minScore`, and at least `minRelativeScore` of the best topic's score.
 *
 * @example
 * tagTopics({ title: 'Central bank raises interest rates', sentences: ['Inflation hit 6%.'] })
 * // [{ name: 'economy', kind: 'topic', score: 0.9, evidence: ['interest rates', 'central bank', 'Inflation'] }]
 */
export function tagTopics(
  text: TaggableText,
  taxonomy: Taxonomy = defaultTaxonomy,
  options: TopicOptions = {},
): Tag[] {
  const { minScore, maxTopics, minRelativeScore } = resolveOptions(taxonomy, options);

  const tokens = text.tokens ?? tokenizeText(text.title, text.sentences);
  const hits = new Map<TaxonomyEntry, Hits>();
  // A surface form's units are worked out once per document, then each sentence is read from them.
  const unitsBySurface: (readonly Unit[] | undefined)[] = new Array(tokens.surfaces.length);
  const unitsOfIds = (ids: Int32Array): Unit[] => {
    const units: Unit[] = [];
    for (const id of ids) {
      let forms = unitsBySurface[id];
      if (forms === undefined) {
        forms = tokenUnits(tokens.surfaces[id] ?? '');
        unitsBySurface[id] = forms;
      }
      for (const unit of forms) units.push(unit);
    }
    return units;
  };
  const title = titleIds(tokens);
  let contentWords = title === null ? 0 : scan(unitsOfIds(title), taxonomy, hits, true);
  for (let i = 0; i < sentenceCount(tokens); i++) {
    contentWords += scan(unitsOfIds(sentenceIds(tokens, i)), taxonomy, hits, false);
  }
  if (hits.size === 0) return [];

  const { k1, b } = SCORING;
  const lengthNorm = k1 * (1 - b + (b * Math.max(1, contentWords)) / SCORING.typicalLength);
  const byTopic = new Map<number, TopicEvidence>();
  for (const [entry, hit] of hits) {
    const tf = hit.body + SCORING.titleBoost * hit.title;
    const saturated = (tf * (k1 + 1)) / (tf + lengthNorm);
    const surface = commonestSurface(hit.surfaces);
    const isPhrase = entry.stems.length > 1;
    for (const { topic, weight } of entry.postings) {
      let evidence = byTopic.get(topic);
      if (evidence === undefined) {
        evidence = { raw: 0, strongPhrase: false, matches: [] };
        byTopic.set(topic, evidence);
      }
      const contribution = weight * saturated;
      evidence.raw += contribution;
      evidence.matches.push({ surface, contribution });
      if (isPhrase && weight >= SCORING.strongPhraseWeight) evidence.strongPhrase = true;
    }
  }

  const scored: Tag[] = [];
  for (const [index, evidence] of byTopic) {
    const topic = taxonomy.topics[index];
    if (topic === undefined || topic.mass <= 0) continue;
    if (evidence.matches.length < SCORING.minDistinctEntries && !evidence.strongPhrase) continue;
    const normalised = evidence.raw / Math.sqrt(topic.mass / SCORING.referenceMass);
    const score = round(normalised ** 2 / (normalised ** 2 + SCORING.halfScore ** 2));
    evidence.matches.sort((x, y) => y.contribution - x.contribution || x.surface.localeCompare(y.surface));
    const shown: string[] = [];
    const seen = new Set<string>();
    for (const { surface } of evidence.matches) {
      const key = surface.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      shown.push(surface);
      if (shown.length >= SCORING.maxEvidence) break;
    }
    scored.push({ name: topic.name, kind: 'topic', score, evidence: shown });
  }
  scored.sort((x, y) => y.score - x.score || x.name.localeCompare(y.name));

  const best = scored[0]?.score ?? 0;
  return scored
    .filter((tag) => tag.score >= minScore && tag.score >= minRelativeScore * best)
    .slice(0, maxTopics);
}
