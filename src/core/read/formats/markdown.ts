import { Lexer, type MarkedToken, type Token } from 'marked';
import { DEFAULT_WORK_LIMITS, type WorkLimits } from '../../limits.js';
import { checkLimit } from '../work-budget.js';
import { decodeEntities } from './entities.js';
import { bylineOf, cleanInline, type ParsedArticle, publishedOf } from './parsed.js';
import { parseText } from './text.js';

const MARKED_TYPES: ReadonlySet<string> = new Set<MarkedToken['type']>([
  'blockquote',
  'br',
  'checkbox',
  'code',
  'codespan',
  'def',
  'del',
  'em',
  'escape',
  'heading',
  'hr',
  'html',
  'image',
  'link',
  'list',
  'list_item',
  'paragraph',
  'space',
  'strong',
  'table',
  'text',
]);

/** marked's `Token` includes a catch-all for extensions; only its own token types are handled here. */
function isMarkedToken(token: Token): token is MarkedToken {
  return MARKED_TYPES.has(token.type);
}

interface FrontMatter {
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
}

/** YAML front matter: only flat `key: value` lines are read, which is all the metadata we need. */
const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/;

function splitFrontMatter(text: string): { body: string; meta: FrontMatter } {
  const match = FRONT_MATTER.exec(text);
  if (match === null) return { body: text, meta: { title: null, byline: null, published: null } };
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    const key = pair?.[1];
    const value = pair?.[2]?.replace(/^(["'])(.*)\1$/, '$2');
    if (key !== undefined && value !== undefined && value !== '') fields.set(key.toLowerCase(), value);
  }
  const first = (...keys: string[]): string | null =>
    cleanInline(keys.map((key) => fields.get(key)).find((value) => value !== undefined));
  return {
    body: text.slice(match[0].length),
    meta: {
      title: first('title', 'headline'),
      byline: first('author', 'byline', 'authors'),
      published: first('date', 'published', 'published_at', 'pubdate'),
    },
  };
}

/**
 * Reads Markdown through marked's lexer (never its renderer): the first `#` heading or the front
 * matter `title` is the title; paragraphs, list items (one per line) and block quotes become text
 * with emphasis and link markup removed (link text kept); code blocks, raw HTML, images, tables
 * and sub-headings are left out because they are not sentences of the story.
 *
 * Lists and block quotes nested deeper than `limits.maxDepth` are refused with
 * `InputTooComplexError` before marked sees them: marked's cost grows with the square of the nesting
 * (a list 2,000 levels deep took 139 s and 3.1 GB). Input nested deep enough to exhaust the stack
 * below that cap is read as plain text.
 *
 * @example
 * parseMarkdown('# Title\n\nSome **bold** [news](https://example.org).').paragraphs
 * // ['Some bold news.']
 */
export function parseMarkdown(text: string, limits: WorkLimits = DEFAULT_WORK_LIMITS): ParsedArticle {
  const { body, meta } = splitFrontMatter(text);
  checkNesting(body, limits);
  try {
    return fromTokens(lexMarkdown(body), meta);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const plain = parseText(body);
    return { ...plain, title: meta.title ?? plain.title };
  }
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Throws when lists or block quotes nest deeper than `limits.maxDepth`, estimated line by line in
 * linear time: the `>` markers at the start of a line, plus a stack of the indents of the list items
 * still open above it (an item closes when a line starts at or left of its marker). Lazy continuation
 * lines can only close items early, so the estimate never exceeds what marked would build.
 */
function checkNesting(body: string, limits: WorkLimits): void {
  const openItems: number[] = [];
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    let i = start;
    let quotes = 0;
    let indent = 0;
    for (; i < end; i += 1) {
      const code = body.charCodeAt(i);
      if (code === 0x3e /* > */) {
        quotes += 1;
        indent = 0;
      } else if (code === 0x20) indent += 1;
      else if (code === 0x09) indent += 4 - (indent % 4);
      else break;
    }
    if (i < end) {
      while (openItems.length > 0 && (openItems[openItems.length - 1] ?? 0) >= indent) openItems.pop();
      if (LIST_MARKER.test(body.slice(i, Math.min(end, i + 12)))) openItems.push(indent);
      checkLimit(limits, 'maxDepth', quotes + openItems.length);
    }
    start = end + 1;
  }
}

// marked matches emphasis by rescanning the rest of a paragraph from each `*`, `_` or `~` it cannot
// close, so a paragraph of unmatched delimiters costs the square of its length: 80 KB of "_a" took
// 8.6 s here, a megabyte would take minutes. The work is estimated as delimiters x length; a paragraph
// over the per-paragraph budget, or any paragraph once the document's budget is spent, has its inline
// markup stripped by a linear pass instead. Ordinary articles stay far below both (a 1,000-character
// paragraph with ten emphasised words is 2e4).
const INLINE_BUDGET_PER_BLOCK = 5e7;
const INLINE_BUDGET_PER_DOCUMENT = 5e8;

/** marked's `lex`, with inline lexing bounded as described above. */
function lexMarkdown(body: string): Token[] {
  const lexer = new Lexer({ gfm: true });
  const tokens = lexer.blockTokens(body.replace(/\r\n?/g, '\n'), lexer.tokens);
  let spent = 0;
  for (const { src, tokens: inline } of lexer.inlineQueue) {
    const work = emphasisDelimiters(src) * src.length;
    if (work <= INLINE_BUDGET_PER_BLOCK && spent + work <= INLINE_BUDGET_PER_DOCUMENT) {
      spent += work;
      lexer.state.inRawBlock = false;
      lexer.inlineTokens(src, inline);
    } else {
      inline.push({ type: 'text', raw: src, text: stripInlineMarkup(src) });
    }
  }
  lexer.inlineQueue = [];
  return tokens;
}

function emphasisDelimiters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 42 || code === 95 || code === 126) count += 1;
  }
  return count;
}

