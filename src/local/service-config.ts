import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

/** The parts of the resolved `serverless.yml` that the local runner reproduces. */
export interface ServiceConfig {
  /** `provider.environment`: the functions' environment as deployed (bucket names are replaced locally). */
  readonly environment: Readonly<Record<string, string>>;
  /** `provider.apiGateway.binaryMediaTypes`: request bodies of these types reach the API base64-encoded. */
  readonly binaryMediaTypes: readonly string[];
  /** The `rules: - prefix:` of onUpload's s3 event: only keys under it invoke the function. */
  readonly uploadPrefix: string;
  readonly onUploadTimeoutSeconds: number;
  readonly apiTimeoutSeconds: number;
  /** onUpload's `maximumRetryAttempts`: how often Lambda retries a failed event (0-2; Lambda's default 2). */
  readonly onUploadMaximumRetryAttempts: number;
  /** True when onUpload has a `destinations.onFailure`; locally that is a directory of JSON files. */
  readonly onUploadHasFailureDestination: boolean;
}

const ResolvedSchema = z.object({
  provider: z.object({
    environment: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
      .default({}),
    apiGateway: z
      .object({ binaryMediaTypes: z.array(z.string()).default([]) })
      .default({ binaryMediaTypes: [] }),
  }),
  functions: z.object({
    onUpload: z.object({
      timeout: z.number().default(6),
      maximumRetryAttempts: z.number().int().min(0).max(2).default(2),
      destinations: z.object({ onFailure: z.unknown().optional() }).optional(),
      events: z.array(
        z.object({
          s3: z
            .object({ rules: z.array(z.object({ prefix: z.string().optional() })).default([]) })
            .optional(),
        }),
      ),
    }),
    api: z.object({ timeout: z.number().default(6) }),
  }),
});

/**
 * Resolves `serverless.yml` with `osls print` (no AWS credentials or network needed) and keeps what a
 * local run must agree with, so changing the file changes the local run too.
 *
 * @example
 * const service = await readServiceConfig(process.cwd()); // { uploadPrefix: 'incoming/', ... }
 */
export async function readServiceConfig(projectDir: string): Promise<ServiceConfig> {
  // Without AWS_* variables osls cannot be tempted to call AWS; `print` needs none.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const { stdout } = await promisify(execFile)(
    join(projectDir, 'node_modules', '.bin', 'osls'),
    ['print', '--format', 'json'],
    { cwd: projectDir, env: { ...env, SLS_TELEMETRY_DISABLED: '1' }, maxBuffer: 16 * 1024 * 1024 },
  );
  const resolved = ResolvedSchema.parse(JSON.parse(stdout));
  const { onUpload, api } = resolved.functions;
  const prefixes = onUpload.events.flatMap(
    (event) => event.s3?.rules.flatMap((rule) => rule.prefix ?? []) ?? [],
  );
  return Object.freeze({
    environment: resolved.provider.environment,
    binaryMediaTypes: resolved.provider.apiGateway.binaryMediaTypes,
    uploadPrefix: prefixes[0] ?? '',
    onUploadTimeoutSeconds: onUpload.timeout,
    apiTimeoutSeconds: api.timeout,
    onUploadMaximumRetryAttempts: onUpload.maximumRetryAttempts,
    onUploadHasFailureDestination: onUpload.destinations?.onFailure !== undefined,
  });
}
