import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import { awsS3Event } from '../../../src/local/s3-event.js';
import { attachUploadTrigger, type TriggerOutcome } from '../../../src/local/upload-trigger.js';
import { makePdf } from '../../support/make-pdf.js';
import {
  getObject,
  lambdaContext,
  listKeys,
  putObject,
  s3rverClient,
  silentLogger,
  useLocalS3,
} from './support.js';

// Issue 18 on s3rver: a slow analysis of an old version never overwrites the analysis of a newer one,
// and a deleted article loses its analysis.
const BUCKET = 'lede-ordering';
const local = useLocalS3([BUCKET]);

const TEXT_TITLE = 'Lifeboat crew rescues two sailors off the point';
const TEXT = `${TEXT_TITLE}\n\nThe lifeboat crew rescued two sailors on Sunday after their yacht lost its mast off the point. Both were taken to the harbour and checked by paramedics.\n`;

/** A PDF long enough that its analysis takes far longer than the short text's. */
function longPdf(): Uint8Array {
  const lines = Array.from(
    { length: 45 },
    (_, i) => `The survey of the northern breakwater, section ${i + 1}, found loose stones and worn joints.`,
  );
  return makePdf(Array.from({ length: 30 }, () => ({ lines })));
}

function handlerWith(s3: S3Client) {
  return createOnUploadHandler({
    s3,
    config: loadConfig({ LEDE_BUCKET: BUCKET, LEDE_TAG_SOURCE_OBJECTS: 'false' }),
    logger: silentLogger(),
    now: () => new Date('2026-12-03T12:00:00.000Z'),
  });
}

/** The event S3 would send, with an explicit sequencer (later events for a key have greater ones). */
function eventFor(key: string, eventName: string, sequencer: string) {
  return awsS3Event(
    { eventName, eventTime: new Date().toISOString(), bucket: BUCKET, key, size: 1, eTag: 'x', sequencer },
    { region: 'us-east-1' },
  );
}

const outputOf = (key: string): string => `summaries/${key.slice('incoming/'.length)}.json`;

async function storedAnalysis(key: string): Promise<{ format: string; title: string | null }> {
  return JSON.parse((await getObject(local.client, BUCKET, outputOf(key))).text);
}

/**
 * A client whose requests wait, once it has read `key`, until `release()`: the analysis it drives
 * reads the old version, then cannot write before the test lets it. Only timing is changed.
 */
function clientPausedAfterReading(key: string) {
  const client = s3rverClient(local.endpoint);
  let read = false;
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let markRead = (): void => undefined;
  const hasRead = new Promise<void>((resolve) => {
    markRead = resolve;
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (read) await released;
      const result = await next(args);
      const input = args.input as { Key?: unknown };
      if (context.commandName === 'GetObjectCommand' && input.Key === key) {
        read = true;
        markRead();
      }
      return result;
    },
    { step: 'initialize', name: 'pauseAfterReading' },
  );
  return { client, hasRead, release };
}

describe('onUpload: no stale overwrite', () => {
  it('keeps the text analysis when a PDF uploaded a moment earlier finishes analysing last', async () => {
    const key = 'incoming/race/story';
    await putObject(local.client, BUCKET, key, longPdf(), 'application/pdf');
    const slow = clientPausedAfterReading(key);
    const pdfRun = handlerWith(slow.client)(
      eventFor(key, 'ObjectCreated:Put', '0066A1000000000001'),
      lambdaContext('f'),
    );
    await slow.hasRead;

    await putObject(local.client, BUCKET, key, TEXT, 'text/plain; charset=utf-8');
    await handlerWith(local.client)(
      eventFor(key, 'ObjectCreated:Put', '0066A1000000000002'),
      lambdaContext('f'),
    );
    expect(await storedAnalysis(key)).toMatchObject({ format: 'txt', title: TEXT_TITLE });
    slow.release();
    await pdfRun;

    expect(await storedAnalysis(key)).toMatchObject({ format: 'txt', title: TEXT_TITLE });
    const head = await local.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: outputOf(key) }));
    expect(head.Metadata?.['lede-sequencer']).toBe('0066A1000000000002');
    slow.client.destroy();
  });

  it('does not rewrite an output when an older event arrives after a newer one was answered', async () => {
    const key = 'incoming/race/late-event.txt';
    await putObject(local.client, BUCKET, key, TEXT, 'text/plain; charset=utf-8');
    const handler = handlerWith(local.client);
    await handler(eventFor(key, 'ObjectCreated:Put', '0066A2000000000009'), lambdaContext('f'));
    const before = await local.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: outputOf(key) }));

    // Shorter: right-padded with zeros it is 0066A2000000000000, older than the stored one.
    await handler(eventFor(key, 'ObjectCreated:Put', '0066A2'), lambdaContext('f'));

    const after = await local.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: outputOf(key) }));
    expect(after.ETag).toBe(before.ETag);
    expect(after.Metadata?.['lede-sequencer']).toBe('0066A2000000000009');
  });

  it('documents that s3rver 3.7.1 ignores If-None-Match on PutObject (hence the re-check before writing)', async () => {
    const key = 'summaries/race/conditional.json';
    await putObject(local.client, BUCKET, key, '{}', 'application/json');
    await local.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: '{"second":true}', IfNoneMatch: '*' }),
    );
    expect((await getObject(local.client, BUCKET, key)).text).toBe('{"second":true}');
  });
});

