import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas/api-gateway';
import type { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { readObject } from '../adapters/s3.js';
import { taxonomySourceFor } from '../adapters/taxonomy-source.js';
import type { LedeConfig } from '../config.js';
import { analyzeFile } from '../core/analyze.js';
import { createLogger, createMetrics, METRIC } from '../observability.js';
import { outputKeyForRequest } from '../upload/output-key.js';
import { routeApiRequest } from './api-request.js';
import { jsonResponse, rawJsonResponse } from './http-response.js';
import { cors } from './middleware/cors.js';
import { httpErrors } from './middleware/http-errors.js';

export interface ApiHandlerDeps {
  readonly s3: S3Client;
  readonly config: LedeConfig;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

// Stored analyses are small; this only bounds what a tampered object could make us buffer.
const MAX_STORED_ANALYSIS_BYTES = 5 * 1024 * 1024;

/** Builds the API Gateway (REST, v1 proxy) handler for `POST /summaries` and `GET /summaries/{key+}`. */
export function createApiHandler(deps: ApiHandlerDeps) {
  const { s3, config } = deps;
  const logger = deps.logger ?? createLogger(config);
  const metrics = deps.metrics ?? createMetrics(config, logger);
  const taxonomySource = taxonomySourceFor(s3, config);
  return middy()
    .use(cors(config.corsOrigin))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(httpErrors({ logger }))
    .use(httpHeaderNormalizer())
    .use(parser({ schema: APIGatewayProxyEventSchema }))
    .handler(async (event): Promise<APIGatewayProxyResult> => {
      const request = routeApiRequest(event, { maxBytes: config.maxBytes });
      if (request.route === 'createSummary') {
        const { bytes, ...options } = request.article;
        const started = performance.now();
        const taxonomy = await taxonomySource?.get();
        const analysis = await analyzeFile(bytes, {
          // The configured budget is the default length: a request that names its own length keeps it.
          ...(options.sentences === undefined && options.words === undefined
            ? { words: config.summaryWords }
            : {}),
          ...options,
          maxBytes: config.maxBytes,
          limits: config.limits,
          ...(taxonomy === undefined ? {} : { taxonomy }),
        });
        metrics.addMetric(METRIC.analysisDuration, MetricUnit.Milliseconds, performance.now() - started);
        metrics.addMetric(METRIC.articleBytes, MetricUnit.Bytes, bytes.byteLength);
        metrics.addMetric(METRIC.articlesProcessed, MetricUnit.Count, 1);
        return jsonResponse(200, analysis);
      }
      const key = outputKeyForRequest(request.key, config);
      const stored = await readObject(s3, {
        bucket: config.outputBucket,
        key,
        maxBytes: MAX_STORED_ANALYSIS_BYTES,
      });
      return rawJsonResponse(200, new TextDecoder().decode(stored.bytes));
    });
}
