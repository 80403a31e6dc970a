import {
  EmptyDocumentError,
  InputTooLargeError,
  InvalidOptionsError,
  MalformedInputError,
} from '../../errors.js';
import {
  type ArticleDocument,
  type Dateline,
  type FileFormat,
  type Format,
  isFileFormat,
  type Sentence,
  type TextFormat,
} from '../document.js';
import { DEFAULT_MAX_BYTES, type WorkLimits } from '../limits.js';
import { splitSentences } from '../segment/split-sentences.js';
import { splitDateline, stripLeadFurniture } from './dateline.js';
import { decodeBytes } from './decode.js';
import { declaredFormat, sniffFormat } from './detect-format.js';
import type { ParsedArticle } from './formats/parsed.js';
import { parseText } from './formats/text.js';
import { isFurnitureLine, isFurnitureSentence, stripIconNames, stripLeadingLabels } from './furniture.js';
import { normalizeText } from './normalize.js';
import { checkLimit, resolveWorkLimits, tooComplex } from './work-budget.js';

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
  /** Caps on the work of reading (see `WorkLimits`); each defaults to `DEFAULT_WORK_LIMITS`. */
  readonly limits?: Partial<WorkLimits>;
}

const FILE_FORMAT_NAMES: Readonly<Record<FileFormat, string>> = { docx: 'Word (.docx)', pdf: 'PDF' };

const DEFAULTS = Object.freeze({ maxBytes: DEFAULT_MAX_BYTES });

type Parser = (text: string, limits: WorkLimits) => ParsedArticle | Promise<ParsedArticle>;

// Plain text, most of the traffic, is parsed by code that is always loaded. The other parsers are
// imported on first use, so a cold start never compiles what its input does not need: linkedom and
// Readability for HTML (~0.5 MB of the bundle's 1.7 MB), marked for Markdown, and the JSON reader
// (which loads the HTML parser itself when a document has an `html` field).
const PARSERS: Readonly<Record<TextFormat, () => Parser | Promise<Parser>>> = Object.freeze({
  txt: () => (text: string) => parseText(text),
  md: async () => (await import('./formats/markdown.js')).parseMarkdown,
  html: async () => (await import('./formats/html.js')).parseHtml,
  json: async () => (await import('./formats/json.js')).parseJson,
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
 * into sentences. Rejects with a `LedeError` subclass for every input it refuses. Asynchronous
 * because a format's parser is loaded the first time an input needs it.
 *
 * @example
 * const doc = await readDocument(new TextEncoder().encode('Dam opens\n\nThe dam opened. Water flowed.'), {
 *   filename: 'dam.txt',
 * });
 * doc.title; // 'Dam opens'
 * doc.sentences.map((s) => s.text); // ['The dam opened.', 'Water flowed.']
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ArticleDocument> {
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
 * (await readText('<p>The bridge reopened.</p>', { format: 'html' })).paragraphs // ['The bridge reopened.']
 */
export async function readText(text: string, options: ReadOptions = {}): Promise<ArticleDocument> {
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

async function readDecoded(
  raw: string,
  encoding: string,
  declared: Format | undefined,
  options: ReadOptions,
): Promise<ArticleDocument> {
  if (declared !== undefined && isFileFormat(declared)) {
    // readFile sends real Word and PDF files to their readers; what reaches here only claims to be one.
    throw new MalformedInputError(
      `The input is declared as ${declared} but is not a ${FILE_FORMAT_NAMES[declared]} file`,
    );
  }
  const limits = resolveWorkLimits(options.limits);
  const text = normalizeText(raw);
  if (text === '') throw new EmptyDocumentError('The document contains only whitespace');
  const format = declared ?? sniffFormat(text);
  // Plain text and Markdown are nearly all text: one over the character cap is refused before it is
  // parsed (25 MiB of plain text took 12 s of CPU to summarise).
  if ((format === 'txt' || format === 'md') && text.length > limits.maxChars) {
    throw tooComplex(limits, 'maxChars');
  }
  const parse = await PARSERS[format]();
  return documentFrom(await parse(text, limits), format, encoding, options);
}

/**
 * Builds the document from what a format parser found: the title (an explicit one wins), then the
 * body split into sentences with page furniture dropped. Refuses a body with no sentences left, and
 * one over the character or sentence cap (`InputTooComplexError`) before splitting more of it.
 */
export function documentFrom(
  parsed: ParsedArticle,
  format: Format,
  encoding: string,
  options: ReadOptions,
): ArticleDocument {
  const limits = resolveWorkLimits(options.limits);
  let chars = 0;
  for (const paragraph of parsed.paragraphs) chars += paragraph.length;
  checkLimit(limits, 'maxChars', chars);
  const title = normalizeTitle(options.title) ?? parsed.title;
  const paragraphs: string[] = [];
  const sentences: Sentence[] = [];
  let dateline: Dateline | null = null;
  for (const paragraph of parsed.paragraphs) {
    const lead = sentences.length === 0;
    const kept = paragraphSentences(lead ? stripLeadFurniture(paragraph) : paragraph);
    // Checked per paragraph, so the splitting stops soon after the cap is passed.
    checkLimit(limits, 'maxSentences', sentences.length + kept.length);
    // The headline is never body text, even when a page repeats it as the first paragraph.
    if (lead && title !== null && kept.join(' ') === title) continue;
    if (kept.length === 0) continue;
    if (lead) {
      // The dateline says where the story was filed, not what happened: it is kept as metadata and
      // never shown as part of a summary sentence.
      const split = splitDateline(kept[0] ?? '');
      if (split !== undefined) {
        dateline = split.dateline;
        kept[0] = split.text;
      }
    }
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
    dateline: dateline === null ? null : Object.freeze(dateline),
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
      const cleaned = stripIconNames(sentence).replace(/\s+/g, ' ').trim();
      // A prompt that is the whole sentence ("READ MORE: ...") goes first; then a caption label before
      // real text is taken off, and what is left is tested again.
      if (cleaned === '' || isFurnitureSentence(cleaned)) continue;
      const text = stripLeadingLabels(cleaned);
      if (text === cleaned || !isFurnitureSentence(text)) kept.push(text);
    }
  }
  return kept;
}
