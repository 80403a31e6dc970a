import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { z } from 'zod';

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

/** Written into a packaging's work directory when its `osls package` has ended: how it ended. */
const STATUS_FILE = '.lede-package-status.json';

/** `error`: osls's failure and output, or null when the packaging succeeded. */
const PackagingStatus = z.strictObject({ error: z.string().nullable() });

/**
 * A temp copy of the service (node_modules linked, not copied, so a run never races with a
 * developer's own `.esbuild/` or `.serverless/`). Returns the copy's directory.
 */
async function copyService(params: readonly string[]): Promise<string> {
  const label = createHash('sha256').update(params.join('\n')).digest('hex').slice(0, 8);
  const workDir = await mkdtemp(join(tmpdir(), `lede-package-${label}-`));
  for (const entry of ['serverless.yml', 'package.json', 'tsconfig.json', 'src']) {
    await cp(join(ROOT, entry), join(workDir, entry), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  return workDir;
}

/**
 * `osls package` in a copy made by `copyService`, with no AWS credentials in the environment, as a
 * deployment would see it; records how it ended in the copy's status file.
 */
async function packageService(workDir: string, params: readonly string[]): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  let status: z.infer<typeof PackagingStatus>;
  try {
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
    status = { error: null };
  } catch (error) {
    // execFile's error carries the child's output; osls prints its reason there.
    const output = error instanceof Error && 'stderr' in error ? `\n${String(error.stderr)}` : '';
    status = { error: `${String(error)}${output}` };
  }
  await writeFile(join(workDir, STATUS_FILE), JSON.stringify(status));
}

/**
 * The packaging project's globalSetup. Every project's globalSetup ends before any test file starts,
 * so this one only copies the service and starts the packagings, one after another in the
 * background (each `osls package` bundles and zips every function: two cores are better left to the
 * unit and integration files running meanwhile), and returns. The packaging files run last
 * (`sequence.groupOrder`) and wait for the status file of the packaging they read. The copies are
 * removed when the run ends.
 */
export default async function packageServices({
  provide,
}: {
  provide: (key: 'packagedServices', value: Record<PackagedName, string>) => void;
}): Promise<() => Promise<void>> {
  const names = Object.keys(PACKAGED_PARAMS) as PackagedName[];
  const dirs: Partial<Record<PackagedName, string>> = {};
  const cleanUp = async (): Promise<void> => {
    await Promise.all(Object.values(dirs).map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    for (const name of names) dirs[name] = await copyService(PACKAGED_PARAMS[name]);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const copies = dirs as Record<PackagedName, string>;
  const packaging = (async () => {
    for (const name of names) await packageService(copies[name], PACKAGED_PARAMS[name]);
  })();
  provide('packagedServices', copies);
  return async () => {
    await packaging;
    await cleanUp();
  };
}

/**
 * The directory holding `.serverless/` for one of the packagings (in a test of the packaging
 * project), once its `osls package` has succeeded; throws with osls's output if it failed.
 */
export async function packagedDir(name: PackagedName): Promise<string> {
  const dir = inject('packagedServices')[name];
  const statusFile = join(dir, STATUS_FILE);
  for (;;) {
    const raw = await readFile(statusFile, 'utf-8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (raw !== null) {
      const status = PackagingStatus.parse(JSON.parse(raw));
      if (status.error !== null) {
        throw new Error(`osls package ${PACKAGED_PARAMS[name].join(' ')} failed: ${status.error}`);
      }
      return dir;
    }
    // Still packaging: the hook timeout of the packaging project bounds the wait.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The CloudFormation template `osls package` wrote for one of the packagings, parsed as JSON. */
export async function packagedTemplate(name: PackagedName): Promise<unknown> {
  const raw = await readFile(
    join(await packagedDir(name), '.serverless/cloudformation-template-update-stack.json'),
    'utf-8',
  );
  return JSON.parse(raw);
}
