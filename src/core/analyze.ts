// PLACEHOLDER until the analysis lands: interface is final, output is a crude lead summary.
import { type Analysis, SCHEMA_VERSION } from './analysis.js';
import type { Format } from './document.js';
import { splitSentences } from './segment/split-sentences.js';

export interface AnalyzeArticleOptions {
  /** File name or S3 key, used with `contentType` to choose the format. */
  readonly filename?: string;
  readonly contentType?: string;
  /** Forces the format, skipping detection. */
  readonly format?: Format;
  /** Overrides the title found in the document. */
  readonly title?: string;
  readonly maxBytes?: number;
  /** Summary length in sentences; default grows with the article. */
  readonly sentences?: number;
}

/** Reads an article file (bytes) and analyses it. Throws a `LedeError` for bad input. */
export function analyzeArticle(bytes: Uint8Array, options: AnalyzeArticleOptions = {}): Analysis {
  const text = new TextDecoder().decode(bytes);
  const sentences = splitSentences(text).slice(0, options.sentences ?? 3);
  return {
    schemaVersion: SCHEMA_VERSION,
    status: 'ok',
    title: options.title ?? null,
    byline: null,
    published: null,
    language: 'en',
    format: options.format ?? 'txt',
    encoding: 'utf-8',
    summary: {
      text: sentences.join(' '),
      sentences: sentences.map((s, index) => ({ index, text: s, score: 1 })),
    },
    keywords: [],
    tags: [],
    stats: {
      characters: text.length,
      words: 0,
      sentences: sentences.length,
      paragraphs: 1,
      readingTimeMinutes: 1,
    },
    generator: { name: 'lede', version: '0.1.0' },
  };
}
