import { randomBytes } from 'node:crypto';
import { outputKeyForUpload } from '../../src/upload/output-key.js';
import { loadArticleBodies } from './articles.js';
import { type LatencySource, watchCompletions } from './completion.js';
import type { LoadOptions } from './options.js';
import { type Percentiles, percentiles } from './percentiles.js';
import type { LoadTarget } from './target.js';
import { uploadAll } from './uploads.js';
import { checkOutputs } from './verify.js';

/** The outcome of one load run: figures, and everything that went wrong. */
export interface LoadResult {
  readonly runId: string;
  readonly uploads: number;
  readonly concurrency: number;
  readonly articles: number;
  /** First upload start to the last upload's PUT answered, ms. */
  readonly uploadPhaseMs: number;
  /** First upload start to the last output visible, ms. */
  readonly endToEndMs: number;
  /** Uploads with a verified output per second of `endToEndMs`. */
  readonly throughputPerSecond: number;
  readonly latencySource: LatencySource;
  /** Upload start -> output visible, over the uploads whose output appeared, ms. */
  readonly latencyMs: Percentiles;
  readonly timedOut: boolean;
  readonly uploadErrors: readonly { readonly key: string; readonly error: string }[];
  /** Uploaded but no output under the output prefix. */
  readonly lost: readonly string[];
  /** Outputs for no upload, listed twice, or inputs the function ran on more than once (in-process). */
  readonly duplicated: readonly string[];
  readonly badOutputs: readonly { readonly key: string; readonly reason: string }[];
  /** Invocations that threw (in-process only). */
  readonly failedInvocations: readonly string[];
}

/** True when nothing was lost, duplicated, malformed or failed. */
export function loadSucceeded(result: LoadResult): boolean {
  return (
    result.uploadErrors.length === 0 &&
    result.lost.length === 0 &&
    result.duplicated.length === 0 &&
    result.badOutputs.length === 0 &&
    result.failedInvocations.length === 0
  );
}

/**
 * Uploads `options.uploads` copies of a few fixture articles with `options.concurrency` in flight,
 * waits (up to `options.deadlineMs` after the last upload) for their outputs, then checks them all.
 */
/** Where a load run is: uploads answered, or inputs whose analysis is stored, out of `total`. */
export interface LoadProgress {
  readonly phase: 'uploaded' | 'analysed';
  readonly done: number;
  readonly total: number;
}

export async function runLoad(
  target: LoadTarget,
  options: Pick<LoadOptions, 'uploads' | 'concurrency' | 'deadlineMs' | 'articles'> & {
    /** Told how many uploads are done, then how many have their analysis, as each number grows. */
    readonly onProgress?: (progress: LoadProgress) => void;
  },
): Promise<LoadResult> {
  const bodies = await loadArticleBodies(options.articles);
  const runId = `${new Date().toISOString().replaceAll(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const runInputPrefix = `${target.inputPrefix}load/${runId}/`;
  const runOutputPrefix = `${target.outputPrefix}load/${runId}/`;
  const outputKeyOf = (inputKey: string): string => {
    const key = outputKeyForUpload(inputKey, target);
    if (key === null) throw new Error(`${inputKey} has no output key under ${target.outputPrefix}`);
    return key;
  };
  const total = options.uploads;
  const watcher = watchCompletions(target, runInputPrefix, runOutputPrefix, outputKeyOf, (done) =>
    options.onProgress?.({ phase: 'analysed', done, total }),
  );

  const start = performance.now();
  const records = await uploadAll(target, runId, options.uploads, options.concurrency, bodies, (done) =>
    options.onProgress?.({ phase: 'uploaded', done, total }),
  );
  const uploadsDone = performance.now();
  const sent = records.filter((record) => record.error === undefined);
  const completions = await watcher.wait(
    sent.map((record) => record.key),
    uploadsDone + options.deadlineMs,
  );

  const expected = new Map(sent.map((record) => [outputKeyOf(record.key), record.key]));
  const check = await checkOutputs(target, runOutputPrefix, expected, options.concurrency);
  const latencies: number[] = [];
  let lastDone = start;
  for (const record of sent) {
    const doneAt = completions.doneAt.get(record.key);
    if (doneAt === undefined) continue;
    latencies.push(doneAt - record.startedAt);
    lastDone = Math.max(lastDone, doneAt);
  }
  const rerun = [...(completions.invocations ?? [])].filter(([, count]) => count > 1).map(([key]) => key);
  const endToEndMs = lastDone - start;
  const verified = sent.length - check.missing.length - check.bad.length;
  return {
    runId,
    uploads: options.uploads,
    concurrency: options.concurrency,
    articles: bodies.length,
    uploadPhaseMs: uploadsDone - start,
    endToEndMs,
    throughputPerSecond: endToEndMs > 0 ? verified / (endToEndMs / 1000) : 0,
    latencySource: completions.source,
    latencyMs: percentiles(latencies),
    timedOut: completions.doneAt.size < sent.length,
    uploadErrors: records.flatMap((record) =>
      record.error === undefined ? [] : [{ key: record.key, error: record.error }],
    ),
    lost: check.missing,
    duplicated: [...check.extra, ...rerun],
    badOutputs: check.bad,
    failedInvocations: completions.failedInvocations,
  };
}
