import { removeFurnitureLines } from '../furniture.js';
import { bylineOf, cleanInline, type ParsedArticle, publishedOf } from './parsed.js';

export interface TextParseOptions {
  /** Look for a headline on the first line. Off when the title is known from elsewhere (JSON). */
  readonly detectTitle?: boolean;
}

/** Bullets and numbered-list markers at the start of a line. */
const LIST_ITEM = /^(?:[-*+•·▪‣◦○●]|\d{1,3}[.)])\s+/u;
/** Symbol bullets are markup, not text; numbers ("1.") are kept because they can be referred to. */
const SYMBOL_BULLET = /^[-*+•·▪‣◦○●]\s+/u;
const TERMINAL_PUNCTUATION = /[.!?…:;,]["'”’)\]]*$/u;
const TITLE_MAX_CHARS = 150;
const TITLE_MAX_WORDS = 20;
/** A title line running straight into the body must be clearly shorter than the body's first line. */
const TITLE_TO_BODY_RATIO = 0.8;
/** How many lines after the title may hold a byline or a date. */
const META_LINES = 3;

/**
 * Reads plain text: a headline on a short first line, optional byline and date lines after it,
 * paragraphs separated by blank lines, hard-wrapped lines joined with spaces, and list items kept
 * on lines of their own. Furniture lines are dropped before the headline is looked for, so a
 * "Skip to main content" line is never taken for the title.
 *
 * @example
 * parseText('Storm hits coast\n\nThe storm arrived at dawn.\nIt was strong.')
 * // { title: 'Storm hits coast', byline: null, published: null,
 * //   paragraphs: ['The storm arrived at dawn. It was strong.'] }
 */
export function parseText(text: string, options: TextParseOptions = {}): ParsedArticle {
  const blocks = toBlocks(removeFurnitureLines(text));

  let title: string | null = null;
  if (options.detectTitle ?? true) title = takeTitle(blocks);

  let byline: string | null = null;
  let published: string | null = null;
  for (let i = 0; i < META_LINES && blocks.length > 0; i += 1) {
    const line = blocks[0]?.[0];
    if (line === undefined) break;
    const foundByline: string | null = byline === null ? bylineOf(line) : null;
    const foundDate: string | null = published === null ? publishedOf(line) : null;
    if (foundByline === null && foundDate === null) break;
    byline ??= foundByline;
    published ??= foundDate;
    shiftLine(blocks);
  }

  const paragraphs = blocks.map(joinBlock).filter((paragraph) => paragraph !== '');
  return { title, byline, published, paragraphs };
}

/** Splits on blank lines; each block is its lines, indentation kept (it marks list continuations). */
function toBlocks(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((block) => block.length > 0);
}

function shiftLine(blocks: string[][]): void {
  const first = blocks[0];
  if (first === undefined) return;
  first.shift();
  if (first.length === 0) blocks.shift();
}

/** Removes and returns the headline when the first line is one, following the rules in {@link parseText}. */
function takeTitle(blocks: string[][]): string | null {
  const first = blocks[0];
  const line = first?.[0]?.trim();
  if (first === undefined || line === undefined || !isTitleLike(line)) return null;
  if (first.length === 1) {
    // A lone line is only a title when a body follows it.
    if (blocks.length < 2) return null;
  } else {
    const next = first[1]?.trim() ?? '';
    const startsBody = /^["'“‘(\p{Lu}\p{N}]/u.test(next) && !LIST_ITEM.test(next);
    if (!startsBody || line.length >= next.length * TITLE_TO_BODY_RATIO) return null;
  }
  shiftLine(blocks);
  return cleanInline(line);
}

function isTitleLike(line: string): boolean {
  if (line.length > TITLE_MAX_CHARS) return false;
  if (line.split(/\s+/).length > TITLE_MAX_WORDS) return false;
  if (TERMINAL_PUNCTUATION.test(line) || LIST_ITEM.test(line)) return false;
  if (bylineOf(line) !== null || publishedOf(line) !== null) return false;
  return /\p{L}/u.test(line);
}

/**
 * Joins a block's lines: wrapped prose becomes one line, while list items stay on lines of their
 * own (a wrapped item's indented continuation lines are joined to it).
 */
function joinBlock(lines: readonly string[]): string {
  const out: string[] = [];
  let inItem = false;
  for (const raw of lines) {
    const line = raw.trim();
    const isItem = LIST_ITEM.test(line);
    const continuesItem: boolean = inItem && !isItem && /^\s/.test(raw);
    const last = out.length - 1;
    if (isItem) {
      out.push(line.replace(SYMBOL_BULLET, ''));
    } else if (last >= 0 && (continuesItem || !inItem)) {
      out[last] = `${out[last] ?? ''} ${line}`;
    } else {
      out.push(line);
    }
    inItem = isItem || continuesItem;
  }
  return out
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
