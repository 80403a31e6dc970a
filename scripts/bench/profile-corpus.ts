// Runs lede over the bench corpus a few times so a CPU profile shows where analysis time goes.
// Usage: node --cpu-prof --cpu-prof-dir bench-results/profiles --import tsx scripts/bench/profile-corpus.ts [passes]
// Long document instead: add `--long MB` (one document of that many MB, analysed once).
import { parseArgs } from 'node:util';
import { analyzeFile } from '../../src/core/analyze.js';
import { buildCorpus, buildLongDocument, loadSourceArticles } from './corpus.js';
import { MB } from './throughput.js';

const { values, positionals } = parseArgs({ options: { long: { type: 'string' } }, allowPositionals: true });
const sources = loadSourceArticles();
const started = performance.now();
if (values.long !== undefined) {
  const doc = buildLongDocument(sources, Number(values.long) * MB, 20 + Number(values.long));
  await analyzeFile(doc.bytes, { filename: 'long.txt' });
} else {
  const corpus = buildCorpus(sources, 1.05 * MB, 1);
  const passes = Number(positionals[0] ?? '3');
  for (let i = 0; i < passes; i++)
    for (const a of corpus) await analyzeFile(a.bytes, { filename: `${a.name}.txt` });
}
console.log(`${Math.round(performance.now() - started)} ms`);
