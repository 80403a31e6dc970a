// Scores lede's summaries and tags on the bundled corpus (tests/fixtures/articles) against Lead-N and a
// term-frequency baseline; with --corpus DIR, the development corpora too (see scripts/eval/dev-corpus.ts).
// Usage: npm run eval [-- --verbose] [-- --file path/to/article.txt] [-- --corpus ../shared/dev/cnndm]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeFile } from '../src/core/analyze.js';
import { loadSentenceReader } from './eval/body-sentences.js';
import { loadCorpus } from './eval/corpus.js';
import { loadDevCorpus } from './eval/dev-corpus.js';
import { evaluateEntities, formatEntityReport } from './eval/dev-entities.js';
import { evaluateDevSummary, formatDevSummary } from './eval/dev-summary.js';
import { evaluateDesks } from './eval/dev-topics.js';
import { evaluateCorpus } from './eval/evaluate.js';
import { evaluatePlaces, formatPlaceReport } from './eval/places.js';
import { formatAnalysis, formatArticleDetails, formatReport } from './eval/report.js';

const USAGE = `Usage: npm run eval -- [--verbose] [--file PATH] [--out PATH]
  --verbose     print every system's summary and the tags for each article
  --file PATH   print lede's summary, tags and keywords for one article, then exit
  --out PATH    where to write the numbers (default bench-results/eval.json)
  --corpus DIR  also score a development corpus (a folder with labels.json); repeatable
                (CNN/DM: summaries; BBC: summaries and the topic-by-desk table)`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        verbose: { type: 'boolean', short: 'v', default: false },
        file: { type: 'string' },
        out: { type: 'string', default: join(ROOT, 'bench-results', 'eval.json') },
        corpus: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    // parseArgs throws TypeErrors for unknown or malformed options; the message is meant for the user.
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const values = parseOptions(process.argv.slice(2));
  if (values === undefined) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.file !== undefined) {
    const bytes = new Uint8Array(readFileSync(values.file));
    console.log(formatAnalysis(values.file, await analyzeFile(bytes, { filename: basename(values.file) })));
    return;
  }

  const started = performance.now();
  const results = await evaluateCorpus(loadCorpus(), await loadSentenceReader(), { stem: true });
  const elapsedMs = Math.round(performance.now() - started);

  if (values.verbose) {
    for (const article of results.articles) console.log(`${formatArticleDetails(article)}\n`);
  }
  console.log(formatReport(results));
  const places = await evaluatePlaces();
  console.log(`\n${formatPlaceReport(places)}`);
  console.log(`\n${formatEntityReport(await evaluateEntities(), values.verbose)}`);
  console.log(`\nEvaluated in ${elapsedMs} ms.`);

  // Development corpora: each evaluation module dispatches on the loaded corpus's kind.
  const dev: { corpus: string; kind: string; summary: unknown; desks?: string }[] = [];
  for (const dir of values.corpus) {
    const corpus = loadDevCorpus(dir);
    const summary = await evaluateDevSummary(corpus);
    console.log(formatDevSummary(summary));
    if (corpus.kind === 'bbc') {
      const desks = await evaluateDesks(dir);
      console.log(`\n${desks.text}`);
      dev.push({ corpus: corpus.name, kind: corpus.kind, summary, desks: desks.text });
    } else {
      dev.push({ corpus: corpus.name, kind: corpus.kind, summary });
    }
  }

  const out = values.out;
  mkdirSync(join(out, '..'), { recursive: true });
  const { articles, ...summary } = results;
  writeFileSync(
    out,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), elapsedMs, ...summary, places, dev, articles }, null, 2)}\n`,
  );
  console.log(`Numbers written to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
