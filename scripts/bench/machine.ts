import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly node: string;
  readonly platform: string;
  readonly date: string;
  /** 1-minute load average when the run started; above `cores`, other work was competing for the CPU. */
  readonly loadAverageAtStart: number;
}

/** What the numbers were measured on, for the report. */
export function describeMachine(now: Date = new Date()): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: now.toISOString(),
    loadAverageAtStart: loadavg()[0] ?? Number.NaN,
  };
}

/** The 1-minute load average now. */
export function currentLoad(): number {
  return loadavg()[0] ?? Number.NaN;
}
