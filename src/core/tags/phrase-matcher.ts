import { type AtomText, lastJoined, textAtoms } from '../text/atoms.js';
import { isAsciiLower } from '../text/chars.js';
/**
 * Exact-token phrase matching for gazetteers: a trie keyed by surface tokens, scanned once
 * left to right, taking the longest phrase at each position. Case is kept, so "Turkey" and
 * "turkey" are different keys.
 */

/** A word in its matching form, with what separated it from the word before. */
export interface MatchToken {
  /** Straight apostrophes, possessive "'s" and a final abbreviation dot dropped: "U.S." is "U.S". */
  readonly text: string;
  /** A comma, semicolon, colon or bracket stands between this token and the previous one. */
  readonly separatedBefore: boolean;
}

// Words are runs of letters, marks and digits, joined inside by dots and apostrophes ("U.S", "Xi'an",
// "d'Ivoire"). Hyphens split, so "US-China" and "Russia-Ukraine" yield both names; hyphenated names
// ("Guinea-Bissau") are tokenised the same way when compiled, and still match as a phrase. A comma,
// semicolon, colon or bracket between two words is remembered; anything else between words is not.
// Scanned by hand rather than with a Unicode-property regex: this runs over every sentence, and the
// regex, its match objects and two replaces per word were a tenth of analysis time.
function isJoiner(code: number): boolean {
  return code === 0x2e || code === 0x27 || code === 0x2019; // . ' ’
}

function isSeparator(code: number): boolean {
  // , ; : ( ) [ ]
  return (
    code === 0x2c ||
    code === 0x3b ||
    code === 0x3a ||
    code === 0x28 ||
    code === 0x29 ||
    code === 0x5b ||
    code === 0x5d
  );
}

/** Straight apostrophes, and the possessive "'s" dropped ("'S" too, in capitals: "ITALY'S"). */
function matchingForm(word: string): string {
  const straight = word.includes('’') ? word.replaceAll('’', "'") : word;
  if (straight.endsWith("'s")) return straight.slice(0, -2);
  return straight.endsWith("'S") && isUpperOnly(straight) ? straight.slice(0, -2) : straight;
}

const MAX_TICKER = 12;

/**
 * Where a wire ticker such as "<BOR>" or "<GM.N>" starting at `at` ends (after its ">"), or `at`
 * when there is none. Tickers are skipped: shouted, they would read as places ("Bor").
 */
function tickerEnd(text: string, at: number): number {
  // "<" or, in wire copy whose markup was never decoded, "&lt;".
  let open: number;
  if (text.charCodeAt(at) === 0x3c) open = at + 1;
  else if (text.startsWith('&lt;', at)) open = at + 4;
  else return at;
  const limit = Math.min(text.length, open + MAX_TICKER);
  for (let i = open; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3e) return i > open ? i + 1 : at; // >
    if (code === 0x26) return i > open && text.startsWith('&gt;', i) ? i + 4 : at; // &gt;
    if (code === 0x20 || code === 0x3c) return at;
  }
  return at;
}

/**
 * The matching tokens of a sentence of the document or the title, read from offset `offset` on. Linear in the length of the text.
 */
export function matchTokens(unit: AtomText, offset = 0): MatchToken[] {
  const { text, from, to } = unit;
  const { starts, ends } = unit.atoms;
  const tokens: MatchToken[] = [];
  let separated = false;
  // Everything before `at` has been read: atoms before it were skipped (by a ticker, or the offset).
  let at = offset;
  let i = from;
  while (i < to) {
    const end = ends[i] ?? 0;
    if (end <= at) {
      i += 1;
      continue;
    }
    const start = Math.max(starts[i] ?? 0, at);
    while (at < start) {
      const ticker = tickerEnd(text, at);
      if (ticker > at) {
        separated = true;
        at = ticker;
        continue;
      }
      if (isSeparator(text.charCodeAt(at))) separated = true;
      at += 1;
    }
    if (at > start) continue; // a ticker held this atom
    const last = lastJoined(unit, i, isJoiner);
    at = ends[last] ?? 0;
    tokens.push({ text: matchingForm(text.slice(start, at)), separatedBefore: separated });
    separated = false;
    i = last + 1;
  }
  return tokens;
}

/**
 * Splits a text outside the document (a gazetteer name, a dateline) into matching tokens.
 * @example tokenizeForMatching("Kazakhstan’s capital, Astana").map((t) => t.text) // ['Kazakhstan', 'capital', 'Astana']
 */
export function tokenizeForMatching(text: string): MatchToken[] {
  return matchTokens(textAtoms(text));
}

/**
 * The token texts of a gazetteer surface, as `tokenizeForMatching` would produce them.
 * @example surfaceTokens('Guinea-Bissau') // ['Guinea', 'Bissau']
 */
export function surfaceTokens(surface: string): string[] {
  return tokenizeForMatching(surface).map((token) => token.text);
}

const COMBINING_MARKS = /\p{M}/gu;

