import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFailedInvocations } from '../../../src/local/failure-destination.js';
import { localS3Client } from '../../../src/local/s3-client.js';
import { readServiceConfig, type ServiceConfig } from '../../../src/local/service-config.js';
import { type LocalStack, startLocalStack } from '../../../src/local/stack.js';
import type { TriggerOutcome } from '../../../src/local/upload-trigger.js';
import { listKeys, loadArticle } from '../lambda/support.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';

const BUCKET = 'articles';
const SETTLE_DEADLINE_MS = 90_000;

let stack: LocalStack;
let proxy: FaultProxy;
let s3: S3Client;
let service: ServiceConfig;
let dataDir: string;
let failedDir: string;
const outcomes: TriggerOutcome[] = [];

// The functions reach s3rver through the fault proxy; the test's own client goes to s3rver directly.
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lede-faults-'));
  failedDir = join(dataDir, '..', `${dataDir.split('/').at(-1)}-failed`);
  proxy = await startFaultProxy();
  service = await readServiceConfig(fileURLToPath(new URL('../../../', import.meta.url)));
  stack = await startLocalStack(
    {
      host: '127.0.0.1',
      s3Port: 0,
      apiPort: 0,
      bucket: BUCKET,
      dataDir,
      apiKey: 'faults-test-key-0123456789abcdef',
      apiKeyFromEnv: true,
      failedDir,
      retryDelayMs: 20,
    },
    {
      service,
      env: { LEDE_LOG_LEVEL: 'SILENT' },
      onInvoked: (outcome) => outcomes.push(outcome),
      functionS3Client: (endpoint) => {
        proxy.setTarget(endpoint);
        return localS3Client(proxy.url);
      },
    },
  );
  s3 = localS3Client(stack.s3Endpoint);
});

afterAll(async () => {
  s3?.destroy();
  await stack?.close();
  await proxy?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(failedDir, { recursive: true, force: true });
});

async function upload(key: string): Promise<void> {
  const body = await loadArticle('harbour-ferry.txt');
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'text/plain' }));
}

/** Waits until the trigger reports a final outcome (success, or failure with no retry left) for `key`. */
async function settled(key: string): Promise<TriggerOutcome[]> {
  const deadline = Date.now() + SETTLE_DEADLINE_MS;
  for (;;) {
    const mine = outcomes.filter((outcome) => outcome.key === key);
    const last = mine.at(-1);
    if (last !== undefined && (last.ok || !last.willRetry)) return mine;
    if (Date.now() > deadline) throw new Error(`no final outcome for ${key}: ${JSON.stringify(mine)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local stack: Lambda async retries and the failure destination', () => {
  it('follows serverless.yml: two retries and an on-failure destination', () => {
    expect(service.onUploadMaximumRetryAttempts).toBe(2);
    expect(service.onUploadHasFailureDestination).toBe(true);
    expect(stack.failedDir).toBe(failedDir);
  });

  it('retries an event that keeps failing (AccessDenied), then writes it to the failure destination', async () => {
    const key = 'incoming/denied/secret report.txt';
    proxy.addRule({ method: 'GET', key, fault: { kind: 'error', status: 403, code: 'AccessDenied' } });

    await upload(key);
    const attempts = await settled(key);

    expect(attempts.map((a) => [a.attempt, a.ok, a.ok ? null : a.willRetry])).toEqual([
      [1, false, true],
      [2, false, true],
      [3, false, false],
    ]);
    const last = attempts.at(-1);
    const records = await readFailedInvocations(failedDir);
    const record = records.find((r) => JSON.stringify(r.requestPayload).includes('secret+report.txt'));
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: {
        Records: [
          {
            eventSource: 'aws:s3',
            s3: { bucket: { name: BUCKET }, object: { key: 'incoming/denied/secret+report.txt' } },
          },
        ],
      },
      responseContext: { functionError: 'Unhandled' },
      responsePayload: { errorType: 'AggregateError', errorMessage: '1 of 1 records failed' },
    });
    expect(last?.ok === false ? last.failedEventPath : null).toMatch(/\.json$/);
    expect(await listKeys(s3, BUCKET, 'summaries/denied/')).toEqual([]);
    // One GET per invocation: AccessDenied is not retried by the S3 client, only by Lambda.
    expect(proxy.count('GET', key)).toBe(3);
  });

  it('retries an event whose reads fail transiently, and writes the analysis when S3 recovers, with nothing in the failure destination', async () => {
    const key = 'incoming/flaky/story.txt';
    // Four 503s: the first invocation's three client attempts, then the retry's first attempt.
    proxy.addRule({ method: 'GET', key, fault: { kind: 'error', status: 503, code: 'SlowDown' }, times: 4 });

    await upload(key);
    const attempts = await settled(key);

    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(await listKeys(s3, BUCKET, 'summaries/flaky/')).toEqual(['summaries/flaky/story.txt.json']);
    const records = await readFailedInvocations(failedDir);
    expect(records.filter((r) => JSON.stringify(r.requestPayload).includes('flaky'))).toEqual([]);
  });

  it('leaves successful uploads out of the failure destination', async () => {
    const key = 'incoming/fine/story.txt';

    await upload(key);
    const attempts = await settled(key);

    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([[1, true]]);
    const records = await readFailedInvocations(failedDir);
    expect(records.filter((r) => JSON.stringify(r.requestPayload).includes('fine/story'))).toEqual([]);
  });
});
