import type { S3Event } from '@aws-lambda-powertools/parser/types';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { loadConfig } from '../../../src/config.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import { localS3Client } from '../../../src/local/s3-client.js';
import { awsS3Event } from '../../../src/local/s3-event.js';
import { BAD_INPUTS, BATTERY_MAX_BYTES, caseBytes, expectationFor, STORY } from '../../support/bad-inputs.js';
import {
  CASE_TIMEOUT_MS,
  expectOutcome,
  MEMORY_GROWTH_BOUND_BYTES,
  type Observed,
  withPeakMemory,
} from '../../support/battery-outcome.js';
import { schemaErrors } from '../../support/schema.js';
import {
  getObject,
  type LocalS3,
  lambdaContext,
  listKeys,
  putObject,
  silentLogger,
  startLocalS3,
} from '../lambda/support.js';

const BUCKET = 'lede-battery';
let local: LocalS3;
let handlerClient: S3Client;
let handler: ReturnType<typeof createOnUploadHandler>;

beforeAll(async () => {
  local = await startLocalS3([BUCKET]);
  handlerClient = localS3Client(local.endpoint);
  handler = createOnUploadHandler({
    // The deployed function's retries: a case that keeps the event loop busy for seconds outlives
    // s3rver's keep-alive, and the first write on the pooled socket can meet a reset, which the
    // SDK retries on AWS as it does here (the assertion client, local.client, makes one attempt).
    s3: handlerClient,
    config: loadConfig({ LEDE_BUCKET: BUCKET, LEDE_MAX_BYTES: String(BATTERY_MAX_BYTES) }),
    logger: silentLogger(),
    now: () => new Date('2026-01-05T08:00:00.000Z'),
  });
});
afterAll(async () => {
  handlerClient?.destroy();
  await local?.stop();
});

/** The notification AWS sends for an upload of `key` (key encoded as S3 encodes it). */
function uploadEvent(key: string, size: number, eventName = 'ObjectCreated:Put'): S3Event {
  return awsS3Event(
    {
      eventName,
      eventTime: '2026-01-05T07:59:59.000Z',
      bucket: BUCKET,
      key,
      size,
      eTag: '0123456789abcdef0123456789abcdef',
      sequencer: '0065A1B2C3D4E5F6A7',
    },
    { region: 'eu-west-1' },
  );
}

/**
 * Invokes the handler with any JSON, as the Lambda runtime would: the parser middleware, not the
 * type, is what stands between a malformed event and the code (hence the one cast).
 */
function invoke(event: unknown): Promise<void> {
  return handler(event as S3Event, lambdaContext('lede-battery-onUpload'));
}

