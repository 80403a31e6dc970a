import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  InputTooLargeError,
  LedeError,
  NotFoundError,
  StorageError,
  StorageUnavailableError,
} from '../errors.js';
import type {
  JsonWriteLocation,
  ObjectStat,
  ObjectTag,
  StoredObject,
  UploadStorage,
} from '../upload/storage.js';

/** The S3 settings the client factory needs (a subset of `LedeConfig`). */
export interface S3ClientSettings {
  readonly s3Endpoint: string | null;
  readonly s3ForcePathStyle: boolean;
}

/**
 * How the functions' S3 client retries and gives up. The SDK's standard mode retries throttling
 * (SlowDown, 503), 5xx, timeouts and dropped connections with exponential backoff and full jitter
 * (base 100 ms, doubling, capped at 20 s) before the handler sees the error. The SDK sets no timeouts
 * by default: a stalled connection would then hold the invocation until Lambda kills it at 180 s,
 * and a killed invocation logs nothing about which key it was reading.
 */
export const S3_RETRY_POLICY = Object.freeze({
  /** One try and two retries per request; Lambda's own retries of the event come on top. */
  maxAttempts: 3,
  /** Time allowed to open the TCP/TLS connection. */
  connectionTimeoutMs: 3_000,
  /** Time a socket may sit idle (no bytes either way) mid-request, body download included. */
  socketTimeoutMs: 30_000,
});

export type S3RetryPolicy = { readonly [K in keyof typeof S3_RETRY_POLICY]: number };

/**
 * The retry and timeout part of an S3 client's configuration, shared by the deployed client and the
 * local stack's, so a local run fails and retries as the deployed function does.
 */
export function s3RetryConfig(policy: S3RetryPolicy = S3_RETRY_POLICY): S3ClientConfig {
  return {
    maxAttempts: policy.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: policy.connectionTimeoutMs,
      socketTimeout: policy.socketTimeoutMs,
    },
  };
}

/**
 * Creates the S3 client. Call once per container (module scope) and pass it to the handler factories,
 * so tests can hand in a client pointed at s3rver.
 *
 * @example
 * const s3 = createS3Client({ s3Endpoint: null, s3ForcePathStyle: false });
 */
export function createS3Client(settings: S3ClientSettings): S3Client {
  return new S3Client({
    ...(settings.s3Endpoint === null ? {} : { endpoint: settings.s3Endpoint }),
    forcePathStyle: settings.s3ForcePathStyle,
    ...s3RetryConfig(),
  });
}

/**
 * The upload use case's storage port on S3.
 *
 * @example
 * const storage = s3UploadStorage(createS3Client(config));
 */
export function s3UploadStorage(s3: S3Client): UploadStorage {
  return {
    read: (location) => readObject(s3, location),
    stat: (location) => statObject(s3, location),
    writeJson: (location, document) => writeJson(s3, location, document),
    delete: (location) => deleteObject(s3, location),
    retag: (location, update) => retagObject(s3, location, update),
  };
}

/**
 * Reads an object whole, refusing it before the body is downloaded when S3 reports it larger than
 * `maxBytes` (and again after reading, should the length header be missing).
 * Throws `NotFoundError` if the object is gone, `InputTooLargeError`, `StorageUnavailableError` or `StorageError`.
 */
export async function readObject(
  s3: S3Client,
  location: { bucket: string; key: string; maxBytes: number },
): Promise<StoredObject> {
  const { bucket, key, maxBytes } = location;
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = response.Body;
    if (body === undefined) throw new StorageError('GetObject returned no body');
    if (response.ContentLength !== undefined && response.ContentLength > maxBytes) {
      // Drop the connection instead of draining megabytes we will not use.
      if ('destroy' in body && typeof body.destroy === 'function') body.destroy();
      throw new InputTooLargeError(response.ContentLength, maxBytes);
    }
    const bytes = await body.transformToByteArray();
    if (bytes.byteLength > maxBytes) throw new InputTooLargeError(bytes.byteLength, maxBytes);
    return {
      bytes,
      contentType: response.ContentType ?? null,
      etag: response.ETag ?? null,
      versionId: response.VersionId ?? null,
      size: bytes.byteLength,
    };
  } catch (error) {
    throw toStorageError(error, 'GetObject');
  }
}

