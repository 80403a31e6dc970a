import { GetObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { listKeys } from './listing.js';
import { runPool } from './pool.js';
import type { LoadTarget } from './target.js';

// Only what the check needs; the whole document is described by schema/analysis.schema.json.
const OutputSchema = z.object({ status: z.string(), source: z.object({ key: z.string() }) });

/** What the output listing holds against what was uploaded. */
export interface OutputCheck {
  /** Uploaded keys with no output. */
  readonly missing: readonly string[];
  /** Output keys listed more than once, or under the run's prefix but for no upload of it. */
  readonly extra: readonly string[];
  /** Outputs that are not JSON, not status "ok", or name another source key. */
  readonly bad: readonly { readonly key: string; readonly reason: string }[];
  readonly found: number;
}

/**
 * Lists the run's output prefix once and reads every output: each upload must have exactly one, which
 * parses as JSON with status "ok" and names its upload as the source.
 */
export async function checkOutputs(
  target: LoadTarget,
  runOutputPrefix: string,
  expected: ReadonlyMap<string, string>,
  concurrency: number,
): Promise<OutputCheck> {
  const listed = await listKeys(target, runOutputPrefix);
  const seen = new Set<string>();
  const extra: string[] = [];
  for (const key of listed) {
    if (seen.has(key) || !expected.has(key)) extra.push(key);
    seen.add(key);
  }
  const missing = [...expected].filter(([outputKey]) => !seen.has(outputKey)).map(([, inputKey]) => inputKey);
  const present = [...expected].filter(([outputKey]) => seen.has(outputKey));
  const bad: { key: string; reason: string }[] = [];
  await runPool(present.length, concurrency, async (index) => {
    const entry = present[index];
    if (entry === undefined) return;
    const [outputKey, inputKey] = entry;
    const reason = await outputProblem(target, outputKey, inputKey);
    if (reason !== null) bad.push({ key: outputKey, reason });
  });
  return { missing, extra, bad, found: seen.size };
}

async function outputProblem(
  target: LoadTarget,
  outputKey: string,
  inputKey: string,
): Promise<string | null> {
  try {
    const response = await target.s3.send(new GetObjectCommand({ Bucket: target.bucket, Key: outputKey }));
    const text = (await response.Body?.transformToString('utf-8')) ?? '';
    const parsed = OutputSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return `unexpected shape: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
    if (parsed.data.status !== 'ok') return `status ${parsed.data.status}`;
    if (parsed.data.source.key !== inputKey) return `source.key is ${parsed.data.source.key}`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
