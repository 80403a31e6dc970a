import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import { readObject, writeJson } from '../adapters/s3.js';
import type { LedeConfig } from '../config.js';
import { analyzeArticle } from '../core/analyze.js';
import { InputTooLargeError, LedeError, NotFoundError } from '../errors.js';
import { METRIC } from './observability.js';
import { decodeEventKey, isOutputKey, outputKeyForUpload } from './output-key.js';
import { type ArticleSource, failureDocument, summaryDocument } from './summary-document.js';

/** The fields of an S3 event record this function uses. */
export interface UploadRecord {
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: { readonly key: string; readonly size?: number | undefined };
  };
}

export interface UploadDeps {
  readonly s3: S3Client;
  readonly config: LedeConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
}

/** `written`: analysis stored; `refused`: bad input, error document stored; `skipped`: nothing to do. */
export type UploadOutcome = 'written' | 'refused' | 'skipped';

/**
 * Analyses one uploaded object and stores the result. Bad input becomes an error document; an object
 * deleted before it was read is skipped; anything else (throttling, 5xx, access denied) is thrown so
 * the event is retried and, after the retries, lands in the failure queue.
 */
export async function processUpload(record: UploadRecord, deps: UploadDeps): Promise<UploadOutcome> {
  const { s3, config, logger, metrics } = deps;
  const bucket = record.s3.bucket.name;
  const key = decodeEventKey(record.s3.object.key);
  const outputKey = isOutputKey(key, config) ? null : outputKeyForUpload(key, config);
  if (outputKey === null) {
    // The trigger filter should make this impossible; a misconfigured trigger must not loop or write.
    logger.warn('Refusing key outside the input prefix or under the output prefix', { bucket, key });
    return 'skipped';
  }
  const target = { bucket: config.outputBucket, key: outputKey };
  const eventSize = record.s3.object.size ?? null;
  // Filled in once the object is read, so error documents carry as much of the source as is known.
  let source: ArticleSource = {
    bucket,
    key,
    versionId: null,
    etag: null,
    size: eventSize,
    contentType: null,
  };
  try {
    // The event's size lets us refuse a huge object without a request; readObject checks again.
    if (eventSize !== null && eventSize > config.maxBytes)
      throw new InputTooLargeError(eventSize, config.maxBytes);
    // Read the current object, not the event's version: a late retry then converges on the newest upload
    // instead of overwriting its analysis with an older one. `source.versionId` says which was read.
    const object = await readObject(s3, { bucket, key, maxBytes: config.maxBytes });
    const { versionId, etag, size, contentType } = object;
    source = { bucket, key, versionId, etag, size, contentType };
    const started = performance.now();
    const analysis = analyzeArticle(object.bytes, {
      filename: key,
      maxBytes: config.maxBytes,
      ...(object.contentType === null ? {} : { contentType: object.contentType }),
    });
    metrics.addMetric(METRIC.analysisDuration, MetricUnit.Milliseconds, performance.now() - started);
    metrics.addMetric(METRIC.articleBytes, MetricUnit.Bytes, object.size);
    await writeJson(s3, target, summaryDocument(analysis, source, deps.now()));
    metrics.addMetric(METRIC.articlesProcessed, MetricUnit.Count, 1);
    logger.info('Article analysed', { bucket, key, outputKey, size: object.size });
    return 'written';
  } catch (error) {
    if (error instanceof NotFoundError) {
      logger.warn('Object no longer exists; skipped', { bucket, key });
      return 'skipped';
    }
    if (!(error instanceof LedeError) || error.status >= 500) throw error;
    await writeJson(s3, target, failureDocument(error, source, deps.now()));
    metrics.addMetric(METRIC.articlesRefused, MetricUnit.Count, 1);
    logger.warn('Article refused; error document written', { bucket, key, outputKey, code: error.code });
    return 'refused';
  }
}
