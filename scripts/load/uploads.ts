import { PutObjectCommand } from '@aws-sdk/client-s3';
import { runPool } from './pool.js';
import type { LoadTarget } from './target.js';

/** One upload: its key and when it started (performance.now() ms); `error` if the PUT failed. */
export interface UploadRecord {
  readonly index: number;
  readonly key: string;
  readonly startedAt: number;
  readonly error?: string;
}

/** `incoming/load/<run-id>/<n>.txt`: every key of a run under one prefix, so its outputs list together. */
export function uploadKey(target: Pick<LoadTarget, 'inputPrefix'>, runId: string, index: number): string {
  return `${target.inputPrefix}load/${runId}/${index}.txt`;
}

/**
 * PUTs `count` objects with `concurrency` in flight, cycling through `bodies`. A failed PUT is recorded,
 * not retried beyond the SDK's own retries, and does not stop the others.
 */
export async function uploadAll(
  target: LoadTarget,
  runId: string,
  count: number,
  concurrency: number,
  bodies: readonly Uint8Array[],
  /** Called with how many uploads have been answered (sent or failed) after each one. */
  onUploaded?: (done: number) => void,
): Promise<UploadRecord[]> {
  const records: UploadRecord[] = [];
  await runPool(count, concurrency, async (index) => {
    const key = uploadKey(target, runId, index);
    const body = bodies[index % bodies.length];
    if (body === undefined) throw new Error('uploadAll needs at least one article body');
    const startedAt = performance.now();
    try {
      await target.s3.send(
        new PutObjectCommand({
          Bucket: target.bucket,
          Key: key,
          Body: body,
          ContentType: 'text/plain; charset=utf-8',
        }),
      );
      records.push({ index, key, startedAt });
    } catch (error) {
      records.push({ index, key, startedAt, error: error instanceof Error ? error.message : String(error) });
    }
    onUploaded?.(records.length);
  });
  return records.sort((a, b) => a.index - b.index);
}
