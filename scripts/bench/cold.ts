import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  CHILD_REPORT_MARKER,
  type ChildTimings,
  formatChildReport,
  parseChildReport,
} from './child-report.js';
import type { ColdBuilds } from './cold-builds.js';
import { type BenchS3, S3RVER_CREDENTIALS, startBenchS3 } from './local-s3.js';
import { currentLoad } from './machine.js';
import { pairedDifferences, type Spread, spread } from './stats.js';

/** One subject's cold runs: a fresh `node` per run, in rounds shared with the others. */
export interface ColdInvocation {
  readonly system: string;
  /** What the cold start reads and compiles: the handler module and its static chunks. */
  readonly loadedBytes: number;
  /** Wall time the parent saw from spawning `node` to reading the response line. */
  readonly spawnToResponse: Spread;
  /** On the child's own clock: `import()` of the handler module. */
  readonly import: Spread;
  /** On the child's own clock: the one invocation, from the import's end to the response. */
  readonly invoke: Spread;
  /** S3 requests one invocation made (median), where the function talks to s3rver. */
  readonly s3Requests: number | null;
}

export interface ColdComparison {
  readonly function: 'api' | 'onUpload';
  readonly lede: ColdInvocation;
  readonly floor: ColdInvocation;
  /** lede minus floor, spawn to response, paired round by round. */
  readonly overFloor: Spread;
}

export interface CoreFirstAnalysis {
  readonly articles: readonly [string, string];
  readonly loadedBytes: number;
  /** `import()` of the core bundle. */
  readonly import: Spread;
  /** The first `analyzeText` in the process: the data compiled, the code still cold. */
  readonly first: Spread;
  /** A second `analyzeText`, of another article, straight after. */
  readonly second: Spread;
}

export interface ColdResults {
  readonly rounds: number;
  /** 1-minute load average when the rounds started and ended: above the core count, other work competed. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** Fixture article the API and onUpload requests carry, and its size. */
  readonly article: string;
  readonly articleBytes: number;
  /** An empty `node -e 0` in the same rounds: what starting Node costs here. */
  readonly emptyNode: Spread;
  readonly comparisons: readonly ColdComparison[];
  /** Why a comparison is missing, or how to read one. */
  readonly notes: readonly string[];
  readonly core: CoreFirstAnalysis;
}

/** A packaged function, unzipped: its handler module and what a cold start of it loads. */
export interface PackagedHandler {
  readonly path: string;
  readonly loadedBytes: number;
}

export interface ColdOptions {
  readonly root: string;
  readonly workDir: string;
  readonly rounds: number;
  readonly builds: ColdBuilds;
  readonly floorBytes: { readonly api: number; readonly onUpload: number };
  readonly coreBytes: number;
  /** The packaged `api` and `onUpload` handlers; `null` when packaging was skipped. */
  readonly packaged: { readonly api?: PackagedHandler; readonly onUpload?: PackagedHandler } | null;
}

interface ChildRun {
  readonly responseMs: number;
  readonly timings: ChildTimings;
}

/**
 * Spawns `node <args>` and times it from the spawn to the moment its report line arrives (the
 * response), which is before the process has exited. Rejects with the child's stderr if it fails.
 */
