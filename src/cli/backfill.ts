import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import type { ParseArgsOptionsConfig } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3UploadStorage } from '../adapters/s3.js';
import { taxonomySourceFor } from '../adapters/taxonomy-source.js';
import type { runBackfill } from '../backfill/local-backfill.js';
import { createProgressReporter, type ProgressStream } from '../backfill/progress.js';
import type { LedeConfig } from '../config.js';
import { localS3Client } from '../local/s3-client.js';
import { readServiceConfig } from '../local/service-config.js';
import { type LocalSettings, loadLocalSettings } from '../local/settings.js';
import { parseCommandLine, UsageError } from './args.js';

export const BACKFILL_USAGE = `Usage: lede backfill [options]      (from a checkout: npm run backfill -- [options])

Analyses the articles already in the local stack's bucket that have no analysis yet: lists the
input prefix, skips every key whose output exists, and processes the rest. Stop it with Ctrl-C at
any time (running objects finish first); run it again to pick up what is still missing.

Options:
  --concurrency <n>   objects processed at once, 1-64 (default 4)
  --endpoint <url>    S3 endpoint to use (default: the local stack's s3rver on
                      127.0.0.1:$LEDE_LOCAL_S3_PORT; if nothing listens there, the stack's data
                      directory $LEDE_LOCAL_DATA_DIR is opened directly, so \`npm start\` is optional)
  --dry-run           print the keys that would be processed, and do nothing
  -h, --help          show this help

Bucket, port and data directory come from LEDE_LOCAL_BUCKET, LEDE_LOCAL_S3_PORT and
LEDE_LOCAL_DATA_DIR, prefixes and limits from serverless.yml, as for \`npm start\`.

Exit status: 0 done, 1 some objects failed (run again to retry them), 2 usage error, 130 interrupted.`;

export const BACKFILL_EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2, interrupted: 130 });

export interface BackfillIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
}

export interface BackfillContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The project directory: serverless.yml and node_modules/.bin/osls live here. */
  readonly cwd: string;
  /** Aborting stops the run as Ctrl-C does. Without one, SIGINT and SIGTERM are handled here. */
  readonly signal?: AbortSignal;
}

interface BackfillArgs {
  readonly concurrency: number;
  readonly endpoint: string | null;
  readonly dryRun: boolean;
}

/**
 * `lede backfill`: processes the local bucket's inputs that have no output, with bounded concurrency,
 * a progress bar on a terminal (a line per object otherwise), and resumable after an interruption.
 * Returns the exit status.
 *
 * @example
 * process.exitCode = await runBackfillCli(['--concurrency', '8'], process, { env: process.env, cwd: process.cwd() });
 */
export async function runBackfillCli(
  argv: readonly string[],
  io: BackfillIo,
  // The CLI's edge: the process's environment and directory unless a test passes its own.
  context: BackfillContext = { env: process.env, cwd: process.cwd() },
): Promise<number> {
  let args: BackfillArgs | 'help';
  try {
    args = parseBackfillArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`lede backfill: ${error.message}\n\n${BACKFILL_USAGE}\n`);
    return BACKFILL_EXIT.usage;
  }
  if (args === 'help') {
    io.stdout.write(`${BACKFILL_USAGE}\n`);
    return BACKFILL_EXIT.ok;
  }

  const settings = loadLocalSettings(context.env, context.cwd);
  // The functions' configuration is built below from serverless.yml, as the stack builds it.
  const [{ loadConfig }, { localFunctionEnv }] = await Promise.all([
    import('../config.js'),
    import('../local/stack.js'),
  ]);
  const service = await readServiceConfig(context.cwd);
  const s3Server = await connectS3(args.endpoint, settings);
  try {
    const config = loadConfig(localFunctionEnv(settings, s3Server.endpoint, service, context.env));
    const s3 = localS3Client(s3Server.endpoint);
    try {
      await s3.send(new HeadBucketCommand({ Bucket: config.bucket }));
    } catch (error) {
      io.stderr.write(
        `lede backfill: bucket "${config.bucket}" not reachable at ${s3Server.endpoint}: ${String(error)}\n`,
      );
      return BACKFILL_EXIT.failed;
    }
    io.stderr.write(`lede backfill: s3://${config.bucket}/${config.inputPrefix} at ${s3Server.describe}\n`);
    return await backfill(s3, config, args, io, context);
  } finally {
    await s3Server.close();
  }
}

