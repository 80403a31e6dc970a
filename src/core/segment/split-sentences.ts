import {
  type AbbreviationPolicy,
  buildAbbreviationPolicies,
  LINE_CONTINUATION_WORDS,
  SENTENCE_STARTERS,
  SPEECH_VERBS,
  TIME_PREPOSITIONS,
  TIME_ZONES,
} from './abbreviations.js';

const POLICIES = buildAbbreviationPolicies();
const STARTERS: ReadonlySet<string> = new Set(SENTENCE_STARTERS);
const CONTINUATIONS: ReadonlySet<string> = new Set(LINE_CONTINUATION_WORDS);
const SPEECH: ReadonlySet<string> = new Set(SPEECH_VERBS);
const TIME_OPENERS: ReadonlySet<string> = new Set(TIME_PREPOSITIONS);
const ZONES: ReadonlySet<string> = new Set(TIME_ZONES);

// Every look-around is capped so the scan stays linear however long a "word" or a run of spaces is:
// nothing that decides a boundary needs more context than a token or two.
const MAX_TOKEN = 64;
const MAX_WORD = 24;
const MAX_OPENERS = 4;
// A "sentence" longer than this (text with no punctuation, a megabyte-long token) is cut at a space
// near the limit: news sentences stay far below it, and without it one sentence could be the whole
// input, making the summary as large as the article.
const MAX_SENTENCE_CHARS = 2000;
// How far back from the limit to look for a space before cutting mid-token.
const MAX_CUT_LOOKBACK = 200;

// Full stops of scripts that write no space after them and have no abbreviations to confuse them with:
// CJK ideographic and full-width marks, the Arabic question mark and full stop, the Devanagari danda.
const SCRIPT_TERMINALS = new Set([0x3002, 0xff0e, 0xff01, 0xff1f, 0xff61, 0x061f, 0x06d4, 0x0964, 0x0965]);
// Closing quotes and brackets that stay with a sentence ended by one of those marks.
const SCRIPT_CLOSERS = new Set(['」', '』', '）', '】', '〕', '》', '〉', '”', '’', '"', "'", ')']);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '»', '›']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '{', '«', '‹', '¿', '¡']);
// Bullets that mark a list item even in the middle of a line.
const INLINE_BULLETS = new Set(['•', '▪', '◦', '●', '⁃', '‣', '∙', '■', '□', '▸', '►']);
// Characters that start a list item or a block when they open a line.
const LINE_BULLETS = new Set([...INLINE_BULLETS, '-', '*', '+', '–', '—', '#', '>']);
// A line ending in one of these was cut mid-phrase.
const LINE_JOINERS = new Set([',', ';', '-', '–', '—', '(', '[', '&', '/', '+', '=']);

const LOWER_ONE = /^\p{Ll}$/u;
const UPPER_ONE = /^[\p{Lu}\p{Lt}]$/u;
const LETTER_ONE = /^\p{L}$/u;
const DIGITS = /^\d{1,3}$/;
const DOTTED_ACRONYM = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

type Marker = { kind: 'number' | 'letter'; value: number };

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isLower(ch: string): boolean {
  if (ch >= 'a' && ch <= 'z') return true;
  if (ch < '\u0080') return false;
  return LOWER_ONE.test(ch);
}

function isUpper(ch: string): boolean {
  if (ch >= 'A' && ch <= 'Z') return true;
  if (ch < '\u0080') return false;
  return UPPER_ONE.test(ch);
}

function isLetter(ch: string): boolean {
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) return true;
  if (ch < '\u0080') return false;
  return LETTER_ONE.test(ch);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isTerminal(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === '…';
}

/** What follows a candidate boundary: the next token after whitespace and opening quotes. */
interface NextToken {
  /** Index of the token's first character after any openers; -1 at the end of the text. */
  start: number;
  first: string;
  /** Leading letters, lower-cased, at most MAX_WORD of them. */
  word: string;
  newlines: number;
}

