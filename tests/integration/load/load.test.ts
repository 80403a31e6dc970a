import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSucceeded, runLoad } from '../../../scripts/load/run.js';
import { type LoadTarget, startInProcessTarget } from '../../../scripts/load/target.js';

// The same code path as `npm run load`, smaller. No timing assertions: only that nothing is lost or
// duplicated, so a slow machine makes it slower, not red.
let target: LoadTarget;

beforeAll(async () => {
  target = await startInProcessTarget();
});

afterAll(async () => {
  await target?.close();
});

describe('load: many concurrent uploads against the in-process local stack', () => {
  it('gives each of 100 uploads (8 in flight) exactly one ok output', { timeout: 180_000 }, async () => {
    const result = await runLoad(target, { uploads: 100, concurrency: 8, deadlineMs: 120_000, articles: 4 });
    expect(result.uploadErrors).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(result.badOutputs).toEqual([]);
    expect(result.failedInvocations).toEqual([]);
    expect(result.latencySource).toBe('onInvoked');
    expect(loadSucceeded(result)).toBe(true);
  });
});
