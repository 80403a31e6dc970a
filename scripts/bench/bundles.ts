import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type OverEmptyNode, timeOverEmptyNode } from './child.js';

export interface BundleResult {
  /** The function's name in serverless.yml, from the zip's name. */
  readonly name: string;
  readonly zippedBytes: number;
  /** Size of the bundled handler module once unzipped. */
  readonly handlerBytes: number;
  readonly coldLoad: OverEmptyNode;
}

// config.ts validates the environment when the handler module loads; these are the least it accepts.
// SILENT keeps the loggers quiet; no AWS call is made by loading a module, so no credentials are needed.
const HANDLER_ENV = {
  LEDE_BUCKET: 'lede-bench-bucket',
  LEDE_LOG_LEVEL: 'SILENT',
  AWS_REGION: 'eu-west-1',
  POWERTOOLS_METRICS_NAMESPACE: 'LedeBench',
};

/** Runs `npm run package:lambda` (osls + serverless-esbuild), which writes `.serverless/<function>.zip`. */
export function packageFunctions(root: string): void {
  execFileSync('npm', ['run', '--silent', 'package:lambda'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function findModule(dir: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findModule(path);
      if (found !== undefined) return found;
    } else if (entry.name.endsWith('.mjs')) {
      return path;
    }
  }
  return undefined;
}

/**
 * For each zip in `.serverless/`: its size, and the cold load of the handler exactly as Lambda gets it
 * (unzipped, then `node handler.mjs`, which imports the module and exits without invoking it), as the
 * median over `runs` fresh processes minus an empty `node -e 0`.
 */
export async function measureBundles(root: string, workDir: string, runs: number): Promise<BundleResult[]> {
  const zipDir = join(root, '.serverless');
  if (!existsSync(zipDir)) return [];
  const zips = readdirSync(zipDir)
    .filter((file) => file.endsWith('.zip'))
    .sort();
  const env = { ...process.env, ...HANDLER_ENV };
  const results: BundleResult[] = [];
  for (const zip of zips) {
    const name = zip.replace(/\.zip$/u, '');
    const dir = join(workDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('unzip', ['-q', '-o', join(zipDir, zip), '-d', dir]);
    const handler = findModule(dir);
    if (handler === undefined) throw new Error(`${zip} holds no .mjs handler`);
    results.push({
      name,
      zippedBytes: statSync(join(zipDir, zip)).size,
      handlerBytes: statSync(handler).size,
      coldLoad: await timeOverEmptyNode([handler], runs, env),
    });
  }
  return results;
}
