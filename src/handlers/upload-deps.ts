import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3UploadStorage } from '../adapters/s3.js';
import { taxonomySourceFor } from '../adapters/taxonomy-source.js';
import type { LedeConfig } from '../config.js';
import { createLogger, createMetrics } from '../observability.js';
import type { TaxonomySource, UploadDeps } from '../upload/process-upload.js';

/** What the handlers that run the upload use case (onUpload, backfill) are built from. */
export interface UploadHandlerDeps {
  readonly s3: S3Client;
  readonly config: LedeConfig;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  readonly now?: () => Date;
  /** Defaults to the taxonomy file the config names, if any. */
  readonly taxonomy?: TaxonomySource;
}

/**
 * The use case's dependencies for a handler: the storage port on the handler's S3 client, and a
 * logger, metrics, clock and taxonomy source wherever the caller gave none.
 */
export function uploadDepsFor(
  deps: UploadHandlerDeps,
): UploadDeps & { readonly config: LedeConfig; readonly logger: Logger; readonly metrics: Metrics } {
  const logger = deps.logger ?? createLogger(deps.config);
  return {
    storage: s3UploadStorage(deps.s3),
    config: deps.config,
    logger,
    metrics: deps.metrics ?? createMetrics(deps.config, logger),
    now: deps.now ?? (() => new Date()),
    taxonomy: deps.taxonomy ?? taxonomySourceFor(deps.s3, deps.config),
  };
}
