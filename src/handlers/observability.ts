import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { LedeConfig } from '../config.js';

/** Metric names, in one place so dashboards and code agree. */
export const METRIC = Object.freeze({
  articlesProcessed: 'ArticlesProcessed',
  articleBytes: 'ArticleBytes',
  articlesRefused: 'ArticlesRefused',
  failures: 'Failures',
  analysisDuration: 'AnalysisDuration',
});

/** Structured JSON logs; the middy middleware adds the request id and cold-start flag to each line. */
export function createLogger(config: Pick<LedeConfig, 'serviceName' | 'logLevel'>): Logger {
  return new Logger({ serviceName: config.serviceName, logLevel: config.logLevel });
}

/** CloudWatch metrics as EMF lines on stdout: no API calls, flushed once per invocation by middy. */
export function createMetrics(config: Pick<LedeConfig, 'serviceName' | 'metricsNamespace'>): Metrics {
  return new Metrics({ namespace: config.metricsNamespace, serviceName: config.serviceName });
}
