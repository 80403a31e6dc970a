import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';

import { S3_RETRY_POLICY, s3RetryConfig } from '../../../src/adapters/s3.js';
import { loadConfig } from '../../../src/config.js';
import { StorageError, StorageUnavailableError } from '../../../src/errors.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import {
  getObject,
  type LocalS3,
  lambdaContext,
  listKeys,
  loadArticle,
  loadEvent,
  putObject,
  s3rverClient,
  silentLogger,
  startLocalS3,
} from '../lambda/support.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';

type S3Event = z.infer<typeof S3Schema>;

const BUCKET = 'lede-test-faults';
let local: LocalS3;
let proxy: FaultProxy;
let viaProxy: S3Client;

beforeAll(async () => {
  local = await startLocalS3([BUCKET]);
  proxy = await startFaultProxy(local.endpoint);
  // The deployed retry policy, with a short idle timeout so a stalled request fails in a test's time.
  viaProxy = s3rverClient(proxy.url, s3RetryConfig({ ...S3_RETRY_POLICY, socketTimeoutMs: 400 }));
});
afterEach(() => {
  proxy.clearRules();
});
afterAll(async () => {
  viaProxy.destroy();
  await proxy.close();
  await local.stop();
});

/** An S3 notification for `keys` in the test bucket, encoded as S3 encodes keys. */
async function eventFor(...keys: string[]): Promise<S3Event> {
  const template = S3Schema.parse(await loadEvent('s3-put.json'));
  const [record] = template.Records;
  if (record === undefined) throw new Error('sample event has a record');
  return {
    Records: keys.map((key) => {
      const copy = structuredClone(record);
      copy.s3.bucket.name = BUCKET;
      copy.s3.object.key = encodeURIComponent(key).replaceAll('%2F', '/').replaceAll('%20', '+');
      delete copy.s3.object.size;
      return copy;
    }),
  };
}

function handlerWith(logger = silentLogger()) {
  return createOnUploadHandler({ s3: viaProxy, config: loadConfig({ LEDE_BUCKET: BUCKET }), logger });
}

async function upload(key: string, article = 'harbour-ferry.txt'): Promise<void> {
  await putObject(local.client, BUCKET, key, await loadArticle(article), 'text/plain; charset=utf-8');
}

async function failureOf(run: Promise<unknown>): Promise<AggregateError> {
  const error = await run.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AggregateError)) throw new Error(`expected an AggregateError, got ${String(error)}`);
  return error;
}

const outputOf = (key: string) => `summaries/${key.slice('incoming/'.length)}.json`;

