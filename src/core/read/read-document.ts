import {
  EmptyDocumentError,
  InputTooLargeError,
  InvalidOptionsError,
  MalformedInputError,
} from '../../errors.js';
import {
  type ArticleDocument,
  type FileFormat,
  type Format,
  isFileFormat,
  type Sentence,
  type TextFormat,
} from '../document.js';
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { splitSentences } from '../segment/split-sentences.js';
import { decodeBytes } from './decode.js';
import { declaredFormat, sniffFormat } from './detect-format.js';
import { parseHtml } from './formats/html.js';
import { parseJson } from './formats/json.js';
import { parseMarkdown } from './formats/markdown.js';
import type { ParsedArticle } from './formats/parsed.js';
import { parseText } from './formats/text.js';
import { isFurnitureLine, isFurnitureSentence, stripIconNames } from './furniture.js';
import { normalizeText } from './normalize.js';

export interface ReadOptions {
  /** Name of the uploaded file or S3 key; its extension picks the format. */
  readonly filename?: string;
  /** Content-Type of the upload; used when the extension says nothing. */
  readonly contentType?: string;
  /** Explicit format (`txt`, `md`, `html`, `json` or an alias such as `markdown`); wins over both. */
  readonly format?: string;
  /** Inputs over this many bytes are refused before decoding. Default 25 MiB. */
  readonly maxBytes?: number;
  /** Title known from elsewhere (S3 metadata, an API field); replaces any title found in the text. */
  readonly title?: string;
}

const FILE_FORMAT_NAMES: Readonly<Record<FileFormat, string>> = { docx: 'Word (.docx)', pdf: 'PDF' };

const DEFAULTS = Object.freeze({ maxBytes: DEFAULT_MAX_BYTES });

const PARSERS: Readonly<Record<TextFormat, (text: string) => ParsedArticle>> = Object.freeze({
  txt: (text: string) => parseText(text),
  md: parseMarkdown,
  html: parseHtml,
  json: parseJson,
});

/** The byte limit in force, validated. */
export function resolveMaxBytes(options: ReadOptions): number {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new InvalidOptionsError(`maxBytes must be a positive integer, got ${String(maxBytes)}`);
  }
  return maxBytes;
}

/**
 * Reads an uploaded file into an {@link ArticleDocument}: decode (refusing oversized, binary and
 * empty input), normalise, choose the format, parse it, drop page furniture, and split the body
 * into sentences. Throws a `LedeError` subclass for every input it refuses.
 *
 * @example
 * const doc = readDocument(new TextEncoder().encode('Dam opens\n\nThe dam opened. Water flowed.'), {
 *   filename: 'dam.txt',
 * });
 * doc.title; // 'Dam opens'
 * doc.sentences.map((s) => s.text); // ['The dam opened.', 'Water flowed.']
 */
export function readDocument(bytes: Uint8Array, options: ReadOptions = {}): ArticleDocument {
  const maxBytes = resolveMaxBytes(options);
  // The declared format is checked first so a refused override or content type costs no decoding.
  const declared = declaredFormat(options);
  const { text, encoding } = decodeBytes(bytes, { maxBytes });
  return readDecoded(text, encoding, declared, options);
}

/**
 * {@link readDocument} for callers that already hold a string (the HTTP API). The size limit is
 * measured on the text's UTF-8 length, as if it had arrived as bytes.
 *
 * @example
 * readText('<p>The bridge reopened.</p>', { format: 'html' }).paragraphs // ['The bridge reopened.']
 */
export function readText(text: string, options: ReadOptions = {}): ArticleDocument {
  const maxBytes = resolveMaxBytes(options);
  const size = utf8Length(text, maxBytes);
  if (size > maxBytes) throw new InputTooLargeError(size, maxBytes);
  const declared = declaredFormat(options);
  return readDecoded(text, 'utf-8', declared, options);
}

/**
 * UTF-8 byte length without encoding the string. Stops counting once past `limit`: every UTF-16
 * code unit is at least one byte, so a string longer than the limit is over it already.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function readDecoded(
  raw: string,
  encoding: string,
  declared: Format | undefined,
  options: ReadOptions,
): ArticleDocument {
  if (declared !== undefined && isFileFormat(declared)) {
    // readFile sends real Word and PDF files to their readers; what reaches here only claims to be one.
    throw new MalformedInputError(
      `The input is declared as ${declared} but is not a ${FILE_FORMAT_NAMES[declared]} file`,
    );
  }
  const text = normalizeText(raw);
  if (text === '') throw new EmptyDocumentError('The document contains only whitespace');
  const format = declared ?? sniffFormat(text);
  return documentFrom(PARSERS[format](text), format, encoding, options);
}

/**
 * Builds the document from what a format parser found: the title (an explicit one wins), then the
 * body split into sentences with page furniture dropped. Refuses a body with no sentences left.
 */
export function documentFrom(
  parsed: ParsedArticle,
  format: Format,
  encoding: string,
  options: ReadOptions,
): ArticleDocument {
  const title = normalizeTitle(options.title) ?? parsed.title;
  const paragraphs: string[] = [];
  const sentences: Sentence[] = [];
  for (const paragraph of parsed.paragraphs) {
    const kept = paragraphSentences(paragraph);
    // The headline is never body text, even when a page repeats it as the first paragraph.
    if (sentences.length === 0 && title !== null && kept.join(' ') === title) continue;
    if (kept.length === 0) continue;
    const index = paragraphs.length;
    for (const sentence of kept)
      sentences.push({ index: sentences.length, paragraph: index, text: sentence });
    paragraphs.push(kept.join(' '));
  }
  if (sentences.length === 0) {
    throw new EmptyDocumentError('The document has no article text once page furniture is removed');
  }

  return Object.freeze({
    title,
    byline: parsed.byline,
    published: parsed.published,
    format,
    encoding,
    paragraphs: Object.freeze(paragraphs),
    sentences: Object.freeze(sentences.map((sentence) => Object.freeze(sentence))),
  });
}

function normalizeTitle(title: string | undefined): string | null {
  if (title === undefined) return null;
  const cleaned = normalizeText(title).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * The sentences of one paragraph that are article text. Lines kept apart by the parser (list
 * items) are split separately, so an item never runs into the next one.
 */
function paragraphSentences(paragraph: string): string[] {
  const kept: string[] = [];
  for (const line of paragraph.split('\n')) {
    const sentences = splitSentences(line);
    // A one-sentence line gets the same furniture test as a sentence just below: testing it as a line
    // too would run every rule twice on most lines.
    if (sentences.length > 1 && isFurnitureLine(line)) continue;
    for (const sentence of sentences) {
      const text = stripIconNames(sentence).replace(/\s+/g, ' ').trim();
      if (text !== '' && !isFurnitureSentence(text)) kept.push(text);
    }
  }
  return kept;
}
