import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, PutObjectCommand, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { s3UploadStorage } from '../../../src/adapters/s3.js';
import { planBackfill, runBackfill } from '../../../src/backfill/local-backfill.js';
import { runBackfillCli } from '../../../src/cli/backfill.js';
import { type LedeConfig, loadConfig } from '../../../src/config.js';
import { localS3Client } from '../../../src/local/s3-client.js';
import { cliBundle } from '../../support/cli-bundle.js';
import { getObject, type LocalS3, listKeys, putObject, startLocalS3 } from '../lambda/support.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARTICLES_DIR = join(ROOT, 'tests/fixtures/articles');
const BUCKET = 'articles';

/** The sample articles (real text), as [name, bytes]. */
let articles: [string, Buffer][];

beforeAll(async () => {
  const names = (await readdir(ARTICLES_DIR)).filter((name) => name.endsWith('.txt')).sort();
  articles = await Promise.all(
    names.map(async (name): Promise<[string, Buffer]> => [name, await readFile(join(ARTICLES_DIR, name))]),
  );
});

/** Uploads every sample article `copies` times under incoming/<folder i>/, returns the keys. */
async function seed(s3: S3Client, copies: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < copies; i += 1) {
    for (const [name, bytes] of articles) {
      // A space and a "+" in every key: the keys go through the S3-event encoding and back.
      const key = `incoming/batch ${i}+/${name}`;
      await putObject(s3, BUCKET, key, bytes, 'text/plain; charset=utf-8');
      keys.push(key);
    }
  }
  return keys;
}

const outputFor = (key: string): string => `summaries/${key.slice('incoming/'.length)}.json`;

function deps(s3: S3Client, config: LedeConfig) {
  return {
    storage: s3UploadStorage(s3),
    config,
    logger: new Logger({ serviceName: 'lede-test', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'LedeTest', serviceName: 'lede-test' }),
    now: () => new Date('2026-11-29T06:00:00.000Z'),
  };
}

function keyOf(input: unknown): string {
  return typeof input === 'object' && input !== null && 'Key' in input ? String(input.Key) : '';
}

/** Counts requests of one kind as they reach the wire, and the most ever in flight at once. */
function watch(s3: S3Client, commandName: string) {
  const seen = { calls: [] as string[], inFlight: 0, maxInFlight: 0 };
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== commandName) return next(args);
      seen.calls.push(keyOf(args.input));
      seen.inFlight += 1;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      try {
        return await next(args);
      } finally {
        seen.inFlight -= 1;
      }
    },
    { step: 'initialize', name: `watch${commandName}` },
  );
  return seen;
}

