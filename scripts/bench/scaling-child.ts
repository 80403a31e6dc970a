// Runs in a fresh process per document size (see scaling.ts), so maxRSS is this document's peak alone.
// Usage: node --import tsx scripts/bench/scaling-child.ts <file>
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyzeFile } from '../../src/core/analyze.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: scaling-child.ts <file>');

const rssBeforeBytes = process.memoryUsage.rss();
const bytes = new Uint8Array(readFileSync(file));
const started = performance.now();
const analysis = await analyzeFile(bytes, { filename: basename(file) });
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
