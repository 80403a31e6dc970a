/**
 * The object storage the upload use case reads articles from and writes analyses to: a port, so the
 * use case knows nothing of the S3 SDK. `s3UploadStorage` in `src/adapters/s3.ts` implements it.
 * Every method throws `NotFoundError` for a missing object (except `stat`, which answers `null`),
 * `StorageUnavailableError` for a failure worth retrying and `StorageError` otherwise.
 */
export interface UploadStorage {
  /** Reads an object whole; refuses it (`InputTooLargeError`) without downloading it when over `maxBytes`. */
  read(location: { bucket: string; key: string; maxBytes: number }): Promise<StoredObject>;
  /** The object's ETag and user metadata, or `null` when there is no such object. */
  stat(location: { bucket: string; key: string }): Promise<ObjectStat | null>;
  /**
   * Writes a JSON document; `metadata` is stored with it and read back by `stat`. With
   * `condition`, the write happens only if the object is still the one with that ETag (`ifMatch`) or
   * still absent (`ifNoneMatch: '*'`), as S3's conditional PutObject does; resolves `false` when the
   * condition failed and nothing was written, `true` otherwise.
   */
  writeJson(location: JsonWriteLocation, document: unknown): Promise<boolean>;
  /** Deletes an object; deleting one that does not exist is not an error. */
  delete(location: { bucket: string; key: string }): Promise<void>;
  /**
   * Replaces an object's tag set with `update(current)`; writes nothing when `update` returns `null`.
   * `versionId` tags that version, not whatever was uploaded since. Resolves whether it wrote.
   */
  retag(
    location: { bucket: string; key: string; versionId: string | null },
    update: (current: readonly ObjectTag[]) => readonly ObjectTag[] | null,
  ): Promise<boolean>;
}

export interface StoredObject {
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly versionId: string | null;
  readonly size: number;
}

export interface ObjectStat {
  readonly etag: string | null;
  /** User metadata, keys in lower case. */
  readonly metadata: Readonly<Record<string, string>>;
}

/** Where `writeJson` writes, with the metadata stored beside the document and the write's condition. */
export interface JsonWriteLocation {
  readonly bucket: string;
  readonly key: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly condition?: WriteCondition;
}

/** Write only over this exact version of the object, or only if there is none. */
export type WriteCondition = { readonly ifMatch: string } | { readonly ifNoneMatch: '*' };

/** An object tag, as S3 spells it. */
export interface ObjectTag {
  readonly Key: string;
  readonly Value: string;
}
