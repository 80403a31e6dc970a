import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DEFAULT_WORK_LIMITS, type WorkLimits } from '../../limits.js';
import { checkLimit } from '../work-budget.js';
import {
  BLOCK_TAGS,
  FURNITURE_NAME_PARTS,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  SKIPPED_TEXT_TAGS,
} from './html-furniture.js';
import { measureMarkup, stripTags, titleTagText } from './html-linear.js';
import { bylineOf, cleanInline, type ParsedArticle } from './parsed.js';

/**
 * The slice of the DOM this module uses. The project compiles without the DOM library, so
 * linkedom's and Readability's declared `Document`/`Node` types do not resolve; these structural
 * types state what is relied on instead.
 */
interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}
interface DomElement extends DomNode {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  remove(): void;
}
interface DomDocument {
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomDocument;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Readability walks the DOM recursively. Beyond this depth it would risk overflowing the stack,
 * and no real article is nested this deep, so such pages skip Readability.
 */
const MAX_READABILITY_DEPTH = 400;

/** Markup nested deeper than this is read by the linear scan without building a DOM. */
const MAX_DOM_DEPTH = 2_000;

/**
 * Reads an HTML page: parsed with linkedom (never executed), stripped of furniture (scripts,
 * navigation, header, footer, asides, forms, and anything whose class, id, role or aria-label
 * names a cookie banner, share bar, newsletter box, promo, related links, ad, comments,
 * breadcrumb or caption), then handed to Readability for the article body. When Readability
 * finds nothing the cleaned body is used. Pages nested too deeply for a recursive walk are read
 * with a linear tag-stripping scan instead. Pages over the node or attribute cap of `limits` are
 * refused with `InputTooComplexError`.
 *
 * @example
 * parseHtml('<title>Flood - Daily</title><p>The river rose.</p>')
 * // { title: 'Flood', byline: null, published: null, paragraphs: ['The river rose.'] }
 */
export function parseHtml(html: string, limits: WorkLimits = DEFAULT_WORK_LIMITS): ParsedArticle {
  // Counted before linkedom sees the page: its cost grows with nodes and attributes (a million
  // attributes on one element took 327 s and 2.7 GB), so a page over a cap is refused here. The
  // linear scan below costs the same per byte whatever the markup, so it needs no such caps.
  // linkedom also builds and queries very deep trees in time that grows faster than the input (50,000
  // nested divs took minutes), so markup far deeper than any article skips the DOM altogether.
  const counts = measureMarkup(html);
  if (counts.depth > MAX_DOM_DEPTH) return parseLinear(html);
  checkLimit(limits, 'maxNodes', counts.nodes);
  checkLimit(limits, 'maxAttributes', counts.attributes);
  checkLimit(limits, 'maxElementAttributes', counts.elementAttributes);
  try {
    return parseWithDom(html);
  } catch (error) {
    // A stack overflow inside the DOM or Readability: fall back to the scan that cannot recurse.
    if (!(error instanceof RangeError)) throw error;
    return parseLinear(html);
  }
}

function parseWithDom(html: string): ParsedArticle {
  // linkedom types `parseHTML` as returning `Window`, which is unresolved here (no DOM lib); the
  // annotation names the one member used.
  const window: { readonly document: DomDocument } = parseHTML(asDocument(html));
  const document = window.document;

  const titleHeading = pickTitleHeading(document);
  const meta = readMetadata(document, titleHeading);
  removeFurniture(document, titleHeading);

  const body = document.body;
  if (body === null) return { ...meta, paragraphs: [] };

  let paragraphs: string[] = [];
  let readabilityByline: string | null = null;
  let readabilityPublished: string | null = null;
  if (depthOf(body) <= MAX_READABILITY_DEPTH) {
    // Readability rewrites the document it is given; keep the cleaned original for the fallback.
    const reader = new Readability<DomElement>(document.cloneNode(true), { serializer: (node) => node });
    const article = reader.parse();
    if (article?.content) paragraphs = blockTexts(article.content);
    readabilityByline = cleanInline(article?.byline);
    readabilityPublished = cleanInline(article?.publishedTime);
  }
  if (paragraphs.length === 0) paragraphs = blockTexts(body);

  return {
    title: meta.title,
    byline:
      meta.byline ?? (readabilityByline === null ? null : (bylineOf(readabilityByline) ?? readabilityByline)),
    published: meta.published ?? readabilityPublished,
    paragraphs,
  };
}

function parseLinear(html: string): ParsedArticle {
  const text = stripTags(html);
  return {
    title: titleTagText(html) === null ? null : withoutSiteName(titleTagText(html) ?? ''),
    byline: null,
    published: null,
    paragraphs: text === '' ? [] : text.split('\n\n'),
  };
}

/**
 * linkedom builds no implied `<html>`, `<head>` or `<body>`: a fragment such as `<p>..</p>` would
 * leave `document.body` empty. Fragments and pages without a `<body>` tag are wrapped in one.
 */
function asDocument(html: string): string {
  if (/<body[\s>]/i.test(html)) return /<html[\s>]/i.test(html) ? html : `<html>${html}</html>`;
  const inner = html.replace(/<!doctype[^>]*>|<\/?html[^>]*>|<\/?head[^>]*>/gi, '');
  return `<!DOCTYPE html><html><head></head><body>${inner}</body></html>`;
}

/** The page's headline element: an `<h1>` inside the article or main content, else the first outside site chrome. */
function pickTitleHeading(document: DomDocument): DomElement | null {
  const headings = Array.from(document.querySelectorAll('h1'));
  return (
    headings.find((h) => h.closest('article, main, [role="main"]') !== null) ??
    headings.find((h) => h.closest('nav, header, footer, aside') === null) ??
    null
  );
}

interface Metadata {
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
}

/** Read before furniture is removed: headers hold the headline, byline and date on many sites. */
function readMetadata(document: DomDocument, titleHeading: DomElement | null): Metadata {
  const metaContent = (selector: string): string | null =>
    cleanInline(document.querySelector(selector)?.getAttribute('content'));
  const title =
    metaContent('meta[property="og:title"]') ??
    metaContent('meta[name="twitter:title"]') ??
    cleanInline(titleHeading?.textContent) ??
    withoutSiteName(document.querySelector('title')?.textContent ?? '');

  const authorText = cleanInline(document.querySelector('[rel="author"], [itemprop="author"]')?.textContent);
  const articleAuthor = metaContent('meta[property="article:author"]');
  const byline =
    metaContent('meta[name="author"]') ??
    (authorText === null ? null : (bylineOf(authorText) ?? authorText)) ??
    (articleAuthor !== null && !/^https?:/i.test(articleAuthor) ? articleAuthor : null);

  const time = document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const published =
    metaContent('meta[property="article:published_time"]') ??
    metaContent('meta[itemprop="datePublished"]') ??
    cleanInline(document.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime')) ??
    cleanInline(time?.getAttribute('datetime'));

  return { title, byline, published };
}

const SITE_SUFFIX = /^(.+?)\s+[|\-–—·:]\s+([^|\-–—·:]+)$/u;
/** Longest site name stripped from a `<title>`, in words: longer tails are part of the headline. */
const SITE_NAME_MAX_WORDS = 5;

/**
 * Drops a trailing site name from a `<title>` ("Storm hits coast | Daily News" gives "Storm hits
 * coast"), only when the tail is short and shorter than what is left.
 */
function withoutSiteName(title: string): string | null {
  const cleaned = cleanInline(title);
  if (cleaned === null) return null;
  const match = SITE_SUFFIX.exec(cleaned);
  const head = match?.[1];
  const tail = match?.[2];
  if (head === undefined || tail === undefined) return cleaned;
  const short = tail.trim().split(/\s+/).length <= SITE_NAME_MAX_WORDS && tail.length < head.length;
  return short ? head.trim() : cleaned;
}

/** Name parts of a class list, id or label: split on separators and CamelCase, lower-cased. */
function nameParts(value: string): string[] {
  return value
    .split(/[\s\-_:./]+|(?<=\p{Ll})(?=\p{Lu})/u)
    .filter((part) => part !== '')
    .map((part) => part.toLowerCase());
}

function isFurnitureElement(element: DomElement): boolean {
  const tag = element.localName.toLowerCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role')?.trim().toLowerCase();
  if (role !== undefined && FURNITURE_ROLES.has(role)) return true;
  const names = ['class', 'id', 'aria-label', 'data-component'].map(
    (name) => element.getAttribute(name) ?? '',
  );
  return nameParts(names.join(' ')).some((part) => FURNITURE_NAME_PARTS.has(part));
}

/**
 * Removes furniture elements. The page root, `<main>` and the headline's ancestors are protected:
 * a `<body class="has-cookie-banner">` must not take the whole page with it.
 */
function removeFurniture(document: DomDocument, titleHeading: DomElement | null): void {
  const protectedNodes = new Set<DomNode>();
  for (let node: DomNode | null = titleHeading; node !== null; node = node.parentNode)
    protectedNodes.add(node);
  const doomed = Array.from(document.querySelectorAll('*')).filter((element) => {
    const tag = element.localName.toLowerCase();
    if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'head') return false;
    if (protectedNodes.has(element)) return false;
    // Head elements (title, meta) were already read; leave them be.
    return element.closest('head') === null && isFurnitureElement(element);
  });
  for (const element of doomed) element.remove();
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE && 'localName' in node;
}

/** Depth of the deepest element, walked with an explicit stack so it cannot overflow. */
function depthOf(root: DomNode): number {
  let deepest = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_READABILITY_DEPTH) return deepest;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * The text of an element as paragraphs: each block element's text is a paragraph, consecutive
 * list items form one paragraph with one item per line. Iterative, so deep trees are safe.
 */
function blockTexts(root: DomNode): string[] {
  const runs: { text: string; item: boolean }[] = [];
  let buffer = '';
  let inItem = 0;
  const flush = (): void => {
    const text = cleanInline(buffer);
    if (text !== null) runs.push({ text, item: inItem > 0 });
    buffer = '';
  };

  // Entries are nodes to visit, or `end` markers that close a block after its children.
  type Entry = { node: DomNode } | { end: string };
  const stack: Entry[] = [{ node: root }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if ('end' in entry) {
      flush();
      if (entry.end === 'li') inItem -= 1;
      continue;
    }
    const { node } = entry;
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      continue;
    }
    if (!isElement(node) && node !== root) continue;
    const tag = isElement(node) ? node.localName.toLowerCase() : '';
    if (FURNITURE_TAGS.has(tag) || SKIPPED_TEXT_TAGS.has(tag)) {
      flush();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      if (tag === 'li') inItem += 1;
      stack.push({ end: tag });
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child });
    }
  }
  flush();

  const paragraphs: string[] = [];
  let previousWasItem = false;
  for (const run of runs) {
    const last = paragraphs.length - 1;
    if (run.item && previousWasItem && last >= 0) paragraphs[last] = `${paragraphs[last] ?? ''}\n${run.text}`;
    else paragraphs.push(run.text);
    previousWasItem = run.item;
  }
  return paragraphs;
}
