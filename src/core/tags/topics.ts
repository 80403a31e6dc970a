import { InvalidOptionsError } from '../../errors.js';
import type { Model } from '../model/model.js';
import { round } from '../score.js';
import { commonestSurface } from '../terms/surface.js';
import { sentenceCount, sentenceIds, titleIds } from '../text/words.js';
import { type TopicCalibration, topicCalibration } from './data/topic-calibration.js';
import { type Tag, type TaggableText, taggableTokens } from './tag.js';
import { type Taxonomy, type TaxonomyEntry, tokenUnits, type Unit } from './taxonomy.js';

export interface TopicOptions {
  /**
   * Lowest score, in [0, 1], a topic needs to be tagged; defaults to the taxonomy's `minScore`. Scores are
   * calibrated (see {@link tagTopics}), so 0.5 keeps the topics more likely right than wrong.
   */
  readonly minScore?: number;
  /** At most this many topics, best first. */
  readonly maxTopics?: number;
  /**
   * Lowest score as a fraction of the best topic's: a story that is plainly about one thing keeps the
   * passing mentions of another out of its tags.
   */
  readonly minRelativeScore?: number;
  /**
   * The story's main topic is tagged when it scores at least this, even below `minScore`: a story that
   * is clearly about something more than anything else gets that topic first.
   */
  readonly mainMinScore?: number;
  /**
   * A topic other than the main one needs matches in at least this many body sentences (a title match
   * counts as one): spread over the story, not one passing paragraph.
   */
  readonly minSentences?: number;
  /**
   * A topic other than the main one needs at least this fraction of the main topic's evidence: a story
   * that is plainly about one thing keeps a well-spread but thin second theme out.
   */
  readonly minRelativeEvidence?: number;
  /**
   * A topic other than the main one that scores at least this is tagged whatever its share of the
   * main topic's evidence: a clear second theme of a story with a very strong first one.
   */
  readonly sureScore?: number;
}

// minRelativeEvidence was chosen on the BBC dev stories' fitting half with the 16 bundled eval articles
// (28 topics, fitted weights; figures: right desk among the tags / no other desk's tag, overlaps allowed /
// strict, fit half): 0.2 gives 94.4% / 92.0% / 78.4% and topic precision 0.545 on the eval articles;
// 0.3 keeps 94.4% and gives 93.5% / 82.7%, precision 0.643 (held-out half: 95.1% / 93.0% / 83.5%);
// 0.35 reaches 84.2% strict but loses the right desk on 0.7% more stories (93.7%), where it is a real
// secondary topic under a neutral main one (crime, health); 0.4 drops more (92.9%). sureScore 0.85
// lets a clear second theme of a story with a very strong first one back in (the disaster in a
// wildfire story, 0.22 of the main evidence, score 0.85) at a cost of 0.2% strict on the fit half; 0.8
// costs 0.4% and eval-article precision 0.600.
const DEFAULTS = Object.freeze({
  maxTopics: 5,
  minRelativeScore: 0.4,
  mainMinScore: 0.3,
  minSentences: 3,
  minRelativeEvidence: 0.3,
  sureScore: 0.85,
});

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
  /** A single phrase at least this heavy is evidence enough; otherwise two distinct entries are needed. */
  strongPhraseWeight: 2.5,
  minDistinctEntries: 2,
  maxEvidence: 6,
});

export interface Hits {
  body: number;
  title: number;
  readonly surfaces: Map<string, number>;
  /** Body sentences it occurs in. */
  readonly sentences: Set<number>;
}

interface TopicEvidence {
  raw: number;
  strongPhrase: boolean;
  inTitle: boolean;
  readonly sentences: Set<number>;
  readonly matches: { surface: string; contribution: number }[];
}

/**
 * What the score of one candidate topic is computed from: how much evidence it has (normalised by
 * topic size), how it compares with the story's other topics, and how widely it is spread over the
 * story. Exposed so that the calibration can be fitted (scripts/eval/fit-topics.ts).
 */
export interface TopicCandidate {
  readonly topic: number;
  readonly name: string;
  /** Evidence normalised by the topic's vocabulary size. */
  readonly evidence: number;
  /** This topic's share of all topics' evidence in the story, in [0, 1]. */
  readonly share: number;
  /** Whether no other topic has more evidence. */
  readonly best: boolean;
  /** Body sentences with a match, and the fraction of the story's body sentences they are. */
  readonly sentences: number;
  readonly spread: number;
  /** Whether the title has a match. */
  readonly inTitle: boolean;
  /** Distinct matched entries. */
  readonly entries: number;
  /** Matched surface forms, heaviest first, distinct, at most six. */
  readonly shown: readonly string[];
}

/**
 * The calibration features of a candidate, in the order of `topicCalibration.features`. Logs keep one
 * very long story from dominating the fit.
 */
