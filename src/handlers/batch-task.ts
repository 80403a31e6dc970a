import type { LedeConfig } from '../config.js';
import { StorageUnavailableError, toLedeError } from '../errors.js';
import { isOutputKey, outputKeyForUpload } from '../upload/output-key.js';
import { processUpload, type UploadDeps } from '../upload/process-upload.js';
import type { BatchOperationsTask, TaskResult } from './batch-operations-event.js';
import { decodeEventKey } from './event-key.js';

/** The use case's dependencies, plus the stack's bucket: tasks for any other bucket are refused. */
export type BatchTaskDeps = UploadDeps & { readonly config: Pick<LedeConfig, 'bucket'> };

/**
 * Runs one Batch Operations task through the same per-object path as the upload trigger
 * (`processUpload`) and turns its outcome into a result code:
 *
 * - analysis written (or already there for this very input), or article refused with its error
 *   document written: `Succeeded`;
 * - S3 throttling, 5xx, timeouts and dropped connections: `TemporaryFailure` (Batch Operations retries);
 * - anything else (the object is gone, it is outside the input prefix or in another bucket, access is
 *   denied, an unexpected error): `PermanentFailure`, with the reason in the completion report.
 *
 * Never throws: one bad task must not fail the invocation (and with it the other tasks' results).
 *
 * @example
 * await runBatchTask({ taskId: 't1', s3Bucket: 'articles', s3Key: 'incoming/a+b.txt', s3VersionId: null }, [], deps);
 * // { taskId: 't1', resultCode: 'Succeeded', resultString: 'written summaries/a b.txt.json' }
 */
export async function runBatchTask(
  task: BatchOperationsTask,
  userArguments: readonly string[],
  deps: BatchTaskDeps,
): Promise<TaskResult> {
  const { taskId } = task;
  const permanent = (resultString: string): TaskResult => ({
    taskId,
    resultCode: 'PermanentFailure',
    resultString,
  });
  // The job is misconfigured: fail every task at once rather than half-honour the request.
  if (userArguments.length > 0) {
    return permanent(`UNSUPPORTED_ARGUMENTS: lede takes no userArguments, got ${userArguments.join(', ')}`);
  }
  const { config } = deps;
  // Checked here, not left to processUpload, so each reason gets its own line in the report; the
  // function's role can read nothing else anyway.
  if (task.s3Bucket !== config.bucket) {
    return permanent(`WRONG_BUCKET: this stack analyses s3://${config.bucket}/, not s3://${task.s3Bucket}/`);
  }
  let key: string;
  try {
    key = decodeEventKey(task.s3Key);
  } catch (error) {
    return permanent(describe(error));
  }
  const outputKey = isOutputKey(key, config) ? null : outputKeyForUpload(key, config);
  if (outputKey === null) {
    return permanent(`OUTSIDE_INPUT_PREFIX: only keys under ${config.inputPrefix} are analysed`);
  }

  try {
    const outcome = await processUpload({ bucket: task.s3Bucket, key }, deps);
    // The key passed the checks above, so a skip means the object is gone.
    if (outcome === 'skipped') return permanent('NOT_FOUND: the object no longer exists');
    if (outcome === 'refused') {
      return { taskId, resultCode: 'Succeeded', resultString: `refused; error document ${outputKey}` };
    }
    // 'written', or an output already in place for this very input: either way the key is done.
    return { taskId, resultCode: 'Succeeded', resultString: `${outcome} ${outputKey}` };
  } catch (error) {
    deps.logger.error('Batch Operations task failed', { taskId, key: task.s3Key, error });
    if (isTransient(error)) return { taskId, resultCode: 'TemporaryFailure', resultString: describe(error) };
    return permanent(describe(error));
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof StorageUnavailableError;
}

// The completion report is read by whoever runs the job (the stack's owner), so it may name the
// underlying S3 error, which API clients never see.
function describe(error: unknown): string {
  const failure = toLedeError(error);
  const cause = failure.cause instanceof Error ? ` (${failure.cause.name})` : '';
  return `${failure.code}: ${failure.message}${cause}`;
}
