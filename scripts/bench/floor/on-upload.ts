// The floor for lede's `onUpload` cold start (see ../cold.ts): the same four packages as ./api.ts,
// and per record one GetObject of the upload and one PutObject of a small JSON result under
// summaries/. The endpoint variables are the ones lede's config reads, so both talk to the same
// s3rver. Bundled with the Lambda esbuild options, never deployed.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';

interface S3Event {
  readonly Records: readonly { readonly s3: { bucket: { name: string }; object: { key: string } } }[];
}

const serviceName = 'lede-floor';
const endpoint = process.env.LEDE_S3_ENDPOINT;
const s3 = new S3Client({
  ...(endpoint === undefined || endpoint === '' ? {} : { endpoint }),
  forcePathStyle: process.env.LEDE_S3_FORCE_PATH_STYLE === 'true',
});
const logger = new Logger({ serviceName });
const metrics = new Metrics({ namespace: 'LedeFloor', serviceName });

export const handler = middy<S3Event>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async (event) => {
    for (const { s3: record } of event.Records) {
      const key = decodeURIComponent(record.object.key.replace(/\+/g, ' '));
      const object = await s3.send(new GetObjectCommand({ Bucket: record.bucket.name, Key: key }));
      const text = (await object.Body?.transformToString('utf-8')) ?? '';
      const body = JSON.stringify({ key, characters: text.length });
      await s3.send(
        new PutObjectCommand({
          Bucket: record.bucket.name,
          Key: `summaries/${key.replace(/^incoming\//, '')}.json`,
          Body: body,
          ContentType: 'application/json',
        }),
      );
      metrics.addMetric('ArticleBytes', MetricUnit.Bytes, text.length);
      logger.info('Object handled', { key });
    }
  });
