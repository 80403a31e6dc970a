import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { LedeConfig } from './config.js';

/** Metric names, in one place so dashboards and code agree. */
export const METRIC = Object.freeze({
  articlesProcessed: 'ArticlesProcessed',
  articleBytes: 'ArticleBytes',
  articlesRefused: 'ArticlesRefused',
  analysesRemoved: 'AnalysesRemoved',
  failures: 'Failures',
  analysisDuration: 'AnalysisDuration',
  sourceTaggingFailures: 'SourceTaggingFailures',
});

/** Longest string value written to a log line; longer ones are cut and say how long they were. */
export const MAX_LOGGED_STRING = 1_000;

// Attribute names whose values are never logged, whatever they hold.
const SECRET_NAME = /api[-_]?key|secret|passw(or)?d|token|authorization|credential|cookie/i;

/**
 * The logger's JSON replacer: redacts values under secret-looking names (`x-api-key`,
 * `secretAccessKey`, `Authorization`...) and truncates long strings, so a log line can never carry a
 * whole article, whatever an error message or attribute happens to contain.
 *
 * @example
 * logSafeValue('body', 'x'.repeat(5000)); // 'xxx... [truncated: 5000 chars]' (MAX_LOGGED_STRING kept)
 */
export function logSafeValue(name: string, value: unknown): unknown {
  if (name !== '' && SECRET_NAME.test(name) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string' && value.length > MAX_LOGGED_STRING) {
    return `${value.slice(0, MAX_LOGGED_STRING)}... [truncated: ${value.length} chars]`;
  }
  return value;
}

/** Structured JSON logs; the middy middleware adds the request id and cold-start flag to each line. */
export function createLogger(config: Pick<LedeConfig, 'serviceName' | 'logLevel'>): Logger {
  return new Logger({
    serviceName: config.serviceName,
    logLevel: config.logLevel,
    jsonReplacerFn: logSafeValue,
  });
}

type MetricsLogger = NonNullable<NonNullable<ConstructorParameters<typeof Metrics>[0]>['logger']>;

// Powertools warns on every flush that has no metrics, even with metrics disabled. Here that is the
// normal case for a GET, an S3 test event or a skipped key, so the warning is dropped; its other
// warnings (an invalid metric or dimension) go to the function's logger, at its level.
const EMPTY_FLUSH_WARNING = 'No application metrics to publish';

function metricsLogger(logger: Logger): MetricsLogger {
  return {
    debug: (message: string) => logger.debug(message),
    info: (message: string) => logger.info(message),
    warn: (message: string) => {
      if (!String(message).startsWith(EMPTY_FLUSH_WARNING)) logger.warn(message);
    },
    error: (message: string) => logger.error(message),
  };
}

/**
 * CloudWatch metrics as EMF lines on stdout: no API calls, flushed once per invocation by middy.
 * `POWERTOOLS_METRICS_DISABLED=true` (read by Powertools) keeps the EMF lines off stdout.
 */
export function createMetrics(
  config: Pick<LedeConfig, 'serviceName' | 'metricsNamespace'>,
  logger: Logger,
): Metrics {
  return new Metrics({
    namespace: config.metricsNamespace,
    serviceName: config.serviceName,
    logger: metricsLogger(logger),
  });
}
