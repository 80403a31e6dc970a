import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import S3rver from 's3rver';
import { type LedeConfig, loadConfig } from '../config.js';
import { createApiHandler } from '../handlers/api.js';
import { createOnUploadHandler } from '../handlers/on-upload.js';
import { type LocalApi, startLocalApi } from './api-gateway.js';
import { directoryFailureDestination } from './failure-destination.js';
import { localS3Client } from './s3-client.js';
import type { ServiceConfig } from './service-config.js';
import { LOCAL_REGION, type LocalSettings } from './settings.js';
import { attachUploadTrigger, type TriggerOutcome, type UploadTrigger } from './upload-trigger.js';

const STAGE = 'local';

export interface LocalStack {
  readonly s3Endpoint: string;
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly bucket: string;
  /** The functions' configuration, parsed by the same `loadConfig` the deployed functions use. */
  readonly config: LedeConfig;
  /**
   * The local failure destination: onUpload events that still failed after Lambda's retries, one
   * JSON file each (`readFailedInvocations` reads them). Null when serverless.yml declares none.
   */
  readonly failedDir: string | null;
  /** Stops the API, lets running invocations finish, then stops s3rver. Data stays on disk. */
  close(): Promise<void>;
}

export interface LocalStackOptions {
  /** The resolved serverless.yml (`readServiceConfig`): environment, binary types, trigger prefix, timeouts. */
  readonly service: ServiceConfig;
  /**
   * Overrides of the functions' environment: `LEDE_*` variables here (prefixes, size limit, log
   * level...) win over `provider.environment`; the stack always sets the bucket and the endpoint.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly onInvoked?: (outcome: TriggerOutcome) => void;
  /**
   * The S3 client the functions use, given s3rver's endpoint; defaults to `localS3Client`. Tests put a
   * fault-injecting proxy between the functions and s3rver with it.
   */
  readonly functionS3Client?: (s3Endpoint: string) => S3Client;
}

/**
 * The Lambda environment for a local run: `provider.environment`, then the `LEDE_*` variables given
 * (minus the runner's own `LEDE_LOCAL_*`), with the bucket and the S3 endpoint pointed at s3rver.
 */
export function localFunctionEnv(
  settings: Pick<LocalSettings, 'bucket'>,
  s3Endpoint: string,
  service: Pick<ServiceConfig, 'environment'>,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const passed = Object.entries(env).filter(
    ([name]) => name.startsWith('LEDE_') && !name.startsWith('LEDE_LOCAL_'),
  );
  return {
    ...service.environment,
    ...Object.fromEntries(passed),
    LEDE_BUCKET: settings.bucket,
    LEDE_OUTPUT_BUCKET: settings.bucket,
    LEDE_S3_ENDPOINT: s3Endpoint,
    LEDE_S3_FORCE_PATH_STYLE: 'true',
  };
}

/**
 * Starts s3rver (bucket created, data under `settings.dataDir`), the upload trigger and the API on
 * loopback, running the same middy pipelines as the deployed functions
 * (`createOnUploadHandler` / `createApiHandler`) with a config from the same `loadConfig`, fed with
 * serverless.yml's `provider.environment`. A failed upload event is retried as Lambda retries
 * asynchronous events (`maximumRetryAttempts` from serverless.yml), then written to `failedDir`.
 *
 * @example
 * const service = await readServiceConfig(process.cwd());
 * const stack = await startLocalStack(loadLocalSettings(process.env, process.cwd()), { service });
 * // ... later
 * await stack.close();
 */
export async function startLocalStack(
  settings: LocalSettings,
  options: LocalStackOptions,
): Promise<LocalStack> {
  // s3rver does not report a failed listen: its server emits an unhandled 'error' that kills the process.
  await assertPortFree(settings.host, settings.s3Port, 'LEDE_LOCAL_S3_PORT');
  await assertPortFree(settings.host, settings.apiPort, 'LEDE_LOCAL_API_PORT');
  await mkdir(settings.dataDir, { recursive: true });
  const s3rver = new S3rver({
    address: settings.host,
    port: settings.s3Port,
    directory: settings.dataDir,
    silent: true,
    // Virtual-host bucket names would need DNS for <bucket>.127.0.0.1; path-style URLs only.
    vhostBuckets: false,
    configureBuckets: [{ name: settings.bucket, configs: [] }],
  });
  const { port: s3Port } = await s3rver.run();
  const s3Endpoint = `http://${settings.host}:${s3Port}`;

  let s3: S3Client | null = null;
  let trigger: UploadTrigger | null = null;
  let api: LocalApi | null = null;
  // Once only: Ctrl-C twice, or a test's own close followed by its cleanup hook, must not throw.
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await api?.close();
      await trigger?.close();
      s3?.destroy();
      await s3rver.close();
    })();
    return closing;
  };

  try {
    const config = loadConfig(localFunctionEnv(settings, s3Endpoint, options.service, options.env ?? {}));
    s3 = (options.functionS3Client ?? localS3Client)(s3Endpoint);
    const failedDir = options.service.onUploadHasFailureDestination
      ? (settings.failedDir ?? `${settings.dataDir}-failed`)
      : null;
    const retryDelayMs = settings.retryDelayMs ?? 1_000;
    trigger = attachUploadTrigger(s3rver, {
      bucket: config.bucket,
      prefix: options.service.uploadPrefix,
      region: LOCAL_REGION,
      ...localFunction(
        'onUpload',
        options.service.onUploadTimeoutSeconds,
        createOnUploadHandler({ s3, config }),
      ),
      ...(options.onInvoked === undefined ? {} : { onInvoked: options.onInvoked }),
      retry: {
        maximumRetryAttempts: options.service.onUploadMaximumRetryAttempts,
        delaysMs: [retryDelayMs, 2 * retryDelayMs],
      },
      ...(failedDir === null ? {} : { failureDestination: directoryFailureDestination(failedDir) }),
    });
    api = await startLocalApi({
      host: settings.host,
      port: settings.apiPort,
      apiKey: settings.apiKey,
      binaryMediaTypes: options.service.binaryMediaTypes,
      stage: STAGE,
      ...localFunction('api', options.service.apiTimeoutSeconds, createApiHandler({ s3, config })),
    });
    return {
      s3Endpoint,
      apiUrl: api.url,
      apiKey: settings.apiKey,
      bucket: settings.bucket,
      config,
      failedDir,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * One of serverless.yml's functions as the local trigger and API run it: the name Lambda gives it,
 * its timeout, and the middy handler called as the Lambda runtime calls it (event and context, no
 * extra options).
 */
function localFunction<TEvent, TResult>(
  name: string,
  timeoutSeconds: number,
  handler: (event: TEvent, context: Context, options: { signal: AbortSignal }) => Promise<TResult>,
): {
  functionName: string;
  timeoutSeconds: number;
  handler: (event: TEvent, context: Context) => Promise<TResult>;
} {
  return {
    functionName: `lede-${STAGE}-${name}`,
    timeoutSeconds,
    handler: (event, context) => handler(event, context, { signal: new AbortController().signal }),
  };
}

/** Thrown when a port the stack needs is taken; the message names the variable that moves it. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(host: string, port: number, variable: string, options?: { cause?: unknown }) {
    super(
      `${host}:${port} is already in use (another \`npm start\`?); set ${variable} to use another port`,
      options,
    );
  }
}

async function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(new PortInUseError(host, port, variable, { cause: error })));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
