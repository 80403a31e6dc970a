import { UnsupportedFormatError, UnsupportedMediaError } from '../../errors.js';
import type { Format, TextFormat } from '../document.js';
import {
  EXTENSION_FORMATS,
  FORMAT_ALIASES,
  MEDIA_TYPE_FORMATS,
  UNSUPPORTED_MEDIA_PREFIXES,
} from './format-names.js';

export interface FormatHints {
  /** Explicit choice (`--format`, API field); wins over everything else. */
  readonly format?: string;
  readonly filename?: string;
  /** A Content-Type header or S3 object ContentType; parameters such as `charset` are ignored. */
  readonly contentType?: string;
}

/**
 * The format the caller or the upload declares, without looking at the content: the override,
 * then the file extension, then the content type. `undefined` when none of them says.
 * Runs before decoding so an unsupported declaration costs nothing.
 *
 * @example
 * declaredFormat({ filename: 'story.MD' }) // 'md'
 * declaredFormat({ contentType: 'image/png' }) // throws UnsupportedMediaError
 */
export function declaredFormat(hints: FormatHints): Format | undefined {
  if (hints.format !== undefined) {
    const chosen = FORMAT_ALIASES[hints.format.trim().toLowerCase()];
    if (chosen === undefined) {
      throw new UnsupportedFormatError(
        `Format "${hints.format}" is not supported; use one of txt, md, html, json, docx or pdf`,
      );
    }
    return chosen;
  }
  if (hints.filename !== undefined) {
    const fromExtension = EXTENSION_FORMATS[extensionOf(hints.filename)];
    if (fromExtension !== undefined) return fromExtension;
  }
  if (hints.contentType !== undefined) return formatOfMediaType(hints.contentType);
  return undefined;
}

function extensionOf(filename: string): string {
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function formatOfMediaType(contentType: string): Format | undefined {
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const known = MEDIA_TYPE_FORMATS[mediaType];
  if (known !== undefined) return known;
  if (mediaType.endsWith('+json')) return 'json';
  if (UNSUPPORTED_MEDIA_PREFIXES.some((prefix) => mediaType.startsWith(prefix))) {
    throw new UnsupportedMediaError(`Content type "${mediaType}" is not text lede can read`);
  }
  // text/*, application/octet-stream and the like say nothing useful: let the content decide.
  return undefined;
}

/** How much of the start of a file sniffing looks at: enough for a doctype, front matter or a heading. */
const SNIFF_CHARS = 16_384;

const HTML_START =
  /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<\?xml[^>]*>\s*<(?:!doctype html|html))/i;
/** Block and metadata tags an HTML fragment commonly opens with. */
const HTML_BLOCK_START =
  /^<(?:article|aside|blockquote|div|section|main|header|footer|nav|p|h[1-6]|ul|ol|table|figure|meta|title|link|script|style|span|a|b|i|em|strong|br)[\s/>]/i;

/** XML that is not XHTML (handled above): images, feeds, sitemaps, GPS tracks. Their markup is not prose. */
const XML_START = /^(?:<\?xml[\s?]|<(?:svg|rss|feed|urlset|sitemapindex|plist|kml|gpx)[\s>])/i;

/** Markdown constructs that plain prose almost never contains. One is enough. */
const MARKDOWN_STRONG_SIGNALS: readonly RegExp[] = [
  /^#{1,6} \S/m, // ATX heading
  /^(?:```|~~~)/m, // fenced code
  /\[[^\]\n]{1,300}\]\([^)\s]{1,2000}\)/, // inline link
  /\*\*[^*\n]{1,300}\*\*/, // strong emphasis
  /^---\n[^\n]{0,200}:/, // YAML front matter
];
/** Constructs plain text also uses (hyphen bullets, quoted replies): two different ones are needed. */
const MARKDOWN_WEAK_SIGNALS: readonly RegExp[] = [
  /^[-*+] \S/m,
  /^> \S/m,
  /^\S[^\n]*\n(?:={3,}|-{3,})$/m, // setext heading
  /(?:^|\s)_[^_\n]{1,100}_(?:\s|[.,;:!?]|$)/m,
  /`[^`\n]{1,100}`/,
];

/**
 * Guesses the format from the text alone: markup at the very start means HTML, a parsable leading
 * `{` or `[` means JSON, Markdown-only constructs mean Markdown, anything else is plain text.
 * Other XML (SVG, RSS, sitemaps) throws `UnsupportedFormatError`.
 *
 * @example
 * sniffFormat('{"text": "Hello."}') // 'json'
 */
export function sniffFormat(text: string): TextFormat {
  const head = text.trimStart().slice(0, SNIFF_CHARS);
  if (HTML_START.test(head) || HTML_BLOCK_START.test(head)) return 'html';
  if (XML_START.test(head)) {
    // Read as plain text it would give a "summary" made of tags.
    throw new UnsupportedFormatError(
      'The file is XML (an SVG image, a feed or a similar document), not an article lede can read',
    );
  }
  if ((head.startsWith('{') || head.startsWith('[')) && parsesAsJson(text)) return 'json';
  if (MARKDOWN_STRONG_SIGNALS.some((signal) => signal.test(head))) return 'md';
  if (MARKDOWN_WEAK_SIGNALS.filter((signal) => signal.test(head)).length >= 2) return 'md';
  return 'txt';
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
