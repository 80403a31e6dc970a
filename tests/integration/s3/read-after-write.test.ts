import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalS3, startLocalS3 } from '../lambda/support.js';

const BUCKET = 'read-after-write';
const KEY = 'incoming/rewritten.bin';
const SIZE = 64 * 1024;
/** How long each chunk written to s3rver's files takes, as on a busy disk or a loaded machine. */
const SLOW_WRITE_MS = 15;

type CreateWriteStream = (path: string, options?: unknown) => Writable;

// s3rver keeps objects as files, written through fs-extra's createWriteStream. Slowing that stream
// (only its chunk writes; the bytes are unchanged) turns a rare interleaving into the usual one.
const requireFromS3rver = createRequire(createRequire(import.meta.url).resolve('s3rver'));
const s3rverFs: { createWriteStream: CreateWriteStream } = requireFromS3rver('fs-extra');

function slowDiskWrites(): () => void {
  const original = s3rverFs.createWriteStream;
  s3rverFs.createWriteStream = (path, options) => {
    const stream = original(path, options);
    const write = stream._write.bind(stream);
    // Buffered chunks would otherwise go through _writev in one call, past the delay.
    Object.defineProperty(stream, '_writev', { value: undefined });
    stream._write = (chunk, encoding, callback) => {
      setTimeout(() => write(chunk, encoding, callback), SLOW_WRITE_MS);
    };
    return stream;
  };
  return () => {
    s3rverFs.createWriteStream = original;
  };
}

let local: LocalS3;
let restore: () => void;

beforeAll(async () => {
  local = await startLocalS3([BUCKET]);
  restore = slowDiskWrites();
});
afterAll(async () => {
  restore();
  await local.stop();
});

// s3rver 3.7.1 answered a PUT before its file write had finished, so a GET straight after could read
// empty or old bytes (1-2 reads in 300 at 64 KB on a loaded machine; every read here, with slow
// writes). patches/s3rver+3.7.1.patch makes it answer once the file is closed.
describe('s3rver as the tests and the local stack run it', () => {
  it('returns the bytes of the last PUT to a GET sent after its response, however slow the disk', async () => {
    const stale: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      const body = randomBytes(SIZE);
      await local.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: body }));
      const response = await local.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
      const read = Buffer.from((await response.Body?.transformToByteArray()) ?? []);
      if (!read.equals(body)) stale.push(`round ${round}: read ${read.length} bytes`);
    }

    expect(stale).toEqual([]);
  });
});
