import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { type OverEmptyNode, timeOverEmptyNode } from './child.js';

export interface BundleResult {
  /** The function's name in serverless.yml, from the zip's name. */
  readonly name: string;
  /** The handler module, unzipped under the bench's work folder (the cold invocations import it). */
  readonly handlerPath: string;
  readonly zippedBytes: number;
  /** Size of the bundled handler module once unzipped. */
  readonly handlerBytes: number;
  /**
   * The handler module and every chunk it imports statically, unzipped: what a cold start reads and
   * compiles. Chunks behind a dynamic `import()` (PDF and Word readers, the HTML parser...) are not
   * counted: they load when an input needs them.
   */
  readonly loadedBytes: number;
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

const PackagingState = z.object({
  service: z.object({ functions: z.record(z.string(), z.object({ handler: z.string() })) }),
});

/** The handler module of each packaged function, from the packaging state osls writes beside the zips. */
function handlerModules(zipDir: string): Map<string, string> {
  const state = PackagingState.parse(
    JSON.parse(readFileSync(join(zipDir, 'serverless-state.json'), 'utf-8')),
  );
  // "src/handlers/api.handler" is the export `handler` of src/handlers/api.mjs.
  return new Map(
    Object.entries(state.service.functions).map(([name, fn]) => [
      name,
      `${fn.handler.replace(/\.[^./]+$/u, '')}.mjs`,
    ]),
  );
}

// esbuild's minified ESM: `import{a as b}from"./x.mjs"` or `import"./x.mjs"`; never `import("./x.mjs")`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/gu;

/** Bytes of `module` and of every local module it imports statically, each counted once. */
export function staticallyLoadedBytes(module: string): number {
  const seen = new Set<string>();
  const pending = [module];
  let bytes = 0;
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf-8');
    bytes += Buffer.byteLength(source);
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const path = match[1];
      if (path !== undefined) pending.push(resolve(dirname(file), path));
    }
  }
  return bytes;
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
  const handlers = handlerModules(zipDir);
  const results: BundleResult[] = [];
  for (const zip of zips) {
    const name = zip.replace(/\.zip$/u, '');
    const dir = join(workDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('unzip', ['-q', '-o', join(zipDir, zip), '-d', dir]);
    const module = handlers.get(name);
    const handler = module === undefined ? undefined : join(dir, module);
    if (handler === undefined || !existsSync(handler)) throw new Error(`${zip} holds no handler ${module}`);
    results.push({
      name,
      handlerPath: handler,
      zippedBytes: statSync(join(zipDir, zip)).size,
      handlerBytes: statSync(handler).size,
      loadedBytes: staticallyLoadedBytes(handler),
      coldLoad: await timeOverEmptyNode([handler], runs, env),
    });
  }
  return results;
}
