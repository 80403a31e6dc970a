import { isWhitespaceCode, letterDigitAt } from '../text/chars.js';
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

/** Words of a line: letter/digit runs, with CamelCase and letter-digit joins split ("Article2"). */
function uiTokens(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((word) => word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u))
    .filter((token) => token !== '')
    .map((token) => token.toLowerCase());
}

const HAS_WORD = /[\p{L}\p{N}]/u;
const MAX_LINE_WORDS = Math.max(UI_LINE_MAX_WORDS, ...FURNITURE_LINE_PATTERNS.map((rule) => rule.maxWords));

/**
 * Whitespace-separated chunks of a line, and how many hold a letter or digit, counting no further than
 * `limit` chunks. One pass with no allocation: this runs on every line and every sentence, and almost
 * all of them are prose far longer than any rule allows, so it usually stops early.
 */
function countChunks(text: string, limit: number): { chunks: number; worded: number } {
  let chunks = 0;
  let worded = 0;
  let inChunk = false;
  let chunkHasWord = false;
  for (let i = 0; i < text.length; i += 1) {
    if (isWhitespaceCode(text.charCodeAt(i))) {
      if (inChunk && chunkHasWord) worded += 1;
      inChunk = false;
      continue;
    }
    if (!inChunk) {
      inChunk = true;
      chunkHasWord = false;
      chunks += 1;
      if (chunks > limit) return { chunks, worded };
    }
    if (!chunkHasWord && letterDigitAt(text, i) > 0) chunkHasWord = true;
  }
  if (inChunk && chunkHasWord) worded += 1;
  return { chunks, worded };
}

function wordCount(text: string, limit: number): number {
  return countChunks(text, limit).chunks;
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
  // Cheap length gates first: this runs on every line and sentence, and nearly all are prose far
  // longer than any furniture rule allows (profiling showed the tokenising below at 20% of analysis).
  const { chunks: words, worded } = countChunks(text, MAX_LINE_WORDS);
  if (words > MAX_LINE_WORDS) return false;
  if (FURNITURE_LINE_PATTERNS.some((rule) => words <= rule.maxWords && rule.pattern.test(text))) return true;
  // Each chunk with a letter or digit gives at least one token, so a line with more such chunks than
  // a UI strip may hold cannot be one.
  if (worded > UI_LINE_MAX_WORDS) return false;
  return isUiStrip(uiTokens(text));
}

/** Every token an interface word, filler or number, and at least one a real interface word. */
function isUiStrip(tokens: readonly string[]): boolean {
  if (tokens.length > UI_LINE_MAX_WORDS) return false;
  let uiWords = 0;
  for (const token of tokens) {
    if (UI_WORDS.has(token)) uiWords += 1;
    else if (!UI_FILLER_WORDS.has(token) && !/^\p{N}+$/u.test(token)) return false;
  }
  return uiWords > 0;
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
  const words = wordCount(text, Math.max(PROMO_MAX_WORDS, TEASER_MAX_WORDS));
  if (words <= PROMO_MAX_WORDS) {
    if (PROMO_ALWAYS.test(text)) return true;
    if (PROMO_VERBS.test(text) && PROMO_OBJECTS.test(text)) return true;
  }
  return words <= TEASER_MAX_WORDS && TEASER_VOICE.test(text);
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
