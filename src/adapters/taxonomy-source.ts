import type { S3Client } from '@aws-sdk/client-s3';
import type { LedeConfig } from '../config.js';
import type { Taxonomy } from '../core/tags/taxonomy.js';
import type { TaxonomyMode } from '../core/tags/user-taxonomy.js';
import { ConfigurationError, InvalidTaxonomyError, LedeError, NotFoundError } from '../errors.js';
import type { TaxonomySource } from '../upload/process-upload.js';
import { readObject } from './s3.js';

/** Where a deployment keeps its taxonomy file, and how it combines with the bundled one. */
export interface TaxonomyLocation {
  readonly bucket: string;
  readonly key: string;
  readonly mode: TaxonomyMode;
}

export interface TaxonomyCacheOptions {
  /** How long a loaded taxonomy is used before S3 is asked again. */
  readonly ttlMs: number;
  readonly now?: () => number;
}

// A taxonomy file is a few KB; anything much larger is a wrong key, not a taxonomy.
const MAX_TAXONOMY_BYTES = 1024 * 1024;

interface Cached {
  readonly taxonomy: Taxonomy;
  readonly etag: string | null;
  loadedAt: number;
}

/**
 * A taxonomy kept in S3, loaded on first use and reused across invocations of a warm container.
 * Loads the taxonomy file at `location`, validates it, and caches it for `ttlMs`; after that the
 * object is read again and recompiled only when its ETag changed. Concurrent callers share one load.
 * A missing or invalid file is a `ConfigurationError` (its cause an `InvalidTaxonomyError`) naming the
 * key and the problem, every time it is asked for: the deployment is misconfigured, so uploads fail
 * and are retried (then queued) rather than analysed with the wrong topics or marked as bad articles.
 */
export function s3TaxonomySource(
  s3: S3Client,
  location: TaxonomyLocation,
  options: TaxonomyCacheOptions,
): TaxonomySource {
  const now = options.now ?? Date.now;
  let cached: Cached | undefined;
  let loading: Promise<Taxonomy> | undefined;

  const load = async (): Promise<Taxonomy> => {
    const where = `s3://${location.bucket}/${location.key}`;
    let object: Awaited<ReturnType<typeof readObject>>;
    try {
      object = await readObject(s3, {
        bucket: location.bucket,
        key: location.key,
        maxBytes: MAX_TAXONOMY_BYTES,
      });
    } catch (error) {
      if (error instanceof NotFoundError)
        throw misconfigured(`The taxonomy file ${where} does not exist`, error);
      if (error instanceof LedeError && error.code === 'INPUT_TOO_LARGE') {
        throw misconfigured(`The taxonomy file ${where} is over 1 MB`, error);
      }
      throw error; // throttling, outages: transient, retried like any S3 failure
    }
    if (cached !== undefined && object.etag !== null && object.etag === cached.etag) {
      cached.loadedAt = now();
      return cached.taxonomy;
    }
    // Imported on first use: validating the file needs zod schemas that a deployment without a
    // taxonomy file never builds, and that a cold start should not pay for.
    const { userTaxonomy } = await import('../core/tags/user-taxonomy.js');
    let taxonomy: Taxonomy;
    try {
      taxonomy = userTaxonomy(new TextDecoder().decode(object.bytes), location.mode);
    } catch (error) {
      cached = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw misconfigured(`The taxonomy file ${where} is invalid: ${reason}`, error);
    }
    cached = { taxonomy, etag: object.etag, loadedAt: now() };
    return taxonomy;
  };

  return {
    get(): Promise<Taxonomy> {
      if (cached !== undefined && now() - cached.loadedAt < options.ttlMs)
        return Promise.resolve(cached.taxonomy);
      loading ??= load().finally(() => {
        loading = undefined;
      });
      return loading;
    },
  };
}

function misconfigured(message: string, cause: unknown): ConfigurationError {
  return new ConfigurationError(message, { cause: new InvalidTaxonomyError(message, { cause }) });
}

/** The taxonomy source a function's config asks for, or `undefined` for the bundled taxonomy alone. */
export function taxonomySourceFor(
  s3: S3Client,
  config: Pick<LedeConfig, 'bucket' | 'taxonomyKey' | 'taxonomyMode' | 'taxonomyCacheSeconds'>,
): TaxonomySource | undefined {
  if (config.taxonomyKey === null) return undefined;
  return s3TaxonomySource(
    s3,
    { bucket: config.bucket, key: config.taxonomyKey, mode: config.taxonomyMode },
    { ttlMs: config.taxonomyCacheSeconds * 1000 },
  );
}
