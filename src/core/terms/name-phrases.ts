import { type AtomText, textAtoms } from '../text/atoms.js';
import { isAsciiDigit, isAsciiUpper, isWhitespaceCode } from '../text/chars.js';
import { forEachTermPiece } from '../text/words.js';
import { NAME_CONNECTORS, NAME_PREFIX_TITLES } from './name-words.js';

// A capitalised word: an upper-case letter then letters, marks, apostrophes or hyphens ("Nur-Sultan",
// "O’Brien"); all-caps acronyms ("SCO", "NATO") count too.
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const MAX_NAME_WORDS = 7;

const APOSTROPHE = 0x27;
const CURLY_APOSTROPHE = 0x2019;

function isCapitalised(word: string): boolean {
  if (word === '') return false;
  const first = word.charCodeAt(0);
  if (first >= 0x80) return CAPITALISED.test(word);
  if (!isAsciiUpper(first)) return false;
  for (let i = 1; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if (isAsciiDigit(code)) return false;
    if (code >= 0x80) return CAPITALISED.test(word);
  }
  return true;
}

/** "China’s" -> "China": the possessive is not part of the name. */
function withoutPossessive(piece: string): string {
  const n = piece.length;
  if (n < 2 || piece.charCodeAt(n - 1) !== 0x73) return piece;
  const before = piece.charCodeAt(n - 2);
  return before === APOSTROPHE || before === CURLY_APOSTROPHE ? piece.slice(0, -2) : piece;
}

/**
 * Finds runs of capitalised words that read as one name: "Central Asia", "Vladimir Putin",
 * "Belt and Road Initiative", "Center for Russia Europe Asia Studies". Lower-case connectors
 * ("and", "of", "for") may join capitalised words; leading titles ("President") are dropped.
 * Runs are cut at punctuation, so "Kazakhstan, Uzbekistan" gives no phrase.
 * @example findNamePhrases('He met President Vladimir Putin in Samarkand.') // ['Vladimir Putin']
 */
export function findNamePhrases(sentence: string | AtomText): string[] {
  const unit = typeof sentence === 'string' ? textAtoms(sentence) : sentence;
  const { text } = unit;
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

  // Pieces are the sentence's term pieces (atoms joined by apostrophes and hyphens); between two, a gap.
  let gapStart = 0;
  forEachTermPiece(unit, (start, end) => {
    // Punctuation ends a name; plain spaces keep a run going.
    for (let at = gapStart; at < start; at += 1) {
      if (!isWhitespaceCode(text.charCodeAt(at))) {
        flush();
        break;
      }
    }
    gapStart = end;
    const piece = text.slice(start, end);
    const word = withoutPossessive(piece);
    if (isCapitalised(word)) {
      if (run.length > 0 && pendingConnectors.length > 0) run.push(...pendingConnectors);
      pendingConnectors = [];
      run.push(word);
      if (word !== piece) flush(); // a possessive ends the name: "China’s ruling party"
    } else if (run.length > 0 && NAME_CONNECTORS.has(word) && pendingConnectors.length === 0) {
      pendingConnectors.push(word);
    } else {
      flush();
    }
  });
  flush();
  return found;
}
