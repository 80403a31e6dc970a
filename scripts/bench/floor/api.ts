// The floor for lede's `api` cold start (see ../cold.ts): what any function on this stack pays. It
// imports only the S3 client, middy and the Powertools logger and metrics, creates them at module
// scope as src/lambda/api.ts does, and answers one request with the size of its body. Bundled with
// the Lambda esbuild options, never deployed.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';

const serviceName = 'lede-floor';
/** Created at module scope like lede's client; this request never uses it. */
export const s3 = new S3Client({});
const logger = new Logger({ serviceName });
const metrics = new Metrics({ namespace: 'LedeFloor', serviceName });

export const handler = middy<{ body?: string | null }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async (event) => {
    const bytes = Buffer.byteLength(event.body ?? '');
    metrics.addMetric('ArticleBytes', MetricUnit.Bytes, bytes);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ bytes }),
    };
  });