describe('onUpload with S3 failing', () => {
  it('retries SlowDown (503) with backoff inside the invocation and writes the analysis once S3 recovers', async () => {
    const key = 'incoming/faults/slowdown-recovers.txt';
    await upload(key);
    proxy.addRule({ method: 'GET', key, fault: { kind: 'error', status: 503, code: 'SlowDown' }, times: 2 });

    await handlerWith()(await eventFor(key), lambdaContext('f'));

    expect(proxy.count('GET', key)).toBe(3);
    expect(JSON.parse((await getObject(local.client, BUCKET, outputOf(key))).text)).toMatchObject({
      status: 'ok',
    });
  });

  it('throws a transient error once the client has used its attempts, so Lambda retries the event', async () => {
    const key = 'incoming/faults/slowdown-persists.txt';
    await upload(key);
    proxy.addRule({ method: 'GET', key, fault: { kind: 'error', status: 503, code: 'SlowDown' } });
    const logger = silentLogger();
    const logError = vi.spyOn(logger, 'error');

    const error = await failureOf(handlerWith(logger)(await eventFor(key), lambdaContext('f')));

    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toBeInstanceOf(StorageUnavailableError);
    expect(proxy.count('GET', key)).toBe(S3_RETRY_POLICY.maxAttempts);
    expect(await listKeys(local.client, BUCKET, outputOf(key))).toEqual([]);
    expect(logError).toHaveBeenCalledWith(
      expect.stringMatching(/retried/),
      expect.objectContaining({ bucket: BUCKET, key, transient: true }),
    );
  });

  it('treats a stalled connection as transient: times out, retries, and succeeds when S3 answers again', async () => {
    const key = 'incoming/faults/stall-once.txt';
    await upload(key);
    proxy.addRule({ method: 'GET', key, fault: { kind: 'stall' }, times: 1 });

    await handlerWith()(await eventFor(key), lambdaContext('f'));

    expect(
      proxy.hits
        .filter((hit) => hit.key === key && hit.method === 'GET' && hit.subresource === null)
        .map((h) => h.fault),
    ).toEqual(['stall', null]);
    expect(await listKeys(local.client, BUCKET, outputOf(key))).toEqual([outputOf(key)]);
  });

  it('throws a transient error when every attempt stalls or the connection is reset', async () => {
    const stalled = 'incoming/faults/stall-always.txt';
    const reset = 'incoming/faults/reset-always.txt';
    await upload(stalled);
    await upload(reset);
    proxy.addRule({ method: 'GET', key: stalled, fault: { kind: 'stall' } });
    proxy.addRule({ method: 'GET', key: reset, fault: { kind: 'reset' } });

    const error = await failureOf(handlerWith()(await eventFor(stalled, reset), lambdaContext('f')));

    expect(error.message).toMatch(/2 of 2 records failed/);
    for (const cause of error.errors) expect(cause).toBeInstanceOf(StorageUnavailableError);
    expect(proxy.count('GET', stalled)).toBe(S3_RETRY_POLICY.maxAttempts);
    expect(proxy.count('GET', reset)).toBe(S3_RETRY_POLICY.maxAttempts);
  });

  it('does not retry AccessDenied inside the invocation; logs it with the key as permanent and throws for the failure queue', async () => {
    const key = 'incoming/faults/access denied.txt';
    await upload(key);
    proxy.addRule({ method: 'GET', key, fault: { kind: 'error', status: 403, code: 'AccessDenied' } });
    const logger = silentLogger();
    const logError = vi.spyOn(logger, 'error');

    const error = await failureOf(handlerWith(logger)(await eventFor(key), lambdaContext('f')));

    expect(error.errors[0]).toBeInstanceOf(StorageError);
    expect(error.errors[0]).not.toBeInstanceOf(StorageUnavailableError);
    expect(proxy.count('GET', key)).toBe(1);
    expect(logError).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ key, transient: false }),
    );
    expect(await listKeys(local.client, BUCKET, outputOf(key))).toEqual([]);
  });

  it('throws when the analysis cannot be written (AccessDenied on PutObject)', async () => {
    const key = 'incoming/faults/cannot-write.txt';
    await upload(key);
    proxy.addRule({
      method: 'PUT',
      key: outputOf(key),
      fault: { kind: 'error', status: 403, code: 'AccessDenied' },
    });

    const error = await failureOf(handlerWith()(await eventFor(key), lambdaContext('f')));

    expect(error.errors[0]).toBeInstanceOf(StorageError);
    expect(proxy.count('PUT', outputOf(key))).toBe(1);
  });

  it('skips an object deleted before it was read (NoSuchKey) without retrying, and logs its key', async () => {
    const key = 'incoming/faults/deleted.txt';
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');

    await handlerWith(logger)(await eventFor(key), lambdaContext('f'));

    expect(proxy.count('GET', key)).toBe(1);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/no longer exists/),
      expect.objectContaining({ key }),
    );
    expect(await listKeys(local.client, BUCKET, outputOf(key))).toEqual([]);
  });

  it('writes an error document under summaries/_refused/ for an unsafe key, without reading the object', async () => {
    const key = 'incoming/unsafe/../story.txt';
    await upload(key);
    const logger = silentLogger();
    const warn = vi.spyOn(logger, 'warn');

    await handlerWith(logger)(await eventFor(key), lambdaContext('f'));

    const refused = 'summaries/_refused/unsafe%2F%2E%2E%2Fstory%2Etxt.json';
    expect(JSON.parse((await getObject(local.client, BUCKET, refused)).text)).toMatchObject({
      status: 'failed',
      error: { code: 'MALFORMED_INPUT', message: expect.stringMatching(/rename the object/) },
      source: { bucket: BUCKET, key },
    });
    expect(proxy.count('GET', key)).toBe(0);
    expect(warn).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ key, outputKey: refused }),
    );
  });

  it('writes the analysis anyway when the already-written check itself fails', async () => {
    const key = 'incoming/faults/head-fails.txt';
    await upload(key);
    proxy.addRule({
      method: 'HEAD',
      key: outputOf(key),
      fault: { kind: 'error', status: 403, code: 'AccessDenied' },
    });

    await handlerWith()(await eventFor(key), lambdaContext('f'));

    expect(proxy.count('PUT', outputOf(key))).toBe(1);
  });
});

