/**
 * Calls `task(0)` ... `task(count - 1)` with at most `concurrency` running at once, in index order.
 * A task's rejection is the caller's to record: it rejects the whole pool.
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
