import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { localS3Client } from '../../src/local/s3-client.js';
import { readServiceConfig } from '../../src/local/service-config.js';
import { generateApiKey } from '../../src/local/settings.js';
import type { TriggerOutcome } from '../../src/local/upload-trigger.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the load goes: an S3 endpoint with the onUpload trigger behind it. */
export interface LoadTarget {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly inputPrefix: string;
  readonly outputPrefix: string;
  /** What was started, for the report. */
  readonly description: string;
  /**
   * In-process only: called with each invocation's outcome the moment the handler returns (its output
   * is then already written). Null for a running stack, whose invocations this process cannot see.
   */
  readonly subscribe: ((listener: (outcome: TriggerOutcome) => void) => void) | null;
  close(): Promise<void>;
}

/**
 * Starts the local stack in-process: s3rver and the trigger on a free loopback port, data in a fresh
 * temporary directory (deleted on close). The functions' log level defaults to SILENT: a thousand
 * "Article analysed" lines would be the load test's own bottleneck.
 */
export async function startInProcessTarget(bucket = 'articles'): Promise<LoadTarget> {
  // Metrics are EMF lines on stdout; Powertools reads this when the functions' Metrics are built.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const { startLocalStack } = await import('../../src/local/stack.js');
  const dataDir = await mkdtemp(join(tmpdir(), 'lede-load-'));
  const listeners: Array<(outcome: TriggerOutcome) => void> = [];
  try {
    const stack = await startLocalStack(
      {
        host: '127.0.0.1',
        s3Port: 0,
        apiPort: 0,
        bucket,
        dataDir,
        apiKey: generateApiKey(),
        apiKeyFromEnv: false,
      },
      {
        service: await readServiceConfig(ROOT),
        env: { ...process.env, LEDE_LOG_LEVEL: process.env.LEDE_LOG_LEVEL || 'SILENT' },
        onInvoked: (outcome) => {
          for (const listener of listeners) listener(outcome);
        },
      },
    );
    const s3 = localS3Client(stack.s3Endpoint);
    return {
      s3,
      bucket: stack.bucket,
      inputPrefix: stack.config.inputPrefix,
      outputPrefix: stack.config.outputPrefix,
      description: `in-process stack, s3rver at ${stack.s3Endpoint}, data in ${dataDir} (deleted on exit)`,
      subscribe: (listener) => listeners.push(listener),
      close: async () => {
        s3.destroy();
        await stack.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A stack already running (`npm start`) at `endpoint`. Its prefixes are config.ts's defaults unless
 * LEDE_INPUT_PREFIX / LEDE_OUTPUT_PREFIX say otherwise, as for `npm run upload`.
 */
export function runningTarget(endpoint: string, bucket: string): LoadTarget {
  const s3 = localS3Client(endpoint);
  return {
    s3,
    bucket,
    inputPrefix: process.env.LEDE_INPUT_PREFIX || 'incoming/',
    outputPrefix: process.env.LEDE_OUTPUT_PREFIX || 'summaries/',
    description: `running stack at ${endpoint}, bucket ${bucket}`,
    subscribe: null,
    close: async () => {
      s3.destroy();
    },
  };
}
