// The core alone, in a fresh process (see cold.ts): imports the bundled `src/core/analyze.ts` and
// times its first `analyzeText` and a second one on another article. Bundled to plain JavaScript
// before it runs, so no TypeScript loader is timed.
// Usage: node core-child.mjs <analyze.mjs> <first.txt> <second.txt>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Analysis } from '../../src/core/analysis.js';
import type { AnalyzeArticleOptions } from '../../src/core/analyze.js';
import { formatChildReport } from './child-report.js';

type AnalyzeText = (text: string, options?: AnalyzeArticleOptions) => Promise<Analysis>;

const [corePath, firstPath, secondPath] = process.argv.slice(2);
if (corePath === undefined || firstPath === undefined || secondPath === undefined) {
  throw new Error('usage: core-child.mjs <analyze.mjs> <first.txt> <second.txt>');
}
const first = readFileSync(firstPath, 'utf-8');
const second = readFileSync(secondPath, 'utf-8');

const startMs = performance.now();
const core: { analyzeText?: unknown } = await import(pathToFileURL(corePath).href);
const importedMs = performance.now();
if (typeof core.analyzeText !== 'function') throw new Error(`${corePath} exports no analyzeText`);
const analyzeText = core.analyzeText as AnalyzeText;
const firstAnalysis = await analyzeText(first);
const firstDoneMs = performance.now();
const secondAnalysis = await analyzeText(second);
const secondDoneMs = performance.now();

process.stdout.write(
  formatChildReport({
    startMs,
    importMs: importedMs - startMs,
    firstMs: firstDoneMs - importedMs,
    secondMs: secondDoneMs - firstDoneMs,
    // Read back so the work cannot be skipped, and so the parent can tell an empty analysis.
    summarySentences: firstAnalysis.summary.sentences.length + secondAnalysis.summary.sentences.length,
  }),
);
