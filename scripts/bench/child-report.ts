// The line a cold-start child (invoke-child.ts, core-child.ts) prints for the bench parent. Kept free
// of dependencies: the children bundle it, and anything it imported would be timed as their start-up.

/** Starts the one stdout line the parent reads; the handler's own log lines go around it. */
export const CHILD_REPORT_MARKER = 'lede-bench-child:';

/** Milliseconds on the child's own clock (`performance.now()`: 0 is when the process started). */
export type ChildTimings = Readonly<Record<string, number>>;

/** The marker line for `timings`, newline-framed so it never shares a line with a log line. */
export function formatChildReport(timings: ChildTimings): string {
  return `\n${CHILD_REPORT_MARKER}${JSON.stringify(timings)}\n`;
}

/**
 * The timings in a child's stdout: the last marker line, whose fields must all be finite numbers.
 * Throws when there is none, so a child that died before answering fails the bench instead of
 * reporting zeros.
 *
 * @example
 * parseChildReport('log line\nlede-bench-child:{"importedMs":41.5}\n'); // { importedMs: 41.5 }
 */
export function parseChildReport(stdout: string): ChildTimings {
  const line = stdout
    .split('\n')
    .filter((candidate) => candidate.startsWith(CHILD_REPORT_MARKER))
    .at(-1);
  if (line === undefined) throw new Error('the child printed no timings');
  const parsed: unknown = JSON.parse(line.slice(CHILD_REPORT_MARKER.length));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`the child's timings are not an object: ${line}`);
  }
  const timings: Record<string, number> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`the child's timing "${name}" is not a finite number: ${line}`);
    }
    timings[name] = value;
  }
  return timings;
}