export function candidateFeatures(c: TopicCandidate): number[] {
  return [
    Math.log1p(c.evidence),
    c.share,
    c.best ? 1 : 0,
    Math.log1p(c.sentences),
    c.spread,
    c.inTitle ? 1 : 0,
  ];
}

/** Logistic model over {@link candidateFeatures}: the estimated chance that the topic is right. */
export function calibratedScore(c: TopicCandidate, calibration: TopicCalibration = topicCalibration): number {
  const x = candidateFeatures(c);
  let z = calibration.bias;
  for (const [i, w] of calibration.weights.entries()) z += w * (x[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
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
  sentence: number,
): void {
  let hit = hits.get(entry);
  if (hit === undefined) {
    hit = { body: 0, title: 0, surfaces: new Map(), sentences: new Set() };
    hits.set(entry, hit);
  }
  if (sentence < 0) hit.title++;
  else {
    hit.body++;
    hit.sentences.add(sentence);
  }
  hit.surfaces.set(surface, (hit.surfaces.get(surface) ?? 0) + 1);
}

/** Matches one title (`sentence` -1) or body sentence, given its units; returns its number of content words. */
function scan(
  units: readonly Unit[],
  taxonomy: Taxonomy,
  hits: Map<TaxonomyEntry, Hits>,
  sentence: number,
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
      record(hits, phrase, words.map((w) => w.surface).join(' '), sentence);
      i += phrase.stems.length;
      continue;
    }
    // Function words never count as terms, whatever they stem to: Porter takes "according" to the
    // stem of "accord" and "in" to that of "innings".
    if (isContentWord(unit)) {
      contentWords++;
      const term = taxonomy.terms.get(unit.stem);
      if (term !== undefined) record(hits, term, unit.surface, sentence);
    }
    i++;
  }
  return contentWords;
}

function resolveOptions(taxonomy: Taxonomy, options: TopicOptions) {
  const merged = { ...DEFAULTS, minScore: taxonomy.minScore, ...options };
  const fractions = [
    'minScore',
    'minRelativeScore',
    'mainMinScore',
    'minRelativeEvidence',
    'sureScore',
  ] as const;
  for (const key of fractions) {
    const value = merged[key];
    if (!(value >= 0 && value <= 1)) throw new InvalidOptionsError(`${key} must be a number from 0 to 1`);
  }
  if (!Number.isInteger(merged.maxTopics) || merged.maxTopics < 1)
    throw new InvalidOptionsError('maxTopics must be a positive integer');
  if (!Number.isInteger(merged.minSentences) || merged.minSentences < 0)
    throw new InvalidOptionsError('minSentences must be a whole number, 0 or more');
  return merged;
}

/** What {@link matchEntries} found: each matched entry's counts, and the story's size. */
export interface EntryMatches {
  readonly hits: ReadonlyMap<TaxonomyEntry, Hits>;
  readonly contentWords: number;
  readonly bodySentences: number;
}

/** The taxonomy entries the title and sentences match, with their counts (for fitting term weights). */
export function matchEntries(text: TaggableText, taxonomy: Taxonomy): EntryMatches {
  const tokens = taggableTokens(text);
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
  let contentWords = title === null ? 0 : scan(unitsOfIds(title), taxonomy, hits, -1);
  const bodySentences = sentenceCount(tokens);
  for (let i = 0; i < bodySentences; i++) {
    contentWords += scan(unitsOfIds(sentenceIds(tokens, i)), taxonomy, hits, i);
  }
  return { hits, contentWords, bodySentences };
}

/**
 * Every topic with evidence in the article (two distinct matches, or one strong phrase), with the
 * facts its score is computed from. Reads every word once: linear in the text.
 * @example topicCandidates({ title: 'Rates rise', sentences: ['The central bank raised interest rates.'] })[0].name // 'economy'
 */
