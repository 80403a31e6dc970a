import type { BenchArticle } from './corpus.js';
import { corpusBytes } from './corpus.js';
import { median } from './stats.js';

export interface ThroughputResult {
  readonly system: string;
  readonly articles: number;
  readonly bytes: number;
  readonly runs: number;
  /** Median wall time of one pass over the articles. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly mbPerSecond: number;
  readonly articlesPerSecond: number;
  readonly msPerMb: number;
}

export interface ThroughputOptions {
  readonly warmupRuns: number;
  readonly runs: number;
}

/** 1 MB = 10^6 bytes throughout, so MB/s reads the way the targets are written. */
export const MB = 1_000_000;

export interface System {
  readonly system: string;
  readonly corpus: readonly BenchArticle[];
  /** One article's analysis; awaited, so a system may be synchronous or asynchronous. */
  readonly analyse: (article: BenchArticle) => unknown;
}

/**
 * Runs each system over its articles `warmupRuns` times untimed (so the JIT has compiled the hot path),
 * then `runs` timed passes, in this process, and reports each system's median pass. The systems' timed
 * passes alternate (A B A B ...), so a busy moment on the machine slows both alike and the ratio holds.
 * Every result is kept in a sink so the work cannot be optimised away.
 */
export async function measureThroughput(
  systems: readonly System[],
  { warmupRuns, runs }: ThroughputOptions,
): Promise<ThroughputResult[]> {
  const sink: unknown[] = [];
  const pass = async ({ system, corpus, analyse }: System): Promise<number> => {
    sink.length = 0;
    const started = performance.now();
    for (const article of corpus) sink.push(await analyse(article));
    const elapsed = performance.now() - started;
    if (sink.length !== corpus.length) throw new Error(`${system}: expected one result per article`);
    return elapsed;
  };
  for (const system of systems) for (let i = 0; i < warmupRuns; i++) await pass(system);
  const times = systems.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [s, system] of systems.entries()) times[s]?.push(await pass(system));
  }
  return systems.map(({ system, corpus }, s) => {
    const runsMs = times[s] ?? [];
    const medianMs = median(runsMs);
    const bytes = corpusBytes(corpus);
    const seconds = medianMs / 1000;
    return {
      system,
      articles: corpus.length,
      bytes,
      runs,
      medianMs,
      runsMs,
      mbPerSecond: bytes / MB / seconds,
      articlesPerSecond: corpus.length / seconds,
      msPerMb: medianMs / (bytes / MB),
    };
  });
}
