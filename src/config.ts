import { z } from 'zod';
import { DEFAULT_MAX_BYTES } from './core/limits.js';
import { ConfigurationError } from './errors.js';

/**
 * The Lambda functions' settings. This is the only module that reads `process.env`: it is parsed once,
 * at module load, so a misconfigured function fails its cold start with one clear message instead of
 * failing each request in a different way.
 */
export interface LedeConfig {
  /** The stack's bucket: the API reads stored analyses from it; the upload trigger watches it. */
  readonly bucket: string;
  /** Where analyses are written; defaults to `bucket`. */
  readonly outputBucket: string;
  readonly inputPrefix: string;
  readonly outputPrefix: string;
  /** Inputs over this many bytes are refused before they are downloaded in full. */
  readonly maxBytes: number;
  /** Value of `Access-Control-Allow-Origin` on API responses; `null` sends no CORS headers. */
  readonly corsOrigin: string | null;
  readonly serviceName: string;
  readonly metricsNamespace: string;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  /** Custom S3 endpoint for local runs (s3rver, serverless-offline); unset on AWS. */
  readonly s3Endpoint: string | null;
  readonly s3ForcePathStyle: boolean;
  /** Write the top tags onto each analysed source object as S3 object tags. */
  readonly tagSourceObjects: boolean;
  /** Key, in `bucket`, of a taxonomy file to use instead of (or on top of) the bundled one; `null`: bundled only. */
  readonly taxonomyKey: string | null;
  readonly taxonomyMode: 'extend' | 'replace';
  /** How long a warm function reuses the taxonomy file before reading it again. */
  readonly taxonomyCacheSeconds: number;
}

const prefix = z
  .string()
  .regex(/^[^/].*\/$/, 'must be non-empty, must not start with "/" and must end with "/"')
  .refine((value) => !value.split('/').includes('..'), 'must not contain ".." segments');

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const EnvSchema = z
  .object({
    LEDE_BUCKET: z.string().min(3, 'is required (the S3 bucket name)'),
    LEDE_OUTPUT_BUCKET: z.string().min(3).optional(),
    LEDE_INPUT_PREFIX: prefix.default('incoming/'),
    LEDE_OUTPUT_PREFIX: prefix.default('summaries/'),
    LEDE_MAX_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_BYTES),
    LEDE_CORS_ORIGIN: z.string().min(1).optional(),
    LEDE_SERVICE_NAME: z.string().min(1).default('lede'),
    LEDE_METRICS_NAMESPACE: z.string().min(1).default('Lede'),
    LEDE_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
    LEDE_S3_ENDPOINT: z.url().optional(),
    LEDE_S3_FORCE_PATH_STYLE: flag.default(false),
    LEDE_TAG_SOURCE_OBJECTS: flag.default(true),
    LEDE_TAXONOMY_KEY: z
      .string()
      .min(1)
      .refine((key) => !key.startsWith('/'), 'must be a key, not a path starting with "/"')
      .optional(),
    LEDE_TAXONOMY_MODE: z.enum(['extend', 'replace']).default('extend'),
    LEDE_TAXONOMY_CACHE_SECONDS: z.coerce.number().int().min(0).default(300),
  })
  // The handler refuses output-prefix keys anyway, but prefixes that contain each other would make
  // every write a new trigger: reject that configuration before any event arrives.
  .refine(
    (env) =>
      !env.LEDE_INPUT_PREFIX.startsWith(env.LEDE_OUTPUT_PREFIX) &&
      !env.LEDE_OUTPUT_PREFIX.startsWith(env.LEDE_INPUT_PREFIX),
    { message: 'LEDE_INPUT_PREFIX and LEDE_OUTPUT_PREFIX must not contain one another', path: ['prefixes'] },
  )
  // Under the input prefix the taxonomy would be analysed as an article on every change.
  .refine(
    (env) => env.LEDE_TAXONOMY_KEY === undefined || !env.LEDE_TAXONOMY_KEY.startsWith(env.LEDE_INPUT_PREFIX),
    { message: 'must not be under LEDE_INPUT_PREFIX', path: ['LEDE_TAXONOMY_KEY'] },
  );

/**
 * Parses an environment into a frozen config; throws `ConfigurationError` naming every bad variable.
 *
 * @example
 * const config = loadConfig({ LEDE_BUCKET: 'my-bucket', LEDE_MAX_BYTES: '1048576' });
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): LedeConfig {
  // An empty variable means "unset": serverless.yml passes empty parameters through as "".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`Invalid lede configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    bucket: e.LEDE_BUCKET,
    outputBucket: e.LEDE_OUTPUT_BUCKET ?? e.LEDE_BUCKET,
    inputPrefix: e.LEDE_INPUT_PREFIX,
    outputPrefix: e.LEDE_OUTPUT_PREFIX,
    maxBytes: e.LEDE_MAX_BYTES,
    corsOrigin: e.LEDE_CORS_ORIGIN ?? null,
    serviceName: e.LEDE_SERVICE_NAME,
    metricsNamespace: e.LEDE_METRICS_NAMESPACE,
    logLevel: e.LEDE_LOG_LEVEL,
    s3Endpoint: e.LEDE_S3_ENDPOINT ?? null,
    s3ForcePathStyle: e.LEDE_S3_FORCE_PATH_STYLE,
    tagSourceObjects: e.LEDE_TAG_SOURCE_OBJECTS,
    taxonomyKey: e.LEDE_TAXONOMY_KEY ?? null,
    taxonomyMode: e.LEDE_TAXONOMY_MODE,
    taxonomyCacheSeconds: e.LEDE_TAXONOMY_CACHE_SECONDS,
  });
}

/** The process's config, validated at cold start. */
export const config: LedeConfig = loadConfig(process.env);
