import { DEFAULT_MAX_BYTES, DEFAULT_WORK_LIMITS, type WorkLimits } from './core/limits.js';
import { DEFAULT_SUMMARY_WORDS, MAX_SUMMARY_WORDS } from './core/summary/summarize.js';
import { ConfigurationError } from './errors.js';

/**
 * The Lambda functions' settings. This is the only module that reads `process.env`: it is parsed once,
 * at cold start (`processConfig`), so a misconfigured function fails its cold start with one clear message instead of
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
  /** The work budget of one input beside the byte limit (core/limits.ts): over a cap is INPUT_TOO_COMPLEX. */
  readonly limits: WorkLimits;
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
  /** Default summary word budget, when a request asks for no length of its own. */
  readonly summaryWords: number;
}

type Env = Readonly<Record<string, string | undefined>>;
const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;
const TAXONOMY_MODES = ['extend', 'replace'] as const;

/**
 * Reads variables and collects what is wrong with them, so that one error names every bad variable.
 * Hand-written rather than a zod schema: this module loads on every cold start, and a dozen string
 * checks do not need a schema library.
 */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  /** The variable's value; an empty string means "unset" (serverless.yml passes empty parameters as ""). */
  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === '' ? undefined : value;
  }

  private fail<T>(name: string, message: string, fallback: T): T {
    this.problems.push(`${name}: ${message}`);
    return fallback;
  }

  string(name: string, options: { fallback: string; minLength?: number; message?: string }): string {
    const value = this.raw(name) ?? options.fallback;
    const min = options.minLength ?? 1;
    if (value.length >= min) return value;
    return this.fail(name, options.message ?? `must be at least ${min} characters`, value);
  }

  optionalString(name: string, minLength = 1): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    if (value.length >= minLength) return value;
    return this.fail(name, `must be at least ${minLength} characters`, null);
  }

  prefix(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (!/^[^/].*\/$/s.test(value)) {
      return this.fail(name, 'must be non-empty, must not start with "/" and must end with "/"', value);
    }
    if (value.split('/').includes('..')) return this.fail(name, 'must not contain ".." segments', value);
    return value;
  }

  /** An integer of at least `min`, written in decimal ("1048576"). */
  integer(name: string, fallback: number, min: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (value.trim() !== '' && Number.isSafeInteger(number) && number >= min) return number;
    return this.fail(name, `must be an integer of at least ${min}, got "${value}"`, fallback);
  }

  oneOf<const T extends string>(name: string, values: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const known = values.find((candidate) => candidate === value);
    return known ?? this.fail(name, `must be one of ${values.join(', ')}, got "${value}"`, fallback);
  }

  httpUrl(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    let protocol: string | undefined;
    try {
      protocol = new URL(value).protocol;
    } catch {
      protocol = undefined;
    }
    if (protocol === 'http:' || protocol === 'https:') return value;
    return this.fail(name, `must be an http(s) URL, got "${value}"`, null);
  }

  flag(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.fail(name, `must be "true" or "false", got "${value}"`, fallback);
  }
}

/**
 * Parses an environment into a frozen config; throws `ConfigurationError` naming every bad variable.
 *
 * @example
 * const config = loadConfig({ LEDE_BUCKET: 'my-bucket', LEDE_MAX_BYTES: '1048576' });
 */