describe('local backfill (library) against s3rver', () => {
  let local: LocalS3;
  const config = loadConfig({ LEDE_BUCKET: BUCKET });

  beforeEach(async () => {
    local = await startLocalS3([BUCKET]);
  });
  afterEach(async () => {
    await local.stop();
  });

  it('plans only the input keys with no output; folder markers and outputs without input are ignored', async () => {
    const keys = await seed(local.client, 1);
    const [first, second] = keys;
    if (first === undefined || second === undefined) throw new Error('too few sample articles');
    for (const key of [first, second])
      await putObject(local.client, BUCKET, outputFor(key), '{}', 'application/json');
    await putObject(local.client, BUCKET, 'incoming/empty-folder/', '', 'application/x-directory');
    await putObject(local.client, BUCKET, 'summaries/orphan.txt.json', '{}', 'application/json');
    await putObject(local.client, BUCKET, 'elsewhere/not-an-input.txt', 'text', 'text/plain');

    const plan = await planBackfill(local.client, { config });

    expect([...plan.inputs].sort()).toEqual([...keys].sort());
    expect([...plan.pending].sort()).toEqual(keys.slice(2).sort());
  });

  it('writes an analysis for every pending real article and an error document for a binary one', async () => {
    const keys = await seed(local.client, 1);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    await putObject(local.client, BUCKET, 'incoming/photo.png', png, 'image/png');
    const plan = await planBackfill(local.client, { config });

    const summary = await runBackfill(plan.pending, deps(local.client, config), { concurrency: 3 });

    expect(summary).toMatchObject({
      total: keys.length + 1,
      done: keys.length + 1,
      interrupted: false,
      counts: { written: keys.length, refused: 1, failed: 0 },
    });
    for (const key of keys) {
      const json = JSON.parse((await getObject(local.client, BUCKET, outputFor(key))).text);
      expect(json).toMatchObject({ status: 'ok', source: { key } });
    }
    const refused = JSON.parse((await getObject(local.client, BUCKET, 'summaries/photo.png.json')).text);
    expect(refused).toMatchObject({ status: 'failed' });
    expect((await planBackfill(local.client, { config })).pending).toEqual([]);
  });

  it.each([1, 3, 6])('never has more than %i objects in progress at once', async (concurrency) => {
    await seed(local.client, 1);
    const reads = watch(local.client, 'GetObjectCommand');
    const plan = await planBackfill(local.client, { config });

    await runBackfill(plan.pending, deps(local.client, config), { concurrency });

    expect(reads.calls).toHaveLength(plan.pending.length);
    // All workers start before any response can arrive, so the bound is reached as well as kept.
    expect(reads.maxInFlight).toBe(concurrency);
  });

  it('counts a key that fails and carries on; the key stays pending for the next run', async () => {
    const keys = await seed(local.client, 1);
    const [victim] = keys;
    if (victim === undefined) throw new Error('no sample articles');
    // Forcing the fault: S3 throttles reads of one key.
    local.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'GetObjectCommand' && keyOf(args.input) === victim) {
          throw new S3ServiceException({
            name: 'SlowDown',
            message: 'Please reduce your request rate.',
            $fault: 'server',
            $metadata: { httpStatusCode: 503 },
          });
        }
        return next(args);
      },
      { step: 'initialize', name: 'throttleOneKey' },
    );
    const failures: string[] = [];

    const summary = await runBackfill(
      (await planBackfill(local.client, { config })).pending,
      deps(local.client, config),
      {
        onProgress: (p) => {
          if (p.outcome === 'failed') failures.push(p.key);
        },
      },
    );

    expect(summary.counts).toMatchObject({ written: keys.length - 1, failed: 1 });
    expect(failures).toEqual([victim]);
    expect((await planBackfill(local.client, { config })).pending).toEqual([victim]);
  });

  it('stops starting keys once interrupted, and a second run processes exactly the rest', async () => {
    const keys = await seed(local.client, 2);
    const writes = watch(local.client, 'PutObjectCommand');
    const controller = new AbortController();
    const stopAfter = 5;
    const concurrency = 3;

    const first = await runBackfill(
      (await planBackfill(local.client, { config })).pending,
      deps(local.client, config),
      {
        concurrency,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === stopAfter) controller.abort();
        },
      },
    );

    // Keys already running when the signal came finish; nothing new starts.
    expect(first.interrupted).toBe(true);
    expect(first.done).toBeGreaterThanOrEqual(stopAfter);
    expect(first.done).toBeLessThanOrEqual(stopAfter + concurrency - 1);
    expect(await listKeys(local.client, BUCKET, 'summaries/')).toHaveLength(first.done);

    const resumed = await planBackfill(local.client, { config });
    expect(resumed.pending).toHaveLength(keys.length - first.done);
    const second = await runBackfill(resumed.pending, deps(local.client, config), { concurrency });

    expect(second).toMatchObject({ interrupted: false, done: keys.length - first.done });
    expect((await listKeys(local.client, BUCKET, 'summaries/')).sort()).toEqual(keys.map(outputFor).sort());
    // Each output written once across the two runs: nothing was redone.
    expect(writes.calls.sort()).toEqual(keys.map(outputFor).sort());
  });
});

describe('lede backfill (command line)', () => {
  it('refuses a bad --concurrency with the usage and status 2, before touching anything', async () => {
    const stderr: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => stderr.push(s) } };

    const status = await runBackfillCli(['--concurrency', '0'], io, { env: {}, cwd: ROOT });

    expect(status).toBe(2);
    expect(stderr.join('')).toMatch(
      /--concurrency must be a whole number from 1 to 64[\s\S]*Usage: lede backfill/,
    );
  });
});

/**
 * A `lede backfill` child process as a user runs it: `src/cli.ts` (which `npm run backfill` runs with
 * tsx), bundled once per run.
 */
