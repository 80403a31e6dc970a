import type { S3Client } from '@aws-sdk/client-s3';
import { listKeys } from '../adapters/s3.js';
import type { LedeConfig } from '../config.js';
import { isOutputKey, outputKeyForUpload } from '../upload/output-key.js';
import { processUpload, type UploadDeps } from '../upload/process-upload.js';

/** The use case's dependencies, plus the bucket whose input prefix is backfilled. */
export type BackfillDeps = UploadDeps & {
  readonly config: Pick<LedeConfig, 'bucket' | 'inputPrefix' | 'outputPrefix' | 'outputBucket'>;
};

/** What a backfill would do: every input key, and those of them that have no output yet. */
export interface BackfillPlan {
  /** Keys under the input prefix that can have an output (folder placeholders and unsafe keys excluded). */
  readonly inputs: readonly string[];
  /** The inputs with no output yet, in listing order: the work left. */
  readonly pending: readonly string[];
}

/** How one key ended: processUpload's outcome, or `failed` when it threw (the key stays pending). */
export type BackfillOutcome = 'written' | 'refused' | 'unchanged' | 'skipped' | 'failed';

export interface BackfillProgress {
  readonly key: string;
  readonly outcome: BackfillOutcome;
  /** Keys finished so far in this run, this one included. */
  readonly done: number;
  readonly total: number;
  readonly error?: unknown;
}

export interface BackfillOptions {
  /** How many keys are processed at once; default 4. */
  readonly concurrency?: number;
  /** Once aborted, no new key is started; keys already running finish and are counted. */
  readonly signal?: AbortSignal;
  /**
   * A key still unfinished after this long is counted `failed` (with a `BackfillTimeoutError`) and
   * the run goes on, so one object that never answers (a torn upload after a crash, a stalled
   * server) cannot stall the run (issue 18). It keeps no output, so the next run tries it again.
   * Default 120 s: the analysis itself is bounded to seconds by the work budget, S3 retries by the
   * client's timeouts.
   */
  readonly objectTimeoutMs?: number;
  readonly onProgress?: (progress: BackfillProgress) => void;
}

export interface BackfillSummary {
  readonly total: number;
  readonly done: number;
  readonly counts: Readonly<Record<BackfillOutcome, number>>;
  /** True when the signal stopped the run before every pending key was started. */
  readonly interrupted: boolean;
}

const DEFAULTS = Object.freeze({ concurrency: 4, objectTimeoutMs: 120_000 });

/** One key took longer than the per-object bound; the run moved on without it. */
export class BackfillTimeoutError extends Error {
  override readonly name = 'BackfillTimeoutError';
  constructor(key: string, timeoutMs: number) {
    super(`${key} did not finish within ${timeoutMs} ms; skipped, it stays pending for the next run`);
  }
}

/** `work`, or a rejection with `BackfillTimeoutError` once `timeoutMs` has passed. */
async function within<T>(work: Promise<T>, key: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BackfillTimeoutError(key, timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Lists the bucket's input and output prefixes and returns the input keys that have no output yet.
 * Deciding from the outputs themselves (rather than a progress file) is what makes a run resumable:
 * each output is written in one PutObject, so after an interruption a key either has its output or is
 * still pending, and a rerun picks up exactly the rest.
 *
 * @example
 * const { inputs, pending } = await planBackfill(s3, config); // pending: keys under incoming/ without summaries/<key>.json
 */
export async function planBackfill(s3: S3Client, deps: Pick<BackfillDeps, 'config'>): Promise<BackfillPlan> {
  const { config } = deps;
  const [inputKeys, outputKeys] = await Promise.all([
    listKeys(s3, config.bucket, config.inputPrefix),
    listKeys(s3, config.outputBucket, config.outputPrefix),
  ]);
  const outputs = new Set(outputKeys);
  const inputs: string[] = [];
  const pending: string[] = [];
  for (const key of inputKeys) {
    const outputKey = isOutputKey(key, config) ? null : outputKeyForUpload(key, config);
    if (outputKey === null) continue;
    inputs.push(key);
    if (!outputs.has(outputKey)) pending.push(key);
  }
  return { inputs, pending };
}

/**
 * Processes `keys` through the upload trigger's per-object path (`processUpload`), at most
 * `concurrency` at a time. A key that throws, or takes longer than `objectTimeoutMs`, is counted as
 * `failed` and the run goes on: it has no output, so the next run tries it again. An empty (zero-byte)
 * or torn object is read like any other and gets an error document (EMPTY_DOCUMENT, MALFORMED_INPUT...).
 *
 * @example
 * const summary = await runBackfill(plan.pending, deps, { concurrency: 4, onProgress: console.log });
 */
export async function runBackfill(
  keys: readonly string[],
  deps: BackfillDeps,
  options: BackfillOptions = {},
): Promise<BackfillSummary> {
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`);
  }
  const objectTimeoutMs = options.objectTimeoutMs ?? DEFAULTS.objectTimeoutMs;
  if (!Number.isInteger(objectTimeoutMs) || objectTimeoutMs < 1) {
    throw new RangeError(`objectTimeoutMs must be a positive whole number, got ${objectTimeoutMs}`);
  }
  const counts: Record<BackfillOutcome, number> = {
    written: 0,
    refused: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
  };
  let next = 0;
  let done = 0;
  const { signal } = options;

  const worker = async (): Promise<void> => {
    while (next < keys.length && signal?.aborted !== true) {
      const key = keys[next];
      next += 1;
      if (key === undefined) break;
      let outcome: BackfillOutcome;
      let error: unknown;
      try {
        outcome = await within(
          processUpload({ bucket: deps.config.bucket, key }, deps),
          key,
          objectTimeoutMs,
        );
      } catch (caught) {
        outcome = 'failed';
        error = caught;
      }
      counts[outcome] += 1;
      done += 1;
      options.onProgress?.({
        key,
        outcome,
        done,
        total: keys.length,
        ...(error === undefined ? {} : { error }),
      });
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  return { total: keys.length, done, counts, interrupted: done < keys.length };
}