/**
 * The scanner walks the text once. Only punctuation, bullets and newlines are decision points, and
 * each decision reads a bounded window on either side, so the cost is linear in the text length.
 */
class SentenceScanner {
  private readonly out: string[] = [];
  /** Start of the current sentence (may point at whitespace). */
  private start = 0;
  /** First non-space index of the current sentence, or -1 while it is still empty. */
  private content = -1;
  /** Last non-space index seen, for the newline rules. */
  private lastNonSpace = -1;
  /** The previous list marker in this block, so "2." after "1. ..." starts an item. */
  private marker: Marker | null = null;

  constructor(private readonly text: string) {}

  run(): string[] {
    const { text } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        i = this.onNewline(i);
        continue;
      }
      if (isSpace(code)) {
        i++;
        continue;
      }
      // Most characters are plain letters: decide on the code unit before building any string (every
      // inline bullet sits at or above U+2000).
      if (code >= 0x2000 && this.content !== -1 && INLINE_BULLETS.has(text.charAt(i))) this.cut(i, i);
      if (this.content !== -1 && i - this.content >= MAX_SENTENCE_CHARS) this.cutLong(i);
      if (this.content === -1) this.content = i;
      let next = i + 1;
      if (code === 46 || code === 33 || code === 63 || code === 0x2026) next = this.onTerminal(i);
      else if (code === 41) next = this.onParen(i);
      else if (SCRIPT_TERMINALS.has(code)) next = this.onScriptTerminal(i);
      this.lastNonSpace = next - 1;
      i = next;
    }
    this.cut(n, -1);
    return this.out;
  }

  /** Ends the current sentence at `end` (exclusive); the next one starts at `end`. */
  private cut(end: number, nextContent: number): void {
    if (end > this.start) {
      const sentence = this.text.slice(this.start, end).trim();
      if (sentence !== '') this.out.push(sentence);
    }
    this.start = end;
    this.content = nextContent;
  }

  /**
   * Ends an over-long sentence before `i`: at the last space within reach, else right at `i` (never
   * between the two halves of a surrogate pair).
   */
  private cutLong(i: number): void {
    const { text } = this;
    for (let j = i - 1; j > i - MAX_CUT_LOOKBACK && j > this.content; j--) {
      if (isSpace(text.charCodeAt(j))) {
        this.cut(j, j + 1);
        return;
      }
    }
    const low = text.charCodeAt(i);
    const at = low >= 0xdc00 && low <= 0xdfff ? i - 1 : i;
    this.cut(at, at);
  }

  /** A script's full stop (see SCRIPT_TERMINALS): always a boundary, after any closing quotes. */
  private onScriptTerminal(i: number): number {
    const { text } = this;
    let j = i + 1;
    while (j < text.length && j - i <= MAX_OPENERS && SCRIPT_TERMINALS.has(text.charCodeAt(j))) j++;
    while (j < text.length && j - i <= 2 * MAX_OPENERS && SCRIPT_CLOSERS.has(text.charAt(j))) j++;
    this.cut(j, -1);
    return j;
  }

  private onNewline(i: number): number {
    const { text } = this;
    const n = text.length;
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || !isSpace(c)) break;
      j++;
    }
    if (j < n && text.charCodeAt(j) === 10) {
      // A blank line is a paragraph break: always a boundary, and a fresh list context.
      this.cut(i, -1);
      this.marker = null;
      return j;
    }
    if (this.content === -1 || j >= n) return j;
    if (this.lineBreakEndsSentence(j)) this.cut(i, -1);
    return j;
  }

  /** A single newline: decides whether the line before it is a unit of its own. */
  private lineBreakEndsSentence(nextLine: number): boolean {
    const { text } = this;
    if (this.startsListItem(nextLine)) return true;
    let p = this.lastNonSpace;
    const floor = Math.max(this.content, p - MAX_OPENERS);
    while (p > floor && CLOSERS.has(text.charAt(p))) p--;
    const last = text.charAt(p);
    // Terminal punctuation was already judged where it stood; the newline adds nothing.
    if (isTerminal(last)) return false;
    if (LINE_JOINERS.has(last)) return false;
    const lastWord = this.wordBefore(this.lastNonSpace + 1);
    if (CONTINUATIONS.has(lastWord)) return false;
    const next = this.peekToken(nextLine);
    return next.start !== -1 && (isUpper(next.first) || isDigit(next.first));
  }

  /** True when a list item begins at `at`: a bullet, "1." / "1)" / "a)" followed by a space. */
  private startsListItem(at: number): boolean {
    const { text } = this;
    const first = text.charAt(at);
    if (INLINE_BULLETS.has(first)) return true;
    if (LINE_BULLETS.has(first)) return isSpace(text.charCodeAt(at + 1));
    let j = at;
    while (j < text.length && j - at < 3 && isDigit(text.charAt(j))) j++;
    if (j === at) {
      if (!isLetter(first)) return false;
      j++;
      if (text.charAt(j) !== ')') return false;
      return isSpace(text.charCodeAt(j + 1));
    }
    const after = text.charAt(j);
    if (after === '.' && text.charAt(j + 1) === ')') j++;
    else if (after !== '.' && after !== ')') return false;
    return isSpace(text.charCodeAt(j + 1));
  }

  /** Lower-cased trailing letters of the word ending at `end`, or '' if it has none. */
  private wordBefore(end: number): string {
    const { text } = this;
    let j = end;
    while (j > 0 && end - j < MAX_WORD && isLetter(text.charAt(j - 1))) j--;
    if (j > 0 && !isSpace(text.charCodeAt(j - 1)) && !OPENERS.has(text.charAt(j - 1))) return '';
    return text.slice(j, end).toLowerCase();
  }

  /** The token after `from`: skips whitespace (counting newlines) and opening quotes/brackets. */
  private peekToken(from: number): NextToken {
    const { text } = this;
    const n = text.length;
    let j = from;
    let newlines = 0;
    while (j < n && isSpace(text.charCodeAt(j))) {
      if (text.charCodeAt(j) === 10) newlines++;
      j++;
    }
    const openerLimit = j + MAX_OPENERS;
    while (j < n && j < openerLimit && OPENERS.has(text.charAt(j))) j++;
    if (j >= n) return { start: -1, first: '', word: '', newlines };
    let k = j;
    while (k < n && k - j < MAX_WORD && isLetter(text.charAt(k))) k++;
    return { start: j, first: text.charAt(j), word: text.slice(j, k).toLowerCase(), newlines };
  }

  /** Start of the whitespace-delimited token that ends at `end` (exclusive), looking back a bounded way. */
  private tokenStart(end: number): number {
    const { text } = this;
    let j = end;
    while (j > 0 && end - j < MAX_TOKEN && !isSpace(text.charCodeAt(j - 1))) j--;
    return j;
  }

  /** True when only bullets and spaces precede `at` in the current sentence. */
  private isFirstToken(at: number): boolean {
    const { text } = this;
    if (this.content === -1 || at - this.content > MAX_OPENERS) return false;
    for (let j = this.content; j < at; j++) {
      const ch = text.charAt(j);
      if (!LINE_BULLETS.has(ch) && !isSpace(text.charCodeAt(j))) return false;
    }
    return true;
  }

  /** Handles "1)" and "a)" list markers; any other ")" is plain text. */
  private onParen(i: number): number {
    // Markers are at most three characters, so there is no need to look further back.
    let start = i;
    while (start > 0 && i - start < MAX_OPENERS && !isSpace(this.text.charCodeAt(start - 1))) start--;
    if (start > 0 && !isSpace(this.text.charCodeAt(start - 1))) return i + 1;
    const core = this.text.slice(start, i);
    const marker = markerOf(core);
    if (marker === null) return i + 1;
    const next = this.peekToken(i + 1);
    this.handleMarker(marker, start, next);
    return i + 1;
  }

  /**
   * A list marker: the first token of a sentence opens an item; one in mid-sentence that continues the
   * previous marker's sequence ("... first item 2. The second") starts a new item before it.
   * Returns true when `core` was treated as a marker.
   */
  private handleMarker(marker: Marker, start: number, next: NextToken): boolean {
    let coreStart = start;
    while (coreStart - start < MAX_OPENERS && LINE_BULLETS.has(this.text.charAt(coreStart))) coreStart++;
    if (this.isFirstToken(coreStart)) {
      this.marker = marker;
      return true;
    }
    const previous = this.marker;
    const continues =
      previous !== null && previous.kind === marker.kind && previous.value + 1 === marker.value;
    const opensAfterColon = isListOpening(marker) && this.colonBefore(start);
    if ((continues || opensAfterColon) && next.start !== -1 && isUpper(next.first)) {
      this.cut(start, start);
      this.marker = marker;
      return true;
    }
    return false;
  }

  /** True when the text just before `at` (spaces aside) is a colon: "Steps: 1. Wash...". */
  private colonBefore(at: number): boolean {
    let j = at - 1;
    while (j > 0 && at - j < MAX_OPENERS && isSpace(this.text.charCodeAt(j))) j--;
    return this.text.charAt(j) === ':';
  }

  /** A run of . ! ? … starting at `i`; returns the index to resume scanning from. */
  private onTerminal(i: number): number {
    const { text } = this;
    const n = text.length;
    let j = i;
    let dots = 0;
    let marks = 0;
    let ellipsis = false;
    let spaced = false;
    while (j < n) {
      const ch = text.charAt(j);
      if (ch === '.') dots++;
      else if (ch === '…') ellipsis = true;
      else if (ch === '!' || ch === '?') marks++;
      else if (
        ch === ' ' &&
        text.charAt(j - 1) === '.' &&
        text.charAt(j + 1) === '.' &&
        this.spacedDotFollows(j + 2)
      ) {
        spaced = true;
      } else break;
      j++;
    }
    if (dots >= 2) ellipsis = true;
    const clusterEnd = j;
    while (j < n && CLOSERS.has(text.charAt(j))) j++;
    const end = j;
    if (end >= n) {
      this.cut(end, -1);
      return end;
    }
    if (!isSpace(text.charCodeAt(end))) return end;
    const next = this.peekToken(end);
    if (next.start === -1 || next.newlines >= 2) {
      this.cut(end, -1);
      return end;
    }
    let boundary: boolean;
    if (marks > 0) boundary = this.afterMark(clusterEnd, end, next);
    else if (ellipsis) boundary = this.afterEllipsis(i, clusterEnd, end, dots, spaced, next);
    else boundary = this.afterPeriod(i, clusterEnd, end, next);
    if (boundary) this.cut(end, -1);
    return end;
  }

  /** Guards the spaced-ellipsis extension so "end. .NET" is not taken for ". ." */
  private spacedDotFollows(at: number): boolean {
    if (at >= this.text.length) return true;
    const ch = this.text.charAt(at);
    return ch === '.' || CLOSERS.has(ch) || isSpace(this.text.charCodeAt(at));
  }

  private afterMark(clusterEnd: number, end: number, next: NextToken): boolean {
    if (isLower(next.first)) return false;
    // `"Why?" Tom asked.` — a name and a reporting verb after a quoted question continue the sentence.
    if (end > clusterEnd && isUpper(next.first)) {
      const following = this.peekToken(next.start + next.word.length);
      if (following.start !== -1 && SPEECH.has(following.word) && isLower(following.first)) return false;
    }
    return true;
  }

  private afterEllipsis(
    i: number,
    clusterEnd: number,
    end: number,
    dots: number,
    spaced: boolean,
    next: NextToken,
  ): boolean {
    const { text } = this;
    // "[...]" marks words left out of a quotation, never the end of one.
    if (i > 0 && text.charAt(i - 1) === '[' && text.charAt(clusterEnd) === ']') return false;
    if (!isUpper(next.first) && !isDigit(next.first)) return false;
    // Style guides write a spaced ". . ." for an omission inside a sentence and add a fourth dot
    // when the omission ends it; unspaced "..." and "…" are used both ways, so a capital decides.
    if (spaced && dots === 3 && end === clusterEnd) return false;
    return true;
  }

  private afterPeriod(i: number, clusterEnd: number, end: number, next: NextToken): boolean {
    const { text } = this;
    const rawStart = this.tokenStart(i);
    let coreStart = rawStart;
    while (
      coreStart < i &&
      coreStart - rawStart < MAX_OPENERS &&
      INLINE_BULLETS.has(text.charAt(coreStart))
    ) {
      coreStart++;
    }
    const closedByParen = end > clusterEnd && text.charAt(clusterEnd) === ')';
    if (end === clusterEnd || closedByParen) {
      const marker = markerOf(text.slice(coreStart, i));
      if (marker !== null && this.handleMarker(marker, rawStart, next)) return false;
    }
    while (coreStart < i && coreStart - rawStart < MAX_OPENERS && OPENERS.has(text.charAt(coreStart)))
      coreStart++;
    const core = text.slice(coreStart, i);
    const startsUpper = isUpper(next.first);
    if (isLower(next.first)) return false;
    const policy = POLICIES.get(`${core.toLowerCase()}.`);
    if (policy !== undefined) return this.applyPolicy(policy, coreStart, next);
    if (core.length === 1 && isUpper(core)) return this.afterInitial(core, coreStart, next);
    if (DOTTED_ACRONYM.test(core)) return startsUpper && STARTERS.has(next.word);
    if (core === '' && next.first === '.') return false;
    return true;
  }

  private applyPolicy(policy: AbbreviationPolicy, coreStart: number, next: NextToken): boolean {
    if (!isUpper(next.first)) return false;
    switch (policy) {
      case 'never':
        return false;
      case 'before-starter':
        return STARTERS.has(next.word);
      case 'before-capital':
        return true;
      case 'time':
        return !ZONES.has(next.word) && !this.opensWithTimePhrase(coreStart);
    }
  }

  /** True when the current sentence began "At 5" / "By 6:30": the time is an opening adverbial. */
  private opensWithTimePhrase(timeStart: number): boolean {
    if (this.content === -1 || timeStart - this.content > 24) return false;
    const first = this.peekToken(this.content);
    return TIME_OPENERS.has(first.word);
  }

  /**
   * A single capital and a period is usually an initial ("Jonas E. Smith"); the pronoun "I" after a
   * lower-case word ("you and I. Did...") ends a sentence.
   */
  private afterInitial(letter: string, coreStart: number, next: NextToken): boolean {
    if (!isUpper(next.first)) return !isLower(next.first) && !isDigit(next.first);
    if (letter === 'I') {
      const previous = this.tokenStart(Math.max(0, coreStart - 1));
      const ch = this.text.charAt(previous);
      if (isLower(ch)) return true;
    }
    return STARTERS.has(next.word);
  }
}

/** "1" or "a": the only markers that can open a list. */
function isListOpening(marker: Marker): boolean {
  return marker.kind === 'number' ? marker.value === 1 : marker.value === 97;
}

/** Parses a list marker token ("3", "b"); null when the token cannot be one. */
function markerOf(core: string): Marker | null {
  if (DIGITS.test(core)) return { kind: 'number', value: Number(core) };
  if (core.length === 1 && isLetter(core)) return { kind: 'letter', value: core.toLowerCase().charCodeAt(0) };
  return null;
}

/**
 * Splits one or more paragraphs into sentences, in order. Every sentence is a trimmed, verbatim
 * substring of the input; blank lines always separate sentences; a line without end punctuation
 * (a headline, a list item) is its own sentence when the next line starts a new one.
 *
 * Runs in one linear pass with bounded look-around, so megabytes of text are fine.
 *
 * @example
 * splitSentences('Mr. Smith joined Acme Inc. in 2019. He left the U.S. on Friday.')
 * // ['Mr. Smith joined Acme Inc. in 2019.', 'He left the U.S. on Friday.']
 */
export function splitSentences(text: string): string[] {
  return new SentenceScanner(text).run();
}
