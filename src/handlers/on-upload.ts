import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { z } from 'zod';
import { StorageUnavailableError } from '../errors.js';
import { METRIC } from '../observability.js';
import { processRemoval } from '../upload/process-removal.js';
import { processUpload } from '../upload/process-upload.js';
import { decodeEventKey } from './event-key.js';
import { type UploadHandlerDeps, uploadDepsFor } from './upload-deps.js';
import { uploadPipeline } from './upload-pipeline.js';

/**
 * What S3 sends once when a notification is configured on a bucket: no records, nothing to analyse.
 * It must be acknowledged, not refused: a refusal is retried and ends in the failure queue as if an
 * upload had been lost.
 */
const S3TestEventSchema = z.object({ Service: z.literal('Amazon S3'), Event: z.literal('s3:TestEvent') });
const UploadEventSchema = z.union([S3Schema, S3TestEventSchema]);

export type OnUploadHandlerDeps = UploadHandlerDeps;

/**
 * Builds the S3-triggered handler. `ObjectCreated:*` records are analysed, `ObjectRemoved:*` records
 * delete the analysis of the removed object. Records are processed one after another (bounded memory); a record
 * that fails (S3 still failing after the client's own retries, or a permanent error such as access
 * denied) does not stop the others, and once every record has been tried the invocation throws so
 * Lambda retries the whole event and, when the retries are spent, sends it to the failure
 * destination. On the retry the records that succeeded are not written again: `processUpload` finds
 * their outputs already stored for the same version of the object.
 */
export function createOnUploadHandler(deps: OnUploadHandlerDeps) {
  const uploadDeps = uploadDepsFor(deps);
  const { logger, metrics } = uploadDeps;
  return uploadPipeline(uploadDeps, UploadEventSchema).handler(async (event) => {
    if (!('Records' in event)) {
      logger.info('S3 test event acknowledged; nothing to analyse');
      return;
    }
    const failures: unknown[] = [];
    for (const record of event.Records) {
      const { bucket, object } = record.s3;
      try {
        // Decoded here, inside the try: a key that is not valid percent-encoding fails this record only.
        const key = decodeEventKey(object.key);
        const request = { bucket: bucket.name, key, size: object.size, sequencer: object.sequencer };
        // ObjectRemoved:Delete and :DeleteMarkerCreated take the analysis away; everything else is an upload.
        if (record.eventName.startsWith('ObjectRemoved:')) await processRemoval(request, uploadDeps);
        else await processUpload(request, uploadDeps);
      } catch (error) {
        logger.error('Record failed; the event will be retried', {
          bucket: bucket.name,
          key: keyForLog(object.key),
          transient: error instanceof StorageUnavailableError,
          error,
        });
        metrics.addMetric(METRIC.failures, MetricUnit.Count, 1);
        failures.push(error);
      }
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
