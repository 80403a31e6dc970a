import type { BackfillOutcome, BackfillProgress } from './local-backfill.js';

/** Where progress goes: a terminal gets a bar redrawn in place, anything else one line per key. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export interface ProgressReporter {
  readonly update: (progress: BackfillProgress) => void;
  /** Ends the bar's line (on a terminal) so what follows starts on a fresh one. */
  readonly finish: () => void;
}

const SHOWN: readonly BackfillOutcome[] = ['written', 'refused', 'unchanged', 'skipped', 'failed'];

/**
 * Reports backfill progress on `stream`: on a TTY a single line redrawn in place
 * (`[#########-----------]  45% 9/20  0:05 1.8/s eta 0:06  written 8 refused 1`), otherwise a
 * plain line per key (`[9/20] written incoming/story.txt (0:05, 1.8/s, eta 0:06)`) that logs and
 * CI output keep readable. Elapsed time counts from the reporter's creation; the rate is keys
 * finished per second so far, and the ETA the keys left at that rate.
 *
 * @example
 * const progress = createProgressReporter(process.stderr);
 * await runBackfill(keys, deps, { onProgress: progress.update });
 * progress.finish();
 */
export function createProgressReporter(
  stream: ProgressStream,
  options: { readonly now?: () => number } = {},
): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const counts = new Map<BackfillOutcome, number>();
  let drawn = false;
  return {
    update: (progress) => {
      counts.set(progress.outcome, (counts.get(progress.outcome) ?? 0) + 1);
      const pace = paceOf(progress.done, progress.total, (now() - started) / 1000);
      if (stream.isTTY !== true) {
        const reason = progress.error === undefined ? '' : `: ${describeError(progress.error)}`;
        stream.write(
          `[${progress.done}/${progress.total}] ${progress.outcome} ${progress.key}${reason} ` +
            `(${pace.elapsed}, ${pace.rate}, eta ${pace.eta})\n`,
        );
        return;
      }
      if (progress.outcome === 'failed') {
        // Above the bar, which is redrawn underneath: failures must stay on screen.
        stream.write(`\r\u001b[Kfailed ${progress.key}: ${describeError(progress.error)}\n`);
      }
      drawn = true;
      const tally = SHOWN.filter((o) => (counts.get(o) ?? 0) > 0)
        .map((o) => `${o} ${counts.get(o)}`)
        .join(' ');
      const ratio = progress.total === 0 ? 1 : progress.done / progress.total;
      const width = 20;
      const filled = Math.round(ratio * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      const percent = `${String(Math.floor(ratio * 100)).padStart(3)}%`;
      const timing = `${pace.elapsed} ${pace.rate} eta ${pace.eta}`;
      const line = `${bar} ${percent} ${progress.done}/${progress.total}  ${timing}  ${tally}`;
      // Never wider than the terminal (a wrapped line cannot be redrawn in place; a pty with no size
      // reports 0 columns), then clear to the end of the line: the previous tally may have been longer.
      const columns = stream.columns ?? 0;
      stream.write(`\r${columns > 1 ? line.slice(0, columns - 1) : line}\u001b[K`);
    },
    finish: () => {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

/** Elapsed time, rate and time left, formatted: `0:05`, `1.8/s`, `0:06` (`-` before a rate is known). */
export function paceOf(
  done: number,
  total: number,
  elapsedSeconds: number,
): { elapsed: string; rate: string; eta: string } {
  const perSecond = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const left = Math.max(0, total - done);
  return {
    elapsed: clock(elapsedSeconds),
    rate: `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`,
    eta: left === 0 ? '0:00' : perSecond > 0 ? clock(left / perSecond) : '-',
  };
}

/** Seconds as `m:ss`, or `h:mm:ss` from an hour. */
function clock(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.name}: ${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