// Every quantifier is bounded, so each pattern does constant work per starting position.
const INLINE_IMAGE = /!\[[^\]\n]{0,300}\]\([^)\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g;
const INLINE_LINK = /\[([^\]\n]{0,300})\]\([^)\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]{1,2000})>/g;
const INLINE_TAG = /<\/?[A-Za-z][^<>\n]{0,500}>/g;
// A backslash escape keeps its character; star, tilde and backtick runs are markup wherever they
// stand; an underscore only at a word's edge (snake_case stays).
const ESCAPE_OR_EMPHASIS = /\\([!-/:-@[-`{-~])|[*~`]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

/** The visible text of an inline run, by a linear pass: link text kept, images, tags and emphasis dropped. */
function stripInlineMarkup(text: string): string {
  return text
    .replace(INLINE_IMAGE, '')
    .replace(INLINE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(INLINE_TAG, '')
    .replace(ESCAPE_OR_EMPHASIS, (_markup, escaped: string | undefined) => escaped ?? '');
}

function fromTokens(tokens: readonly Token[], meta: FrontMatter): ParsedArticle {
  let title = meta.title;
  let byline = meta.byline;
  let published = meta.published;
  const paragraphs: string[] = [];

  const visitBlocks = (blocks: readonly Token[]): void => {
    for (const token of blocks) {
      if (!isMarkedToken(token)) continue;
      switch (token.type) {
        case 'heading': {
          const heading = cleanInline(inlineText(token.tokens));
          if (token.depth === 1 && title === null && paragraphs.length === 0) title = heading;
          break;
        }
        case 'paragraph':
        case 'text': {
          const line = cleanInline(inlineText(token.tokens ?? [token]));
          if (line === null) break;
          // A byline or date straight under the headline is metadata, not body text.
          if (paragraphs.length === 0 && byline === null && bylineOf(line) !== null) {
            byline = bylineOf(line);
          } else if (paragraphs.length === 0 && published === null && publishedOf(line) !== null) {
            published = publishedOf(line);
          } else {
            paragraphs.push(line);
          }
          break;
        }
        case 'list': {
          const lines = listLines(token.items);
          if (lines.length > 0) paragraphs.push(lines.join('\n'));
          break;
        }
        case 'blockquote':
          visitBlocks(token.tokens);
          break;
        default:
          // code, html, hr, space, def, table: not prose.
          break;
      }
    }
  };
  visitBlocks(tokens);
  return { title, byline, published, paragraphs };
}

/** One line per list item, nested items flattened after their parent. */
function listLines(items: readonly Token[]): string[] {
  const lines: string[] = [];
  for (const item of items) {
    if (!isMarkedToken(item) || item.type !== 'list_item') continue;
    const own: string[] = [];
    for (const child of item.tokens) {
      if (!isMarkedToken(child)) continue;
      if (child.type === 'list') {
        const line = cleanInline(own.join(' '));
        if (line !== null) lines.push(line);
        own.length = 0;
        lines.push(...listLines(child.items));
      } else if (child.type === 'text' || child.type === 'paragraph') {
        own.push(inlineText(child.tokens ?? [child]));
      }
    }
    const line = cleanInline(own.join(' '));
    if (line !== null) lines.push(line);
  }
  return lines;
}

/** The visible text of inline tokens: markup dropped, link and emphasis text kept, images and tags dropped. */
function inlineText(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    if (!isMarkedToken(token)) continue;
    switch (token.type) {
      case 'text':
        out += token.tokens === undefined ? decodeEntities(token.text) : inlineText(token.tokens);
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        out += inlineText(token.tokens);
        break;
      case 'codespan':
        out += decodeEntities(token.text);
        break;
      case 'escape':
        out += token.text;
        break;
      case 'br':
        out += ' ';
        break;
      default:
        // image, inline html, checkbox: nothing readable.
        break;
    }
  }
  return out;
}
