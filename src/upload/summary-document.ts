import { type Analysis, GENERATOR, SCHEMA_VERSION } from '../core/analysis.js';
import type { LedeError } from '../errors.js';

/** Where an analysed article came from, as stored next to its analysis. */
export interface ArticleSource {
  readonly bucket: string;
  readonly key: string;
  /** `null` when the bucket is not versioned. */
  readonly versionId: string | null;
  readonly etag: string | null;
  readonly size: number | null;
  readonly contentType: string | null;
}

/** What `onUpload` writes for an article it could analyse. */
export type SummaryDocument = Analysis & { readonly source: ArticleSource; readonly processedAt: string };

/** What `onUpload` writes for an article it refused, so the uploader sees why instead of nothing. */
export interface FailureDocument {
  readonly schemaVersion: string;
  readonly status: 'failed';
  readonly error: { readonly code: string; readonly message: string };
  readonly source: ArticleSource;
  readonly processedAt: string;
  readonly generator: typeof GENERATOR;
}

export function summaryDocument(
  analysis: Analysis,
  source: ArticleSource,
  processedAt: Date,
): SummaryDocument {
  return { ...analysis, source, processedAt: processedAt.toISOString() };
}

export function failureDocument(error: LedeError, source: ArticleSource, processedAt: Date): FailureDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    status: 'failed',
    error: error.toJSON(),
    source,
    processedAt: processedAt.toISOString(),
    generator: GENERATOR,
  };
}