async function backfill(
  s3: S3Client,
  config: LedeConfig,
  args: BackfillArgs,
  io: BackfillIo,
  context: BackfillContext,
): Promise<number> {
  const { planBackfill, runBackfill } = await import('../backfill/local-backfill.js');
  const plan = await planBackfill(s3, { config });
  const already = plan.inputs.length - plan.pending.length;
  io.stderr.write(
    `${plan.inputs.length} inputs, ${already} already analysed, ${plan.pending.length} to process\n`,
  );
  if (args.dryRun) {
    for (const key of plan.pending) io.stdout.write(`${key}\n`);
    return BACKFILL_EXIT.ok;
  }
  if (plan.pending.length === 0) return BACKFILL_EXIT.ok;

  const { signal, release } = interruption(context.signal, () =>
    io.stderr.write('\nStopping: letting the running objects finish (Ctrl-C again to quit now)...\n'),
  );
  const progress = createProgressReporter(io.stderr);
  let summary: Awaited<ReturnType<typeof runBackfill>>;
  try {
    summary = await runBackfill(
      plan.pending,
      {
        storage: s3UploadStorage(s3),
        config,
        taxonomy: taxonomySourceFor(s3, config),
        // Logs stay off unless LEDE_LOG_LEVEL asks for them: JSON lines would break up the progress bar.
        logger: new Logger({
          serviceName: config.serviceName,
          logLevel: context.env.LEDE_LOG_LEVEL === undefined ? 'SILENT' : config.logLevel,
        }),
        metrics: new DiscardedMetrics({
          namespace: config.metricsNamespace,
          serviceName: config.serviceName,
        }),
        now: () => new Date(),
      },
      { concurrency: args.concurrency, signal, onProgress: progress.update },
    );
  } finally {
    progress.finish();
    release();
  }
  const { counts } = summary;
  const left = plan.pending.length - summary.done + counts.failed;
  io.stdout.write(
    `${summary.done} of ${summary.total} processed: ${counts.written} written, ${counts.refused} refused, ` +
      `${counts.unchanged} unchanged, ${counts.skipped} skipped (gone), ${counts.failed} failed; ` +
      `${left} still without output${left > 0 ? ' (run again to continue)' : ''}\n`,
  );
  if (summary.interrupted) return BACKFILL_EXIT.interrupted;
  return counts.failed > 0 ? BACKFILL_EXIT.failed : BACKFILL_EXIT.ok;
}

function parseBackfillArgs(argv: readonly string[]): BackfillArgs | 'help' {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return 'help';
  const concurrency = values.concurrency === undefined ? 4 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be a whole number from 1 to 64, got "${values.concurrency}"`);
  }
  if (values.endpoint !== undefined && !URL.canParse(values.endpoint)) {
    throw new UsageError(`--endpoint must be a URL, got "${values.endpoint}"`);
  }
  return { concurrency, endpoint: values.endpoint ?? null, dryRun: values['dry-run'] === true };
}

/** `lede backfill`'s options, as node's parseArgs takes them. */
const BACKFILL_OPTIONS = {
  concurrency: { type: 'string' },
  endpoint: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

function parse(argv: readonly string[]) {
  return parseCommandLine(argv, BACKFILL_OPTIONS, { positionals: false });
}

/** Local runs publish nothing to CloudWatch: EMF lines on stdout would only interleave with progress. */
class DiscardedMetrics extends Metrics {
  override addMetric(): this {
    return this;
  }
}

interface S3Server {
  readonly endpoint: string;
  /** For the start-up line: the running stack's server or the data directory opened here. */
  readonly describe: string;
  close(): Promise<void>;
}

/**
 * The S3 endpoint to backfill against: the one given, else the running stack's s3rver, else an
 * s3rver of our own over the stack's data directory (on a free port, closed when the run ends).
 * Two s3rvers must never share the directory, so ours starts only when nothing listens on the port.
 */
async function connectS3(endpoint: string | null, settings: LocalSettings): Promise<S3Server> {
  if (endpoint !== null) return { endpoint, describe: endpoint, close: async () => {} };
  const stackEndpoint = `http://${settings.host}:${settings.s3Port}`;
  if (await isListening(settings.host, settings.s3Port)) {
    return { endpoint: stackEndpoint, describe: `${stackEndpoint} (npm start)`, close: async () => {} };
  }
  const { default: S3rver } = await import('s3rver');
  await mkdir(settings.dataDir, { recursive: true });
  const server = new S3rver({
    address: settings.host,
    port: 0,
    directory: settings.dataDir,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: settings.bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://${settings.host}:${port}`,
    describe: `${settings.dataDir} (npm start is not running)`,
    close: () => server.close(),
  };
}

function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * An AbortSignal for the run: the caller's, or one fired by the first SIGINT/SIGTERM. A second
 * signal exits at once (status 130), as a user pressing Ctrl-C twice expects.
 */
function interruption(
  given: AbortSignal | undefined,
  onFirst: () => void,
): { signal: AbortSignal; release: () => void } {
  if (given !== undefined) return { signal: given, release: () => {} };
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(BACKFILL_EXIT.interrupted);
    onFirst();
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
