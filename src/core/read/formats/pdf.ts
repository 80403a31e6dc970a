import { getDocumentProxy } from 'unpdf';
import { InputTooComplexError, MalformedInputError, NoTextLayerError } from '../../../errors.js';
import { DEFAULT_WORK_LIMITS, type WorkLimits } from '../../limits.js';
import { normalizeText } from '../normalize.js';
import { tooComplex } from '../work-budget.js';
import type { ParsedArticle } from './parsed.js';
import { checkPdfStreams } from './pdf-streams.js';
import { parseText } from './text.js';

/** A line of a page as pdf.js lays it out: its text and its baseline's height on the page. */
interface PageLine {
  readonly text: string;
  readonly y: number;
}

/** What the reader needs of a pdf.js text item. */
interface TextItemLike {
  readonly str: string;
  readonly transform: readonly number[];
  readonly hasEOL: boolean;
}

// A gap between two lines this many times the page's line spacing (its smallest gap between lines)
// is a paragraph break.
const PARAGRAPH_GAP = 1.5;
// Running heads and feet: a bare page number, "Page 3", "Page 3 of 10", "3 / 10".
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// Fewer letters than this in the whole file, and it is a scan (or a form with no prose).
const MIN_TEXT_LETTERS = 20;
const LETTER = /\p{L}/gu;
// pdf.js logs warnings about damaged files to the console; the error we throw says enough.
const PDFJS_ERRORS_ONLY = 0;

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Joins a page's text items into lines, top to bottom as pdf.js returns them. */
function pageLines(items: readonly unknown[]): PageLine[] {
  const lines: PageLine[] = [];
  let text = '';
  let y: number | undefined;
  for (const item of items) {
    if (!isTextItem(item)) continue;
    y ??= item.transform[5] ?? 0;
    text += item.str;
    if (item.hasEOL) {
      lines.push({ text, y });
      text = '';
      y = undefined;
    }
  }
  if (text.trim() !== '') lines.push({ text, y: y ?? 0 });
  return lines.filter((line) => line.text.trim() !== '');
}

// Gaps smaller than this (points) are sub- and superscripts on one line, not line spacing.
const MIN_LINE_GAP = 2;

/**
 * A page as plain text: lines kept as lines (the text reader joins hard-wrapped lines), a blank line
 * where the vertical gap says a new paragraph starts, page numbers dropped.
 */
function pageText(lines: readonly PageLine[]): string {
  const kept = lines.filter((line) => !PAGE_NUMBER.test(line.text.trim()));
  const gaps: number[] = [];
  for (let i = 1; i < kept.length; i += 1) {
    const gap = (kept[i - 1]?.y ?? 0) - (kept[i]?.y ?? 0);
    if (gap >= MIN_LINE_GAP) gaps.push(gap);
  }
  const spacing = gaps.length === 0 ? 0 : Math.min(...gaps);
  let out = '';
  kept.forEach((line, i) => {
    const gap = (kept[i - 1]?.y ?? 0) - line.y;
    if (i > 0) out += spacing > 0 && gap > spacing * PARAGRAPH_GAP ? '\n\n' : '\n';
    out += line.text.trim();
  });
  return out;
}

/** What the reader needs of a pdf.js page. */
interface TextPage {
  streamTextContent(): ReadableStream<{ items: readonly unknown[] }>;
}

/**
 * A page's text items, read chunk by chunk from pdf.js's text stream and stopped (the stream is
 * cancelled, so pdf.js stops evaluating the page) once the document's text passes `maxChars`:
 * a page with a 300,000-line text stream is refused after `maxChars` characters, not read in full.
 */
async function boundedTextItems(
  page: TextPage,
  budget: { chars: number },
  limits: WorkLimits,
): Promise<unknown[]> {
  const items: unknown[] = [];
  const reader = page.streamTextContent().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (const item of chunk.value.items) {
      // Every item costs work even when empty; counting one character at least bounds those too.
      budget.chars -= isTextItem(item) ? Math.max(1, item.str.length) : 1;
      items.push(item);
    }
    if (budget.chars < 0) {
      const error = tooComplex(limits, 'maxChars');
      await reader.cancel(error);
      throw error;
    }
  }
  return items;
}

/**
 * Reads the text layer of a PDF with pdf.js (through unpdf, which runs it without a worker, a canvas
 * or any network access), rebuilding paragraphs from the line spacing, then parses that like plain
 * text. A PDF with no text layer, such as a scan, is refused with `NoTextLayerError`; one over a cap
 * of `limits` (decompressed bytes, pages, characters) with `InputTooComplexError`. Loaded only for
 * PDF uploads: pdf.js is ~1.7 MB.
 * @example (await parsePdf(bytes)).paragraphs[0] // 'The harbour reopened on Monday after a week of repairs.'
 */
export async function parsePdf(
  bytes: Uint8Array,
  limits: WorkLimits = DEFAULT_WORK_LIMITS,
): Promise<ParsedArticle> {
  // Streams are decoded with a capped output before pdf.js inflates any of them in full.
  checkPdfStreams(bytes, limits);
  let pages: string[];
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
    // unpdf's build of pdf.js has no `eval`/`new Function` path at all (font programs are
    // interpreted, never compiled), so a hostile PDF cannot run code.
    const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: PDFJS_ERRORS_ONLY });
    try {
      // Refused before the first page is read: 10,000 empty pages took 34 s only to find no text.
      if (document.numPages > limits.maxPages) throw tooComplex(limits, 'maxPages');
      pages = [];
      const budget = { chars: limits.maxChars };
      for (let number = 1; number <= document.numPages; number += 1) {
        const page = await document.getPage(number);
        pages.push(pageText(pageLines(await boundedTextItems(page, budget, limits))));
      }
    } finally {
      await document.loadingTask.destroy();
    }
  } catch (error) {
    if (error instanceof InputTooComplexError) throw error;
    throw new MalformedInputError('The file is not a readable PDF', { cause: error });
  }
  const text = pages.filter((page) => page !== '').join('\n\n');
  if ((text.match(LETTER)?.length ?? 0) < MIN_TEXT_LETTERS) throw new NoTextLayerError();
  return parseText(normalizeText(text));
}
