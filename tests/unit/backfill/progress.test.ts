import { describe, expect, it } from 'vitest';
import { createProgressReporter, paceOf } from '../../../src/backfill/progress.js';

describe('paceOf', () => {
  it('gives elapsed time, keys per second and the time left at that rate', () => {
    expect(paceOf(9, 20, 5)).toEqual({ elapsed: '0:05', rate: '1.8/s', eta: '0:06' });
  });

  it('says the ETA is unknown before any key is done, and zero once all are', () => {
    expect(paceOf(0, 20, 0).eta).toBe('-');
    expect(paceOf(20, 20, 8).eta).toBe('0:00');
  });

  it('writes hours once a run passes one', () => {
    expect(paceOf(100, 400, 3_700)).toEqual({ elapsed: '1:01:40', rate: '0.0/s', eta: '3:05:00' });
  });
});

describe('createProgressReporter', () => {
  it('ends each plain line with elapsed time, rate and ETA', () => {
    const lines: string[] = [];
    let clock = 0;
    const progress = createProgressReporter({ write: (chunk) => lines.push(chunk) }, { now: () => clock });
    clock = 2_000;
    progress.update({ key: 'incoming/a.txt', outcome: 'written', done: 1, total: 4 });
    clock = 4_000;
    progress.update({ key: 'incoming/b.txt', outcome: 'refused', done: 2, total: 4 });

    expect(lines).toEqual([
      '[1/4] written incoming/a.txt (0:02, 0.5/s, eta 0:06)\n',
      '[2/4] refused incoming/b.txt (0:04, 0.5/s, eta 0:04)\n',
    ]);
  });

  it('draws the timing into the bar on a terminal', () => {
    const chunks: string[] = [];
    let clock = 0;
    const progress = createProgressReporter(
      { write: (chunk) => chunks.push(chunk), isTTY: true, columns: 120 },
      { now: () => clock },
    );
    clock = 10_000;
    progress.update({ key: 'incoming/a.txt', outcome: 'written', done: 5, total: 10 });

    expect(chunks.at(-1)).toContain('5/10  0:10 0.5/s eta 0:10  written 1');
  });
});
