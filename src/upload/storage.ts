/**
 * The object storage the upload use case reads articles from and writes analyses to: a port, so the
 * use case knows nothing of the S3 SDK. `s3UploadStorage` in `src/adapters/s3.ts` implements it.
 * Every method throws `NotFoundError` for a missing object (except `readMetadata`, which answers
 * `null`), `StorageUnavailableError` for a failure worth retrying and `StorageError` otherwise.
 */
export interface UploadStorage {
  /** Reads an object whole; refuses it (`InputTooLargeError`) without downloading it when over `maxBytes`. */
  read(location: { bucket: string; key: string; maxBytes: number }): Promise<StoredObject>;
  /** The user metadata of an object (keys in lower case), or `null` when there is no such object. */
  readMetadata(location: { bucket: string; key: string }): Promise<Readonly<Record<string, string>> | null>;
  /** Writes a JSON document; `metadata` is stored with it and read back by `readMetadata`. */
  writeJson(
    location: { bucket: string; key: string; metadata?: Readonly<Record<string, string>> },
    document: unknown,
  ): Promise<void>;
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

/** An object tag, as S3 spells it. */
export interface ObjectTag {
  readonly Key: string;
  readonly Value: string;
}
