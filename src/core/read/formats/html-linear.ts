import { isAsciiLetter } from '../../text/chars.js';
import { decodeEntities } from './entities.js';
import { BLOCK_TAGS, FURNITURE_TAGS } from './html-furniture.js';

/** Furniture elements whose whole content is skipped by the linear scan (up to the first closing tag). */
const SKIP_CONTENT: ReadonlySet<string> = new Set([...FURNITURE_TAGS, 'title', 'head', 'pre']);
/** Elements that never have a closing tag, so skipping "their content" would swallow the page. */
const VOID_TAGS: ReadonlySet<string> = new Set(['img', 'input', 'link', 'meta', 'embed', 'br', 'hr']);
const TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9-]{0,40})/;

/**
 * Extracts text from HTML with a single forward scan and no DOM: tags are dropped, block tags
 * become paragraph breaks, and furniture elements are skipped to their first closing tag. Every
 * step moves forward with `indexOf`, so the cost is linear and nothing recurses; this is the
 * fallback for pages too deeply nested for the DOM-based reader. Nested furniture of the same
 * tag and `>` inside quoted attributes are not handled: acceptable for a last resort.
 *
 * @example
 * stripTags('<p>One &amp; two</p><script>x()</script><p>Three</p>') // 'One & two\n\nThree'
 */
export function stripTags(html: string): string {
  const lower = asciiLowerCase(html);
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const name = TAG_NAME.exec(html.slice(open, open + 44))?.[1]?.toLowerCase();
    const close = html.indexOf('>', open + 1);
    if (name === undefined || close < 0) {
      // A bare "<" in text ("a < b"), or a tag cut off at the end of the input.
      if (close < 0 && name !== undefined) break;
      out.push('<');
      i = open + 1;
      continue;
    }
    const isClosing = html[open + 1] === '/';
    if (!isClosing && SKIP_CONTENT.has(name) && !VOID_TAGS.has(name)) {
      const end = lower.indexOf(`</${name}`, close + 1);
      const endClose = end < 0 ? -1 : html.indexOf('>', end);
      i = endClose < 0 ? html.length : endClose + 1;
      continue;
    }
    // Inline tags join their text ("<b>bo</b>ld" is "bold"); block tags separate paragraphs.
    if (BLOCK_TAGS.has(name)) out.push('\n\n');
    i = close + 1;
  }
  return decodeEntities(out.join(''))
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * The `<title>` text found by a plain search, for the linear fallback.
 *
 * @example
 * titleTagText('<title>News &amp; views</title>') // 'News & views'
 */
export function titleTagText(html: string): string | null {
  const lower = asciiLowerCase(html);
  const start = lower.indexOf('<title');
  if (start < 0) return null;
  const open = html.indexOf('>', start);
  const end = lower.indexOf('</title', open);
  if (open < 0 || end < 0) return null;
  return decodeEntities(html.slice(open + 1, end));
}

/**
 * Lower-cases A-Z only. `toLowerCase` can change a string's length ("İ" becomes two code units),
 * which would make indexes found in the copy point at the wrong place in the original.
 */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

// Elements that never take a closing tag, so they do not nest.
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * Deepest element nesting in raw markup, estimated in one pass without building a DOM: each opening
 * tag goes one level down, each closing tag one up (void and self-closed tags do neither). Unclosed
 * tags count as open, which is what a DOM builder would do with them too.
 * @example markupDepth('<div><p>x</p><br></div>') // 2
 */
export function markupDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1);
    if (next === 0x2f /* / */) {
      if (depth > 0) depth -= 1;
      continue;
    }
    const isLetter = isAsciiLetter(next);
    if (!isLetter) continue;
    let end = at + 1;
    while (end < html.length && /[A-Za-z0-9-]/.test(html.charAt(end))) end += 1;
    const name = html.slice(at + 1, end).toLowerCase();
    const close = html.indexOf('>', end);
    const selfClosed = close > 0 && html.charCodeAt(close - 1) === 0x2f;
    if (VOID_ELEMENTS.has(name) || selfClosed) continue;
    depth += 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

const isNameChar = (code: number): boolean =>
  !(code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x3e);

/** What a DOM built from a page would hold, counted without building it. */
export interface MarkupCounts {
  /** Elements, comments, doctypes and processing instructions. */
  readonly nodes: number;
  readonly attributes: number;
  /** The most attributes on one element. */
  readonly elementAttributes: number;
  /** Deepest nesting, as {@link markupDepth} measures it. */
  readonly depth: number;
}

/**
 * Counts what a DOM built from `html` would hold, in one forward pass that costs the same per byte
 * whatever the markup (no backtracking, nothing stored per node).
 * @example measureMarkup('<div id="a"><p>x</p></div>') // { nodes: 2, attributes: 1, elementAttributes: 1, depth: 2 }
 */
export function measureMarkup(html: string): MarkupCounts {
  let elementAttributes = 0;
  let nodes = 0;
  let attributes = 0;
  let depth = 0;
  let deepest = 0;
  let at = html.indexOf('<');
  while (at !== -1) {
    const next = html.charCodeAt(at + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // Comment, doctype, CDATA or processing instruction: one node each.
      nodes += 1;
      const end = html.startsWith('<!--', at) ? html.indexOf('-->', at + 4) : html.indexOf('>', at + 2);
      at = end === -1 ? -1 : html.indexOf('<', end + 1);
      continue;
    }
    if (next === 0x2f /* / */) {
      if (depth > 0) depth -= 1;
      at = html.indexOf('<', at + 2);
      continue;
    }
    const isLetter = isAsciiLetter(next);
    if (!isLetter) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    nodes += 1;
    let i = at + 1;
    while (i < html.length && isNameChar(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x2f) i += 1;
    const name = html.slice(at + 1, i).toLowerCase();
    // Attributes: names separated by whitespace, each with an optional =value (quoted or bare).
    let selfClosed = false;
    const before = attributes;
    while (i < html.length) {
      const code = html.charCodeAt(i);
      if (code === 0x3e /* > */) break;
      if (!isNameChar(code)) {
        i += 1;
        continue;
      }
      if (code === 0x2f /* / */) {
        selfClosed = html.charCodeAt(i + 1) === 0x3e;
        i += 1;
        continue;
      }
      attributes += 1;
      if (attributes - before > elementAttributes) elementAttributes = attributes - before;
      while (i < html.length && isNameChar(html.charCodeAt(i)) && html.charCodeAt(i) !== 0x3d) i += 1;
      if (html.charCodeAt(i) !== 0x3d /* = */) continue;
      i += 1;
      const quote = html.charCodeAt(i);
      if (quote === 0x22 || quote === 0x27) {
        const end = html.indexOf(String.fromCharCode(quote), i + 1);
        i = end === -1 ? html.length : end + 1;
      } else {
        while (i < html.length && isNameChar(html.charCodeAt(i))) i += 1;
      }
    }
    if (!VOID_ELEMENTS.has(name) && !selfClosed) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      // Script and style bodies are text to the parser, not markup: skip to their closing tag.
      if (name === 'script' || name === 'style') {
        at = indexOfClosing(html, name, i);
        continue;
      }
    }
    at = i >= html.length ? -1 : html.indexOf('<', i + 1);
  }
  return { nodes, attributes, elementAttributes, depth: deepest };
}

/** Index of `</name` (any case) at or after `from`, or -1. */
function indexOfClosing(html: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}`, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}
