import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What Lambda sends to an on-failure destination (SQS here) for an asynchronous invocation whose
 * retries are spent, in the same shape, so tooling written against one reads the other. Unlike
 * Lambda, the error's stack trace is left out: it is in the log already.
 */
export interface FailedInvocationRecord {
  readonly version: '1.0';
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: 'RetriesExhausted';
    readonly approximateInvokeCount: number;
  };
  readonly requestPayload: unknown;
  readonly responseContext: {
    readonly statusCode: 200;
    readonly executedVersion: '$LATEST';
    readonly functionError: 'Unhandled';
  };
  readonly responsePayload: { readonly errorType: string; readonly errorMessage: string };
}

/** A local stand-in for the failure queue: one JSON file per failed event, in a directory. */
export interface FailureDestination {
  readonly directory: string;
  /** Stores the record; resolves to the file it was written to. */
  send(record: FailedInvocationRecord): Promise<string>;
}

const RecordSchema = z.object({
  version: z.literal('1.0'),
  timestamp: z.string(),
  requestContext: z.object({
    requestId: z.string(),
    functionArn: z.string(),
    condition: z.literal('RetriesExhausted'),
    approximateInvokeCount: z.number().int().positive(),
  }),
  requestPayload: z.unknown(),
  responseContext: z.object({
    statusCode: z.literal(200),
    executedVersion: z.literal('$LATEST'),
    functionError: z.literal('Unhandled'),
  }),
  responsePayload: z.object({ errorType: z.string(), errorMessage: z.string() }),
});

/**
 * Writes failed events under `directory` as `<timestamp>-<request id>.json`. Kept apart from
 * s3rver's data directory, where every folder would show up as a bucket.
 *
 * @example
 * const destination = directoryFailureDestination('.local/failed');
 */
export function directoryFailureDestination(directory: string): FailureDestination {
  return {
    directory,
    send: async (record) => {
      await mkdir(directory, { recursive: true });
      const name = `${record.timestamp.replaceAll(':', '-')}-${record.requestContext.requestId}.json`;
      const path = join(directory, name);
      // Written whole, then renamed: a reader never sees half a record.
      const partial = join(directory, `.${randomUUID()}.tmp`);
      await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`, 'utf-8');
      await rename(partial, path);
      return path;
    },
  };
}

/** The records in a failure directory, oldest first; an absent directory holds none. */
export async function readFailedInvocations(directory: string): Promise<FailedInvocationRecord[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  return Promise.all(
    files.map(async (name) => RecordSchema.parse(JSON.parse(await readFile(join(directory, name), 'utf-8')))),
  );
}

/** The `errorType` / `errorMessage` pair Lambda reports for an error a handler threw. */
export function describeFailure(error: unknown): { errorType: string; errorMessage: string } {
  if (error instanceof Error) return { errorType: error.name, errorMessage: error.message };
  return { errorType: typeof error, errorMessage: String(error) };
}
