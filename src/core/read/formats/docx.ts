import mammoth from 'mammoth';
import { MalformedInputError } from '../../../errors.js';
import { DEFAULT_WORK_LIMITS, type WorkLimits } from '../../limits.js';
import { normalizeText } from '../normalize.js';
import { parseHtml } from './html.js';
import { bylineOf, type ParsedArticle } from './parsed.js';
import { checkZipEntries } from './zip-budget.js';

// Word's built-in Title and Subtitle styles are what newsroom templates put the headline in; mammoth
// maps headings by default but not these.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/**
 * Reads a Word document (.docx): mammoth turns its paragraphs, headings and lists into HTML (no
 * scripts, no remote content: a .docx holds neither), which the HTML reader then parses like any
 * article page. Over `limits.maxInflatedBytes` once decompressed, it is refused with
 * `InputTooComplexError` before mammoth runs. Loaded only for Word uploads: mammoth and its ZIP reader are ~600 KB.
 * @example (await parseDocx(bytes)).title // 'Harbour reopens after storm'
 */
export async function parseDocx(
  bytes: Uint8Array,
  limits: WorkLimits = DEFAULT_WORK_LIMITS,
): Promise<ParsedArticle> {
  // Every part is inflated once here with a capped output, before mammoth inflates any in full.
  checkZipEntries(bytes, limits);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, includeDefaultStyleMap: true, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw new MalformedInputError('The file is not a readable Word (.docx) document', { cause: error });
  }
  return withBylineParagraph(
    parseHtml(normalizeText(`<!doctype html><html><body><article>${html}</article></body></html>`), limits),
  );
}

/** How many paragraphs under the headline may hold the byline. */
const BYLINE_PARAGRAPHS = 2;

/**
 * A Word article has no byline markup: the byline is a paragraph of its own under the headline
 * ("By Lucia Mendoza"), which the HTML reader keeps as body text, so it became summary sentence 0.
 * Taken as the byline, and out of the body, only when it is a whole "By <Name>" line (bylineOf), so
 * "By the end of the week, ..." stays a sentence.
 */
function withBylineParagraph(article: ParsedArticle): ParsedArticle {
  if (article.byline !== null) return article;
  const index = article.paragraphs.slice(0, BYLINE_PARAGRAPHS).findIndex((p) => bylineOf(p) !== null);
  const paragraph = article.paragraphs[index];
  if (index < 0 || paragraph === undefined) return article;
  return {
    ...article,
    byline: bylineOf(paragraph),
    paragraphs: article.paragraphs.filter((_, i) => i !== index),
  };
}
