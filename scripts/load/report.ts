import { LIST_POLL_MS } from './completion.js';
import type { LoadResult } from './run.js';

const SHOWN = 10;

/** The human-readable summary `npm run load` prints. */
export function formatLoadReport(result: LoadResult, targetDescription: string): string {
  const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`);
  const { p50, p90, p99, max } = result.latencyMs;
  const source =
    result.latencySource === 'onInvoked'
      ? "the stack's onInvoked callback (handler returned, output written)"
      : `polling the output listing every ${LIST_POLL_MS} ms (late by up to one interval and one listing)`;
  const lines = [
    `load run ${result.runId} against ${targetDescription}`,
    `  uploads       ${result.uploads} (${result.concurrency} in flight, ${result.articles} distinct articles)`,
    `  upload phase  ${(result.uploadPhaseMs / 1000).toFixed(2)} s (${rate(result.uploads, result.uploadPhaseMs)} PUT/s)`,
    `  end to end    ${(result.endToEndMs / 1000).toFixed(2)} s, ${result.throughputPerSecond.toFixed(1)} uploads/s (first upload start -> last output visible)`,
    `  latency       p50 ${ms(p50)}, p90 ${ms(p90)}, p99 ${ms(p99)}, max ${ms(max)}`,
    `                upload start -> output visible, timed by ${source}`,
    `  lost          ${result.lost.length}${result.timedOut ? ' (deadline reached)' : ''}`,
    `  duplicated    ${result.duplicated.length}`,
    `  bad outputs   ${result.badOutputs.length}`,
    `  upload errors ${result.uploadErrors.length}`,
  ];
  if (result.failedInvocations.length > 0)
    lines.push(`  failed invocations ${result.failedInvocations.length}`);
  const list = (title: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    lines.push(`${title}:`, ...items.slice(0, SHOWN).map((item) => `  ${item}`));
    if (items.length > SHOWN) lines.push(`  ... and ${items.length - SHOWN} more`);
  };
  list('lost', result.lost);
  list('duplicated', result.duplicated);
  list(
    'bad outputs',
    result.badOutputs.map((bad) => `${bad.key}: ${bad.reason}`),
  );
  list(
    'upload errors',
    result.uploadErrors.map((upload) => `${upload.key}: ${upload.error}`),
  );
  list('failed invocations', result.failedInvocations);
  return lines.join('\n');
}

function rate(count: number, ms: number): string {
  return ms > 0 ? (count / (ms / 1000)).toFixed(1) : 'n/a';
}
