import { NAME_CONNECTORS, NAME_PREFIX_TITLES } from './name-words.js';

// A capitalised word: an upper-case letter then letters, marks, apostrophes or hyphens ("Nur-Sultan",
// "O’Brien"); all-caps acronyms ("SCO", "NATO") count too.
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const WORD_OR_GAP = /[\p{L}\p{M}\p{N}'’-]+|[^\p{L}\p{M}\p{N}'’-]+/gu;
const MAX_NAME_WORDS = 7;

/**
 * Finds runs of capitalised words that read as one name: "Central Asia", "Vladimir Putin",
 * "Belt and Road Initiative", "Center for Russia Europe Asia Studies". Lower-case connectors
 * ("and", "of", "for") may join capitalised words; leading titles ("President") are dropped.
 * Runs are cut at punctuation, so "Kazakhstan, Uzbekistan" gives no phrase.
 * @example findNamePhrases('He met President Vladimir Putin in Samarkand.') // ['Vladimir Putin']
 */
export function findNamePhrases(sentence: string): string[] {
  const found: string[] = [];
  let run: string[] = [];
  let pendingConnectors: string[] = [];

  const emit = (words: string[]): void => {
    let start = 0;
    while (start < words.length && NAME_PREFIX_TITLES.has(words[start] ?? '')) start += 1;
    const name = words.slice(start);
    if (name.length >= 2 && name.length <= MAX_NAME_WORDS) found.push(name.join(' '));
  };

  const flush = (): void => {
    // "and" joins two names more often than it sits inside one: "Putin and Xi" and "Helena Moreau and
    // Dario Vance" are two each, while "Belt and Road Initiative" is one. Keep the "and" only after a
    // single word and before two or more.
    let from = 0;
    for (let i = 0; i < run.length; i += 1) {
      if (run[i] !== 'and') continue;
      let after = 0;
      for (let j = i + 1; j < run.length && run[j] !== 'and'; j += 1) after += 1;
      if (i - from !== 1 || after < 2) {
        emit(run.slice(from, i));
        from = i + 1;
      }
    }
    emit(run.slice(from));
    run = [];
    pendingConnectors = [];
  };

  for (const match of sentence.matchAll(WORD_OR_GAP)) {
    const piece = match[0];
    if (piece.trim() === '') continue; // plain spaces keep a run going
    if (!/[\p{L}\p{M}\p{N}]/u.test(piece)) {
      flush(); // punctuation ends a name
      continue;
    }
    const word = piece.replace(/['’]s$/u, '');
    if (CAPITALISED.test(word)) {
      if (run.length > 0 && pendingConnectors.length > 0) run.push(...pendingConnectors);
      pendingConnectors = [];
      run.push(word);
      if (word !== piece) flush(); // a possessive ends the name: "China’s ruling party"
    } else if (run.length > 0 && NAME_CONNECTORS.has(word) && pendingConnectors.length === 0) {
      pendingConnectors.push(word);
    } else {
      flush();
    }
  }
  flush();
  return found;
}
