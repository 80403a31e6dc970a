import { InvalidOptionsError } from '../../errors.js';
import { round } from '../score.js';
import type { TermStats } from '../terms/term-stats.js';
import { ANAPHORIC_OPENERS, ATTRIBUTION_VERBS, DANGLING_CONNECTIVES } from './cohesion-words.js';

export interface SummaryOptions {
  /** Exact number of sentences; wins over `ratio`. With `words` too, both are ceilings. */
  readonly sentences?: number;
  /** Fraction of the article's sentences, in (0, 1]. */
  readonly ratio?: number;
  /**
   * Word budget: whole sentences only, their words summed at most this (the one best sentence when
   * none fits). Applies by default ({@link DEFAULT_SUMMARY_WORDS}) unless `sentences` or `ratio` is
   * given; given with either, the summary stops at whichever limit it reaches first.
   */
  readonly words?: number;
}

/**
 * Default word budget. Journalists' highlights on the CNN/DailyMail development stories average 50 words,
 * but over 3.7 points each shorter than an article sentence: the same news takes about three lead
 * sentences (80-90 words) when sentences are kept whole. lede's ROUGE on those stories is flat from 75 to
 * 90 words (R-1 0.401, 0.400) and above Lead-3's at each, and 90 lets two long lead sentences through
 * together, as wire copy often has them. See the README's Quality section.
 */
export const DEFAULT_SUMMARY_WORDS = 90;
/** Largest word budget accepted. */
export const MAX_SUMMARY_WORDS = 2000;

export interface ScoredSentence {
  readonly index: number;
  readonly score: number;
}

/** Hard ceiling on the summary length, whatever the options say. */
export const MAX_SUMMARY_SENTENCES = 50;

/**
 * What a sentence's score is made of: the weights of its features, the multipliers for sentences that
 * cannot stand alone, and the redundancy settings. Passed in (with {@link SUMMARY_MODEL} as the default)
 * so the evaluation scripts can fit it; the product always uses the default.
 *
 * The features are combined as a weighted geometric mean, not a sum: a sentence's score is the product
 * of (feature + floor) raised to each weight. A sum lets one strong feature carry a sentence the others
 * reject (an early sentence nothing else in the story is about, a central one far down the story); a
 * product makes every feature a gate on the others, so the lead wins when it is also what the story is
 * about, and a central sentence when it is also early enough.
 */
export interface SummaryModel {
  /** Exponent of each feature in the product (0: the feature is ignored). */
  readonly weights: {
    /** Length-normalised term frequency: what the product promises, the heart of the score. */
    readonly terms: number;
    /** Early sentences: news puts the point first. */
    readonly position: number;
    /** Share of the title's terms the sentence holds. */
    readonly title: number;
    /** How much of the rest of the story the sentence covers (summed cosine similarity to the others). */
    readonly centrality: number;
    /** Prior against fragments and run-ons. */
    readonly length: number;
  };
  /**
   * Added to every feature but position (each in [0, 1]) before the product, so that one feature at 0
   * lowers a sentence rather than ruling it out.
   */
  readonly featureFloor: number;
  /** Term frequency is divided by the sentence's term count to this power (0.5: square root). */
  readonly lengthExponent: number;
  /** The length prior is 1 from 12 words to this many, then falls off. */
  readonly longSentenceWords: number;
  /** Position score is 1 / (1 + decay * index). */
  readonly positionDecay: number;
  /**
   * Weight of similarity to earlier sentences in centrality, against 1 for later ones. Below 1 the
   * centrality is directed, as in PacSum: a sentence that the rest of the story goes on to elaborate is
   * central; one that only repeats what came before is not. The fit keeps it at 1 (see the README).
   */
  readonly centralityBackward: number;
  readonly penalty: {
    readonly danglingConnective: number;
    readonly anaphoricOpener: number;
    /** A quotation whose speaker tag ends it ("... ," she said.). */
    readonly attributedQuote: number;
    /** A quotation with no speaker in the sentence. */
    readonly unattributedQuote: number;
    readonly question: number;
  };
  /** Maximal marginal relevance: share of relevance against redundancy with earlier picks. */
  readonly mmrLambda: number;
  /** Above this cosine similarity a candidate repeats an earlier pick and is dropped. */
  readonly redundantSimilarity: number;
}

