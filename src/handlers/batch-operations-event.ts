import { z } from 'zod';

/**
 * The S3 Batch Operations `LambdaInvoke` payload, invocation schema 2.0 (the version that carries the
 * bucket name rather than its ARN, and `job.userArguments`). Keys arrive URL-encoded, as in S3 event
 * notifications: decode them with `decodeEventKey`, never use them raw. Batch Operations sends one
 * task per invocation today; the schema accepts several so the handler needs no change if that grows.
 */
export const BatchOperationsEventSchema = z.object({
  invocationSchemaVersion: z.literal('2.0'),
  invocationId: z.string().min(1),
  job: z.object({
    id: z.string().min(1),
    // Absent, null or {} when the job was created without UserArguments.
    userArguments: z.record(z.string(), z.string()).nullish(),
  }),
  tasks: z
    .array(
      z.object({
        taskId: z.string().min(1),
        s3Key: z.string().min(1),
        // null unless the manifest names versions.
        s3VersionId: z.string().nullish(),
        s3Bucket: z.string().min(1),
      }),
    )
    .min(1),
});

export type BatchOperationsEvent = z.infer<typeof BatchOperationsEventSchema>;
export type BatchOperationsTask = BatchOperationsEvent['tasks'][number];

/**
 * `Succeeded` and `PermanentFailure` are final; Batch Operations invokes the task again after a
 * `TemporaryFailure` (and fails it once its retries run out).
 */
export type ResultCode = 'Succeeded' | 'TemporaryFailure' | 'PermanentFailure';

export interface TaskResult {
  readonly taskId: string;
  readonly resultCode: ResultCode;
  /** Copied into the job's completion report. */
  readonly resultString: string;
}

/** What the function returns to Batch Operations. */
export interface BatchOperationsResponse {
  readonly invocationSchemaVersion: '2.0';
  /** Applies to tasks the response leaves out; every task gets a result, so this only guards bugs. */
  readonly treatMissingKeysAs: ResultCode;
  readonly invocationId: string;
  readonly results: readonly TaskResult[];
}

/**
 * Wraps task results in the response Batch Operations expects, echoing the invocation's id and schema.
 *
 * @example
 * batchOperationsResponse(event, [{ taskId: 't1', resultCode: 'Succeeded', resultString: 'written' }]);
 */
export function batchOperationsResponse(
  event: Pick<BatchOperationsEvent, 'invocationSchemaVersion' | 'invocationId'>,
  results: readonly TaskResult[],
): BatchOperationsResponse {
  return {
    invocationSchemaVersion: event.invocationSchemaVersion,
    treatMissingKeysAs: 'PermanentFailure',
    invocationId: event.invocationId,
    results,
  };
}
