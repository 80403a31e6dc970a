// Times each stage of the analysis separately over the bench corpus, so a change's effect on one stage shows.
// Usage: npx tsx scripts/bench/stages.ts [passes]
import { documentLanguage, PLACE_OPTIONS, taggableText } from '../../src/core/analyze.js';
import { extractKeywords } from '../../src/core/keywords.js';
import { bundledModel } from '../../src/core/model/bundled-model.js';
import { readFile } from '../../src/core/read/read-file.js';
import { selectSummary } from '../../src/core/summary/summarize.js';
import { tagEntities } from '../../src/core/tags/entities/tag-entities.js';
import { tagPlaces } from '../../src/core/tags/places.js';
import { tagTopics } from '../../src/core/tags/topics.js';
import { computeTermStats } from '../../src/core/terms/term-stats.js';
import { ENGLISH, tokenizeText } from '../../src/core/text/words.js';
import { buildCorpus, corpusBytes, loadSourceArticles } from './corpus.js';
import { MB } from './throughput.js';

const model = bundledModel();
const corpus = buildCorpus(loadSourceArticles(), 1.05 * MB, 1);
const passes = Number(process.argv[2] ?? '3');
const totals = new Map<string, number>();
function time<T>(stage: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  totals.set(stage, (totals.get(stage) ?? 0) + performance.now() - started);
  return result;
}
for (let pass = 0; pass <= passes; pass++) {
  if (pass === 1) totals.clear(); // pass 0 warms the JIT and the lazy data
  for (const article of corpus) {
    const started = performance.now();
    const doc = await readFile(article.bytes, { filename: `${article.name}.txt` });
    totals.set('read', (totals.get('read') ?? 0) + performance.now() - started);
    const texts = doc.sentences.map((s) => s.text);
    const tokens = time('tokenize', () => tokenizeText(doc.title, texts, ENGLISH));
    const l0 = performance.now();
    await documentLanguage(doc, model, tokens);
    totals.set('language', (totals.get('language') ?? 0) + performance.now() - l0);
    const stats = time('term stats', () => computeTermStats(doc.title, texts, tokens));
    time('summary', () => selectSummary(stats, texts, {}));
    time('keywords', () => extractKeywords(stats, model, { tokens }));
    const taggable = taggableText(doc, tokens);
    time('topics', () => tagTopics(taggable, model));
    time('places', () => tagPlaces(taggable, model, PLACE_OPTIONS));
    time('entities', () => tagEntities(taggable, model));
  }
}
const mb = (corpusBytes(corpus) * passes) / MB;
let sum = 0;
for (const ms of totals.values()) sum += ms;
console.log(
  `${corpus.length} articles x ${passes} passes, ${mb.toFixed(2)} MB: ${(mb / (sum / 1000)).toFixed(2)} MB/s`,
);
for (const [stage, ms] of totals)
  console.log(
    `${stage.padEnd(12)} ${(ms / passes).toFixed(0).padStart(6)} ms/pass  ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${(mb / (ms / 1000)).toFixed(1)} MB/s`,
  );
