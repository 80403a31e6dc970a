import { stem as porterStem, tokenize } from '../../src/core/text/words.js';

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface RougeOptions {
  /** Porter-stem tokens before matching, as the original ROUGE's `-m` flag does. */
  readonly stem?: boolean;
}

/** The three scores reported for one candidate against one reference. */
export interface RougeScores {
  readonly rouge1: Prf;
  readonly rouge2: Prf;
  readonly rougeL: Prf;
}

/**
 * Lower-cased word tokens of a text, stemmed when asked. Punctuation is dropped and stop words are kept,
 * as in the original ROUGE (its stop-word removal is an option, off by default).
 * @example rougeTokens('The Banks lent.', { stem: true }) // ['the', 'bank', 'lent']
 */
export function rougeTokens(text: string, options: RougeOptions = {}): string[] {
  const lower = tokenize(text).map((token) => token.toLowerCase());
  return options.stem === true ? lower.map(porterStem) : lower;
}

/**
 * Precision, recall and F1 from a match count. An empty side gives 0, not NaN, so an empty summary
 * scores 0 rather than poisoning the corpus average.
 */
export function prf(matches: number, candidateCount: number, referenceCount: number): Prf {
  const precision = candidateCount === 0 ? 0 : matches / candidateCount;
  const recall = referenceCount === 0 ? 0 : matches / referenceCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // A separator no token can contain keeps ("a b", "c") and ("a", "b c") apart.
    const gram = tokens.slice(i, i + n).join('\u0000');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * ROUGE-N on token lists: n-gram overlap with clipped counts (an n-gram matches at most as often as it
 * occurs in the reference).
 * @example rougeN(['a', 'b', 'c'], ['a', 'b', 'd'], 2).recall // 0.5
 */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): Prf {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let matches = 0;
  for (const [gram, count] of cand) matches += Math.min(count, ref.get(gram) ?? 0);
  return prf(matches, total(cand), total(ref));
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (const tokenA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        tokenA === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/**
 * ROUGE-L on token lists: the LCS of the whole candidate and the whole reference, F1 with β = 1. This is
 * the sentence-level form applied to the summary as one sequence, not ROUGE's summary-level union LCS;
 * for three-sentence summaries the two rank systems alike.
 * @example rougeL(['a', 'b', 'c', 'd'], ['a', 'c', 'd']).recall // 1
 */
export function rougeL(candidate: readonly string[], reference: readonly string[]): Prf {
  return prf(lcsLength(candidate, reference), candidate.length, reference.length);
}

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L of a candidate text against a reference text.
 * @example rouge('The bank held rates.', 'The bank kept rates on hold.', { stem: true }).rouge1.recall
 */
export function rouge(candidate: string, reference: string, options: RougeOptions = {}): RougeScores {
  const cand = rougeTokens(candidate, options);
  const ref = rougeTokens(reference, options);
  return { rouge1: rougeN(cand, ref, 1), rouge2: rougeN(cand, ref, 2), rougeL: rougeL(cand, ref) };
}

/** Mean of each score over a list; all zeros for an empty list. */
export function meanRouge(scores: readonly RougeScores[]): RougeScores {
  const mean = (pick: (s: RougeScores) => Prf): Prf => {
    if (scores.length === 0) return { precision: 0, recall: 0, f1: 0 };
    const sum = (field: keyof Prf): number =>
      scores.reduce((acc, s) => acc + pick(s)[field], 0) / scores.length;
    return { precision: sum('precision'), recall: sum('recall'), f1: sum('f1') };
  };
  return { rouge1: mean((s) => s.rouge1), rouge2: mean((s) => s.rouge2), rougeL: mean((s) => s.rougeL) };
}
