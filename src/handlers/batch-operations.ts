import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC } from '../observability.js';
import {
  BatchOperationsEventSchema,
  type BatchOperationsResponse,
  batchOperationsResponse,
  type TaskResult,
} from './batch-operations-event.js';
import { runBatchTask } from './batch-task.js';
import { type UploadHandlerDeps, uploadDepsFor } from './upload-deps.js';
import { uploadPipeline } from './upload-pipeline.js';

export type BatchOperationsHandlerDeps = UploadHandlerDeps;

/**
 * Builds the handler S3 Batch Operations invokes (`LambdaInvoke`, invocation schema 2.0) to backfill
 * existing objects: each task goes through the upload trigger's per-object path and gets a result
 * code, so the job's completion report lists what was written, refused, retried or failed.
 */
export function createBatchOperationsHandler(deps: BatchOperationsHandlerDeps) {
  const uploadDeps = uploadDepsFor(deps);
  const { logger, metrics } = uploadDeps;
  return uploadPipeline(uploadDeps, BatchOperationsEventSchema).handler(
    async (event): Promise<BatchOperationsResponse> => {
      logger.appendKeys({ jobId: event.job.id, invocationId: event.invocationId });
      const userArguments = Object.keys(event.job.userArguments ?? {});
      const results: TaskResult[] = [];
      for (const task of event.tasks) {
        const result = await runBatchTask(task, userArguments, uploadDeps);
        if (result.resultCode !== 'Succeeded') metrics.addMetric(METRIC.failures, MetricUnit.Count, 1);
        results.push(result);
      }
      return batchOperationsResponse(event, results);
    },
  );
}
