import { isStopWord, stem, tokenize } from '../../src/core/text/words.js';

const HAS_LETTER = /\p{L}/u;
const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

function contentStems(sentence: string): string[] {
  return tokenize(sentence)
    .map((t) => t.toLowerCase())
    .filter((t) => HAS_LETTER.test(t) && !isStopWord(t))
    .map(stem);
}

/**
 * Mihalcea and Tarau's sentence similarity: shared content words over the sum of the logs of the two
 * sentences' lengths (0 when either has fewer than two words, whose log would be 0 or undefined).
 */
function similarity(a: readonly string[], b: ReadonlySet<string>): number {
  if (a.length < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const word of new Set(a)) if (b.has(word)) shared += 1;
  return shared === 0 ? 0 : shared / (Math.log(a.length) + Math.log(b.size));
}

/**
 * TextRank (Mihalcea and Tarau, 2004) for sentences: a graph with an edge weighted by content-word
 * overlap between every pair of sentences, ranked by weighted PageRank (damping 0.85). Returns sentence
 * indices best first; ties go to the earlier sentence. No position or title features, by design.
 * @example textRankOrder(['Rates rose.', 'Rates rose again today.', 'Cats sleep.'])[0] // 0 or 1
 */
export function textRankOrder(sentences: readonly string[]): number[] {
  const n = sentences.length;
  const words = sentences.map(contentStems);
  const sets = words.map((w) => new Set(w));
  const weights: number[][] = words.map((a, i) =>
    sets.map(
      (b, j) => (i === j ? 0 : similarity(a, b) + similarity(words[j] ?? [], sets[i] ?? new Set())) / 2,
    ),
  );
  const outSum = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const next = new Array<number>(n).fill((1 - DAMPING) / Math.max(1, n));
    for (let j = 0; j < n; j += 1) {
      const out = outSum[j] ?? 0;
      if (out === 0) continue;
      const share = (DAMPING * (rank[j] ?? 0)) / out;
      const row = weights[j] ?? [];
      for (let i = 0; i < n; i += 1) next[i] = (next[i] ?? 0) + share * (row[i] ?? 0);
    }
    const delta = next.reduce((sum, value, i) => sum + Math.abs(value - (rank[i] ?? 0)), 0);
    rank = next;
    if (delta < TOLERANCE) break;
  }
  return rank
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
}