describe('onUpload under at-least-once delivery', () => {
  it('in a multi-record event, writes the good records, throws for the bad one, and on the retry writes only the one that failed', async () => {
    const keys = ['incoming/multi/one.txt', 'incoming/multi/two.txt', 'incoming/multi/three.txt'];
    for (const key of keys) await upload(key);
    const [, bad] = keys;
    if (bad === undefined) throw new Error('three keys');
    proxy.addRule({ method: 'GET', key: bad, fault: { kind: 'error', status: 503, code: 'SlowDown' } });
    const event = await eventFor(...keys);

    const error = await failureOf(handlerWith()(event, lambdaContext('f')));
    expect(error.message).toMatch(/1 of 3 records failed/);
    expect(await listKeys(local.client, BUCKET, 'summaries/multi/')).toEqual(
      [keys[0], keys[2]].map((key) => outputOf(key ?? '')).sort(),
    );

    // Lambda's retry: the same event again, S3 healthy.
    proxy.clearRules();
    await handlerWith()(event, lambdaContext('f'));

    for (const key of keys) {
      expect(proxy.count('PUT', outputOf(key))).toBe(1);
      expect(JSON.parse((await getObject(local.client, BUCKET, outputOf(key))).text)).toMatchObject({
        status: 'ok',
        source: { key },
      });
    }
  });

  it('gives byte-identical output and no second write when the same event is delivered twice', async () => {
    const key = 'incoming/redelivered/story.txt';
    await upload(key);
    const event = await eventFor(key);

    await handlerWith()(event, lambdaContext('f'));
    const first = await getObject(local.client, BUCKET, outputOf(key));
    await handlerWith()(structuredClone(event), lambdaContext('f'));
    const second = await getObject(local.client, BUCKET, outputOf(key));

    expect(second.text).toBe(first.text);
    expect(second.etag).toBe(first.etag);
    expect(proxy.count('PUT', outputOf(key))).toBe(1);
    expect(await listKeys(local.client, BUCKET, 'summaries/redelivered/')).toEqual([outputOf(key)]);
  });

  it('analyses again when identical bytes are uploaded again (a new event, with a new sequencer)', async () => {
    const key = 'incoming/reuploaded/story.txt';
    await upload(key);
    const first = await eventFor(key);
    await handlerWith()(first, lambdaContext('f'));

    await upload(key);
    const second = await eventFor(key);
    for (const record of second.Records) record.s3.object.sequencer = '00654A1F0B3C2D1F99';
    await handlerWith()(second, lambdaContext('f'));

    expect(first.Records[0]?.s3.object.sequencer).not.toBe('00654A1F0B3C2D1F99');
    expect(proxy.count('PUT', outputOf(key))).toBe(2);
  });

  it('analyses again when the object under the same key has changed (new content or content type)', async () => {
    const key = 'incoming/changed/story.txt';
    await upload(key, 'harbour-ferry.txt');
    await handlerWith()(await eventFor(key), lambdaContext('f'));
    const first = JSON.parse((await getObject(local.client, BUCKET, outputOf(key))).text);

    await upload(key, 'river-survey.md');
    await handlerWith()(await eventFor(key), lambdaContext('f'));
    const second = JSON.parse((await getObject(local.client, BUCKET, outputOf(key))).text);
    const bytes = await loadArticle('river-survey.md');
    await putObject(local.client, BUCKET, key, bytes, 'text/markdown');
    await handlerWith()(await eventFor(key), lambdaContext('f'));

    expect(second.title).not.toBe(first.title);
    expect(second.source.etag).not.toBe(first.source.etag);
    expect(proxy.count('PUT', outputOf(key))).toBe(3);
  });
});