// Fitted on the development corpora (CNN/DailyMail highlights, BBC extractive references) by a grid and
// coordinate search on one half of each, checked on the other half and on the project's own corpus: see
// the README's Quality section.
export const SUMMARY_MODEL: SummaryModel = Object.freeze({
  weights: Object.freeze({ terms: 0.75, position: 2, title: 0, centrality: 1, length: 0.5 }),
  featureFloor: 0.05,
  lengthExponent: 0.5,
  longSentenceWords: 35,
  positionDecay: 0.1,
  centralityBackward: 1,
  penalty: Object.freeze({
    danglingConnective: 1,
    anaphoricOpener: 1,
    attributedQuote: 0.4,
    unattributedQuote: 0.75,
    question: 0.7,
  }),
  mmrLambda: 0.7,
  redundantSimilarity: 0.6,
});

// Redundancy is compared only among the best-scoring candidates, which keeps selection linear in the
// article however long it is.
const MAX_CANDIDATES = 60;

/** The sentence ceiling and word budget in force (budget null when none applies). */
function summaryLimits(
  sentenceCount: number,
  options: SummaryOptions,
): { count: number; budget: number | null } {
  const { words } = options;
  if (words !== undefined && (!Number.isInteger(words) || words < 1 || words > MAX_SUMMARY_WORDS)) {
    throw new InvalidOptionsError(`words must be an integer from 1 to ${MAX_SUMMARY_WORDS}`);
  }
  if (options.sentences === undefined && options.ratio === undefined) {
    return { count: Math.min(sentenceCount, MAX_SUMMARY_SENTENCES), budget: words ?? DEFAULT_SUMMARY_WORDS };
  }
  return { count: summaryLength(sentenceCount, options), budget: words ?? null };
}

function summaryLength(sentenceCount: number, options: SummaryOptions): number {
  const { sentences, ratio } = options;
  if (sentences !== undefined) {
    if (!Number.isInteger(sentences) || sentences < 1 || sentences > MAX_SUMMARY_SENTENCES) {
      throw new InvalidOptionsError(`sentences must be an integer from 1 to ${MAX_SUMMARY_SENTENCES}`);
    }
    return Math.min(sentences, sentenceCount);
  }
  if (ratio !== undefined) {
    if (!(ratio > 0 && ratio <= 1)) throw new InvalidOptionsError('ratio must be in (0, 1]');
    return Math.min(MAX_SUMMARY_SENTENCES, sentenceCount, Math.max(1, Math.round(ratio * sentenceCount)));
  }
  return Math.min(MAX_SUMMARY_SENTENCES, sentenceCount);
}

/** 1 for the lead sentence, decaying with the model's rate to a floor of 0.1. */
function positionScore(index: number, decay: number): number {
  return Math.max(0.1, 1 / (1 + index * decay));
}

/** 1 from 12 words to `long`; short fragments and run-ons fall off. */
function lengthPrior(words: number, long: number): number {
  if (words < 6) return 0;
  if (words < 12) return (words - 5) / 7;
  if (words <= long) return 1;
  return Math.max(0.2, 1 - (words - long) / long);
}

