// Sentence-splitter evaluation: exact-match accuracy of lede's splitter against natural's
// SentenceTokenizer on the labelled fixtures, then throughput and peak memory on a generated 20 MB text.
// Run with `npm run eval:split`.
import { readFileSync } from 'node:fs';
import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer.js';
import { knownAbbreviations } from 'natural/lib/natural/util/abbreviations_en.js';
import { z } from 'zod';
import { splitSentences } from '../src/core/segment/split-sentences.js';

const CaseSchema = z.object({ phenomenon: z.string(), input: z.string(), expected: z.array(z.string()) });
type Case = z.infer<typeof CaseSchema>;
type Splitter = (text: string) => string[];

const FIXTURES = ['cases.json', 'golden-rules.json'] as const;
const TARGET_BYTES = 20 * 1024 * 1024;
// natural's tokenizer reverts each placeholder over every sentence, so its cost grows with the square
// of the input; it is timed on a small slice only, to show the shape without hanging the script.
const NATURAL_TIMING_BYTES = 16 * 1024;

function loadCases(name: string): Case[] {
  const url = new URL(`../tests/fixtures/sentences/${name}`, import.meta.url);
  return z.array(CaseSchema).parse(JSON.parse(readFileSync(url, 'utf8')));
}

function naturalSplitter(): Splitter {
  const tokenizer = new SentenceTokenizer(knownAbbreviations);
  return (text) => (text.trim() === '' ? [] : tokenizer.tokenize(text));
}

function exactMatches(cases: readonly Case[], split: Splitter): { correct: number; failed: string[] } {
  let correct = 0;
  const failed: string[] = [];
  for (const c of cases) {
    let got: string[];
    try {
      got = split(c.input);
    } catch {
      got = ['<threw>'];
    }
    if (JSON.stringify(got) === JSON.stringify(c.expected)) correct++;
    else failed.push(c.phenomenon);
  }
  return { correct, failed };
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`.padStart(6);
}

/** Deterministic pseudo-random generator (mulberry32), so every run times the same text. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** News-like text built from the fixture inputs, shuffled into paragraphs, joined once (no quadratic concatenation). */
function generateText(pool: readonly string[], bytes: number): string {
  const random = seeded(42);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const piece = pool[Math.floor(random() * pool.length)] ?? '';
    const separator = random() < 0.15 ? '\n\n' : ' ';
    parts.push(piece, separator);
    size += piece.length + separator.length;
  }
  return parts.join('');
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function time(split: Splitter, text: string): { ms: number; sentences: number } {
  const started = performance.now();
  const sentences = split(text).length;
  return { ms: performance.now() - started, sentences };
}

function main(): void {
  const lede: Splitter = splitSentences;
  const natural = naturalSplitter();
  const pool: string[] = [];

  console.log('Exact-match accuracy (whole case: every sentence must match)\n');
  console.log(
    `${'fixture'.padEnd(20)} ${'cases'.padStart(5)}  ${'lede'.padStart(14)}  ${'natural'.padStart(14)}`,
  );
  const failures: string[] = [];
  for (const name of FIXTURES) {
    const cases = loadCases(name);
    for (const c of cases) if (c.input.trim() !== '') pool.push(c.input);
    const ours = exactMatches(cases, lede);
    const theirs = exactMatches(cases, natural);
    const n = cases.length;
    console.log(
      `${name.padEnd(20)} ${String(n).padStart(5)}  ${`${ours.correct}`.padStart(4)} ${percent(ours.correct, n)}    ${`${theirs.correct}`.padStart(4)} ${percent(theirs.correct, n)}`,
    );
    for (const phenomenon of ours.failed) failures.push(`${name}: ${phenomenon}`);
  }
  console.log(failures.length === 0 ? '\nlede fails no case.' : `\nlede fails:\n  ${failures.join('\n  ')}`);

  const text = generateText(pool, TARGET_BYTES);
  const bytes = Buffer.byteLength(text, 'utf8');
  const rssBefore = process.memoryUsage().rss;
  const run = time(lede, text);
  console.log(
    `\nThroughput on ${megabytes(bytes)} MB of generated text (${text.length.toLocaleString()} chars)`,
  );
  console.log(
    `  lede:    ${run.ms.toFixed(0)} ms, ${(bytes / (1024 * 1024) / (run.ms / 1000)).toFixed(1)} MB/s, ${run.sentences.toLocaleString()} sentences`,
  );
  console.log(
    `           RSS ${megabytes(rssBefore)} MB before (text included), ${megabytes(process.memoryUsage().rss)} MB after; peak ${megabytes(process.resourceUsage().maxRSS * 1024)} MB`,
  );

  const slice = text.slice(0, NATURAL_TIMING_BYTES);
  const small = time(natural, slice);
  const sliceMb = Buffer.byteLength(slice, 'utf8') / (1024 * 1024);
  console.log(
    `  natural: ${small.ms.toFixed(0)} ms on the first ${(sliceMb * 1024).toFixed(0)} KB only (${(sliceMb / (small.ms / 1000)).toFixed(2)} MB/s; superlinear, so not run on 20 MB)`,
  );
}

main();
