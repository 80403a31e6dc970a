import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliProcessResult {
  /** Exit code, or null when the process was killed. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliProcessLimits {
  /** Killed after this long. */
  readonly timeoutMs: number;
  /** V8 heap limit: a runaway dies with "heap out of memory" instead of taking the machine. */
  readonly maxOldSpaceMb: number;
  /** Written to the child's standard input, which is then closed; empty by default. */
  readonly stdin?: Uint8Array;
}

/** Runs the bundled CLI (`cliBundle()`) in a child process with bounded time and heap. */
export function runCliProcess(
  bundle: string,
  args: readonly string[],
  limits: CliProcessLimits,
): Promise<CliProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${limits.maxOldSpaceMb}`, bundle, ...args], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: limits.timeoutMs,
    });
    // The CLI may stop reading early (input over the limit): a closed pipe is then expected.
    child.stdin.on('error', () => undefined);
    child.stdin.end(limits.stdin);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs `tasks` with at most `limit` in flight, results in input order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index];
      if (item !== undefined) results[index] = await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
