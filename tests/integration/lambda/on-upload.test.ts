import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { loadConfig } from '../../../src/config.js';
import { StorageUnavailableError } from '../../../src/errors.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import {
  getObject,
  lambdaContext,
  listKeys,
  loadArticle,
  loadEvent,
  putObject,
  silentLogger,
  useLocalS3,
} from './support.js';

type S3Event = z.infer<typeof S3Schema>;

const BUCKET = 'lede-test-articles';
const local = useLocalS3([BUCKET]);

/** A sample event from events/, pointed at the test bucket. */
async function s3Event(name: string): Promise<S3Event> {
  const event = structuredClone(S3Schema.parse(await loadEvent(name)));
  for (const record of event.Records) {
    record.s3.bucket.name = BUCKET;
    record.s3.bucket.arn = `arn:aws:s3:::${BUCKET}`;
  }
  return event;
}

/** The single-record sample event with its key replaced by `encodedKey` (as S3 would encode it). */
async function eventForKey(encodedKey: string, size?: number): Promise<S3Event> {
  const event = await s3Event('s3-put.json');
  for (const record of event.Records) {
    record.s3.object.key = encodedKey;
    if (size !== undefined) record.s3.object.size = size;
  }
  return event;
}

function makeHandler(
  options: {
    s3?: S3Client;
    env?: Record<string, string>;
    now?: () => Date;
    logger?: ReturnType<typeof silentLogger>;
  } = {},
) {
  return createOnUploadHandler({
    s3: options.s3 ?? local.client,
    config: loadConfig({ LEDE_BUCKET: BUCKET, ...options.env }),
    logger: options.logger ?? silentLogger(),
    now: options.now ?? (() => new Date('2025-11-03T09:41:09.000Z')),
  });
}

async function readJson(
  key: string,
): Promise<{ json: Record<string, unknown>; contentType: string | undefined }> {
  const { text, contentType } = await getObject(local.client, BUCKET, key);
  return { json: JSON.parse(text), contentType };
}

