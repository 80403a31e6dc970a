import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { ZodType } from 'zod';

/**
 * The middy pipeline both handlers of the upload use case (onUpload, backfill) run before their
 * own code: the Lambda context in every log line (keys reset per invocation), the metrics flushed
 * at the end, and the event parsed with `schema`.
 *
 * @example
 * uploadPipeline(uploadDeps, S3Schema).handler(async (event) => { ... });
 */
export function uploadPipeline<TSchema extends ZodType>(
  { logger, metrics }: { readonly logger: Logger; readonly metrics: Metrics },
  schema: TSchema,
) {
  return middy()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema }));
}
