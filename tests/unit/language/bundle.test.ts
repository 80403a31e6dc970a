import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { LAMBDA_ESBUILD_OPTIONS } from '../../../scripts/lambda-bundle.js';
import { SUPPORTED_LANGUAGES } from '../../../src/core/language/tools.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lede-language-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles tools.ts as serverless.yml bundles the functions, optionally with code splitting. */
async function bundle(splitting: boolean): Promise<string> {
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { loadLanguageTools } from ${JSON.stringify(join(ROOT, 'src/core/language/tools.ts'))};\n`,
  );
  const outdir = join(dir, splitting ? 'split' : 'single');
  await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [entry],
    outdir,
    splitting,
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  return join(outdir, 'entry.mjs');
}

/** Loads every language from the bundle in a fresh process; per language, its stop list size and a stem. */
function loadAll(file: string): Record<string, { stops: number; stem: string }> {
  const script = `
    const { loadLanguageTools } = await import(${JSON.stringify(pathToFileURL(file).href)});
    const out = {};
    for (const code of ${JSON.stringify(SUPPORTED_LANGUAGES)}) {
      const tools = await loadLanguageTools(code);
      const stops = ['the', 'de', 'und', 'les', 'yang', 'di', 'het', 'og', 'não', 'и', 'och', 'і'].filter((w) => tools.isStopWord(w)).length;
      out[code] = { stops, stem: tools.stem('informaciones') };
    }
    console.log(JSON.stringify(out));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, { stops: number; stem: string }>;
}

describe('language tools in an esbuild bundle', () => {
  it.each([
    ['a single file', false],
    ['code-split chunks', true],
  ])(
    'load every language from %s, stop lists included',
    async (_label, splitting) => {
      const loaded = loadAll(await bundle(splitting));
      expect(Object.keys(loaded).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
      for (const [code, { stops, stem }] of Object.entries(loaded)) {
        expect(stops, code).toBeGreaterThan(0);
        expect(typeof stem, code).toBe('string');
      }
    },
    120_000,
  );
});
