import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { LedeConfig } from '../config.js';
import { GENERATOR } from '../core/analysis.js';
import { analyzeFile } from '../core/analyze.js';
import type { Tag } from '../core/tags/tag.js';
import type { Taxonomy } from '../core/tags/taxonomy.js';
import { InputTooLargeError, LedeError, MalformedInputError, NotFoundError } from '../errors.js';
import { METRIC } from '../observability.js';
import { analysisObjectTags, mergeObjectTags, sameTagSet } from './object-tags.js';
import {
  isOlderThanStored,
  SEQUENCER_METADATA,
  SOURCE_ETAG_METADATA,
  type StaleReason,
  statOrUndefined,
  writeIfNewest,
} from './ordering.js';
import { isArticleKey, outputKeyForUpload, refusedKeyForUpload } from './output-key.js';
import type { ObjectStat, StoredObject, UploadStorage } from './storage.js';
import { type ArticleSource, failureDocument, summaryDocument } from './summary-document.js';

/** One object to analyse: from an S3 event record, a Batch Operations task or a bucket listing. */
export interface UploadRequest {
  readonly bucket: string;
  /** The object key as stored (already decoded from an event's form encoding). */
  readonly key: string;
  /** The size an event reported; lets a huge object be refused without a request. */
  readonly size?: number | undefined;
  /** Orders events for one key; the same in every delivery of one event, new for each upload. */
  readonly sequencer?: string | undefined;
}

/** The settings the use case reads (a subset of `LedeConfig`, so tests can build it from `loadConfig`). */
export type UploadSettings = Pick<
  LedeConfig,
  | 'inputPrefix'
  | 'outputPrefix'
  | 'outputBucket'
  | 'maxBytes'
  | 'limits'
  | 'tagSourceObjects'
  | 'summaryWords'
>;

/** A taxonomy kept outside the code (a deployment's taxonomy file), loaded when an article needs it. */
export interface TaxonomySource {
  get(): Promise<Taxonomy>;
}

export interface UploadDeps {
  readonly storage: UploadStorage;
  readonly config: UploadSettings;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
  /** The deployment's taxonomy file, when it has one; the bundled taxonomy otherwise. */
  readonly taxonomy?: TaxonomySource | undefined;
}

/**
 * `written`: analysis stored; `refused`: bad input, error document stored; `unchanged`: the stored
 * output already answers this exact input (a retried or duplicated event), nothing written;
 * `skipped`: nothing to do (deleted object, key outside the input prefix).
 */
export type UploadOutcome = 'written' | 'refused' | 'unchanged' | 'skipped';

/** The `x-amz-meta-*` name under which an output records which input it was computed from. */
export const INPUT_FINGERPRINT_METADATA = 'lede-input-sha256';

/**
 * Analyses one uploaded object and stores the result. Bad input becomes an error document; an object
 * deleted before it was read is skipped; anything else (throttling, 5xx, access denied) is thrown so
 * the event is retried and, after the retries, lands in the failure queue.
 *
 * S3 delivers events at least once, and a multi-record event is retried whole: before analysing, the
 * stored output's fingerprint (the event's sequencer, source ETag, version, content type, key,
 * generator version, size limit) is compared with the object just read, and an output that already
 * answers it is left alone. The sequencer makes a new upload of identical bytes a new analysis.
 * The check is an optimisation, not a lock: if it cannot be made, the output is rewritten under the
 * same key with the same content, which is still correct.
 */