function spawnTimed(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let responseMs: number | undefined;
    child.stdout.setEncoding('utf-8').on('data', (chunk: string) => {
      stdout += chunk;
      // The report line ends with a newline: seen whole, the response is there.
      const marker = stdout.indexOf(CHILD_REPORT_MARKER);
      if (responseMs === undefined && marker >= 0 && stdout.includes('\n', marker)) {
        responseMs = performance.now() - started;
      }
    });
    child.stderr.setEncoding('utf-8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || responseMs === undefined) {
        reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim() || stdout.slice(-2000)}`));
        return;
      }
      try {
        resolve({ responseMs, timings: parseChildReport(stdout) });
      } catch (error) {
        reject(error);
      }
    });
  });
}

type Sample = ChildRun & { readonly s3Requests?: number };

interface Subject {
  readonly name: string;
  /** One cold run, checked (a run that did not do the work throws). */
  run(): Promise<Sample>;
}

type Samples = Map<string, Sample[]>;

/**
 * Runs every subject once untimed (the file-system cache: we want start-up, not disk), then `rounds`
 * rounds of one run each. Each round starts one subject further along, so no subject always runs
 * first or always follows the same one, and a busy moment on the machine hits all of them alike.
 */
export async function runRounds(subjects: readonly Subject[], rounds: number): Promise<Samples> {
  for (const subject of subjects) await subject.run();
  const samples: Samples = new Map(subjects.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < subjects.length; i++) {
      const subject = subjects[(round + i) % subjects.length];
      if (subject === undefined) continue;
      samples.get(subject.name)?.push(await subject.run());
    }
  }
  return samples;
}

const TemplateFunctions = z.object({
  Resources: z.record(
    z.string(),
    z.object({
      Type: z.string(),
      Properties: z
        .object({ Environment: z.object({ Variables: z.record(z.string(), z.unknown()) }).optional() })
        .optional(),
    }),
  ),
});

/** The environment variables the packaged template gives a function (its plain-string values). */
function templateEnvironment(root: string, functionName: string): Record<string, string> {
  const template = TemplateFunctions.parse(
    JSON.parse(readFileSync(join(root, '.serverless', 'cloudformation-template-update-stack.json'), 'utf-8')),
  );
  const logicalId = `${functionName[0]?.toUpperCase()}${functionName.slice(1)}LambdaFunction`;
  const variables = template.Resources[logicalId]?.Properties?.Environment?.Variables ?? {};
  return Object.fromEntries(
    Object.entries(variables).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
  );
}

/**
 * What Lambda's nodejs22.x runtime puts in a function's environment, with the function's own
 * variables from the template. Nothing is inherited from the bench process but PATH (no npm or tsx
 * variables, no NODE_OPTIONS). The credentials are s3rver's: the SDK reads them from the environment
 * as it reads the role's on Lambda.
 */
function lambdaEnv(functionName: string, taskRoot: string, own: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_FUNCTION_NAME: `lede-dev-${functionName}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769',
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/lede-dev-${functionName}`,
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    ...own,
  };
}

const ProxyEventFixture = z.looseObject({ headers: z.record(z.string(), z.string()) });
const S3EventFixture = z.object({
  Records: z.array(
    z.looseObject({
      s3: z.looseObject({
        bucket: z.looseObject({ name: z.string(), arn: z.string() }),
        object: z.looseObject({ key: z.string(), size: z.number() }),
      }),
    }),
  ),
});

/**
 * `POST /summaries` with the article as a raw text body, as API Gateway delivers it: text/plain is
 * one of the API's binary media types, so the body arrives base64-encoded. The API key header is the
 * sample event's (API Gateway checks it before the function runs).
 */
function apiEvent(root: string, article: Uint8Array): unknown {
  const sample = ProxyEventFixture.parse(
    JSON.parse(readFileSync(join(root, 'events', 'api-post-base64.json'), 'utf-8')),
  );
  return {
    ...sample,
    headers: { ...sample.headers, 'Content-Type': 'text/plain; charset=utf-8' },
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    body: Buffer.from(article).toString('base64'),
    isBase64Encoded: true,
  };
}

/** `ObjectCreated:Put` for one object, shaped like the sample event in events/. */
function s3Event(root: string, bucket: string, key: string, size: number): unknown {
  const sample = S3EventFixture.parse(JSON.parse(readFileSync(join(root, 'events', 's3-put.json'), 'utf-8')));
  const [record] = sample.Records;
  if (record === undefined) throw new Error('events/s3-put.json has no record');
  const { s3 } = record;
  return {
    Records: [
      {
        ...record,
        s3: {
          ...s3,
          bucket: { ...s3.bucket, name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { ...s3.object, key, size },
        },
      },
    ],
  };
}

const API_ARTICLE = join('tests', 'fixtures', 'articles', 'shipping-merger.txt');
const SECOND_ARTICLE = join('tests', 'fixtures', 'articles', 'bank-of-england-rates.txt');
// Plain characters only, so the event's form-encoded key is the key itself.
const UPLOAD_KEY = 'incoming/bench/shipping-merger.txt';
const OUTPUT_KEY = 'summaries/bench/shipping-merger.txt.json';

function field(run: ChildRun, name: string): number {
  const value = run.timings[name];
  if (value === undefined) throw new Error(`the child reported no ${name}`);
  return value;
}

function invocation(system: string, loadedBytes: number, list: readonly Sample[]): ColdInvocation {
  const s3 = list.flatMap((run) => (run.s3Requests === undefined ? [] : [run.s3Requests]));
  return {
    system,
    loadedBytes,
    spawnToResponse: spread(list.map((run) => run.responseMs)),
    import: spread(list.map((run) => field(run, 'importedMs') - field(run, 'startMs'))),
    invoke: spread(list.map((run) => field(run, 'respondedMs') - field(run, 'importedMs'))),
    s3Requests: s3.length === 0 ? null : spread(s3).median,
  };
}

/**
 * Cold starts in fresh processes, all in the same rounds: an empty node, the packaged `api` and its
 * floor answering one `POST /summaries`, the packaged `onUpload` and its floor handling one upload
 * from an s3rver run by this process, and the core alone analysing twice.
 */
export async function measureColdStarts(options: ColdOptions): Promise<ColdResults> {
  const { root, workDir, builds, packaged } = options;
  const article = new Uint8Array(readFileSync(join(root, API_ARTICLE)));
  const apiEventFile = join(workDir, 'api-event.json');
  writeFileSync(apiEventFile, JSON.stringify(apiEvent(root, article)));
  const notes: string[] = [];
  const subjects: Subject[] = [];

  const bare = { PATH: process.env.PATH };
  subjects.push({
    name: 'node -e 0',
    // Prints an empty report, so it is timed to the same line as the others.
    run: () => spawnTimed(['-e', `process.stdout.write(${JSON.stringify(formatChildReport({}))})`], bare),
  });
  subjects.push({
    name: 'core',
    run: async () => {
      const articles = [join(root, API_ARTICLE), join(root, SECOND_ARTICLE)];
      const run = await spawnTimed([builds.coreChild, builds.core, ...articles], bare);
      if (field(run, 'summarySentences') < 2)
        throw new Error('core: an analysis came back without a summary');
      return run;
    },
  });

  const apiHandler = packaged?.api;
  if (apiHandler !== undefined) {
    const env = lambdaEnv('api', dirname(apiHandler.path), templateEnvironment(root, 'api'));
    const invokeApi = (handler: string) => async () => {
      const run = await spawnTimed([builds.invokeChild, handler, apiEventFile], env);
      if (field(run, 'status') !== 200) throw new Error(`${handler} answered ${field(run, 'status')}`);
      return run;
    };
    subjects.push({ name: 'api lede', run: invokeApi(apiHandler.path) });
    subjects.push({ name: 'api floor', run: invokeApi(builds.floors.api) });
  } else {
    notes.push(packaged === null ? 'api: skipped (--no-package).' : 'api: no packaged handler found.');
  }

  let s3: BenchS3 | undefined;
  let uploadNote: ((timed: Samples) => Promise<void>) | undefined;
  const uploadHandler = packaged?.onUpload;
  try {
    if (uploadHandler !== undefined) {
      const own = templateEnvironment(root, 'onUpload');
      const bucket = own.LEDE_BUCKET ?? 'lede-bench-articles';
      const buckets = [...new Set([bucket, own.LEDE_OUTPUT_BUCKET ?? bucket])];
      const outputBucket = own.LEDE_OUTPUT_BUCKET ?? bucket;
      s3 = await startBenchS3(buckets);
      await s3.put(bucket, UPLOAD_KEY, article, 'text/plain; charset=utf-8');
      const eventFile = join(workDir, 's3-event.json');
      writeFileSync(eventFile, JSON.stringify(s3Event(root, bucket, UPLOAD_KEY, article.byteLength)));
      const env = lambdaEnv('onUpload', dirname(uploadHandler.path), {
        ...own,
        LEDE_S3_ENDPOINT: s3.endpoint,
        LEDE_S3_FORCE_PATH_STYLE: 'true',
      });
      const server = s3;
      const invokeUpload = (handler: string) => async () => {
        const before = server.requests();
        const run = await spawnTimed([builds.invokeChild, handler, eventFile], env);
        const s3Requests = server.requests() - before;
        // Every run starts from the same state: the upload there, no output yet.
        if (!(await server.exists(outputBucket, OUTPUT_KEY)))
          throw new Error(`${handler} wrote no ${OUTPUT_KEY}`);
        await server.remove(outputBucket, OUTPUT_KEY);
        return { ...run, s3Requests };
      };
      subjects.push({ name: 'onUpload lede', run: invokeUpload(uploadHandler.path) });
      subjects.push({ name: 'onUpload floor', run: invokeUpload(builds.floors.onUpload) });
      // Priced after the rounds, with a warm client: what lede's extra requests cost on s3rver.
      uploadNote = async (timed: Samples) => {
        const requestMs = await server.requestMs(bucket, UPLOAD_KEY, 20);
        const requests = (name: string) =>
          spread((timed.get(name) ?? []).map((run) => run.s3Requests ?? 0)).median;
        const extra = requests('onUpload lede') - requests('onUpload floor');
        notes.push(
          `onUpload: s3rver runs in the bench process on loopback; a warm client's request takes ` +
            `${requestMs.toFixed(1)} ms here. lede makes ${extra} more requests than the floor (the stored ` +
            "output's HEAD before reading, the source object's tags), so about " +
            `${(extra * requestMs).toFixed(0)} ms of the difference is those requests at warm s3rver prices ` +
            '(each costs more on S3, and more again the first time a cold process sends that command).',
        );
      };
    } else {
      notes.push(
        packaged === null ? 'onUpload: skipped (--no-package).' : 'onUpload: no packaged handler found.',
      );
    }

    const loadAtStart = currentLoad();
    const samples = await runRounds(subjects, options.rounds);
    const loadAverage = { start: loadAtStart, end: currentLoad() };
    await uploadNote?.(samples);
    const comparisons: ColdComparison[] = [];
    const pair = (fn: 'api' | 'onUpload', handler: PackagedHandler | undefined) => {
      if (handler === undefined) return;
      const lede = samples.get(`${fn} lede`) ?? [];
      const floor = samples.get(`${fn} floor`) ?? [];
      comparisons.push({
        function: fn,
        lede: invocation('lede', handler.loadedBytes, lede),
        floor: invocation('floor', options.floorBytes[fn], floor),
        overFloor: spread(
          pairedDifferences(
            lede.map((run) => run.responseMs),
            floor.map((run) => run.responseMs),
          ),
        ),
      });
    };
    pair('api', apiHandler);
    pair('onUpload', uploadHandler);
    const core = samples.get('core') ?? [];
    return {
      rounds: options.rounds,
      loadAverage,
      article: API_ARTICLE,
      articleBytes: article.byteLength,
      emptyNode: spread((samples.get('node -e 0') ?? []).map((run) => run.responseMs)),
      comparisons,
      notes,
      core: {
        articles: [API_ARTICLE, SECOND_ARTICLE],
        loadedBytes: options.coreBytes,
        import: spread(core.map((run) => field(run, 'importMs'))),
        first: spread(core.map((run) => field(run, 'firstMs'))),
        second: spread(core.map((run) => field(run, 'secondMs'))),
      },
    };
  } finally {
    await s3?.stop();
  }
}
