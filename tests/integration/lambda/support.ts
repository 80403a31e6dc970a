import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';

const ROOT = new URL('../../../', import.meta.url);

/**
 * A test's S3 client for s3rver at `endpoint` (or a proxy in front of it): one attempt per request
 * and a new connection for each. A kept-alive connection left idle while a long analysis holds the
 * event loop (s3rver runs in the same process) can be closed by s3rver's idle timer just as the next
 * request goes out on it: ECONNRESET. `overrides` replace any of these settings.
 */
export function s3rverClient(endpoint: string, overrides: S3ClientConfig = {}): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    // s3rver accepts only these credentials.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // Default CRC32 checksums make s3rver store the aws-chunked framing inside the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: false }) },
    ...overrides,
  });
}

/** An s3rver on a free loopback port, with its files in a temp dir removed by `stop()`. */
export interface LocalS3 {
  readonly client: S3Client;
  readonly endpoint: string;
  /** The server itself: its `event` notifications drive the local upload trigger. */
  readonly server: S3rver;
  stop(): Promise<void>;
}

export async function startLocalS3(buckets: readonly string[]): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'lede-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3rverClient(endpoint);
  for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    client,
    endpoint,
    server,
    stop: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The test file's s3rver: started (with `buckets`) before the file's tests and stopped after them,
 * as the file's own beforeAll / afterAll. Read it inside tests and hooks, once it has started.
 *
 * @example
 * const local = useLocalS3(['lede-test-articles']);
 * it('...', async () => { await putObject(local.client, ...); });
 */
export function useLocalS3(buckets: readonly string[]): LocalS3 {
  let local: LocalS3 | undefined;
  beforeAll(async () => {
    local = await startLocalS3(buckets);
  });
  afterAll(async () => {
    await local?.stop();
  });
  const started = (): LocalS3 => {
    if (local === undefined) throw new Error('the local s3rver is read before its beforeAll has run');
    return local;
  };
  return {
    get client() {
      return started().client;
    },
    get endpoint() {
      return started().endpoint;
    },
    get server() {
      return started().server;
    },
    stop: () => started().stop(),
  };
}

export async function putObject(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array | string,
  contentType: string,
): Promise<void> {
  // The length stated: for an empty body the SDK cannot tell it from a stream of unknown length and
  // warns on stderr.
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      ContentLength: length,
    }),
  );
}

export async function getObject(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<{ text: string; contentType: string | undefined; etag: string | undefined }> {
  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await response.Body?.transformToString('utf-8')) ?? '';
  return { text, contentType: response.ContentType, etag: response.ETag };
}

export async function listKeys(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const response = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (response.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [object.Key]));
}

/** A sample event from `events/`, as JSON; callers validate it with the schema the handler uses. */
export async function loadEvent(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(`events/${name}`, ROOT), 'utf-8'));
}

export async function loadArticle(name: string): Promise<Buffer> {
  return readFile(new URL(`tests/fixtures/lambda/${name}`, ROOT));
}

/** A Lambda context as the runtime passes it, with a fresh request id. */
export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2025/11/03/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** A logger that prints nothing; spy on its methods to check what was logged. */
export function silentLogger(): Logger {
  return new Logger({ serviceName: 'lede-test', logLevel: 'SILENT' });
}

/**
 * The S3 grants, in template order, of a role that analyses uploads (onUpload, backfill): read the
 * articles and their tags, read the taxonomy file's one key, write and HEAD the analyses, list only
 * the two prefixes. Shared by the packaging tests that assert each role's exact policy.
 */
export function uploadObjectGrants(bucket: string): unknown[] {
  return [
    { actions: ['s3:GetObject'], resource: `arn:aws:s3:::${bucket}/incoming/*`, condition: undefined },
    {
      actions: [
        's3:GetObjectTagging',
        's3:PutObjectTagging',
        's3:GetObjectVersionTagging',
        's3:PutObjectVersionTagging',
      ],
      resource: `arn:aws:s3:::${bucket}/incoming/*`,
      condition: undefined,
    },
    // The taxonomy file's key; with none configured, the bucket's empty key, which matches no object.
    { actions: ['s3:GetObject'], resource: `arn:aws:s3:::${bucket}/`, condition: undefined },
    {
      actions: ['s3:PutObject', 's3:GetObject'],
      resource: `arn:aws:s3:::${bucket}/summaries/*`,
      condition: undefined,
    },
    {
      actions: ['s3:ListBucket'],
      resource: `arn:aws:s3:::${bucket}`,
      condition: { StringLike: { 's3:prefix': 'incoming/*' } },
    },
    {
      actions: ['s3:ListBucket'],
      resource: `arn:aws:s3:::${bucket}`,
      condition: { StringLike: { 's3:prefix': 'summaries/*' } },
    },
  ];
}
