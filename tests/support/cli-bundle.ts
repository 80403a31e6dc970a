import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'vitest';
import { LAMBDA_ESBUILD_OPTIONS } from '../../scripts/lambda-bundle.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  interface ProvidedContext {
    /** The bundled `src/cli.ts` the integration files run as a child process. */
    cliBundle: string;
  }
}

/**
 * The integration project's globalSetup: bundles `src/cli.ts` once per run into one ESM file in a
 * temp dir, the way serverless.yml bundles the functions (esbuild, ESM, a `require` shim for
 * CommonJS dependencies), for every file that runs the CLI as a process. Starting the bundle costs a
 * fraction of `node --import tsx src/cli.ts`, which compiles every module on each start.
 */
export default async function bundleCliOnce({
  provide,
}: {
  provide: (key: 'cliBundle', value: string) => void;
}): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'lede-cli-bundle-'));
  const outfile = join(dir, 'cli.mjs');
  await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    // One file: the CLI runs from a temp dir.
    splitting: false,
    entryPoints: [join(ROOT, 'src/cli.ts')],
    outfile,
    logLevel: 'error',
  });
  provide('cliBundle', outfile);
  return () => rm(dir, { recursive: true, force: true });
}

/** The path of the CLI bundled for this run (in a file of the integration project). */
export function cliBundle(): string {
  return inject('cliBundle');
}
