import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createBatchOperationsHandler } from '../../../src/handlers/batch-operations.js';
import {
  type BatchOperationsEvent,
  BatchOperationsEventSchema,
  type BatchOperationsResponse,
} from '../../../src/handlers/batch-operations-event.js';
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

const BUCKET = 'lede-test-backfill';
const local = useLocalS3([BUCKET]);

/** The sample Batch Operations event from events/, pointed at the test bucket, with its tasks' keys replaced. */
async function batchEvent(...encodedKeys: string[]): Promise<BatchOperationsEvent> {
  const event = structuredClone(BatchOperationsEventSchema.parse(await loadEvent('batch-operations.json')));
  const [template] = event.tasks;
  if (template === undefined) throw new Error('the sample event has no task');
  template.s3Bucket = BUCKET;
  if (encodedKeys.length > 0) {
    event.tasks = encodedKeys.map((s3Key, i) => ({ ...template, taskId: `task-${i}`, s3Key }));
  }
  return event;
}

function makeHandler(options: { s3?: S3Client; env?: Record<string, string> } = {}) {
  return createBatchOperationsHandler({
    s3: options.s3 ?? local.client,
    config: loadConfig({ LEDE_BUCKET: BUCKET, ...options.env }),
    logger: silentLogger(),
    now: () => new Date('2026-11-29T05:00:00.000Z'),
  });
}

async function invoke(event: BatchOperationsEvent, s3?: S3Client): Promise<BatchOperationsResponse> {
  return makeHandler(s3 === undefined ? {} : { s3 })(event, lambdaContext('lede-dev-backfill'));
}

async function readJson(key: string): Promise<Record<string, unknown>> {
  return JSON.parse((await getObject(local.client, BUCKET, key)).text);
}

/** An S3 client whose every GetObject fails with `error`: the only way to get S3 to fail on cue. */
function failingClient(error: S3ServiceException) {
  const s3 = new S3Client({ region: 'us-east-1' });
  const mock = mockClient(s3);
  mock.on(GetObjectCommand).rejects(error);
  return { s3, mock };
}

