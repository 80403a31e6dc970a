import type { Dateline, Format } from './document.js';
import type { Tag } from './tags/tag.js';

/**
 * Version of the analysis JSON (see `schema/analysis.schema.json`). Bump the major version when a field
 * is removed or changes meaning; add fields in a minor version.
 */
export const SCHEMA_VERSION = '1.2.0';

/** Who made the analysis; kept equal to package.json's version by a unit test. */
export const GENERATOR: { readonly name: 'lede'; readonly version: string } = Object.freeze({
  name: 'lede',
  version: '0.1.0',
});

export interface SummarySentence {
  /** Index of the sentence among the article's body sentences. */
  readonly index: number;
  readonly text: string;
  readonly score: number;
}

export interface Keyword {
  /** Surface form as it appears in the article, e.g. "Shanghai Cooperation Organization". */
  readonly term: string;
  readonly score: number;
  readonly count: number;
}

export interface Stats {
  readonly characters: number;
  readonly words: number;
  readonly sentences: number;
  readonly paragraphs: number;
  readonly readingTimeMinutes: number;
}

/** The core's result: the same JSON the CLI prints, the Lambda writes to S3 and the API returns. */
export interface Analysis {
  readonly schemaVersion: string;
  readonly status: 'ok';
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  /** The wire dateline read off the lead, or null. */
  readonly dateline: Dateline | null;
  readonly language: string;
  readonly format: Format;
  readonly encoding: string;
  readonly summary: { readonly text: string; readonly sentences: readonly SummarySentence[] };
  readonly keywords: readonly Keyword[];
  readonly tags: readonly Tag[];
  readonly stats: Stats;
  readonly generator: typeof GENERATOR;
}
