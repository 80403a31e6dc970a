/** Inputs over this many bytes are refused before they are decoded: 25 MiB. */
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/**
 * The work budget of one input (issue 18). The byte limit alone does not bound the cost of reading:
 * a 1 MB PDF can inflate to a gigabyte, a 6 MB page can hold a million attributes. Each cap below is
 * checked while the input is being read, before the work it guards is done, and an input over one is
 * refused with `InputTooComplexError` (INPUT_TOO_COMPLEX, 422) naming it.
 *
 * The defaults keep every input up to the default byte limit within 10 s of CPU and 1 GB of memory
 * (README, Reliability) and sit far above any news article: a long feature is 10-50 thousand
 * characters and a few hundred sentences; a news site's page a few thousand elements.
 */
export interface WorkLimits {
  /** Bytes produced by decompression: every part of a Word file, every stream of a PDF, summed. */
  readonly maxInflatedBytes: number;
  /**
   * Decoded bytes of the PDF streams pdf.js parses for text (every stream but images): its parser
   * reads about 4 MB of operators a second here, and drops text drawn off the page only after
   * parsing it (300,000 off-page lines cost 5 s and yield 55 lines of text).
   */
  readonly maxContentBytes: number;
  /** HTML elements, comments and other markup nodes, counted by a linear scan before any DOM is built. */
  readonly maxNodes: number;
  /** HTML attributes in the whole page, counted by the same scan. */
  readonly maxAttributes: number;
  /**
   * HTML attributes on one element: linkedom's cost grows with the square of an element's attributes
   * (199,000 on one element took 6.7 s of CPU; a real element has a few, a heavy one fifty).
   */
  readonly maxElementAttributes: number;
  /** Nesting of Markdown lists and block quotes. */
  readonly maxDepth: number;
  /** Pages of a PDF. */
  readonly maxPages: number;
  /** Characters of text read from the input (after markup is removed). */
  readonly maxChars: number;
  /** Sentences in the document. */
  readonly maxSentences: number;
}

/** Names of the caps, as they appear in error messages and options. */
export type WorkLimitName = keyof WorkLimits;

export const DEFAULT_WORK_LIMITS: WorkLimits = Object.freeze({
  maxInflatedBytes: 64 * 1024 * 1024,
  maxContentBytes: 8 * 1024 * 1024,
  maxNodes: 50_000,
  maxAttributes: 100_000,
  maxElementAttributes: 1_000,
  maxDepth: 100,
  maxPages: 1_000,
  maxChars: 4 * 1024 * 1024,
  maxSentences: 250_000,
});

/** What each cap counts, for messages ("more than 100000 HTML nodes"). */
export const WORK_LIMIT_UNITS: Readonly<Record<WorkLimitName, string>> = Object.freeze({
  maxInflatedBytes: 'bytes once decompressed',
  maxContentBytes: 'bytes of PDF page content once decompressed',
  maxNodes: 'HTML elements and comments',
  maxAttributes: 'HTML attributes',
  maxElementAttributes: 'HTML attributes on one element',
  maxDepth: 'levels of nested lists or quotes',
  maxPages: 'pages',
  maxChars: 'characters of text',
  maxSentences: 'sentences',
});
