import type { Logger } from '@aws-lambda-powertools/logger';
import type { ObjectStat, UploadStorage, WriteCondition } from './storage.js';

/** The `x-amz-meta-*` name under which an output records the newest event it answers. */
export const SEQUENCER_METADATA = 'lede-sequencer';
/** The `x-amz-meta-*` name under which an output records the source ETag it was computed from. */
export const SOURCE_ETAG_METADATA = 'lede-source-etag';

/**
 * Orders two S3 event sequencers for one key: negative when `a` is older. As S3 documents it, the
 * strings may differ in length: the shorter is right-padded with zeros, then the two compare as text.
 * @example compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E6') // -1
 */
export function compareSequencers(a: string, b: string): number {
  const length = Math.max(a.length, b.length);
  const left = a.toUpperCase().padEnd(length, '0');
  const right = b.toUpperCase().padEnd(length, '0');
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True when the stored output answers a newer event than `sequencer` (unknown either side: false). */
export function isOlderThanStored(
  sequencer: string | null,
  stored: Readonly<Record<string, string>> | undefined,
): boolean {
  const storedSequencer = stored?.[SEQUENCER_METADATA];
  if (sequencer === null || storedSequencer === undefined || storedSequencer === '') return false;
  return compareSequencers(sequencer, storedSequencer) < 0;
}

/** The object's stat (`null`: no such object); `undefined` when it could not be read, after `onError`. */
export async function statOrUndefined(
  storage: UploadStorage,
  location: { bucket: string; key: string },
  onError: (error: unknown) => void,
): Promise<ObjectStat | null | undefined> {
  try {
    return await storage.stat(location);
  } catch (error) {
    onError(error);
    return undefined;
  }
}

/** Why a write was not made. */
export type StaleReason = 'source-changed' | 'source-deleted' | 'newer-output';

/** How many times a conditional write is retried after another writer got in first. */
const MAX_WRITE_ATTEMPTS = 3;

/**
 * Writes an output only if it still describes the newest version (issue 18): just before the write,
 * the source's ETag is read again (a replaced or deleted source means a newer event will answer, or
 * already has), and the stored output's sequencer is compared with this event's. The write itself is
 * conditional on the output being the one just checked (`If-Match` its ETag, or `If-None-Match: *`
 * when there was none), so two writers racing cannot both win on S3; when the condition fails the
 * checks run again. Resolves `written`, or the reason nothing was written.
 */
export async function writeIfNewest(
  storage: UploadStorage,
  write: {
    readonly source: { bucket: string; key: string; etag: string | null };
    readonly target: { bucket: string; key: string };
    readonly sequencer: string | null;
    readonly metadata: Readonly<Record<string, string>>;
    readonly document: unknown;
  },
  logger: Logger,
): Promise<'written' | StaleReason> {
  const { source, target, sequencer } = write;
  const unchecked = (location: { key: string }) => (error: unknown) =>
    logger.warn('Could not read an object before writing; writing without that check', {
      key: location.key,
      error,
    });
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt += 1) {
    // A stat that fails (no access, S3 failing) leaves that check undone rather than losing the
    // analysis: refusing every write for it would be worse than the race it guards against.
    const current = await statOrUndefined(storage, source, unchecked(source));
    if (current === null) return 'source-deleted';
    const etag = current?.etag ?? null;
    if (source.etag !== null && etag !== null && etag !== source.etag) return 'source-changed';
    const output = await statOrUndefined(storage, target, unchecked(target));
    if (isOlderThanStored(sequencer, output?.metadata)) return 'newer-output';
    // Unknown output (its stat failed): no condition, as before issue 18.
    let condition: WriteCondition | undefined;
    if (output === null) condition = { ifNoneMatch: '*' };
    else if (output?.etag != null) condition = { ifMatch: output.etag };
    const written = await storage.writeJson(
      { ...target, metadata: write.metadata, ...(condition === undefined ? {} : { condition }) },
      write.document,
    );
    if (written) return 'written';
    logger.info('Output changed while it was being written; checking again', { key: target.key, attempt });
  }
  return 'newer-output';
}
