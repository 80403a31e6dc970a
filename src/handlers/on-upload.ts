import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import type { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { z } from 'zod';
import { createS3Client, StorageUnavailableError } from '../adapters/s3.js';
import { type LedeConfig, config as processConfig } from '../config.js';
import { createLogger, createMetrics, METRIC } from './observability.js';
import { decodeEventKey } from './output-key.js';
import { processUpload } from './process-upload.js';
import { type TaxonomySource, taxonomySourceFor } from './taxonomy-source.js';

/**
 * What S3 sends once when a notification is configured on a bucket: no records, nothing to analyse.
 * It must be acknowledged, not refused: a refusal is retried and ends in the failure queue as if an
 * upload had been lost.
 */
const S3TestEventSchema = z.object({ Service: z.literal('Amazon S3'), Event: z.literal('s3:TestEvent') });
const UploadEventSchema = z.union([S3Schema, S3TestEventSchema]);

export interface OnUploadHandlerDeps {
  readonly s3: S3Client;
  readonly config: LedeConfig;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  readonly now?: () => Date;
  /** Defaults to the taxonomy file the config names, if any. */
  readonly taxonomy?: TaxonomySource;
}

/**
 * Builds the S3-triggered handler. Records are processed one after another (bounded memory); a record
 * that fails (S3 still failing after the client's own retries, or a permanent error such as access
 * denied) does not stop the others, and once every record has been tried the invocation throws so
 * Lambda retries the whole event and, when the retries are spent, sends it to the failure
 * destination. On the retry the records that succeeded are not written again: `processUpload` finds
 * their outputs already stored for the same version of the object.
 */
export function createOnUploadHandler(deps: OnUploadHandlerDeps) {
  const logger = deps.logger ?? createLogger(deps.config);
  const metrics = deps.metrics ?? createMetrics(deps.config);
  const uploadDeps = {
    ...deps,
    logger,
    metrics,
    now: deps.now ?? (() => new Date()),
    taxonomy: deps.taxonomy ?? taxonomySourceFor(deps.s3, deps.config),
  };
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema: UploadEventSchema }))
    .handler(async (event) => {
      if (!('Records' in event)) {
        logger.info('S3 test event acknowledged; nothing to analyse');
        return;
      }
      const failures: unknown[] = [];
      for (const record of event.Records) {
        await processUpload(record, uploadDeps).catch((error: unknown) => {
          logger.error('Record failed; the event will be retried', {
            bucket: record.s3.bucket.name,
            key: keyForLog(record.s3.object.key),
            transient: error instanceof StorageUnavailableError,
            error,
          });
          metrics.addMetric(METRIC.failures, MetricUnit.Count, 1);
          failures.push(error);
        });
      }
      if (failures.length > 0) {
        throw new AggregateError(failures, `${failures.length} of ${event.Records.length} records failed`);
      }
    });
}

// The decoded key, as operators search for it; the raw one when it does not decode (that is the failure).
function keyForLog(encoded: string): string {
  try {
    return decodeEventKey(encoded);
  } catch {
    return encoded;
  }
}

/** The deployed handler: one S3 client per container, config validated at cold start. */
export const handler = createOnUploadHandler({ s3: createS3Client(processConfig), config: processConfig });
