// Runs in a fresh process per document size (see scaling.ts), so maxRSS is this document's peak alone.
// Usage: node --import tsx scripts/bench/scaling-child.ts <file>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeFile } from '../../src/core/analyze.js';
import { DEFAULT_WORK_LIMITS } from '../../src/core/limits.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: scaling-child.ts <file>');

const rssBeforeBytes = process.memoryUsage.rss();
const bytes = new Uint8Array(readFileSync(file));
const started = performance.now();
// The default work budget refuses text over 4 MiB characters (INPUT_TOO_COMPLEX); this measures how the
// analysis itself scales, so the character and sentence caps are lifted for it.
const limits = {
  ...DEFAULT_WORK_LIMITS,
  maxChars: Number.MAX_SAFE_INTEGER,
  maxSentences: Number.MAX_SAFE_INTEGER,
};
const analysis = await analyzeFile(bytes, { filename: basename(file), limits });
const ms = performance.now() - started;

process.stdout.write(
  `${JSON.stringify({
    ms,
    // Linux reports maxRSS in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBeforeBytes,
    sentences: analysis.stats.sentences,
    words: analysis.stats.words,
  })}\n`,
);