describe('onUpload', () => {
  it('writes the analysis of an uploaded article under summaries/, keyed by the decoded key', async () => {
    const article = await loadArticle('harbour-ferry.txt');
    const key = 'incoming/world/café owners + staff.txt';
    await putObject(local.client, BUCKET, key, article, 'text/plain; charset=utf-8');
    const { etag } = await getObject(local.client, BUCKET, key);

    await makeHandler()(await s3Event('s3-put.json'), lambdaContext('lede-dev-onUpload'));

    const { json, contentType } = await readJson('summaries/world/café owners + staff.txt.json');
    expect(contentType).toBe('application/json; charset=utf-8');
    expect(json).toMatchObject({
      status: 'ok',
      schemaVersion: expect.any(String),
      source: {
        bucket: BUCKET,
        key,
        versionId: null,
        etag,
        size: article.byteLength,
        contentType: 'text/plain; charset=utf-8',
      },
      processedAt: '2025-11-03T09:41:09.000Z',
    });
    expect(json.summary).toMatchObject({ text: expect.stringMatching(/\S/) });
  });

  it.each([
    ['incoming/two+words.txt', 'incoming/two words.txt'],
    ['incoming/one%2Bone.txt', 'incoming/one+one.txt'],
    ['incoming/na%C3%AFve+caf%C3%A9+%E2%80%94+notes.md', 'incoming/naïve café — notes.md'],
  ])('decodes the event key %s as S3 encodes it', async (encoded, decoded) => {
    await putObject(local.client, BUCKET, decoded, await loadArticle('river-survey.md'), 'text/markdown');

    await makeHandler()(await eventForKey(encoded), lambdaContext('lede-dev-onUpload'));

    const { json } = await readJson(`summaries/${decoded.slice('incoming/'.length)}.json`);
    expect(json).toMatchObject({ status: 'ok', source: { key: decoded } });
  });

  it('leaves the stored document as it is when the same object is processed again (at-least-once delivery)', async () => {
    const key = 'incoming/repeat/harbour.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');
    const event = await eventForKey('incoming/repeat/harbour.txt');

    await makeHandler({ now: () => new Date('2025-11-03T10:00:00.000Z') })(event, lambdaContext('f'));
    const first = await readJson('summaries/repeat/harbour.txt.json');
    await makeHandler({ now: () => new Date('2025-11-03T10:05:00.000Z') })(event, lambdaContext('f'));
    const second = await readJson('summaries/repeat/harbour.txt.json');

    // Not rewritten: the stored output already answers this version of the object.
    expect(second.json).toEqual(first.json);
    expect(second.json.processedAt).toBe('2025-11-03T10:00:00.000Z');
    expect(await listKeys(local.client, BUCKET, 'summaries/repeat/')).toEqual([
      'summaries/repeat/harbour.txt.json',
    ]);
  });

  it('writes an error document for a binary file instead of retrying', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0,
    ]);
    await putObject(local.client, BUCKET, 'incoming/photo.png', png, 'image/png');

    await makeHandler()(await eventForKey('incoming/photo.png', png.byteLength), lambdaContext('f'));

    const { json, contentType } = await readJson('summaries/photo.png.json');
    expect(contentType).toBe('application/json; charset=utf-8');
    expect(json).toMatchObject({
      status: 'failed',
      error: { code: expect.stringMatching(/^UNSUPPORTED_(MEDIA|FORMAT)$/), message: expect.any(String) },
      source: { bucket: BUCKET, key: 'incoming/photo.png', size: png.byteLength, contentType: 'image/png' },
      schemaVersion: expect.any(String),
      generator: { name: 'lede' },
      processedAt: '2025-11-03T09:41:09.000Z',
    });
  });

  it('writes an error document for an empty file', async () => {
    await putObject(local.client, BUCKET, 'incoming/blank.txt', '', 'text/plain');

    await makeHandler()(await eventForKey('incoming/blank.txt', 0), lambdaContext('f'));

    const { json } = await readJson('summaries/blank.txt.json');
    expect(json).toMatchObject({ status: 'failed', error: { code: 'EMPTY_DOCUMENT' } });
  });

  it('refuses an object over the size limit, whether the event or the object reports the size', async () => {
    const article = await loadArticle('harbour-ferry.txt');
    await putObject(local.client, BUCKET, 'incoming/big-by-event.txt', article, 'text/plain');
    await putObject(local.client, BUCKET, 'incoming/big-by-object.txt', article, 'text/plain');
    const handler = makeHandler({ env: { LEDE_MAX_BYTES: '512' } });

    await handler(await eventForKey('incoming/big-by-event.txt', article.byteLength), lambdaContext('f'));
    await handler(await eventForKey('incoming/big-by-object.txt', 100), lambdaContext('f'));

    for (const key of ['summaries/big-by-event.txt.json', 'summaries/big-by-object.txt.json']) {
      const { json } = await readJson(key);
      expect(json).toMatchObject({ status: 'failed', error: { code: 'INPUT_TOO_LARGE' } });
    }
  });

  it('refuses keys under the output prefix and writes nothing (recursion guard)', async () => {
    await putObject(
      local.client,
      BUCKET,
      'summaries/harbour-ferry.txt.json',
      '{"status":"ok"}',
      'application/json',
    );
    const before = await listKeys(local.client, BUCKET);
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');

    await makeHandler({ logger })(await s3Event('s3-put-output-prefix.json'), lambdaContext('f'));

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
    expect((await getObject(local.client, BUCKET, 'summaries/harbour-ferry.txt.json')).text).toBe(
      '{"status":"ok"}',
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/output prefix/),
      expect.objectContaining({ key: 'summaries/harbour-ferry.txt.json' }),
    );
  });

  it('handles every record of a multi-record event', async () => {
    await putObject(
      local.client,
      BUCKET,
      'incoming/library-hours.html',
      await loadArticle('library-hours.html'),
      'text/html',
    );
    await putObject(local.client, BUCKET, 'incoming/notes/empty.txt', '', 'text/plain');
    await putObject(
      local.client,
      BUCKET,
      'incoming/river survey.md',
      await loadArticle('river-survey.md'),
      'text/markdown',
    );

    await makeHandler()(await s3Event('s3-put-multi.json'), lambdaContext('f'));

    expect((await readJson('summaries/library-hours.html.json')).json).toMatchObject({ status: 'ok' });
    expect((await readJson('summaries/notes/empty.txt.json')).json).toMatchObject({ status: 'failed' });
    expect((await readJson('summaries/river survey.md.json')).json).toMatchObject({ status: 'ok' });
  });

  it('writes the good records of an event and then throws for the one that failed, so Lambda retries', async () => {
    await putObject(
      local.client,
      BUCKET,
      'incoming/library-hours.html',
      await loadArticle('library-hours.html'),
      'text/html',
    );
    await putObject(
      local.client,
      BUCKET,
      'incoming/river survey.md',
      await loadArticle('river-survey.md'),
      'text/markdown',
    );
    const event = await s3Event('s3-put-multi.json');
    const bad = event.Records[1];
    if (bad === undefined) throw new Error('sample event has three records');
    bad.s3.bucket.name = 'lede-bucket-that-does-not-exist';
    await local.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'summaries/river survey.md.json', Body: 'stale' }),
    );

    await expect(makeHandler()(event, lambdaContext('f'))).rejects.toThrow(/1 of 3 records failed/);

    expect((await readJson('summaries/library-hours.html.json')).json).toMatchObject({ status: 'ok' });
    expect((await readJson('summaries/river survey.md.json')).json).toMatchObject({ status: 'ok' });
  });

  it('throws on a transient S3 failure (503 SlowDown) so Lambda retries the event', async () => {
    const s3 = new S3Client({ region: 'us-east-1' });
    const mock = mockClient(s3);
    mock.on(GetObjectCommand).rejects(
      new S3ServiceException({
        name: 'SlowDown',
        message: 'Please reduce your request rate.',
        $fault: 'server',
        $metadata: { httpStatusCode: 503 },
      }),
    );

    const result = makeHandler({ s3 })(await s3Event('s3-put.json'), lambdaContext('f'));

    const error = await result.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AggregateError);
    expect(error instanceof AggregateError ? error.errors[0] : null).toBeInstanceOf(StorageUnavailableError);
    expect(mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    mock.restore();
  });

  it('logs and skips an object deleted before it was read', async () => {
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');
    const before = await listKeys(local.client, BUCKET, 'summaries/');

    await makeHandler({ logger })(await eventForKey('incoming/deleted-already.txt', 120), lambdaContext('f'));

    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/no longer exists/),
      expect.objectContaining({ key: 'incoming/deleted-already.txt' }),
    );
    expect(await listKeys(local.client, BUCKET, 'summaries/')).toEqual(before);
  });
});
