import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_ESBUILD_OPTIONS } from '../lambda-bundle.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The modules the cold-start children import, each bundled the way its timing needs. */
export interface ColdBuilds {
  /** invoke-child.ts as plain JavaScript: imports a handler module, invokes it once. */
  readonly invokeChild: string;
  /** core-child.ts as plain JavaScript: imports the core bundle, analyses twice. */
  readonly coreChild: string;
  /** src/core/analyze.ts bundled with the Lambda options, as a handler would carry it. */
  readonly core: string;
  /** The floor handlers (floor/*.ts), bundled with the Lambda options. */
  readonly floors: { readonly api: string; readonly onUpload: string };
}

async function bundleLikeLambda(entry: string, outdir: string): Promise<void> {
  await build({ ...LAMBDA_ESBUILD_OPTIONS, entryPoints: [entry], outdir, logLevel: 'warning' });
}

/**
 * Builds into `workDir` (emptied first) everything the cold-start rounds run besides the packaged
 * zips. The floors and the core use exactly the packaging's esbuild options (scripts/lambda-bundle.ts,
 * kept in step with serverless.yml), so lede and its floor differ only in what they import.
 */
export async function buildColdModules(workDir: string): Promise<ColdBuilds> {
  rmSync(workDir, { recursive: true, force: true });
  const children = join(workDir, 'children');
  // The children import only Node built-ins and child-report.ts: one small file each, no loader.
  await build({
    entryPoints: [here('./invoke-child.ts'), here('./core-child.ts')],
    outdir: children,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
  await bundleLikeLambda(here('./floor/api.ts'), join(workDir, 'floor'));
  await bundleLikeLambda(here('./floor/on-upload.ts'), join(workDir, 'floor'));
  await bundleLikeLambda(here('../../src/core/analyze.ts'), join(workDir, 'core'));
  return {
    invokeChild: join(children, 'invoke-child.mjs'),
    coreChild: join(children, 'core-child.mjs'),
    core: join(workDir, 'core', 'analyze.mjs'),
    floors: { api: join(workDir, 'floor', 'api.mjs'), onUpload: join(workDir, 'floor', 'on-upload.mjs') },
  };
}
