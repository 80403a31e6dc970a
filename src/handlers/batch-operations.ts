import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import type { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { createS3Client } from '../adapters/s3.js';
import {
  BatchOperationsEventSchema,
  type BatchOperationsResponse,
  batchOperationsResponse,
  type TaskResult,
} from '../backfill/batch-operations-event.js';
import { runBatchTask } from '../backfill/batch-task.js';
import { type LedeConfig, config as processConfig } from '../config.js';
import { createLogger, createMetrics, METRIC } from './observability.js';
import { taxonomySourceFor } from './taxonomy-source.js';

export interface BatchOperationsHandlerDeps {
  readonly s3: S3Client;
  readonly config: LedeConfig;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  readonly now?: () => Date;
}

/**
 * Builds the handler S3 Batch Operations invokes (`LambdaInvoke`, invocation schema 2.0) to backfill
 * existing objects: each task goes through the upload trigger's per-object path and gets a result
 * code, so the job's completion report lists what was written, refused, retried or failed.
 */
export function createBatchOperationsHandler(deps: BatchOperationsHandlerDeps) {
  const logger = deps.logger ?? createLogger(deps.config);
  const metrics = deps.metrics ?? createMetrics(deps.config);
  const uploadDeps = {
    ...deps,
    logger,
    metrics,
    now: deps.now ?? (() => new Date()),
    taxonomy: taxonomySourceFor(deps.s3, deps.config),
  };
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema: BatchOperationsEventSchema }))
    .handler(async (event): Promise<BatchOperationsResponse> => {
      logger.appendKeys({ jobId: event.job.id, invocationId: event.invocationId });
      const userArguments = Object.keys(event.job.userArguments ?? {});
      const results: TaskResult[] = [];
      for (const task of event.tasks) {
        const result = await runBatchTask(task, userArguments, uploadDeps);
        if (result.resultCode !== 'Succeeded') metrics.addMetric(METRIC.failures, MetricUnit.Count, 1);
        results.push(result);
      }
      return batchOperationsResponse(event, results);
    });
}

/** The deployed handler: one S3 client per container, config validated at cold start. */
export const handler = createBatchOperationsHandler({
  s3: createS3Client(processConfig),
  config: processConfig,
});