export function topicCandidates(text: TaggableText, taxonomy: Taxonomy): TopicCandidate[] {
  const { hits, contentWords, bodySentences } = matchEntries(text, taxonomy);
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
        evidence = { raw: 0, strongPhrase: false, inTitle: false, sentences: new Set(), matches: [] };
        byTopic.set(topic, evidence);
      }
      const contribution = weight * saturated;
      evidence.raw += contribution;
      evidence.matches.push({ surface, contribution });
      if (hit.title > 0) evidence.inTitle = true;
      for (const sentence of hit.sentences) evidence.sentences.add(sentence);
      if (isPhrase && weight >= SCORING.strongPhraseWeight) evidence.strongPhrase = true;
    }
  }

  const kept: { topic: number; name: string; evidence: number; facts: TopicEvidence }[] = [];
  for (const [index, facts] of byTopic) {
    const topic = taxonomy.topics[index];
    if (topic === undefined || topic.mass <= 0) continue;
    if (facts.matches.length < SCORING.minDistinctEntries && !facts.strongPhrase) continue;
    const evidence = facts.raw / Math.sqrt(topic.mass / SCORING.referenceMass);
    kept.push({ topic: index, name: topic.name, evidence, facts });
  }
  const total = kept.reduce((sum, k) => sum + k.evidence, 0);
  const most = kept.reduce((max, k) => Math.max(max, k.evidence), 0);
  return kept.map(({ topic, name, evidence, facts }) => {
    facts.matches.sort((x, y) => y.contribution - x.contribution || x.surface.localeCompare(y.surface));
    const shown: string[] = [];
    const seen = new Set<string>();
    for (const { surface } of facts.matches) {
      const key = surface.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      shown.push(surface);
      if (shown.length >= SCORING.maxEvidence) break;
    }
    return {
      topic,
      name,
      evidence,
      share: total > 0 ? evidence / total : 0,
      best: evidence >= most,
      sentences: facts.sentences.size,
      spread: bodySentences > 0 ? facts.sentences.size / bodySentences : 0,
      inTitle: facts.inTitle,
      entries: facts.matches.length,
      shown,
    };
  });
}

/**
 * Tags an article with the taxonomy's topics it is about, main topic first. Each tag's `evidence` lists
 * the words and phrases that earned it, heaviest first; `code` and `parent` come from the taxonomy.
 *
 * A topic's evidence is the sum over its matched terms and phrases of
 * `weight × tf·(k1+1) / (tf + k1·(1 − b + b·N/150))` (BM25 saturation, `tf` = body count + 3 × title
 * count, `N` = the article's content words), divided by `sqrt(topic mass / 100)`. Its score is a
 * logistic model (weights in data/topic-calibration.ts, fitted on labelled news) over that evidence, its
 * share of the story's topic evidence, whether it is the best, how many body sentences carry it and what
 * fraction of the story that is, and whether the title does: the estimated chance that the topic is
 * right, the same scale in every story. The best topic is tagged from `mainMinScore`; another when its
 * score is at least `minScore` and `minRelativeScore` of the best, it is matched in `minSentences`
 * body sentences (the title counting as one), and it has `minRelativeEvidence` of the best's evidence
 * or scores at least `sureScore`.
 *
 * @example
 * tagTopics({ title: 'Central bank raises interest rates', sentences: ['Inflation hit 6%.'] }, model)
 * // [{ name: 'economy', kind: 'topic', score: 0.9, evidence: ['interest rates', 'central bank', 'Inflation'], code: 'medtop:20000344', parent: 'business' }]
 */
export function tagTopics(
  text: TaggableText,
  model: Pick<Model, 'taxonomy'>,
  options: TopicOptions = {},
): Tag[] {
  const { taxonomy } = model;
  return selectTopics(scoreCandidates(topicCandidates(text, taxonomy)), taxonomy, options);
}

/** A candidate with its calibrated score, rounded as tags show it. */
export interface ScoredCandidate {
  readonly c: TopicCandidate;
  readonly score: number;
}

/** Scores candidates ({@link calibratedScore}), best first. */
export function scoreCandidates(candidates: readonly TopicCandidate[]): ScoredCandidate[] {
  const scored = candidates.map((c) => ({ c, score: round(calibratedScore(c)) }));
  scored.sort((x, y) => y.score - x.score || x.c.name.localeCompare(y.c.name));
  return scored;
}

/** The tagging rule of {@link tagTopics} over scored candidates (best first): the main topic, then secondaries. */
export function selectTopics(
  scored: readonly ScoredCandidate[],
  taxonomy: Taxonomy,
  options: TopicOptions = {},
): Tag[] {
  const o = resolveOptions(taxonomy, options);
  const best = scored[0]?.score ?? 0;
  const bestEvidence = scored[0]?.c.evidence ?? 0;
  const tags: Tag[] = [];
  for (const [rank, { c, score }] of scored.entries()) {
    if (tags.length >= o.maxTopics) break;
    const main = rank === 0 && score >= o.mainMinScore;
    if (!main && (score < o.minScore || score < o.minRelativeScore * best)) continue;
    // A secondary topic must be spread over the story, not a passing paragraph: an incidental court
    // case in a business story, or the airlines in an oil-price report, stay out.
    if (!main && c.sentences + (c.inTitle ? 1 : 0) < o.minSentences) continue;
    if (!main && c.evidence < o.minRelativeEvidence * bestEvidence && score < o.sureScore) continue;
    const topic = taxonomy.topics[c.topic];
    tags.push({
      name: c.name,
      kind: 'topic',
      score,
      evidence: c.shown,
      ...(topic?.code === undefined ? {} : { code: topic.code }),
      ...(topic?.parent === undefined ? {} : { parent: topic.parent }),
    });
  }
  return tags;
}
