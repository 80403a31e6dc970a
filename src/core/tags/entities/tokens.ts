import { type AtomText, lastJoined, textAtoms } from '../../text/atoms.js';
import {
  charLengthAt,
  isAsciiDigit,
  isAsciiLower,
  isAsciiUpper,
  isLowerChar,
  isUpperChar,
  letterMarkDigitAt,
} from '../../text/chars.js';

/** How a word is written: its case is most of what says it may be part of a name. */
export type Shape = 'capitalised' | 'upper' | 'lower' | 'digits' | 'other';

/** A word of a sentence with what stood between it and the word before. */
export interface NameToken {
  /** The word without a possessive "'s"/"’s" ("Xi’s" is "Xi"). */
  readonly text: string;
  readonly shape: Shape;
  /** The word carried a possessive: a name ends there ("China’s ruling party"). */
  readonly possessive: boolean;
  /** The characters between the previous word (or the start) and this one, verbatim. */
  readonly gap: string;
  /** The word as written, possessive included. */
  readonly raw: string;
}

const APOSTROPHE = 0x27;
const CURLY_APOSTROPHE = 0x2019;

// Inside a word: dots ("U.S", "7203.T"), apostrophes ("O’Brien"), hyphens ("Rolls-Royce") and
// ampersands ("AT&T"), when a letter or digit follows.
function isJoiner(code: number): boolean {
  return code === 0x2e || code === APOSTROPHE || code === CURLY_APOSTROPHE || code === 0x2d || code === 0x26;
}

/** The shape of a word, read from its letters once. */
export function shapeOf(word: string): Shape {
  let upper = 0;
  let lower = 0;
  let first: 'upper' | 'lower' | 'digit' | undefined;
  for (let i = 0; i < word.length; i += charLengthAt(word, i)) {
    const code = word.charCodeAt(i);
    // ASCII without building a one-character string: this runs on every word of every story.
    if (code < 0x80) {
      if (isAsciiUpper(code)) {
        upper += 1;
        first ??= 'upper';
      } else if (isAsciiLower(code)) {
        lower += 1;
        first ??= 'lower';
      } else if (isAsciiDigit(code)) {
        first ??= 'digit';
      }
      continue;
    }
    const char = word.slice(i, i + charLengthAt(word, i));
    if (isUpperChar(char)) {
      upper += 1;
      first ??= 'upper';
    } else if (isLowerChar(char)) {
      lower += 1;
      first ??= 'lower';
    } else if (char >= '0' && char <= '9') {
      first ??= 'digit';
    }
  }
  if (first === undefined) return 'other';
  if (first === 'digit') return upper + lower === 0 ? 'digits' : upper > 0 && lower === 0 ? 'upper' : 'other';
  if (first === 'lower') return 'lower';
  if (lower === 0) return upper >= 2 ? 'upper' : 'capitalised';
  return 'capitalised';
}

function withoutPossessive(word: string): { text: string; possessive: boolean } {
  const n = word.length;
  if (n > 2 && (word.charCodeAt(n - 1) === 0x73 || word.charCodeAt(n - 1) === 0x53)) {
    const before = word.charCodeAt(n - 2);
    if (before === APOSTROPHE || before === CURLY_APOSTROPHE)
      return { text: word.slice(0, -2), possessive: true };
  }
  // "Reuters’" and "Jones'": a plural possessive keeps its s.
  const last = word.charCodeAt(n - 1);
  if (n > 1 && (last === APOSTROPHE || last === CURLY_APOSTROPHE))
    return { text: word.slice(0, -1), possessive: true };
  return { text: word, possessive: false };
}

/**
 * Visits the words of a sentence of the document or the title: `start` and `end` span each as written,
 * possessive included. Linear in the length of the text.
 */
function forEachNameWord(unit: AtomText, visit: (start: number, end: number) => void): void {
  const { text, from, to } = unit;
  const { starts, ends } = unit.atoms;
  let i = from;
  while (i < to) {
    const start = starts[i] ?? 0;
    const last = lastJoined(unit, i, isJoiner);
    let end = ends[last] ?? 0;
    // "U.S.": an abbreviation keeps its last dot, so it reads as written.
    if (text.charCodeAt(end) === 0x2e && text.slice(start, end).includes('.')) end += 1;
    // A trailing apostrophe belongs to the word (a plural possessive); other joiners do not.
    if (text.charCodeAt(end) === APOSTROPHE || text.charCodeAt(end) === CURLY_APOSTROPHE) {
      if (end + 1 >= text.length || letterMarkDigitAt(text, end + 1) === 0) end += 1;
    }
    visit(start, end);
    i = last + 1;
  }
}

/** The words of a sentence of the document or the title, each with the gap before it. */
export function nameTokens(unit: AtomText): NameToken[] {
  const { text } = unit;
  const tokens: NameToken[] = [];
  let gapStart = 0;
  forEachNameWord(unit, (start, end) => {
    const raw = text.slice(start, end);
    const { text: word, possessive } = withoutPossessive(raw);
    tokens.push({ text: word, shape: shapeOf(word), possessive, gap: text.slice(gapStart, start), raw });
    gapStart = end;
  });
  return tokens;
}

/**
 * Adds the words of a sentence written in lower case (shape `lower`, possessive dropped) to `into`:
 * what {@link nameTokens} would give those words, without making a token of every word.
 */
export function addLowerCaseWords(unit: AtomText, into: Set<string>): void {
  const { text } = unit;
  forEachNameWord(unit, (start, end) => {
    const first = text.charCodeAt(start);
    // An ASCII capital or digit opens a word of another shape; an ASCII lower-case letter a lower one.
    if (first < 0x80 && !isAsciiLower(first)) return;
    const { text: word } = withoutPossessive(text.slice(start, end));
    if (first < 0x80 || shapeOf(word) === 'lower') into.add(word);
  });
}

/**
 * Splits a text outside the document (a name from the lexicon) into words, each with the gap before it.
 * @example tokenizeNames('Xi’s visit (SCO)').map((t) => t.text) // ['Xi', 'visit', 'SCO']
 */
export function tokenizeNames(text: string): NameToken[] {
  return nameTokens(textAtoms(text));
}

/** The key a name is known by in one document: its words joined by single spaces. */
export function surfaceKey(surface: string): string {
  return tokenizeNames(surface)
    .map((token) => token.text)
    .join(' ');
}