export async function processUpload(request: UploadRequest, deps: UploadDeps): Promise<UploadOutcome> {
  const { storage, config, logger, metrics } = deps;
  const { bucket, key } = request;
  if (!isArticleKey(key, config)) {
    // The trigger filter makes the first two impossible; a misconfigured trigger must not loop or
    // write. A key ending in `/` is a folder placeholder: there is nothing to analyse.
    logger.warn('Skipping key: under the output prefix, outside the input prefix, or a folder', {
      bucket,
      key,
    });
    return 'skipped';
  }
  const outputKey = outputKeyForUpload(key, config);
  if (outputKey === null) return refuseUnsafeKey(request, deps);
  const target = { bucket: config.outputBucket, key: outputKey };
  const eventSize = request.size ?? null;
  const sequencer = request.sequencer ?? null;
  // Filled in once the object is read, so error documents carry as much of the source as is known.
  let source: ArticleSource = {
    bucket,
    key,
    versionId: null,
    etag: null,
    size: eventSize,
    contentType: null,
  };
  // Set once the object is read; error documents carry it too (the refusal depends on the same inputs).
  let metadata: Record<string, string> | undefined;
  // Writes the analysis or the error document, if it still answers the newest version of the source.
  const store = (document: unknown) =>
    writeIfNewest(
      storage,
      {
        source: { bucket, key, etag: source.etag },
        target,
        sequencer,
        metadata: metadata ?? {},
        document,
      },
      logger,
    );
  try {
    // The event's size lets us refuse a huge object without a request; readObject checks again.
    if (eventSize !== null && eventSize > config.maxBytes)
      throw new InputTooLargeError(eventSize, config.maxBytes);
    // An event older than the one the stored output answers has nothing to add: skip before reading.
    // One HEAD of the stored output answers both questions asked of it: is it newer than this event,
    // and was it already written for this very input (the fingerprint, checked once the object is read).
    const stored = await storedOutput(storage, target, logger);
    if (isOlderThanStored(sequencer, stored?.metadata)) {
      return stale('newer-output', request, outputKey, logger);
    }
    // Read the current object, not the event's version: a late retry then converges on the newest upload
    // instead of overwriting its analysis with an older one. `source.versionId` says which was read.
    const object = await storage.read({ bucket, key, maxBytes: config.maxBytes });
    const { versionId, etag, size, contentType } = object;
    source = { bucket, key, versionId, etag, size, contentType };
    if (object.etag !== null) {
      const fingerprint = inputFingerprint(key, object, {
        maxBytes: config.maxBytes,
        sequencer,
      });
      if (stored?.metadata[INPUT_FINGERPRINT_METADATA] === fingerprint) {
        logger.info('Output already written for this version of the object; skipped', {
          bucket,
          key,
          outputKey,
        });
        return 'unchanged';
      }
      metadata = { [INPUT_FINGERPRINT_METADATA]: fingerprint, [SOURCE_ETAG_METADATA]: object.etag };
      if (sequencer !== null) metadata[SEQUENCER_METADATA] = sequencer;
    }
    // A missing or invalid taxonomy file throws a ConfigurationError: retried, never an error document.
    const taxonomy = await deps.taxonomy?.get();
    const started = performance.now();
    const analysis = await analyzeFile(object.bytes, {
      filename: key,
      maxBytes: config.maxBytes,
      limits: config.limits,
      words: config.summaryWords,
      ...(object.contentType === null ? {} : { contentType: object.contentType }),
      ...(taxonomy === undefined ? {} : { taxonomy }),
    });
    metrics.addMetric(METRIC.analysisDuration, MetricUnit.Milliseconds, performance.now() - started);
    metrics.addMetric(METRIC.articleBytes, MetricUnit.Bytes, object.size);
    const outcome = await store(summaryDocument(analysis, source, deps.now()));
    if (outcome !== 'written') return stale(outcome, request, outputKey, logger);
    metrics.addMetric(METRIC.articlesProcessed, MetricUnit.Count, 1);
    logger.info('Article analysed', { bucket, key, outputKey, size: object.size });
    if (config.tagSourceObjects) await tagSourceObject(source, analysis.tags, deps);
    return 'written';
  } catch (error) {
    if (error instanceof NotFoundError) {
      logger.warn('Object no longer exists; skipped', { bucket, key });
      return 'skipped';
    }
    if (!(error instanceof LedeError) || error.status >= 500) throw error;
    const outcome = await store(failureDocument(error, source, deps.now()));
    if (outcome !== 'written') return stale(outcome, request, outputKey, logger);
    metrics.addMetric(METRIC.articlesRefused, MetricUnit.Count, 1);
    logger.warn('Article refused; error document written', { bucket, key, outputKey, code: error.code });
    return 'refused';
  }
}

