import { isLowerChar, isUpperChar, isWhitespaceCode, letterDigitAt, numberAt } from '../text/chars.js';
import {
  CAPS_LABEL,
  CAPTION_LABEL,
  FURNITURE_LINE_PATTERNS,
  ICON_NAME_PARTS,
  LEADING_PROMPT,
  PROMO_ALWAYS,
  PROMO_MAX_WORDS,
  PROMO_OBJECTS,
  PROMO_VERBS,
  TEASER_MAX_WORDS,
  TEASER_VOICE,
  UI_FILLER_WORDS,
  UI_LINE_MAX_WORDS,
  UI_WORDS,
} from './furniture-rules.js';

const HAS_WORD = /[\p{L}\p{N}]/u;
const NUMBER = /^\p{N}+$/u;
// No rule matches a line of more words than this.
const MAX_LINE_WORDS = Math.max(UI_LINE_MAX_WORDS, ...FURNITURE_LINE_PATTERNS.map((rule) => rule.maxWords));
// Longer than a paragraph of news prose runs.
const LONG_LINE_CHARS = 4_000;

/**
 * Whitespace-separated chunks of a line, counting no further than `limit`: `limit + 1` means "more".
 * One pass with no allocation, and only for a line a rule's wording already matched.
 */
function wordCount(text: string, limit: number): number {
  let chunks = 0;
  let inChunk = false;
  for (let i = 0; i < text.length; i += 1) {
    if (isWhitespaceCode(text.charCodeAt(i))) {
      inChunk = false;
      continue;
    }
    if (!inChunk) {
      inChunk = true;
      chunks += 1;
      if (chunks > limit) return chunks;
    }
  }
  return chunks;
}

type CharClass = 'upper' | 'lower' | 'letter' | 'digit';

/** The class of a letter or digit (one character): letters neither upper nor lower case are `letter`. */
function charClass(char: string): CharClass {
  if (isUpperChar(char)) return 'upper';
  if (isLowerChar(char)) return 'lower';
  return numberAt(char, 0) > 0 ? 'digit' : 'letter';
}

/**
 * Visits the words of a line, lower-cased, until `visit` returns false: letter/digit runs, with
 * CamelCase and letter-digit joins split ("GiftArticle2" is gift, article, 2). Stops at the first word
 * it is told to, so prose, which fails on its first or second word, is barely read.
 */
function forEachUiWord(text: string, visit: (word: string) => boolean): void {
  let at = 0;
  while (at < text.length) {
    const length = letterDigitAt(text, at);
    if (length === 0) {
      at += 1;
      continue;
    }
    const start = at;
    let previous = charClass(text.slice(at, at + length));
    at += length;
    for (;;) {
      const next = letterDigitAt(text, at);
      if (next === 0) break;
      const current = charClass(text.slice(at, at + next));
      const isDigit = current === 'digit';
      // A new word where a capital follows a lower-case letter, or digits meet letters.
      if ((previous === 'lower' && current === 'upper') || isDigit !== (previous === 'digit')) break;
      previous = current;
      at += next;
    }
    if (!visit(text.slice(start, at).toLowerCase())) return;
  }
}

/** Every word of a line, as {@link forEachUiWord} splits them. */
function uiTokens(text: string): string[] {
  const words: string[] = [];
  forEachUiWord(text, (word) => {
    words.push(word);
    return true;
  });
  return words;
}

/**
 * Whether a whole line (or paragraph) is page furniture: a UI strip built from interface words
 * ("Listen 5 min Comment on this story Gift Article Share"), or a line whose wording and length
 * mark it as an ad label, sign-up prompt, photo credit, cookie notice, reporting credit,
 * copyright line or social-media prompt.
 *
 * @example
 * isFurnitureLine('Story continues below advertisement') // true
 * isFurnitureLine('Share prices fell on Monday.') // false
 */
export function isFurnitureLine(line: string): boolean {
  const text = line.trim();
  // Separators and ornaments ("* * *", "|", "—") carry no words at all.
  if (!HAS_WORD.test(text)) return true;
  // A line far longer than any sentence is counted first (the count stops past MAX_LINE_WORDS), so
  // the unanchored patterns never scan a megabyte of it.
  if (text.length > LONG_LINE_CHARS && wordCount(text, MAX_LINE_WORDS) > MAX_LINE_WORDS) return false;
  // Otherwise the wording first, the length only for a match: nearly every line is prose that fails a
  // rule's anchored pattern on its first word, and counting every line's words was a tenth of reading.
  for (const rule of FURNITURE_LINE_PATTERNS) {
    if (rule.pattern.test(text) && wordCount(text, rule.maxWords) <= rule.maxWords) return true;
  }
  return isUiStrip(text) && wordCount(text, MAX_LINE_WORDS) <= MAX_LINE_WORDS;
}

