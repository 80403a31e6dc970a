import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it } from 'vitest';
import { s3UploadStorage } from '../../../src/adapters/s3.js';
import {
  type BackfillProgress,
  BackfillTimeoutError,
  planBackfill,
  runBackfill,
} from '../../../src/backfill/local-backfill.js';
import { loadConfig } from '../../../src/config.js';
import type { UploadStorage } from '../../../src/upload/storage.js';
import { makePdf } from '../../support/make-pdf.js';
import { getObject, putObject, useLocalS3 } from '../lambda/support.js';

// Issue 18: a backfill after a crash must finish, whatever the crash left in the bucket.
const BUCKET = 'lede-backfill-bounds';
const local = useLocalS3([BUCKET]);
const config = loadConfig({ LEDE_BUCKET: BUCKET, LEDE_TAG_SOURCE_OBJECTS: 'false' });

function depsWith(storage: UploadStorage) {
  return {
    storage,
    config,
    logger: new Logger({ serviceName: 'lede-test', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'LedeTest', serviceName: 'lede-test' }),
    now: () => new Date('2026-12-03T12:00:00.000Z'),
  };
}

const STORY =
  'Harbour wall repaired\n\nThe harbour wall was repaired on Tuesday after the winter storms. Fishing boats returned to the inner basin by the evening.\n';

describe('backfill after a crash', () => {
  it('finishes: zero-byte and torn objects get error documents, an object that never answers is skipped with a message', async () => {
    const pdf = makePdf([{ lines: ['The survey of the breakwater found loose stones in every section.'] }]);
    await putObject(local.client, BUCKET, 'incoming/crash/empty.txt', new Uint8Array(0), 'text/plain');
    await putObject(local.client, BUCKET, 'incoming/crash/torn.pdf', pdf.slice(0, 200), 'application/pdf');
    await putObject(local.client, BUCKET, 'incoming/crash/stuck.txt', STORY, 'text/plain');
    await putObject(local.client, BUCKET, 'incoming/crash/fine.txt', STORY, 'text/plain');
    const real = s3UploadStorage(local.client);
    // The stalled read a crashed server can leave behind: this one never answers.
    const storage: UploadStorage = {
      ...real,
      read: (location) =>
        location.key.endsWith('stuck.txt') ? new Promise<never>(() => undefined) : real.read(location),
    };
    const plan = await planBackfill(local.client, { config });
    const progress: BackfillProgress[] = [];

    const started = performance.now();
    const summary = await runBackfill(plan.pending, depsWith(storage), {
      // Room for the first PDF read in this process (it loads the PDF library) on a busy machine.
      objectTimeoutMs: 8_000,
      onProgress: (p) => progress.push(p),
    });

    expect(performance.now() - started).toBeLessThan(30_000);
    expect(summary).toMatchObject({ total: 4, done: 4, interrupted: false });
    expect(summary.counts).toMatchObject({ written: 1, refused: 2, failed: 1 });
    const stuck = progress.find((p) => p.key.endsWith('stuck.txt'));
    expect(stuck?.outcome).toBe('failed');
    expect(stuck?.error).toBeInstanceOf(BackfillTimeoutError);
    expect(stuck?.error).toMatchObject({ message: expect.stringMatching(/did not finish within 8000 ms/) });
    const errorOf = async (name: string) =>
      JSON.parse((await getObject(local.client, BUCKET, `summaries/crash/${name}.json`)).text).error?.code;
    expect(await errorOf('empty.txt')).toBe('EMPTY_DOCUMENT');
    expect(await errorOf('torn.pdf')).toBe('MALFORMED_INPUT');
    // The stuck key has no output, so the next run tries it again.
    expect((await planBackfill(local.client, { config })).pending).toEqual(['incoming/crash/stuck.txt']);
  });
});
