// Measures language detection and per-language tools: detection time on 1 MB texts (capped at the
// default 20,000 characters and uncapped), the cold import cost of the language modules, and the
// time to load each language's stemmer and stop list in a fresh process.
// Usage: npx tsx scripts/bench-language.ts [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { compileLanguageModel, detectLanguage } from '../src/core/language/detect.js';
import { SUPPORTED_LANGUAGES } from '../src/core/language/tools.js';
import { median } from './bench/stats.js';
import { LAMBDA_ESBUILD_OPTIONS } from './lambda-bundle.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLES = new URL('../tests/fixtures/languages/', import.meta.url);
const MB = 1024 * 1024;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Math.max(3, Number.parseInt(values.runs, 10) || 15);
const languages = compileLanguageModel();

function megabyteOf(code: string): string {
  const text = readFileSync(new URL(`${code}.txt`, SAMPLES), 'utf8');
  return text.repeat(Math.ceil(MB / text.length)).slice(0, MB);
}

function timeDetection(text: string, maxChars: number): { ms: number; code: string } {
  const times: number[] = [];
  // Warm up: the first calls include compiling the detector.
  for (let i = 0; i < 3; i++) detectLanguage(text, languages, { maxChars });
  let code = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    code = detectLanguage(text, languages, { maxChars }).code;
    times.push(performance.now() - start);
  }
  return { ms: median(times), code };
}

/**
 * The language modules bundled the way serverless.yml bundles the functions (esbuild, ESM, minified,
 * node22), so that load times are those of deployed code, not of tsx transpiling TypeScript. With
 * `splitting`, as deployed, each language's stemmer is a chunk read on first use.
 */
async function bundle(
  dir: string,
  splitting: boolean,
): Promise<{ entry: string; entryKB: number; totalKB: number }> {
  const source = join(dir, 'entry.ts');
  writeFileSync(
    source,
    `export { detectLanguage } from ${JSON.stringify(join(ROOT, 'src/core/language/detect.ts'))};\n` +
      `export { loadLanguageTools, toolsFor } from ${JSON.stringify(join(ROOT, 'src/core/language/tools.ts'))};\n`,
  );
  const outdir = join(dir, splitting ? 'split' : 'single');
  await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [source],
    outdir,
    splitting,
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  const entry = join(outdir, 'entry.mjs');
  // Chunks sit in a sub-folder (the deployed build's naming), so walk it.
  const totalBytes = readdirSync(outdir, { recursive: true, encoding: 'utf8' })
    .map((name) => statSync(join(outdir, name)))
    .reduce((sum, stat) => (stat.isFile() ? sum + stat.size : sum), 0);
  return { entry, entryKB: statSync(entry).size / 1024, totalKB: totalBytes / 1024 };
}

/**
 * Median time, measured inside a fresh plain-node process, of running `measured` after `setup` (both
 * may `await`).
 */
function coldCost(setup: string, measured: string, fresh = Math.min(runs, 9)): number {
  const script = `${setup}; const start = performance.now(); ${measured}; console.log(performance.now() - start);`;
  const times: number[] = [];
  for (let i = 0; i < fresh; i++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    times.push(Number.parseFloat(result.stdout));
  }
  return median(times);
}

console.log(`Detection, 1 MB of text, median of ${runs} runs`);
for (const code of ['en', 'es', 'ru', 'zh', 'ar']) {
  const text = megabyteOf(code);
  const capped = timeDetection(text, 20_000);
  const whole = timeDetection(text, Number.POSITIVE_INFINITY);
  console.log(
    `  ${code}: first 20,000 chars ${capped.ms.toFixed(2)} ms (${capped.code}); ` +
      `all ${text.length.toLocaleString('en')} chars ${whole.ms.toFixed(1)} ms (${whole.code})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'lede-language-'));
try {
  for (const splitting of [true, false]) {
    const { entry, entryKB, totalKB } = await bundle(dir, splitting);
    const url = JSON.stringify(pathToFileURL(entry).href);
    const label = splitting ? 'code-split, as serverless.yml deploys' : 'one file';
    console.log(
      `\nBundle of detect.ts + tools.ts (${label}): entry ${entryKB.toFixed(0)} KB, all ${totalKB.toFixed(0)} KB`,
    );
    console.log(`Cold cost, timed inside a fresh node process, median of ${Math.min(runs, 9)}`);
    const load = `const m = await import(${url})`;
    console.log(`  import the bundle (no language loaded): ${coldCost('', load).toFixed(1)} ms`);
    for (const code of SUPPORTED_LANGUAGES) {
      const ms = coldCost(load, `await m.loadLanguageTools('${code}')`);
      console.log(`  loadLanguageTools('${code}') after import: ${ms.toFixed(1)} ms`);
    }
    const all = SUPPORTED_LANGUAGES.map((c) => `'${c}'`).join(',');
    const ms = coldCost(load, `for (const c of [${all}]) await m.loadLanguageTools(c)`);
    console.log(`  all ${SUPPORTED_LANGUAGES.length} languages after import: ${ms.toFixed(1)} ms`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
