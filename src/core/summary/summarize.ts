import { InvalidOptionsError } from '../../errors.js';
import { round } from '../score.js';
import type { TermStats } from '../terms/term-stats.js';
import { ANAPHORIC_OPENERS, ATTRIBUTION_VERBS, DANGLING_CONNECTIVES } from './cohesion-words.js';

export interface SummaryOptions {
  /** Exact number of sentences; wins over `ratio`. */
  readonly sentences?: number;
  /** Fraction of the article's sentences, in (0, 1]. */
  readonly ratio?: number;
}

export interface ScoredSentence {
  readonly index: number;
  readonly score: number;
}

/** Hard ceiling on the summary length, whatever the options say. */
export const MAX_SUMMARY_SENTENCES = 50;

// Feature weights for a sentence's base score. Term frequency carries most of it; news writing puts the
// point first, so position is the next strongest signal; the title tells what the editor thought the
// story was; the length prior only breaks near-ties.
const WEIGHTS = Object.freeze({ terms: 0.4, position: 0.25, title: 0.25, length: 0.1 });

// Multipliers for sentences that cannot stand alone in a summary.
const PENALTY = Object.freeze({
  danglingConnective: 0.55,
  anaphoricOpener: 0.75,
  quoteFragment: 0.6,
  question: 0.7,
});

// Maximal marginal relevance: 0.7 favours relevance, the rest pushes away from what is already chosen.
const MMR_LAMBDA = 0.7;
// Redundancy is compared only among the best-scoring candidates, which keeps selection linear in the
// article however long it is.
const MAX_CANDIDATES = 60;
// Above this cosine similarity two sentences say the same thing: the later pick is dropped outright,
// whatever its score, because MMR alone lets a high-scoring near-copy through.
const REDUNDANT_SIMILARITY = 0.6;

/**
 * Default summary length: the square root of the article's sentence count over 1.6, rounded, from 1 to
 * 10. A news story of 15-40 sentences gets 2-4 (3 for the typical 20-30), a 100-sentence report 6, and
 * a book-length input 10.
 * @example defaultSummaryLength(25) // 3
 */
export function defaultSummaryLength(sentenceCount: number): number {
  if (sentenceCount <= 0) return 0;
  return Math.min(10, Math.max(1, Math.round(Math.sqrt(sentenceCount) / 1.6)));
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
  return defaultSummaryLength(sentenceCount);
}

/** 1 for the lead sentence, decaying to about 0.2 by the tenth and to a floor of 0.1 after. */
function positionScore(index: number): number {
  return Math.max(0.1, 1 / (1 + index * 0.45));
}

/** 1 for 12-35 words; short fragments and run-ons fall off. */
function lengthPrior(words: number): number {
  if (words < 6) return 0;
  if (words < 12) return (words - 5) / 7;
  if (words <= 35) return 1;
  return Math.max(0.2, 1 - (words - 35) / 35);
}

const FIRST_WORD = /^[\s"“‘'(]*([\p{L}]+)/u;
const OPENS_WITH_QUOTE = /^["“‘]/u;

/** Multiplier in (0, 1] for sentences that would read badly out of context. */
function standaloneFactor(text: string): number {
  let factor = 1;
  const first = FIRST_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
  if (DANGLING_CONNECTIVES.has(first)) factor *= PENALTY.danglingConnective;
  else if (ANAPHORIC_OPENERS.has(first)) factor *= PENALTY.anaphoricOpener;
  if (OPENS_WITH_QUOTE.test(text)) {
    // A quotation is a voice, not the news; worse still when it is cut off by its speaker tag.
    const tail = text.slice(-60).toLowerCase();
    const attributed = [...ATTRIBUTION_VERBS].some((verb) => tail.includes(` ${verb}`));
    factor *= attributed ? PENALTY.quoteFragment : PENALTY.quoteFragment + 0.15;
  }
  if (text.trimEnd().endsWith('?')) factor *= PENALTY.question;
  return factor;
}

/**
 * Scores every sentence in [0, 1]: length-normalised sub-linear term frequency (names that recur count
 * double), title overlap, position and a length prior, times the stand-alone penalties.
 */
export function scoreSentences(stats: TermStats, texts: readonly string[]): number[] {
  const raw = stats.sentences.map((sentence) => {
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
    // Square-root normalisation: long sentences hold more terms, but should not win on length alone.
    return seen.size === 0 ? 0 : sum / Math.sqrt(Math.max(sentence.termIds.length, 8));
  });
  const maxRaw = raw.reduce((m, v) => Math.max(m, v), 0);
  const titleSize = stats.titleTermIds.size;

  return stats.sentences.map((sentence, index) => {
    const terms = maxRaw > 0 ? (raw[index] ?? 0) / maxRaw : 0;
    let titleHits = 0;
    if (titleSize > 0) {
      const seen = new Set<number>();
      for (const id of sentence.termIds) if (stats.titleTermIds.has(id) && !seen.has(id)) seen.add(id);
      titleHits = seen.size / titleSize;
    }
    const base =
      WEIGHTS.terms * terms +
      WEIGHTS.position * positionScore(index) +
      WEIGHTS.title * titleHits +
      WEIGHTS.length * lengthPrior(sentence.wordCount);
    return base * standaloneFactor(texts[index] ?? '');
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
 * same thing, returned in document order. Cost is linear in the article: scoring is one pass, and
 * redundancy is only weighed among the top candidates.
 * @example selectSummary(stats, texts, { sentences: 3 }).map((s) => s.index) // e.g. [0, 1, 7]
 */
export function selectSummary(
  stats: TermStats,
  texts: readonly string[],
  options: SummaryOptions = {},
): ScoredSentence[] {
  const count = summaryLength(texts.length, options);
  if (count === 0) return [];
  const scores = scoreSentences(stats, texts);
  const ranked = scores
    .map((score, index) => ({ index, score }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const poolSize = Math.max(MAX_CANDIDATES, count * 3);
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
  refill();
  while (chosen.length < count && pool.length > 0) {
    let bestAt = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let at = 0; at < pool.length; ) {
      const candidate = pool[at];
      if (candidate === undefined) break;
      const redundancy = chosenSets.reduce((m, set) => Math.max(m, similarity(candidate.terms, set)), 0);
      if (redundancy >= REDUNDANT_SIMILARITY) {
        // Redundancy only grows as the summary does, so a near-copy can be dropped for good.
        pool.splice(at, 1);
        continue;
      }
      const value = MMR_LAMBDA * candidate.score - (1 - MMR_LAMBDA) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        bestAt = at;
      }
      at += 1;
    }
    const [best] = bestAt < 0 ? [] : pool.splice(bestAt, 1);
    if (best !== undefined) {
      chosen.push({ index: best.index, score: round(best.score) });
      chosenSets.push(best.terms);
    }
    refill();
  }
  return chosen.sort((a, b) => a.index - b.index);
}