function startCli(args: readonly string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [cliBundle(), 'backfill', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, POWERTOOLS_METRICS_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    out.stdout += chunk.toString('utf-8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out.stderr += chunk.toString('utf-8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exited };
}

/** Resolves once the child has written `pattern` to stderr (the progress lines go there). */
function whenStderrMatches(child: ChildProcess, out: { stderr: string }, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (pattern.test(out.stderr)) {
        child.stderr?.off('data', check);
        resolve();
      }
    };
    child.stderr?.on('data', check);
    child.once('exit', () => reject(new Error(`exited before ${pattern}: ${out.stderr}`)));
    check();
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('lede backfill end to end (child process, real s3rver)', () => {
  let local: LocalS3;

  beforeEach(async () => {
    local = await startLocalS3([BUCKET]);
  });
  afterEach(async () => {
    await local.stop();
  });

  it('is interrupted by Ctrl-C (status 130, running object finished), then a rerun completes the rest', async () => {
    const keys = await seed(local.client, 2);
    const env = { LEDE_LOCAL_BUCKET: BUCKET };

    const first = startCli(['--endpoint', local.endpoint, '--concurrency', '1'], env);
    await whenStderrMatches(first.child, first.out, /^\[1\/\d+\] written /m);
    first.child.kill('SIGINT');
    const firstStatus = await first.exited;

    expect(firstStatus).toBe(130);
    expect(first.out.stderr).toMatch(/Stopping: letting the running objects finish/);
    const afterFirst = await listKeys(local.client, BUCKET, 'summaries/');
    expect(afterFirst.length).toBeGreaterThanOrEqual(1);
    expect(afterFirst.length).toBeLessThan(keys.length);
    expect(first.out.stdout).toContain(`${afterFirst.length} of ${keys.length} processed`);

    const second = startCli(['--endpoint', local.endpoint], env);
    const secondStatus = await second.exited;

    expect(secondStatus).toBe(0);
    expect(second.out.stderr).toContain(
      `${keys.length} inputs, ${afterFirst.length} already analysed, ${keys.length - afterFirst.length} to process`,
    );
    // Not a TTY: one plain line per object, none of the bar's control characters.
    expect(second.out.stderr.match(/^\[\d+\/\d+\] written incoming\//gm)).toHaveLength(
      keys.length - afterFirst.length,
    );
    expect(second.out.stderr).not.toContain('\r');
    expect((await listKeys(local.client, BUCKET, 'summaries/')).sort()).toEqual(keys.map(outputFor).sort());
  }, 180_000);

  it('opens the stack’s data directory itself when npm start is not running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lede-backfill-data-'));
    try {
      // Objects written by an earlier `npm start` session: an s3rver over the directory, now stopped.
      const earlier = new S3rver({
        address: '127.0.0.1',
        port: 0,
        directory: dataDir,
        silent: true,
        configureBuckets: [{ name: BUCKET, configs: [] }],
      });
      const { port } = await earlier.run();
      const seeding = localS3Client(`http://127.0.0.1:${port}`);
      const story = await readFile(join(ARTICLES_DIR, 'shipping-merger.txt'));
      await seeding.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'incoming/kept/story.txt', Body: story }),
      );
      seeding.destroy();
      await earlier.close();

      const run = startCli([], {
        LEDE_LOCAL_BUCKET: BUCKET,
        LEDE_LOCAL_DATA_DIR: dataDir,
        LEDE_LOCAL_S3_PORT: String(await freePort()),
      });
      const status = await run.exited;

      expect(status).toBe(0);
      expect(run.out.stderr).toContain(`${dataDir} (npm start is not running)`);
      const after = new S3rver({ address: '127.0.0.1', port: 0, directory: dataDir, silent: true });
      const reopened = await after.run();
      const reader = localS3Client(`http://127.0.0.1:${reopened.port}`);
      const output = await reader.send(
        new GetObjectCommand({ Bucket: BUCKET, Key: 'summaries/kept/story.txt.json' }),
      );
      expect(JSON.parse((await output.Body?.transformToString()) ?? '')).toMatchObject({ status: 'ok' });
      reader.destroy();
      await after.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