/**
 * Writes a JSON document; the same input always yields the same key, so rewrites are idempotent.
 * `metadata` becomes `x-amz-meta-*` headers (ASCII values only), readable with `statObject`.
 * `condition` becomes `If-Match` / `If-None-Match` (S3's conditional writes); a 412 (or the 409 S3
 * answers when two conditional writes race) resolves `false`. s3rver 3.7.1 ignores both headers,
 * so locally the write always happens: the use case re-checks the stored version just before.
 */
export async function writeJson(
  s3: S3Client,
  location: JsonWriteLocation,
  document: unknown,
): Promise<boolean> {
  const condition = location.condition;
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: location.bucket,
        Key: location.key,
        Body: `${JSON.stringify(document, null, 2)}\n`,
        ContentType: 'application/json; charset=utf-8',
        ...(location.metadata === undefined ? {} : { Metadata: { ...location.metadata } }),
        ...(condition === undefined
          ? {}
          : 'ifMatch' in condition
            ? { IfMatch: condition.ifMatch }
            : { IfNoneMatch: condition.ifNoneMatch }),
      }),
    );
    return true;
  } catch (error) {
    if (condition !== undefined && isConditionFailure(error)) return false;
    throw toStorageError(error, 'PutObject');
  }
}

function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  const status = error.$metadata.httpStatusCode;
  return status === 412 || status === 409 || error.name === 'PreconditionFailed';
}

/** The object's ETag and user metadata, or `null` when there is no such object. */
export async function statObject(
  s3: S3Client,
  location: { bucket: string; key: string },
): Promise<ObjectStat | null> {
  try {
    const response = await s3.send(new HeadObjectCommand({ Bucket: location.bucket, Key: location.key }));
    return { etag: response.ETag ?? null, metadata: response.Metadata ?? {} };
  } catch (error) {
    const sorted = toStorageError(error, 'HeadObject');
    if (sorted instanceof NotFoundError) return null;
    throw sorted;
  }
}

/** Deletes an object (S3 answers 204 whether or not it existed). */
export async function deleteObject(s3: S3Client, location: { bucket: string; key: string }): Promise<void> {
  try {
    await s3.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key }));
  } catch (error) {
    const sorted = toStorageError(error, 'DeleteObject');
    if (!(sorted instanceof NotFoundError)) throw sorted;
  }
}

/**
 * Replaces an object's tag set with `update(current)`, reading the current set first because S3
 * replaces the whole set on every write; writes nothing when `update` returns `null`. `versionId`
 * tags that version (the one analysed), not whatever was uploaded since.
 * Throws `NotFoundError`, `StorageUnavailableError` or `StorageError`.
 */
export async function retagObject(
  s3: S3Client,
  location: { bucket: string; key: string; versionId: string | null },
  update: (current: readonly ObjectTag[]) => readonly ObjectTag[] | null,
): Promise<boolean> {
  const target = {
    Bucket: location.bucket,
    Key: location.key,
    ...(location.versionId === null ? {} : { VersionId: location.versionId }),
  };
  let current: ObjectTag[];
  try {
    const response = await s3.send(new GetObjectTaggingCommand(target));
    current = (response.TagSet ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
  } catch (error) {
    throw toStorageError(error, 'GetObjectTagging');
  }
  const next = update(current);
  if (next === null) return false;
  try {
    await s3.send(new PutObjectTaggingCommand({ ...target, Tagging: { TagSet: [...next] } }));
    return true;
  } catch (error) {
    throw toStorageError(error, 'PutObjectTagging');
  }
}

/** Every key under `prefix`, in listing order (all pages). */
export async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3
      .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
      .catch((error: unknown) => {
        throw toStorageError(error, 'ListObjectsV2');
      });
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys;
}

const GONE = new Set(['NoSuchKey', 'NotFound', 'NoSuchVersion']);
const THROTTLED = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'InternalError',
  'ServiceUnavailable',
]);

/**
 * Sorts an SDK failure into gone / transient / permanent. Errors that are not S3 service responses
 * (timeouts, socket resets, DNS) come from the network and are treated as transient.
 */
export function toStorageError(error: unknown, operation: string): LedeError {
  if (error instanceof LedeError) return error;
  if (error instanceof S3ServiceException) {
    if (GONE.has(error.name)) return new NotFoundError('The object does not exist', { cause: error });
    const status = error.$metadata.httpStatusCode ?? 0;
    if (THROTTLED.has(error.name) || status >= 500 || status === 429 || error.$retryable !== undefined) {
      return new StorageUnavailableError(operation, { cause: error });
    }
    return new StorageError(operation, { cause: error });
  }
  return new StorageUnavailableError(operation, { cause: error });
}
