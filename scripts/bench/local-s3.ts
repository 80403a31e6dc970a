import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { median } from './stats.js';

/** s3rver accepts only these credentials; the children get them as Lambda's environment would. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** An s3rver in the bench process, on a free loopback port, counting the requests it answers. */
export interface BenchS3 {
  readonly endpoint: string;
  /** Requests answered so far, to say how many one invocation made. */
  requests(): number;
  put(bucket: string, key: string, body: Uint8Array, contentType: string): Promise<void>;
  exists(bucket: string, key: string): Promise<boolean>;
  /** Median time of `times` HEAD requests from a warm client: what one request costs here. */
  requestMs(bucket: string, key: string, times: number): Promise<number>;
  remove(bucket: string, key: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchS3(buckets: readonly string[]): Promise<BenchS3> {
  const directory = await mkdtemp(join(tmpdir(), 'lede-bench-s3rver-'));
  // s3rver's app served from our own HTTP server, so that every request it answers is counted.
  const app = new S3rver({ directory, silent: true }).callback();
  let requests = 0;
  const http = createServer((request, response) => {
    requests++;
    app(request, response);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('s3rver: no TCP port');
  const { port } = address;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'eu-west-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    // Default CRC32 checksums make s3rver store the aws-chunked framing inside the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
  for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    requests: () => requests,
    put: async (bucket, key, body, contentType) => {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.byteLength,
        }),
      );
      // s3rver answers a PUT before its file write has finished: wait until the bytes read back whole.
      for (let attempt = 0; attempt < 50; attempt++) {
        const read = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const stored = await read.Body?.transformToByteArray();
        if (stored !== undefined && Buffer.from(stored).equals(Buffer.from(body))) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`s3rver never returned the ${body.byteLength} bytes put at ${key}`);
    },
    exists: async (bucket, key) => {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === 'NotFound') return false;
        throw error;
      }
    },
    requestMs: async (bucket, key, times) => {
      const durations: number[] = [];
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        durations.push(performance.now() - started);
      }
      return median(durations);
    },
    remove: async (bucket, key) => {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    stop: async () => {
      client.destroy();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