const StoredDocument = z.union([
  z.object({ status: z.literal('ok'), source: z.object({ key: z.string() }) }).loose(),
  z.object({
    status: z.literal('failed'),
    source: z.object({ key: z.string() }),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

/** Reads the one document stored for an upload and checks it names its source. */
async function storedOutcome(outputKey: string, sourceKey: string): Promise<Observed> {
  const document: unknown = JSON.parse((await getObject(local.client, BUCKET, outputKey)).text);
  expect(schemaErrors(document)).toEqual([]);
  const parsed = StoredDocument.parse(document);
  expect(parsed.source.key).toBe(sourceKey);
  return parsed.status === 'ok'
    ? { kind: 'analysis', analysis: document }
    : { kind: 'error', code: parsed.error.code, message: parsed.error.message };
}

describe('bad-input battery: onUpload against s3rver', () => {
  BAD_INPUTS.forEach((testCase, index) => {
    const expectation = expectationFor(testCase, 's3');
    const outcome = 'error' in expectation ? `an error document (${expectation.error})` : 'an analysis';
    it(
      `stores exactly one output, ${outcome}: ${testCase.name}`,
      async () => {
        const bytes = caseBytes(testCase);
        const folder = `battery/case-${index}/`;
        const key = `incoming/${folder}${testCase.filename}`;
        await putObject(local.client, BUCKET, key, bytes, testCase.contentType);

        const { grewBy } = await withPeakMemory(() => invoke(uploadEvent(key, bytes.byteLength)));

        const outputs = await listKeys(local.client, BUCKET, `summaries/${folder}`);
        expect(outputs).toEqual([`summaries/${folder}${testCase.filename}.json`]);
        expectOutcome(await storedOutcome(outputs[0] ?? '', key), expectation);
        expect(grewBy).toBeLessThan(MEMORY_GROWTH_BOUND_BYTES);
      },
      testCase.large === true ? CASE_TIMEOUT_MS.large : CASE_TIMEOUT_MS.small,
    );
  });
});

describe('bad-input battery: S3 keys and events', () => {
  it.each([
    'two words.txt',
    'one+one.txt',
    '100% sure.txt',
    '%41 stays percent-41.txt',
    'café — naïve/東京 ニュース.txt',
    'عاجل خبر.txt',
    "quote's (1) [draft]!~*.txt",
  ])('analyses the upload with key %s and stores the analysis under the same name', async (name) => {
    const key = `incoming/battery-keys/${name}`;
    await putObject(local.client, BUCKET, key, STORY, 'text/plain; charset=utf-8');

    await invoke(uploadEvent(key, Buffer.byteLength(STORY)));

    expect(await listKeys(local.client, BUCKET, `summaries/battery-keys/${name}`)).toEqual([
      `summaries/battery-keys/${name}.json`,
    ]);
    const outcome = await storedOutcome(`summaries/battery-keys/${name}.json`, key);
    expectOutcome(outcome, { ok: true, title: 'Night ferry returns to the outer islands' });
  });

  // Keys the output mapping refuses as unsafe get an error document under summaries/_refused/
  // (fixed in process-upload.ts / output-key.ts; it used to leave no output at all).
  it.each([
    ['a backslash', 'reports\\2026\\ferry.txt'],
    ['a line break', 'ferry\nstory.txt'],
    ['a dot-dot segment', 'archive/../ferry.txt'],
  ])('leaves an output for an upload whose key has %s', async (_name, name) => {
    const key = `incoming/battery-unsafe/${name}`;
    await putObject(local.client, BUCKET, key, STORY, 'text/plain');
    const before = await listKeys(local.client, BUCKET, 'summaries/');

    await invoke(uploadEvent(key, Buffer.byteLength(STORY)));

    expect((await listKeys(local.client, BUCKET, 'summaries/')).length).toBe(before.length + 1);
  });

  it('writes nothing for a key under the output prefix (no loop)', async () => {
    const key = 'summaries/battery-loop/story.txt.json';
    await putObject(local.client, BUCKET, key, '{"status":"ok"}', 'application/json');
    const before = await listKeys(local.client, BUCKET);

    await invoke(uploadEvent(key, 15));

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
    expect((await getObject(local.client, BUCKET, key)).text).toBe('{"status":"ok"}');
  });

  it('writes nothing for a zero-byte "folder" placeholder key', async () => {
    await putObject(local.client, BUCKET, 'incoming/battery-folder/', '', 'application/x-directory');
    const before = await listKeys(local.client, BUCKET);

    await invoke(uploadEvent('incoming/battery-folder/', 0));

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
  });

  it('writes nothing, and does not fail, for an object deleted before it was read', async () => {
    const key = 'incoming/battery-gone/deleted.txt';
    const before = await listKeys(local.client, BUCKET);

    await invoke(uploadEvent(key, 1234));

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
  });

  it('writes nothing for an ObjectRemoved event (the object is gone)', async () => {
    const before = await listKeys(local.client, BUCKET);

    await invoke(uploadEvent('incoming/battery-gone/removed.txt', 0, 'ObjectRemoved:Delete'));

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
  });

  // An event with fields missing cannot come from S3; the invocation fails loudly (Lambda retries it,
  // then sends it to the failure destination) rather than guessing, and writes nothing.
  it.each([
    ['no Records', {}],
    ['Records not a list', { Records: 'incoming/a.txt' }],
    ['an empty record', { Records: [{}] }],
    ['a record without s3.object.key', withoutObjectKey()],
  ])('rejects an event with %s and writes nothing', async (_name, event) => {
    const before = await listKeys(local.client, BUCKET);

    await expect(invoke(event)).rejects.toThrow();

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
  });

  // S3 sends this when a notification is configured: refusing it would be retried and end in the
  // failure destination as if an upload had been lost. It is acknowledged and ignored.
  it('ignores the s3:TestEvent that S3 sends when notifications are configured', async () => {
    const before = await listKeys(local.client, BUCKET);

    await invoke({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: '2026-01-05T07:59:59.000Z',
      Bucket: BUCKET,
      RequestId: 'C3D13FE58DE4C810',
      HostId: 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD',
    });

    expect(await listKeys(local.client, BUCKET)).toEqual(before);
  });
});

function withoutObjectKey(): unknown {
  const event = structuredClone(uploadEvent('incoming/battery/a.txt', 10));
  const record = event.Records[0];
  if (record === undefined) throw new Error('one record expected');
  const { key: _key, ...object } = record.s3.object;
  return { Records: [{ ...record, s3: { ...record.s3, object } }] };
}
