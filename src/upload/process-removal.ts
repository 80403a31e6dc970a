import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC } from '../observability.js';
import { isOlderThanStored } from './ordering.js';
import { isArticleKey, outputKeyForUpload, refusedKeyForUpload } from './output-key.js';
import type { UploadDeps, UploadRequest } from './process-upload.js';

/** `removed`: the analysis (or error document) was deleted; `skipped`: nothing to delete, or it must stay. */
export type RemovalOutcome = 'removed' | 'skipped';

/**
 * Honours a deletion (`s3:ObjectRemoved:*` on the input prefix, issue 18): the object's analysis, or
 * the error document that stood for it, is deleted, so a story taken down loses its summary too. It
 * is kept when the source exists again (re-uploaded since: its own event answers it) or when the
 * stored output answers a newer event than this deletion. A create event arriving after the
 * deletion writes nothing, because the upload use case re-reads the source before writing.
 */
export async function processRemoval(request: UploadRequest, deps: UploadDeps): Promise<RemovalOutcome> {
  const { storage, config, logger, metrics } = deps;
  const { bucket, key } = request;
  if (!isArticleKey(key, config)) {
    logger.warn('Skipping removal: under the output prefix, outside the input prefix, or a folder', {
      bucket,
      key,
    });
    return 'skipped';
  }
  const target = {
    bucket: config.outputBucket,
    key: outputKeyForUpload(key, config) ?? refusedKeyForUpload(key, config),
  };
  if ((await storage.stat({ bucket, key })) !== null) {
    logger.info('Removal skipped: the object exists again (uploaded since it was deleted)', { bucket, key });
    return 'skipped';
  }
  const output = await storage.stat(target);
  if (output === null) {
    logger.info('Removal: no analysis stored for the object; nothing to delete', { bucket, key });
    return 'skipped';
  }
  if (isOlderThanStored(request.sequencer ?? null, output.metadata)) {
    logger.info('Removal skipped: the stored analysis answers a newer event', { bucket, key });
    return 'skipped';
  }
  await storage.delete(target);
  metrics.addMetric(METRIC.analysesRemoved, MetricUnit.Count, 1);
  logger.info('Object deleted; its analysis was deleted too', { bucket, key, outputKey: target.key });
  return 'removed';
}
