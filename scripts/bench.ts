// Measures lede's speed, scaling, bundle sizes and start-up, beside node-summary, cold invocations
// beside a floor bundle, and checks issues 6 and 12's targets. Usage: npm run bench [-- --no-package] [-- --quick] [-- --out PATH]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeFile } from '../src/core/analyze.js';
import { measureBundles, packageFunctions, staticallyLoadedBytes } from './bench/bundles.js';
import { measureColdStarts, type PackagedHandler } from './bench/cold.js';
import { buildColdModules } from './bench/cold-builds.js';
import { measureComposition } from './bench/composition.js';
import { type BenchArticle, buildCorpus, corpusBytes, loadSourceArticles } from './bench/corpus.js';
import { currentLoad, describeMachine } from './bench/machine.js';
import { loadNodeSummary, summarizeWithPeer } from './bench/peer.js';
import { type BenchResults, checkTargets, formatReport } from './bench/report.js';
import { measureScaling } from './bench/scaling.js';
import { ensureBuilt, measureCli } from './bench/startup.js';
import { MB, measureThroughput } from './bench/throughput.js';

const USAGE = `Usage: npm run bench -- [--no-package] [--no-build] [--quick] [--out PATH]
  --no-package  skip \`npm run package:lambda\`, the bundle measurements and the cold invocations
                of the packaged handlers (the core's first analysis still runs)
  --no-build    reuse dist/ for the CLI timings if it exists (default: rebuild it)
  --quick       fewer runs and rounds, no 20 MB document: a smoke test, not numbers to keep
  --out PATH    where to write the numbers (default bench-results/bench.json)`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS_SEED = 1;
// The peer is quadratic in sentences per document but fine per article; if one pass ever takes longer
// than this, it is measured on a prefix of the corpus instead and compared per MB.
const PEER_PASS_BUDGET_MS = 8_000;
// The handlers' entry modules (serverless.yml functions) and their floors, for the bytes-by-package
// breakdown: a package in both columns is there for any function on this stack.
const HANDLER_ENTRIES = {
  api: 'src/lambda/api.ts',
  onUpload: 'src/lambda/on-upload.ts',
  'api floor': 'scripts/bench/floor/api.ts',
  'onUpload floor': 'scripts/bench/floor/on-upload.ts',
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        'no-package': { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        out: { type: 'string', default: join(ROOT, 'bench-results', 'bench.json') },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

function step(message: string): void {
  console.error(`bench: ${message}`);
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
  const quick = values.quick;
  const runs = quick ? 3 : 7;
  const workDir = join(ROOT, 'bench-results', 'work');
  const machine = describeMachine();

  const sources = loadSourceArticles();
  const corpus = buildCorpus(sources, 1.05 * MB, CORPUS_SEED);
  const analyseLede = (article: BenchArticle) =>
    analyzeFile(article.bytes, { filename: `${article.name}.txt` });

  step(
    `throughput: lede and node-summary on ${corpus.length} articles (${(corpusBytes(corpus) / MB).toFixed(2)} MB)`,
  );
  const peer = loadNodeSummary();
  const analysePeer = (article: BenchArticle) => summarizeWithPeer(peer, article.title, article.body);
  // One untimed pass of the peer decides whether it can take the whole corpus in the time budget.
  const probeStarted = performance.now();
  for (const article of corpus) analysePeer(article);
  const probeMs = performance.now() - probeStarted;
  const peerCount =
    probeMs <= PEER_PASS_BUDGET_MS
      ? corpus.length
      : Math.max(16, Math.floor((corpus.length * PEER_PASS_BUDGET_MS) / probeMs));
  const [lede, peerResult] = await measureThroughput(
    [
      { system: 'lede', corpus, analyse: analyseLede },
      { system: 'node-summary 1.2.0', corpus: corpus.slice(0, peerCount), analyse: analysePeer },
    ],
    { warmupRuns: 2, runs },
  );
  if (lede === undefined || peerResult === undefined) throw new Error('throughput: missing a result');
  const peerNote =
    peerCount === corpus.length
      ? 'Same articles, passes alternated; node-summary gets title and body, lede the file (headline + body).'
      : `node-summary measured on the first ${peerCount} of ${corpus.length} articles (one full pass took ` +
        `${Math.round(probeMs)} ms); compared per MB.`;

  const sizes = quick ? [1, 2, 5] : [1, 2, 5, 20];
  step(`scaling: ${sizes.join(', ')} MB, each in a fresh process`);
  const scaling = await measureScaling(sources, sizes, join(workDir, 'scaling'));

  let bundles: BenchResults['bundles'] = null;
  if (!values['no-package']) {
    step('packaging the functions (npm run package:lambda)');
    packageFunctions(ROOT);
    step('bundles: cold load');
    bundles = await measureBundles(ROOT, join(workDir, 'bundles'), Math.max(runs, 7));
  }

  const rounds = quick ? 5 : 15;
  step(`cold invocations: ${rounds} rounds of fresh processes (lede, floor, core alone, empty node)`);
  const builds = await buildColdModules(join(workDir, 'cold'));
  const handlerOf = (name: string): PackagedHandler | undefined => {
    const bundle = bundles?.find((b) => b.name === name);
    return bundle === undefined ? undefined : { path: bundle.handlerPath, loadedBytes: bundle.loadedBytes };
  };
  const api = handlerOf('api');
  const onUpload = handlerOf('onUpload');
  const cold = await measureColdStarts({
    root: ROOT,
    workDir: join(workDir, 'cold'),
    rounds,
    builds,
    floorBytes: {
      api: staticallyLoadedBytes(builds.floors.api),
      onUpload: staticallyLoadedBytes(builds.floors.onUpload),
    },
    coreBytes: staticallyLoadedBytes(builds.core),
    packaged:
      bundles === null
        ? null
        : { ...(api === undefined ? {} : { api }), ...(onUpload === undefined ? {} : { onUpload }) },
  });
  step('bytes by input package (esbuild metafile)');
  const composition = await measureComposition(HANDLER_ENTRIES);

  step('CLI: build and start-up');
  ensureBuilt(ROOT, !values['no-build']);
  const article = join('tests', 'fixtures', 'articles', 'shipping-merger.txt');
  const cli = await measureCli(ROOT, article, Math.max(runs, 7));

  const results: BenchResults = {
    machine,
    loadAverageAtEnd: currentLoad(),
    lede,
    peer: peerResult,
    peerNote,
    scaling,
    bundles,
    cli,
    cold,
    composition,
  };
  console.log(formatReport(results));

  mkdirSync(join(values.out, '..'), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify({ ...results, targets: checkTargets(results) }, null, 2)}\n`);
  console.log(`\nNumbers written to ${relative(process.cwd(), values.out)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
