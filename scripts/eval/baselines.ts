import { isStopWord, tokenize } from '../../src/core/text/words.js';

/**
 * Lead-N: the first `n` body sentences. News puts the point first, so this is the baseline any news
 * summariser has to beat.
 * @example leadBaseline(['A.', 'B.', 'C.', 'D.'], 3) // ['A.', 'B.', 'C.']
 */
export function leadBaseline(sentences: readonly string[], n: number): string[] {
  return sentences.slice(0, Math.max(0, n));
}

const HAS_LETTER = /\p{L}/u;

function contentWords(sentence: string): { words: string[]; length: number } {
  const tokens = tokenize(sentence).map((t) => t.toLowerCase());
  return { words: tokens.filter((t) => HAS_LETTER.test(t) && !isStopWord(t)), length: tokens.length };
}

/**
 * Plain term-frequency baseline: a sentence scores the sum of its content words' raw counts in the
 * article, divided by its length in tokens; the top `n` are returned in document order. No position,
 * title or redundancy features, so it shows what those features add in lede.
 * @example termFrequencyBaseline(['Rates rose.', 'Rates rose again.', 'Cats.'], 1) // ['Rates rose.']
 */
export function termFrequencyBaseline(sentences: readonly string[], n: number): string[] {
  const analysed = sentences.map(contentWords);
  const tf = new Map<string, number>();
  for (const { words } of analysed) for (const word of words) tf.set(word, (tf.get(word) ?? 0) + 1);
  const scored = analysed.map(({ words, length }, index) => ({
    index,
    score: length === 0 ? 0 : words.reduce((sum, word) => sum + (tf.get(word) ?? 0), 0) / length,
  }));
  // Stable sort: equal scores keep document order, so ties go to the earlier sentence.
  const chosen = scored
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, n))
    .map((s) => s.index)
    .sort((a, b) => a - b);
  return chosen.flatMap((index) => {
    const sentence = sentences[index];
    return sentence === undefined ? [] : [sentence];
  });
}

/**
 * The plain term-frequency baseline's full ranking, best first (ties to the earlier sentence): the
 * order {@link termFrequencyBaseline} takes its top `n` from.
 */
export function termFrequencyOrder(sentences: readonly string[]): number[] {
  const analysed = sentences.map(contentWords);
  const tf = new Map<string, number>();
  for (const { words } of analysed) for (const word of words) tf.set(word, (tf.get(word) ?? 0) + 1);
  return analysed
    .map(({ words, length }, index) => ({
      index,
      score: length === 0 ? 0 : words.reduce((sum, word) => sum + (tf.get(word) ?? 0), 0) / length,
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
}

/**
 * The word-budget rule every system is held to in the dev evaluation (and lede applies inside its own
 * selection): walk the system's ranking, best first, and take each sentence whose words still fit the
 * budget, up to `maxSentences`; sentences are never cut; when none fits, the best one alone. Returns
 * indices in document order.
 * @example withinWordBudget([2, 0, 1], [10, 30, 12], 25, 3) // [0, 2]: sentence 1 (30 words) never fits
 */
export function withinWordBudget(
  ranking: readonly number[],
  wordCounts: readonly number[],
  budget: number,
  maxSentences: number,
): number[] {
  const chosen: number[] = [];
  let left = budget;
  for (const index of ranking) {
    if (chosen.length >= maxSentences) break;
    const words = wordCounts[index] ?? 0;
    if (words > left) continue;
    chosen.push(index);
    left -= words;
  }
  if (chosen.length === 0 && ranking[0] !== undefined) chosen.push(ranking[0]);
  return chosen.sort((a, b) => a - b);
}