/** The stored output's ETag and metadata; `null` when there is none or it cannot be read. */
async function storedOutput(
  storage: UploadStorage,
  target: { bucket: string; key: string },
  logger: Logger,
): Promise<ObjectStat | null> {
  const stored = await statOrUndefined(storage, target, (error) =>
    // An optimisation only: without it the output is rewritten, and the write re-checks (and fails
    // loudly) if the output cannot be read.
    logger.debug("Could not read the stored output's metadata; it will be rewritten", {
      key: target.key,
      error,
    }),
  );
  return stored ?? null;
}

/** Logs why nothing was written: the analysis would describe a version that is no longer current. */
function stale(
  reason: StaleReason,
  request: UploadRequest,
  outputKey: string,
  logger: Logger,
): UploadOutcome {
  const why: Readonly<Record<StaleReason, string>> = {
    'source-changed':
      'the object was replaced while it was analysed; the newer upload is analysed on its own event',
    'source-deleted': 'the object was deleted while it was analysed; its analysis is not written',
    'newer-output': 'the stored output answers a newer event for this key',
  };
  logger.info(`Not written: ${why[reason]}`, {
    bucket: request.bucket,
    key: request.key,
    outputKey,
    sequencer: request.sequencer,
  });
  return 'skipped';
}

/**
 * An upload whose key cannot name its analysis safely (dot or empty segments, backslashes, control
 * or bidirectional characters, Unicode lookalikes, or too long) is not read: an error document
 * telling the uploader to rename it goes under `summaries/_refused/`, so the upload is not dropped.
 */
async function refuseUnsafeKey(request: UploadRequest, deps: UploadDeps): Promise<UploadOutcome> {
  const { storage, config, logger, metrics } = deps;
  const { bucket, key } = request;
  const outputKey = refusedKeyForUpload(key, config);
  const error = new MalformedInputError(
    'The object key cannot name its analysis safely (it has "." or ".." or empty path segments, a ' +
      'backslash, control or bidirectional characters, look-alikes of these, or is too long); rename the object',
  );
  const source: ArticleSource = {
    bucket,
    key,
    versionId: null,
    etag: null,
    size: request.size ?? null,
    contentType: null,
  };
  await storage.writeJson(
    { bucket: config.outputBucket, key: outputKey },
    failureDocument(error, source, deps.now()),
  );
  metrics.addMetric(METRIC.articlesRefused, MetricUnit.Count, 1);
  logger.warn('Unsafe object key refused; error document written', { bucket, key, outputKey });
  return 'refused';
}

/**
 * What the output of this object depends on, hashed: the upload event (its sequencer, so a redelivery
 * matches and a new upload of the same bytes does not), the bytes (ETag and version), the content
 * type and key the format is detected from, the analysis code's version and the size limit.
 */
export function inputFingerprint(
  key: string,
  object: StoredObject,
  options: { maxBytes: number; sequencer: string | null },
): string {
  const { maxBytes, sequencer } = options;
  const parts = [
    sequencer,
    object.etag,
    object.versionId,
    object.contentType,
    key,
    GENERATOR.version,
    maxBytes,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Writes the analysis's top tags onto the source object (the version analysed), keeping the user's
 * own tags. Best effort: the analysis is stored already, so a failure here is logged and counted,
 * not retried (a retry would redo the analysis for the sake of a tag).
 */
async function tagSourceObject(source: ArticleSource, tags: readonly Tag[], deps: UploadDeps): Promise<void> {
  const ours = analysisObjectTags(tags);
  try {
    await deps.storage.retag(
      { bucket: source.bucket, key: source.key, versionId: source.versionId },
      (current) => {
        const next = mergeObjectTags(current, ours);
        return sameTagSet(current, next) ? null : next;
      },
    );
  } catch (error) {
    deps.metrics.addMetric(METRIC.sourceTaggingFailures, MetricUnit.Count, 1);
    deps.logger.warn('Could not tag the source object; its analysis is stored', {
      bucket: source.bucket,
      key: source.key,
      error,
    });
  }
}