describe('onUpload: deletes honoured', () => {
  const handler = () => handlerWith(local.client);
  const remove = (key: string) => local.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));

  it('deletes the analysis when the article is deleted', async () => {
    const key = 'incoming/deletes/taken-down.txt';
    await putObject(local.client, BUCKET, key, TEXT, 'text/plain; charset=utf-8');
    await handler()(eventFor(key, 'ObjectCreated:Put', '0066B1000000000001'), lambdaContext('f'));
    expect(await listKeys(local.client, BUCKET, 'summaries/deletes/taken-down')).toHaveLength(1);

    await remove(key);
    await handler()(eventFor(key, 'ObjectRemoved:Delete', '0066B1000000000002'), lambdaContext('f'));

    expect(await listKeys(local.client, BUCKET, 'summaries/deletes/taken-down')).toEqual([]);
  });

  it('writes nothing for a create event that arrives after the object was deleted', async () => {
    const key = 'incoming/deletes/late-create.txt';
    await putObject(local.client, BUCKET, key, TEXT, 'text/plain; charset=utf-8');
    await remove(key);
    await handler()(eventFor(key, 'ObjectRemoved:Delete', '0066B2000000000002'), lambdaContext('f'));
    await handler()(eventFor(key, 'ObjectCreated:Put', '0066B2000000000001'), lambdaContext('f'));
    expect(await listKeys(local.client, BUCKET, 'summaries/deletes/late-create')).toEqual([]);
  });

  it('keeps the analysis when the object was uploaded again after the deletion', async () => {
    const key = 'incoming/deletes/back-again.txt';
    await putObject(local.client, BUCKET, key, TEXT, 'text/plain; charset=utf-8');
    await handler()(eventFor(key, 'ObjectCreated:Put', '0066B3000000000003'), lambdaContext('f'));
    await handler()(eventFor(key, 'ObjectRemoved:Delete', '0066B3000000000002'), lambdaContext('f'));
    expect(await listKeys(local.client, BUCKET, 'summaries/deletes/back-again')).toHaveLength(1);
  });

  it('receives delete events through the local trigger and removes the analysis', async () => {
    const key = 'incoming/deletes/via-trigger.txt';
    const outcomes: TriggerOutcome[] = [];
    const trigger = attachUploadTrigger(local.server, {
      bucket: BUCKET,
      prefix: 'incoming/',
      region: 'us-east-1',
      functionName: 'lede-local-onUpload',
      timeoutSeconds: 30,
      handler: handler(),
      onInvoked: (outcome) => outcomes.push(outcome),
    });
    const invoked = async (count: number): Promise<void> => {
      for (let waited = 0; outcomes.length < count && waited < 20_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await putObject(local.client, BUCKET, key, TEXT, 'text/plain; charset=utf-8');
      await invoked(1);
      expect(await listKeys(local.client, BUCKET, 'summaries/deletes/via-trigger')).toHaveLength(1);
      await remove(key);
      await invoked(2);
      expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
      expect(await listKeys(local.client, BUCKET, 'summaries/deletes/via-trigger')).toEqual([]);
    } finally {
      await trigger.close();
    }
  });
});
