import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';

/** What `npm start` runs on: loopback ports, the bucket, where s3rver keeps its files, the API key. */
export interface LocalSettings {
  readonly host: string;
  readonly s3Port: number;
  readonly apiPort: number;
  readonly bucket: string;
  readonly dataDir: string;
  readonly apiKey: string;
  /** False when the key was generated for this run (printed so it can be copied). */
  readonly apiKeyFromEnv: boolean;
  /**
   * The local failure destination: events that still fail after the retries, one JSON file each.
   * Default: `<dataDir>-failed` beside the data directory (s3rver would list a folder inside it as a bucket).
   */
  readonly failedDir?: string;
  /** Wait before the first retry of a failed event; the second waits twice as long. Default 1000 ms. */
  readonly retryDelayMs?: number;
}

/** s3rver accepts only this access key / secret pair. */
export const S3RVER_CREDENTIALS = Object.freeze({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
/** Any region works against s3rver; the SDK only needs one to sign requests. */
export const LOCAL_REGION = 'us-east-1';

// Port 0 is allowed so tests can ask for any free port.
const port = z.coerce.number().int().min(0).max(65_535);

const LocalEnvSchema = z.object({
  LEDE_LOCAL_S3_PORT: port.default(4569),
  LEDE_LOCAL_API_PORT: port.default(3000),
  // S3 bucket naming rules, simplified: s3rver rejects anything else anyway, less clearly.
  LEDE_LOCAL_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
    .default('articles'),
  LEDE_LOCAL_DATA_DIR: z.string().min(1).default('.local/s3'),
  LEDE_LOCAL_FAILED_DIR: z.string().min(1).default('.local/failed'),
  // Lambda waits about a minute, then two; a local run keeps the 1:2 shape at a scale you can watch.
  LEDE_LOCAL_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1_000),
  // API Gateway keys are at least 20 characters; the same rule here avoids a key that works only locally.
  LEDE_LOCAL_API_KEY: z
    .string()
    .regex(/^[\x21-\x7e]{20,128}$/, 'must be 20-128 printable ASCII characters')
    .optional(),
});

/**
 * Reads the `LEDE_LOCAL_*` variables (the caller passes the environment; only `config.ts` reads
 * `process.env` in the functions' code). A relative data directory is resolved against `cwd`.
 *
 * @example
 * const settings = loadLocalSettings(process.env, process.cwd()); // s3Port 4569, apiPort 3000, bucket 'articles'
 * // failed events in .local/failed/, retried after 1 s and 2 s
 */
export function loadLocalSettings(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): LocalSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = LocalEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid local settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    host: '127.0.0.1',
    s3Port: e.LEDE_LOCAL_S3_PORT,
    apiPort: e.LEDE_LOCAL_API_PORT,
    bucket: e.LEDE_LOCAL_BUCKET,
    dataDir: resolve(cwd, e.LEDE_LOCAL_DATA_DIR),
    failedDir: resolve(cwd, e.LEDE_LOCAL_FAILED_DIR),
    retryDelayMs: e.LEDE_LOCAL_RETRY_DELAY_MS,
    apiKey: e.LEDE_LOCAL_API_KEY ?? generateApiKey(),
    apiKeyFromEnv: e.LEDE_LOCAL_API_KEY !== undefined,
  });
}

/** 40 URL-safe characters, the length of the keys API Gateway generates. */
export function generateApiKey(): string {
  return randomBytes(30).toString('base64url');
}
