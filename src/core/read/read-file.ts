import { InputTooLargeError } from '../../errors.js';
import type { ArticleDocument, FileFormat } from '../document.js';
import type { WorkLimits } from '../limits.js';
import { declaredFormat } from './detect-format.js';
import type { ParsedArticle } from './formats/parsed.js';
import { documentFrom, type ReadOptions, readDocument, resolveMaxBytes } from './read-document.js';
import { resolveWorkLimits } from './work-budget.js';

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
// Every Word document's ZIP directory names its main part; other ZIP files (XLSX, EPUB) do not.
const WORD_MAIN_PART = new TextEncoder().encode('word/document.xml');

// Each reader is imported on first use: the libraries behind them (pdf.js ~1.7 MB, mammoth ~0.6 MB)
// must not slow the cold start of the text and HTML uploads that are most of the traffic.
type FileReader = (bytes: Uint8Array, limits: WorkLimits) => Promise<ParsedArticle>;

const READERS: Readonly<Record<FileFormat, () => Promise<FileReader>>> = {
  docx: async () => (await import('./formats/docx.js')).parseDocx,
  pdf: async () => (await import('./formats/pdf.js')).parsePdf,
};

function startsWith(bytes: Uint8Array, prefix: ArrayLike<number>): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/**
 * The file format the bytes themselves prove: a PDF header, or a ZIP holding a Word document. The
 * content decides, not the name: a PDF uploaded as `story.txt` is still read as a PDF.
 */
export function fileFormatOf(bytes: Uint8Array): FileFormat | undefined {
  if (
    startsWith(
      bytes,
      Array.from(PDF_MAGIC, (c) => c.charCodeAt(0)),
    )
  )
    return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC) && contains(bytes, WORD_MAIN_PART)) return 'docx';
  return undefined;
}

/**
 * Reads any file lede accepts: Word (.docx) and PDF through their readers, loaded on first use, and
 * text, Markdown, HTML and JSON through {@link readDocument}. Throws a `LedeError` for refused input.
 * @example const doc = await readFile(bytes, { filename: 'report.pdf' });
 */
export async function readFile(bytes: Uint8Array, options: ReadOptions = {}): Promise<ArticleDocument> {
  const format = fileFormatOf(bytes);
  if (format === undefined) return readDocument(bytes, options);
  // Validates an explicit format or content type the same way as for text, so a bad one is refused.
  declaredFormat(options);
  const maxBytes = resolveMaxBytes(options);
  if (bytes.byteLength > maxBytes) throw new InputTooLargeError(bytes.byteLength, maxBytes);
  const limits = resolveWorkLimits(options.limits);
  const parse = await READERS[format]();
  return documentFrom(await parse(bytes, limits), format, format === 'docx' ? 'utf-8' : 'pdf', options);
}
