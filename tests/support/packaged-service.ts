import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every distinct set of `--param`s the packaging tests read a template for. Each is packaged once
 * per run, by the packaging project's globalSetup (`packageServices`), however many files read it.
 */
/** The reports bucket the `batchBucket` packaging names. */
export const BATCH_REPORTS_BUCKET = 'lede-batch-reports-example';

export const PACKAGED_PARAMS = {
  defaults: [],
  batchBucket: [`batchBucket=${BATCH_REPORTS_BUCKET}`],
  existingBucket: ['existingBucket=true', 'bucket=my-existing-articles'],
} as const satisfies Record<string, readonly string[]>;

export type PackagedName = keyof typeof PACKAGED_PARAMS;

declare module 'vitest' {
  interface ProvidedContext {
    /** Name -> the work directory whose `.serverless/` holds that packaging's output. */
    packagedServices: Record<PackagedName, string>;
  }
}

/**
 * `osls package` in a temp copy of the service (node_modules linked, not copied, so a run never races
 * with a developer's own `.esbuild/` or `.serverless/`) with no AWS credentials in the environment,
 * as a deployment would see it. Returns the copy's directory.
 */
async function packageService(params: readonly string[]): Promise<string> {
  const label = createHash('sha256').update(params.join('\n')).digest('hex').slice(0, 8);
  const workDir = await mkdtemp(join(tmpdir(), `lede-package-${label}-`));
  for (const entry of ['serverless.yml', 'package.json', 'tsconfig.json', 'src']) {
    await cp(join(ROOT, entry), join(workDir, entry), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  await promisify(execFile)(
    join(workDir, 'node_modules/.bin/osls'),
    ['package', ...params.map((param) => `--param=${param}`)],
    {
      cwd: workDir,
      env: {
        ...env,
        AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-credentials'),
        AWS_CONFIG_FILE: join(workDir, 'no-config'),
      },
      timeout: 400_000,
    },
  );
  return workDir;
}

/**
 * The packaging project's globalSetup: packages each parameter set once, all at the same time (much
 * of a run is start-up and plugin loading, which overlap), and removes the copies when the run ends.
 */
export default async function packageServices({
  provide,
}: {
  provide: (key: 'packagedServices', value: Record<PackagedName, string>) => void;
}): Promise<() => Promise<void>> {
  const dirs: Partial<Record<PackagedName, string>> = {};
  const cleanUp = async (): Promise<void> => {
    await Promise.all(Object.values(dirs).map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    await Promise.all(
      (Object.keys(PACKAGED_PARAMS) as PackagedName[]).map(async (name) => {
        dirs[name] = await packageService(PACKAGED_PARAMS[name]);
      }),
    );
  } catch (error) {
    await cleanUp();
    throw error;
  }
  provide('packagedServices', dirs as Record<PackagedName, string>);
  return cleanUp;
}

/** The directory holding `.serverless/` for one of the packagings (in a test of the packaging project). */
export function packagedDir(name: PackagedName): string {
  return inject('packagedServices')[name];
}

/** The CloudFormation template `osls package` wrote for one of the packagings, parsed as JSON. */
export async function packagedTemplate(name: PackagedName): Promise<unknown> {
  const raw = await readFile(
    join(packagedDir(name), '.serverless/cloudformation-template-update-stack.json'),
    'utf-8',
  );
  return JSON.parse(raw);
}
