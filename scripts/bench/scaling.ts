import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runNode } from './child.js';
import { buildLongDocument, type SourceArticle } from './corpus.js';
import { MB } from './throughput.js';

const CHILD = fileURLToPath(new URL('./scaling-child.ts', import.meta.url));

const childOutput = z.object({
  ms: z.number(),
  maxRssBytes: z.number(),
  rssBeforeBytes: z.number(),
  sentences: z.number(),
  words: z.number(),
});

export interface ScalingPoint {
  readonly megabytes: number;
  readonly bytes: number;
  /** Time inside `analyzeFile` (read + analyse), without process start-up. */
  readonly ms: number;
  /** Peak resident memory of the whole child process (Node, tsx and the input bytes included). */
  readonly maxRssBytes: number;
  /** Resident memory before the input was read: what the process costs with no document. */
  readonly rssBeforeBytes: number;
  readonly sentences: number;
  readonly words: number;
}

/**
 * Analyses one long document of each size in its own fresh `node` process, one after another (never in
 * parallel, so the two cores do not share the work), and collects time and peak memory.
 */
export async function measureScaling(
  sources: readonly SourceArticle[],
  sizesMb: readonly number[],
  workDir: string,
): Promise<ScalingPoint[]> {
  mkdirSync(workDir, { recursive: true });
  const points: ScalingPoint[] = [];
  for (const megabytes of sizesMb) {
    const doc = buildLongDocument(sources, megabytes * MB, 20 + megabytes);
    const file = join(workDir, `long-${megabytes}mb.txt`);
    writeFileSync(file, doc.bytes);
    const { stdout } = await runNode(['--import', 'tsx', CHILD, file]);
    const result = childOutput.parse(JSON.parse(stdout));
    points.push({ megabytes, bytes: doc.bytes.length, ...result });
  }
  return points;
}
