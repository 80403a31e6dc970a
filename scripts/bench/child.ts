import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { median } from './stats.js';

const run = promisify(execFile);

export interface ChildRun {
  readonly stdout: string;
  /** Wall time from spawn to exit, as seen by the parent. */
  readonly wallMs: number;
}

/** Runs `node <args>` to completion and times it; throws with the child's stderr if it fails. */
export async function runNode(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildRun> {
  const started = performance.now();
  try {
    const { stdout } = await run(process.execPath, [...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, wallMs: performance.now() - started };
  } catch (error) {
    const stderr =
      typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`node ${args.join(' ')} failed: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

export interface OverEmptyNode {
  readonly medianMs: number;
  readonly emptyMedianMs: number;
  /** What the command costs over starting Node itself. */
  readonly overEmptyMs: number;
  readonly runsMs: readonly number[];
  readonly emptyRunsMs: readonly number[];
}

/**
 * Median wall time of `node <args>` minus the median of an empty `node -e 0`, over `runs` runs each.
 * The two are interleaved so that a busy moment on the machine hits both alike.
 */
export async function timeOverEmptyNode(
  args: readonly string[],
  runs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OverEmptyNode> {
  const runsMs: number[] = [];
  const emptyRunsMs: number[] = [];
  await runNode(args, env); // warm the file-system cache: we want load time, not disk time
  for (let i = 0; i < runs; i++) {
    emptyRunsMs.push((await runNode(['-e', '0'], env)).wallMs);
    runsMs.push((await runNode(args, env)).wallMs);
  }
  const medianMs = median(runsMs);
  const emptyMedianMs = median(emptyRunsMs);
  return { medianMs, emptyMedianMs, overEmptyMs: medianMs - emptyMedianMs, runsMs, emptyRunsMs };
}