const FIRST_WORD = /^[\s"“‘'(]*([\p{L}]+)/u;
const OPENS_WITH_QUOTE = /^["“‘]/u;

/** Multiplier in (0, 1] for sentences that would read badly out of context. */
function standaloneFactor(text: string, penalty: SummaryModel['penalty']): number {
  let factor = 1;
  const first = FIRST_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
  if (DANGLING_CONNECTIVES.has(first)) factor *= penalty.danglingConnective;
  else if (ANAPHORIC_OPENERS.has(first)) factor *= penalty.anaphoricOpener;
  if (OPENS_WITH_QUOTE.test(text)) {
    const tail = text.slice(-60).toLowerCase();
    const attributed = [...ATTRIBUTION_VERBS].some((verb) => tail.includes(` ${verb}`));
    factor *= attributed ? penalty.attributedQuote : penalty.unattributedQuote;
  }
  if (text.trimEnd().endsWith('?')) factor *= penalty.question;
  return factor;
}

/**
 * Scores every sentence in [0, 1]: the weighted geometric mean of length-normalised sub-linear term
 * frequency (names that recur count double), position, title overlap, centrality and a length prior,
 * times the stand-alone penalties.
 */
export function scoreSentences(
  stats: TermStats,
  texts: readonly string[],
  model: SummaryModel = SUMMARY_MODEL,
): number[] {
  const raw = stats.sentences.map((sentence) => {
    // Dividing by the length to a power below 1: long sentences hold more terms, but should not win on length alone.
    const seen = new Set<number>();
    let sum = 0;
    for (const id of sentence.termIds) {
      if (seen.has(id)) continue;
      seen.add(id);
      sum += stats.weight(id);
    }
    for (const key of new Set(sentence.phraseKeys)) {
      const phrase = stats.phrases.get(key);
      if (phrase !== undefined && phrase.count > 1) sum += 1 + Math.log(phrase.count);
    }
    return seen.size === 0 ? 0 : sum / Math.max(sentence.termIds.length, 8) ** model.lengthExponent;
  });
  const maxRaw = raw.reduce((m, v) => Math.max(m, v), 0);
  const centrality = centralities(stats, model.centralityBackward);
  const maxCentrality = centrality.reduce((m, v) => Math.max(m, v), 0);
  const titleSize = stats.titleTermIds.size;
  const { weights, featureFloor: floor } = model;
  // Position never falls to 0 (its own floor is 0.1), so it needs no added floor. Divided by the
  // product's largest value (every feature at 1), so that scores stay in [0, 1] whatever the weights are.
  const floored = weights.terms + weights.title + weights.centrality + weights.length;
  const top = (1 + floor) ** floored;
  const gate = (value: number, weight: number): number => (weight === 0 ? 1 : (value + floor) ** weight);

  return stats.sentences.map((sentence, index) => {
    const terms = maxRaw > 0 ? (raw[index] ?? 0) / maxRaw : 0;
    let titleHits = 0;
    if (titleSize > 0) {
      const seen = new Set<number>();
      for (const id of sentence.termIds) if (stats.titleTermIds.has(id) && !seen.has(id)) seen.add(id);
      titleHits = seen.size / titleSize;
    }
    const central = maxCentrality > 0 ? (centrality[index] ?? 0) / maxCentrality : 0;
    const product =
      gate(terms, weights.terms) *
      positionScore(index, model.positionDecay) ** weights.position *
      gate(titleHits, weights.title) *
      gate(central, weights.centrality) *
      gate(lengthPrior(sentence.wordCount, model.longSentenceWords), weights.length);
    // min: the quotient of two equal products can round to just over 1.
    return Math.min(1, product / top) * standaloneFactor(texts[index] ?? '', model.penalty);
  });
}

/**
 * Each sentence's cosine similarity (term sets as unit vectors) summed over the sentences after it, plus
 * `backward` times the sum over those before it, in linear time: running sums of the unit vectors stand
 * in for the pairwise graph (the sum over a set of sentences of v·w is v dotted with their summed vectors).
 */
function centralities(stats: TermStats, backward: number): number[] {
  const sets = stats.sentences.map((sentence) => new Set(sentence.termIds));
  const total = new Map<number, number>();
  for (const set of sets) {
    const weight = set.size === 0 ? 0 : 1 / Math.sqrt(set.size);
    for (const id of set) total.set(id, (total.get(id) ?? 0) + weight);
  }
  const before = new Map<number, number>();
  return sets.map((set) => {
    if (set.size === 0) return 0;
    const weight = 1 / Math.sqrt(set.size);
    let toAll = 0;
    let toEarlier = 0;
    for (const id of set) {
      toAll += (total.get(id) ?? 0) * weight;
      toEarlier += (before.get(id) ?? 0) * weight;
    }
    for (const id of set) before.set(id, (before.get(id) ?? 0) + weight);
    // toAll includes the sentence itself (similarity 1).
    const toLater = toAll - toEarlier - 1;
    return Math.max(0, toLater + backward * toEarlier);
  });
}

function termSet(stats: TermStats, index: number): Set<number> {
  return new Set(stats.sentences[index]?.termIds ?? []);
}

/** Cosine similarity of two sentences' term sets. */
function similarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const id of a) if (b.has(id)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * Picks the summary: the best-scoring sentences under maximal marginal relevance, so that no two say the
 * same thing, within the sentence ceiling and the word budget (a sentence that would overrun the budget
 * is passed over for a shorter one; no sentence is ever cut), returned in document order. Cost is linear
 * in the article: scoring is one pass, and redundancy is only weighed among the top candidates.
 * @example selectSummary(stats, texts, { sentences: 3 }).map((s) => s.index) // e.g. [0, 1, 7]
 */
export function selectSummary(
  stats: TermStats,
  texts: readonly string[],
  options: SummaryOptions = {},
  model: SummaryModel = SUMMARY_MODEL,
): ScoredSentence[] {
  const { count, budget } = summaryLimits(texts.length, options);
  if (count === 0) return [];
  const scores = scoreSentences(stats, texts, model);
  const ranked = scores
    .map((score, index) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const poolSize = Math.max(MAX_CANDIDATES, count * 3);
  const wordsOf = (index: number): number => stats.sentences[index]?.wordCount ?? 0;
  let next = 0;
  const pool: { index: number; score: number; terms: Set<number> }[] = [];
  const refill = (): void => {
    while (pool.length < poolSize && next < ranked.length) {
      const candidate = ranked[next];
      next += 1;
      if (candidate !== undefined) pool.push({ ...candidate, terms: termSet(stats, candidate.index) });
    }
  };

  const chosen: ScoredSentence[] = [];
  const chosenSets: Set<number>[] = [];
  let wordsLeft = budget ?? Number.POSITIVE_INFINITY;
  refill();
  while (chosen.length < count && pool.length > 0) {
    let bestAt = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let at = 0; at < pool.length; ) {
      const candidate = pool[at];
      if (candidate === undefined) break;
      const redundancy = chosenSets.reduce((m, set) => Math.max(m, similarity(candidate.terms, set)), 0);
      // Redundancy only grows and the budget only shrinks as the summary does, so a near-copy or a
      // sentence too long for what is left can be dropped for good. The first pick is exempt from the
      // budget only when no sentence at all fits (see below).
      if (
        redundancy >= model.redundantSimilarity ||
        (chosen.length > 0 && wordsOf(candidate.index) > wordsLeft)
      ) {
        pool.splice(at, 1);
        continue;
      }
      const fits = wordsOf(candidate.index) <= wordsLeft;
      const value = fits
        ? model.mmrLambda * candidate.score - (1 - model.mmrLambda) * redundancy
        : Number.NEGATIVE_INFINITY;
      if (
        value > bestValue ||
        (bestAt < 0 && chosen.length === 0 && !fits && bestValue === Number.NEGATIVE_INFINITY)
      ) {
        bestValue = value;
        bestAt = at;
      }
      at += 1;
    }
    const [best] = bestAt < 0 ? [] : pool.splice(bestAt, 1);
    if (best === undefined) break;
    chosen.push({ index: best.index, score: round(best.score) });
    chosenSets.push(best.terms);
    wordsLeft -= wordsOf(best.index);
    refill();
  }
  return chosen.sort((a, b) => a.index - b.index);
}