/** At most UI_LINE_MAX_WORDS words, every one an interface word, filler or number, and one a real interface word. */
function isUiStrip(text: string): boolean {
  let words = 0;
  let uiWords = 0;
  let strip = true;
  forEachUiWord(text, (word) => {
    words += 1;
    if (UI_WORDS.has(word)) uiWords += 1;
    else if (!UI_FILLER_WORDS.has(word) && !NUMBER.test(word)) strip = false;
    if (words > UI_LINE_MAX_WORDS) strip = false;
    return strip;
  });
  return strip && uiWords > 0;
}

/**
 * Removes furniture lines from raw text, leaving a blank line in their place so the paragraphs on
 * either side stay apart.
 *
 * @example
 * removeFurnitureLines('Body one.\nAdvertisement\nBody two.') // 'Body one.\n\nBody two.'
 */
export function removeFurnitureLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() !== '' && isFurnitureLine(line) ? '' : line))
    .join('\n');
}

/**
 * Whether a sentence found inside a paragraph is furniture: a furniture line on its own, an
 * imperative promo ("Get the ... newsletter for updates.", "Sign up ...", "Click here ..."), or an
 * editorial teaser in the promo "we" ("We're following ...").
 *
 * @example
 * isFurnitureSentence('Sign up for our morning briefing.') // true
 * isFurnitureSentence('Get ready for a long winter, the forecaster said.') // false
 */
export function isFurnitureSentence(sentence: string): boolean {
  const text = sentence.trim();
  if (isFurnitureLine(text)) return true;
  const promo = PROMO_ALWAYS.test(text) || (PROMO_VERBS.test(text) && PROMO_OBJECTS.test(text));
  if (promo && wordCount(text, PROMO_MAX_WORDS) <= PROMO_MAX_WORDS) return true;
  return TEASER_VOICE.test(text) && wordCount(text, TEASER_MAX_WORDS) <= TEASER_MAX_WORDS;
}

// A first or last word shaped like an icon name: a capital, lower-case letters, then another capital or
// a digit. Only then is the sentence split into words for the exact test.
const ICON_EDGE =
  /^[^\p{L}\s]*\p{Lu}\p{Ll}+[\p{Lu}\p{N}]|\p{Lu}\p{Ll}+[\p{Lu}\p{N}][\p{L}\p{N}]*[^\p{L}\p{N}\s]*$/u;

/** A CamelCase word of two or more parts, every part an icon-name part ("ArrowRight"). */
function isIconName(word: string): boolean {
  const core = word.replace(/^[^\p{L}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!/^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*|\p{N}+)+$/u.test(core)) return false;
  return uiTokens(core).every((part) => ICON_NAME_PARTS.has(part) || /^\p{N}+$/u.test(part));
}

/**
 * Strips icon labels that leaked into the text from the start and end of a sentence:
 * "ArrowRight The leader landed." becomes "The leader landed.".
 *
 * @example
 * stripIconNames('ChevronDown The talks resumed.') // 'The talks resumed.'
 */
export function stripIconNames(sentence: string): string {
  const trimmed = sentence.trim();
  // Nearly every sentence starts and ends with a word that is no icon name: settle that without
  // splitting the sentence into words.
  if (!ICON_EDGE.test(trimmed)) return trimmed;
  const words = trimmed.split(/\s+/);
  let start = 0;
  let end = words.length;
  while (start < end && isIconName(words[start] ?? '')) start += 1;
  while (end > start && isIconName(words[end - 1] ?? '')) end -= 1;
  if (start === 0 && end === words.length) return sentence.trim();
  return words.slice(start, end).join(' ');
}

const LABEL_RULES: readonly RegExp[] = [LEADING_PROMPT, CAPS_LABEL, CAPTION_LABEL];
// A prompt can stand before a label ("Scroll down for video EXPERT VERDICT: ..."): strip a few in turn.
const MAX_LABELS = 3;

/**
 * Strips the prompts and labels that captions and boxes put before a sentence's text: "Scroll down for
 * video", "READ MORE:", an all-capitals label ("EXPERT VERDICT:") or a one-word caption label
 * ("Accused:"). What follows is kept; a sentence that is only a label is returned as it was.
 *
 * @example
 * stripLeadingLabels('Scroll down for video VERDICT: The bridge held.') // 'The bridge held.'
 * stripLeadingLabels('He said: the bridge held.') // unchanged
 */
export function stripLeadingLabels(sentence: string): string {
  let text = sentence;
  for (let round = 0; round < MAX_LABELS; round += 1) {
    const rule = LABEL_RULES.find((pattern) => pattern.test(text));
    if (rule === undefined) break;
    const rest = text.replace(rule, '');
    if (!/[\p{L}\p{N}]/u.test(rest)) break;
    text = rest;
  }
  return text;
}