export function loadConfig(env: Env): LedeConfig {
  const read = new EnvReader(env);
  const bucket = read.string('LEDE_BUCKET', {
    fallback: '',
    minLength: 3,
    message: 'is required (the S3 bucket name)',
  });
  const config: LedeConfig = {
    bucket,
    outputBucket: read.optionalString('LEDE_OUTPUT_BUCKET', 3) ?? bucket,
    inputPrefix: read.prefix('LEDE_INPUT_PREFIX', 'incoming/'),
    outputPrefix: read.prefix('LEDE_OUTPUT_PREFIX', 'summaries/'),
    maxBytes: read.integer('LEDE_MAX_BYTES', DEFAULT_MAX_BYTES, 1),
    limits: Object.freeze({
      maxInflatedBytes: read.integer('LEDE_MAX_INFLATED_BYTES', DEFAULT_WORK_LIMITS.maxInflatedBytes, 1),
      maxContentBytes: read.integer('LEDE_MAX_CONTENT_BYTES', DEFAULT_WORK_LIMITS.maxContentBytes, 1),
      maxNodes: read.integer('LEDE_MAX_NODES', DEFAULT_WORK_LIMITS.maxNodes, 1),
      maxAttributes: read.integer('LEDE_MAX_ATTRIBUTES', DEFAULT_WORK_LIMITS.maxAttributes, 1),
      maxElementAttributes: read.integer(
        'LEDE_MAX_ELEMENT_ATTRIBUTES',
        DEFAULT_WORK_LIMITS.maxElementAttributes,
        1,
      ),
      maxDepth: read.integer('LEDE_MAX_DEPTH', DEFAULT_WORK_LIMITS.maxDepth, 1),
      maxPages: read.integer('LEDE_MAX_PAGES', DEFAULT_WORK_LIMITS.maxPages, 1),
      maxChars: read.integer('LEDE_MAX_CHARS', DEFAULT_WORK_LIMITS.maxChars, 1),
      maxSentences: read.integer('LEDE_MAX_SENTENCES', DEFAULT_WORK_LIMITS.maxSentences, 1),
    }),
    corsOrigin: read.optionalString('LEDE_CORS_ORIGIN'),
    serviceName: read.string('LEDE_SERVICE_NAME', { fallback: 'lede' }),
    metricsNamespace: read.string('LEDE_METRICS_NAMESPACE', { fallback: 'Lede' }),
    logLevel: read.oneOf('LEDE_LOG_LEVEL', LOG_LEVELS, 'INFO'),
    s3Endpoint: read.httpUrl('LEDE_S3_ENDPOINT'),
    s3ForcePathStyle: read.flag('LEDE_S3_FORCE_PATH_STYLE', false),
    tagSourceObjects: read.flag('LEDE_TAG_SOURCE_OBJECTS', true),
    taxonomyKey: read.optionalString('LEDE_TAXONOMY_OBJECT'),
    taxonomyMode: read.oneOf('LEDE_TAXONOMY_MODE', TAXONOMY_MODES, 'extend'),
    taxonomyCacheSeconds: read.integer('LEDE_TAXONOMY_CACHE_SECONDS', 300, 0),
    summaryWords: read.integer('LEDE_SUMMARY_WORDS', DEFAULT_SUMMARY_WORDS, 1),
  };
  if (config.summaryWords > MAX_SUMMARY_WORDS) {
    read.problems.push(
      `LEDE_SUMMARY_WORDS: must be at most ${MAX_SUMMARY_WORDS}, got "${config.summaryWords}"`,
    );
  }
  // The handler refuses output-prefix keys anyway, but prefixes that contain each other would make
  // every write a new trigger: reject that configuration before any event arrives.
  if (
    config.inputPrefix.startsWith(config.outputPrefix) ||
    config.outputPrefix.startsWith(config.inputPrefix)
  ) {
    read.problems.push('prefixes: LEDE_INPUT_PREFIX and LEDE_OUTPUT_PREFIX must not contain one another');
  }
  if (config.taxonomyKey?.startsWith('/')) {
    read.problems.push('LEDE_TAXONOMY_OBJECT: must be a key, not a path starting with "/"');
  }
  // Under the input prefix the taxonomy would be analysed as an article on every change.
  if (config.taxonomyKey?.startsWith(config.inputPrefix)) {
    read.problems.push('LEDE_TAXONOMY_OBJECT: must not be under LEDE_INPUT_PREFIX');
  }
  if (read.problems.length > 0) {
    throw new ConfigurationError(`Invalid lede configuration: ${read.problems.join('; ')}`);
  }
  return Object.freeze(config);
}

let processConfigCache: LedeConfig | undefined;

/**
 * The process's config: `process.env` parsed on the first call and kept. The deployed entry modules
 * (`src/lambda/`) call it at module scope, so a misconfigured function fails its cold start; importing
 * this module (or a handler factory) reads nothing, so tests build their config with `loadConfig`.
 */
export function processConfig(): LedeConfig {
  processConfigCache ??= loadConfig(process.env);
  return processConfigCache;
}