describe('Batch Operations handler', () => {
  it('analyses the sample event’s object and answers Succeeded, echoing the invocation', async () => {
    const key = 'incoming/world/café owners + staff.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');
    const event = await batchEvent();

    const response = await invoke(event);

    expect(response).toEqual({
      invocationSchemaVersion: '2.0',
      treatMissingKeysAs: 'PermanentFailure',
      invocationId: event.invocationId,
      results: [
        {
          taskId: event.tasks[0]?.taskId,
          resultCode: 'Succeeded',
          resultString: 'written summaries/world/café owners + staff.txt.json',
        },
      ],
    });
    expect(await readJson('summaries/world/café owners + staff.txt.json')).toMatchObject({
      status: 'ok',
      source: { bucket: BUCKET, key },
      processedAt: '2026-11-29T05:00:00.000Z',
    });
  });

  // Batch Operations URL-encodes keys. Spaces may come as "+" (form encoding, what S3 notifications
  // use) or "%20"; a literal "+" is then always "%2B".
  it.each([
    ['incoming/bo/two+words.txt', 'incoming/bo/two words.txt'],
    ['incoming/bo/three%20little%20words.txt', 'incoming/bo/three little words.txt'],
    ['incoming/bo/one%2Bone.txt', 'incoming/bo/one+one.txt'],
    ['incoming/bo/r%C3%A9sum%C3%A9+%E2%80%94+100%25.md', 'incoming/bo/résumé — 100%.md'],
  ])('decodes the task key %s to %s', async (encoded, decoded) => {
    await putObject(local.client, BUCKET, decoded, await loadArticle('river-survey.md'), 'text/markdown');

    const response = await invoke(await batchEvent(encoded));

    expect(response.results[0]?.resultCode).toBe('Succeeded');
    const output = `summaries/${decoded.slice('incoming/'.length)}.json`;
    expect(await readJson(output)).toMatchObject({ status: 'ok', source: { key: decoded } });
  });

  it('answers Succeeded for a refused article, whose error document is its result', async () => {
    await putObject(local.client, BUCKET, 'incoming/bo/blank.txt', '', 'text/plain');

    const response = await invoke(await batchEvent('incoming/bo/blank.txt'));

    expect(response.results).toEqual([
      {
        taskId: 'task-0',
        resultCode: 'Succeeded',
        resultString: 'refused; error document summaries/bo/blank.txt.json',
      },
    ]);
    expect(await readJson('summaries/bo/blank.txt.json')).toMatchObject({
      status: 'failed',
      error: { code: 'EMPTY_DOCUMENT' },
    });
  });

  it('answers Succeeded without rewriting when a rerun job meets an object whose output is current', async () => {
    await putObject(
      local.client,
      BUCKET,
      'incoming/bo/rerun.txt',
      await loadArticle('harbour-ferry.txt'),
      'text/plain',
    );
    const event = await batchEvent('incoming/bo/rerun.txt');
    await invoke(event);
    const before = await getObject(local.client, BUCKET, 'summaries/bo/rerun.txt.json');

    const response = await invoke(event);

    expect(response.results).toEqual([
      { taskId: 'task-0', resultCode: 'Succeeded', resultString: 'unchanged summaries/bo/rerun.txt.json' },
    ]);
    expect((await getObject(local.client, BUCKET, 'summaries/bo/rerun.txt.json')).etag).toBe(before.etag);
  });

  it('answers PermanentFailure for a key that no longer exists, and writes nothing', async () => {
    const before = await listKeys(local.client, BUCKET, 'summaries/');

    const response = await invoke(await batchEvent('incoming/bo/deleted-since-the-inventory.txt'));

    expect(response.results).toEqual([
      {
        taskId: 'task-0',
        resultCode: 'PermanentFailure',
        resultString: expect.stringMatching(/^NOT_FOUND: /),
      },
    ]);
    expect(await listKeys(local.client, BUCKET, 'summaries/')).toEqual(before);
  });

  it('answers TemporaryFailure when S3 throttles (503 SlowDown), so Batch Operations retries', async () => {
    const { s3, mock } = failingClient(
      new S3ServiceException({
        name: 'SlowDown',
        message: 'Please reduce your request rate.',
        $fault: 'server',
        $metadata: { httpStatusCode: 503 },
      }),
    );

    const response = await invoke(await batchEvent('incoming/bo/any.txt'), s3);

    expect(response.results).toEqual([
      {
        taskId: 'task-0',
        resultCode: 'TemporaryFailure',
        resultString: expect.stringContaining('SlowDown'),
      },
    ]);
    expect(mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    mock.restore();
  });

  it('answers PermanentFailure when S3 denies access: retrying cannot help', async () => {
    const { s3, mock } = failingClient(
      new S3ServiceException({
        name: 'AccessDenied',
        message: 'Access Denied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
      }),
    );

    const response = await invoke(await batchEvent('incoming/bo/any.txt'), s3);

    expect(response.results[0]).toMatchObject({
      resultCode: 'PermanentFailure',
      resultString: expect.stringContaining('AccessDenied'),
    });
    mock.restore();
  });

  it('fails keys outside the input prefix, under the output prefix or in another bucket without reading them', async () => {
    const { s3, mock } = failingClient(
      new S3ServiceException({ name: 'SlowDown', message: '', $fault: 'server', $metadata: {} }),
    );
    const event = await batchEvent('elsewhere/story.txt', 'summaries/story.txt.json', 'incoming/story.txt');
    const last = event.tasks[2];
    if (last !== undefined) last.s3Bucket = 'someone-elses-bucket';

    const response = await invoke(event, s3);

    expect(response.results.map((r) => [r.resultCode, r.resultString.split(':')[0]])).toEqual([
      ['PermanentFailure', 'OUTSIDE_INPUT_PREFIX'],
      ['PermanentFailure', 'OUTSIDE_INPUT_PREFIX'],
      ['PermanentFailure', 'WRONG_BUCKET'],
    ]);
    expect(mock.commandCalls(GetObjectCommand)).toHaveLength(0);
    mock.restore();
  });

  it('fails a key that is not valid percent-encoding', async () => {
    const response = await invoke(await batchEvent('incoming/bo/100%.txt'));

    expect(response.results[0]).toMatchObject({
      resultCode: 'PermanentFailure',
      resultString: expect.stringMatching(/^MALFORMED_INPUT: /),
    });
  });

  it('fails every task of a job created with userArguments, which lede does not take', async () => {
    await putObject(
      local.client,
      BUCKET,
      'incoming/bo/args.txt',
      await loadArticle('harbour-ferry.txt'),
      'text/plain',
    );
    const event = await batchEvent('incoming/bo/args.txt');
    event.job.userArguments = { overwrite: 'false' };

    const response = await invoke(event);

    expect(response.results[0]).toMatchObject({
      resultCode: 'PermanentFailure',
      resultString: expect.stringContaining('overwrite'),
    });
    expect(await listKeys(local.client, BUCKET, 'summaries/bo/args')).toEqual([]);
  });

  it('gives each task its own result when one of several fails', async () => {
    await putObject(
      local.client,
      BUCKET,
      'incoming/bo/a.html',
      await loadArticle('library-hours.html'),
      'text/html',
    );

    const response = await invoke(await batchEvent('incoming/bo/missing.txt', 'incoming/bo/a.html'));

    expect(response.results.map((r) => [r.taskId, r.resultCode])).toEqual([
      ['task-0', 'PermanentFailure'],
      ['task-1', 'Succeeded'],
    ]);
    expect(await readJson('summaries/bo/a.html.json')).toMatchObject({ status: 'ok' });
  });

  it('rejects an invocation schema 1.0 event (bucket ARN instead of name)', async () => {
    const event = {
      invocationSchemaVersion: '1.0',
      invocationId: 'aW52b2NhdGlvbg',
      job: { id: 'job-1' },
      tasks: [
        { taskId: 't', s3Key: 'incoming/a.txt', s3VersionId: null, s3BucketArn: `arn:aws:s3:::${BUCKET}` },
      ],
    };

    // Called the way the Lambda runtime calls it: with whatever JSON arrived, typed or not.
    const handler = makeHandler();
    const result: Promise<unknown> = Reflect.apply(handler, undefined, [event, lambdaContext('f')]);

    await expect(result).rejects.toThrow();
    expect(await listKeys(local.client, BUCKET, 'summaries/a.txt')).toEqual([]);
  });
});
