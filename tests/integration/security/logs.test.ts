import { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas/api-gateway';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';

import { loadConfig } from '../../../src/config.js';
import { createApiHandler } from '../../../src/handlers/api.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import { lambdaContext, loadEvent, putObject, useLocalS3 } from '../lambda/support.js';

const BUCKET = 'lede-test-logs';
const API_KEY = 'EXAMPLEKEYexampleKEY0123456789abcdefABCD';
// Far enough into the article that only a log line holding (nearly) the whole body could contain it.
const MARKER = 'The quartermaster counted ninety-one crates of Seville oranges on the quay';
const ARTICLE = [
  'Harbour trust approves new cold store',
  '',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `Paragraph ${i}: the harbour trust met on Thursday and agreed that the fish market needs a larger cold store before the summer season begins.`,
  ),
  `${MARKER}, the trust heard.`,
].join('\n');

const local = useLocalS3([BUCKET]);
const config = loadConfig({ LEDE_BUCKET: BUCKET, LEDE_LOG_LEVEL: 'DEBUG' });

/** Runs `action` with stdout and stderr captured (Lambda sends both to CloudWatch Logs). */
async function logsOf(action: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf-8'));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await action().catch(() => undefined);
  } finally {
    vi.restoreAllMocks();
  }
  return lines.join('');
}

async function uploadEvent(key: string, bucket = BUCKET) {
  const event = structuredClone(S3Schema.parse(await loadEvent('s3-put.json')));
  for (const record of event.Records) {
    record.s3.bucket.name = bucket;
    record.s3.object.key = key;
    delete record.s3.object.size;
  }
  return event;
}

async function apiEvent(body: string, contentType: string) {
  const event = structuredClone(APIGatewayProxyEventSchema.parse(await loadEvent('api-post-json.json')));
  event.headers = { ...event.headers, 'Content-Type': contentType, 'x-api-key': API_KEY };
  event.body = body;
  event.isBase64Encoded = false;
  return event;
}

describe('logs at DEBUG level', () => {
  it('never hold a whole article or the API key, whether the request succeeds, is refused or fails', async () => {
    await putObject(local.client, BUCKET, 'incoming/logs/story.txt', ARTICLE, 'text/plain');
    const onUpload = createOnUploadHandler({ s3: local.client, config });
    const api = createApiHandler({ s3: local.client, config });
    // A client whose every request fails: the 5xx path logs the whole error chain.
    const broken = new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: {
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      maxAttempts: 1,
    });
    const failingUpload = createOnUploadHandler({ s3: broken, config });
    const context = lambdaContext('f');

    const output = await logsOf(async () => {
      await onUpload(await uploadEvent('incoming/logs/story.txt'), context);
      await failingUpload(await uploadEvent('incoming/logs/story.txt'), context).catch(() => undefined);
      await api(await apiEvent(JSON.stringify({ text: ARTICLE }), 'application/json'), context);
      // Invalid JSON: V8's parse error quotes the input it choked on.
      await api(await apiEvent(`{"text": ${JSON.stringify(ARTICLE)}, oops}`, 'application/json'), context);
      await api(await apiEvent(ARTICLE, 'application/x-unknown'), context);
    });
    broken.destroy();

    expect(output).toMatch(/Article analysed/);
    expect(output).toMatch(/Record failed/);
    expect(output).not.toContain(MARKER);
    expect(output).not.toContain(API_KEY);
    expect(output).not.toContain('wJalrXUtnFEMI');
  });
});