/**
 * The surface without diacritics, for text typed without them ("Turkiye", "Sao Tome").
 * @example foldDiacritics('Côte d’Ivoire') // 'Cote d’Ivoire'
 */
export function foldDiacritics(surface: string): string {
  return surface.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

interface TrieNode<T> {
  /** Made for the first phrase that goes on past this node: most nodes end a phrase and have none. */
  next: Map<string, TrieNode<T>> | undefined;
  value: T | undefined;
}

/** A match of one compiled phrase over tokens `[start, end)`. */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

const UPPER_ONLY = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** Capitals and no lower-case letter ("KYIV", "U.S"). Most words hold an ASCII lower-case letter: no regex then. */
function isUpperOnly(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isAsciiLower(code)) return false;
  }
  return UPPER_ONLY.test(text);
}
const LETTER = /\p{L}/u;

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/**
 * A set of phrases, each with a value, matched on exact tokens. Build with `addTokens`, then `match`
 * sentences; adding the same phrase twice keeps the first value.
 */
export class PhraseTrie<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  /** Every token text that occurs in some phrase, to tell a shouted word from an unknown one. */
  private readonly vocabulary = new Set<string>();
  private longest = 0;

  /**
   * Adds a phrase split by {@link surfaceTokens} (a compiled gazetteer's, whose conflicts are settled
   * when it is compiled); a phrase already there keeps its first value.
   */
  addTokens(tokens: readonly string[], value: T): void {
    let level = this.root;
    let node: TrieNode<T> | undefined;
    // Plain loops, no destructuring or spread: a cold start builds the bundled gazetteer's ~2,700
    // phrases before its first analysis, in code not yet optimised.
    for (const token of tokens) {
      this.vocabulary.add(token);
      if (node !== undefined) {
        node.next ??= new Map();
        level = node.next;
      }
      let child = level.get(token);
      if (child === undefined) {
        child = { next: undefined, value: undefined };
        level.set(token, child);
      }
      node = child;
    }
    if (node === undefined) return;
    this.longest = Math.max(this.longest, tokens.length);
    node.value ??= value;
  }

  /** Length in tokens of the longest phrase: the scan never looks further ahead than this. */
  get maxPhraseLength(): number {
    return this.longest;
  }

  /**
   * Leftmost-longest matches in a sentence, non-overlapping. In a shouted sentence (mostly
   * capitals) words are matched in title case and bare acronyms not at all, since every word
   * there looks like one. Elsewhere a word in capitals with no exact entry is tried in title case
   * only in the run of capitals a sentence may open with, a dateline's "KYIV" or "NEW YORK": a
   * shouted word in running text ("the SPLIT", a ticker) is not promoted to a name.
   */
  match(tokens: readonly MatchToken[], shouting: boolean = isShouting(tokens)): PhraseMatch<T>[] {
    let opening = true;
    const keys = tokens.map((token) => {
      opening &&= isUpperOnly(token.text) || !LETTER.test(token.text);
      return this.key(token.text, shouting, opening);
    });
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < keys.length) {
      let node = this.root.get(keys[i] ?? '');
      let best: PhraseMatch<T> | undefined;
      let j = i;
      while (node !== undefined) {
        j++;
        if (node.value !== undefined) best = { start: i, end: j, value: node.value };
        const key = keys[j];
        if (key === undefined) break;
        node = node.next?.get(key);
      }
      if (best === undefined) {
        i++;
      } else {
        matches.push(best);
        i = best.end;
      }
    }
    return matches;
  }

  private key(text: string, shouting: boolean, opening: boolean): string {
    if (!isUpperOnly(text)) return text;
    // Dotted abbreviations ("U.S") are unambiguous even in a shouted headline.
    if (this.vocabulary.has(text) && (!shouting || text.includes('.'))) return text;
    return shouting || opening ? titleCase(text) : text;
  }
}

/**
 * True when most words of a sentence are in capitals, as in a shouted headline.
 * @example isShouting(tokenizeForMatching('WHO WON THE DEBATE')) // true
 */
export function isShouting(tokens: readonly MatchToken[]): boolean {
  let words = 0;
  let upper = 0;
  for (const token of tokens) {
    if (!LETTER.test(token.text)) continue;
    words++;
    if (token.text.length > 1 && isUpperOnly(token.text)) upper++;
  }
  return words >= 3 && upper / words >= 0.7;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * True when a token starts with a capital followed by a lower-case letter ("Chad", not "CHAD").
 * @example isCapitalised({ text: 'Jordan', separatedBefore: false }) // true
 */
export function isCapitalised(token: MatchToken): boolean {
  return CAPITALISED.test(token.text);
}

/**
 * True for a headline in title case, where capitals say nothing about names: most words of four
 * or more are capitalised.
 * @example isTitleCase(tokenizeForMatching('Jordan Opens Border To Syrian Refugees')) // true
 */
export function isTitleCase(tokens: readonly MatchToken[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (token.text.length < 4 || !LETTER.test(token.text)) continue;
    words++;
    if (isCapitalised(token)) capitalised++;
  }
  return words >= 3 && capitalised / words >= 0.75;
}
