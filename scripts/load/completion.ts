import type { TriggerOutcome } from '../../src/local/upload-trigger.js';
import { listKeys } from './listing.js';
import type { LoadTarget } from './target.js';

/** How each upload's completion time was observed. */
export type LatencySource = 'onInvoked' | 'listing-poll';

/** Per input key: how many times the function ran on it (in-process only) and when it first finished. */
export interface Completions {
  readonly source: LatencySource;
  /** performance.now() ms at which each key's output was first known to be written. */
  readonly doneAt: ReadonlyMap<string, number>;
  /** In-process only: invocations per input key (>1 is a duplicate), and the failed ones. */
  readonly invocations: ReadonlyMap<string, number> | null;
  readonly failedInvocations: readonly string[];
}

export const LIST_POLL_MS = 250;

/**
 * Starts watching a run's input keys before the first upload. With an in-process stack it counts the
 * trigger's `onInvoked` outcomes (an invocation's output is written when the handler returns, so that
 * moment is when the output became visible); with a running stack `wait` polls the output listing every
 * LIST_POLL_MS, so its times are late by up to that interval plus one listing.
 */
export function watchCompletions(
  target: LoadTarget,
  runInputPrefix: string,
  runOutputPrefix: string,
  outputKeyOf: (inputKey: string) => string,
  /** Called with how many inputs have an output each time that number grows. */
  onDone?: (done: number) => void,
): { wait(expected: readonly string[], deadline: number): Promise<Completions> } {
  const doneAt = new Map<string, number>();
  const invocations = new Map<string, number>();
  const failedInvocations: string[] = [];
  let onProgress: (() => void) | null = null;
  const subscribe = target.subscribe;

  if (subscribe !== null) {
    subscribe((outcome: TriggerOutcome) => {
      if (!outcome.key.startsWith(runInputPrefix)) return;
      const now = performance.now();
      invocations.set(outcome.key, (invocations.get(outcome.key) ?? 0) + 1);
      if (outcome.ok) {
        if (!doneAt.has(outcome.key)) {
          doneAt.set(outcome.key, now);
          onDone?.(doneAt.size);
        }
      } else {
        failedInvocations.push(outcome.key);
      }
      onProgress?.();
    });
  }

  const waitInProcess = (expected: readonly string[], deadline: number): Promise<void> =>
    new Promise((resolve) => {
      const settled = (): boolean => expected.every((key) => invocations.has(key));
      const finish = (): void => {
        clearTimeout(timer);
        onProgress = null;
        resolve();
      };
      const timer = setTimeout(finish, Math.max(0, deadline - performance.now()));
      onProgress = () => {
        if (settled()) finish();
      };
      if (settled()) finish();
    });

  const waitByPolling = async (expected: readonly string[], deadline: number): Promise<void> => {
    const wanted = new Map(expected.map((key) => [outputKeyOf(key), key]));
    for (;;) {
      const listed = await listKeys(target, runOutputPrefix);
      const now = performance.now();
      for (const outputKey of listed) {
        const inputKey = wanted.get(outputKey);
        if (inputKey !== undefined && !doneAt.has(inputKey)) {
          doneAt.set(inputKey, now);
          onDone?.(doneAt.size);
        }
      }
      if (expected.every((key) => doneAt.has(key)) || now >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, LIST_POLL_MS));
    }
  };

  return {
    wait: async (expected, deadline) => {
      if (subscribe !== null) await waitInProcess(expected, deadline);
      else await waitByPolling(expected, deadline);
      return {
        source: subscribe !== null ? 'onInvoked' : 'listing-poll',
        doneAt: new Map(doneAt),
        invocations: subscribe !== null ? new Map(invocations) : null,
        failedInvocations: [...failedInvocations],
      };
    },
  };
}
