// The entity stage's cost on the bench corpus (~1 MB of news built from the fixture articles, the
// same seed as `npm run bench`): documents are read once, then the full analysis and the entity stage
// alone are timed, five passes each, median reported. Usage: npx tsx scripts/bench/entities.ts
import { analyzeDocument } from '../../src/core/analyze.js';
import { bundledModel } from '../../src/core/model/bundled-model.js';
import { readText } from '../../src/core/read/read-document.js';
import { tagEntities } from '../../src/core/tags/entities/tag-entities.js';
import { buildCorpus, corpusBytes, loadSourceArticles } from './corpus.js';
import { median } from './stats.js';
import { MB } from './throughput.js';

const model = bundledModel();

const CORPUS_SEED = 1;
const PASSES = 5;

async function main(): Promise<void> {
  const corpus = buildCorpus(loadSourceArticles(), 1.05 * MB, CORPUS_SEED);
  const megabytes = corpusBytes(corpus) / MB;
  const docs = await Promise.all(
    corpus.map((article) => readText(article.text, { filename: `${article.name}.txt` })),
  );
  const texts = docs.map((doc) => ({ title: doc.title, sentences: doc.sentences.map((s) => s.text) }));
  const time = (run: () => void): number => {
    const samples: number[] = [];
    for (let pass = 0; pass < PASSES; pass += 1) {
      const started = performance.now();
      run();
      samples.push(performance.now() - started);
    }
    return median(samples);
  };
  let tags = 0;
  const analysisMs = time(() => {
    for (const doc of docs) analyzeDocument(doc);
  });
  const entityMs = time(() => {
    tags = 0;
    for (const text of texts) tags += tagEntities(text, model).length;
  });
  console.log(`entities: ${corpus.length} articles, ${megabytes.toFixed(2)} MB, median of ${PASSES} passes`);
  console.log(`  whole analysis (read excluded): ${(analysisMs / megabytes).toFixed(0)} ms/MB`);
  console.log(
    `  entity stage alone:             ${(entityMs / megabytes).toFixed(0)} ms/MB (${((100 * entityMs) / analysisMs).toFixed(1)}% of the analysis), ${tags} tags`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
