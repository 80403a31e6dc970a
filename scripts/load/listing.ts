import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { LoadTarget } from './target.js';

/** Every key under `prefix`, all pages, in listing order (duplicates kept, so they can be counted). */
export async function listKeys(target: Pick<LoadTarget, 's3' | 'bucket'>, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await target.s3.send(
      new ListObjectsV2Command({
        Bucket: target.bucket,
        Prefix: prefix,
        ...(token === undefined ? {} : { ContinuationToken: token }),
      }),
    );
    for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys;
}
