import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { coldStartOutputs } from '../../../scripts/bench/composition.js';
import { LAMBDA_ESBUILD_OPTIONS } from '../../../scripts/lambda-bundle.js';

const HANDLERS = {
  api: 'src/lambda/api.ts',
  onUpload: 'src/lambda/on-upload.ts',
  backfill: 'src/lambda/batch-operations.ts',
} as const;

// Loaded only when an input needs them; a cold start must not compile any of them.
const LAZY_PACKAGES = ['linkedom', '@mozilla/readability', 'marked', 'unpdf', 'mammoth'];

const outDirs: string[] = [];

afterAll(async () => {
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Bundles a handler as serverless.yml's custom.esbuild does (the options that shape the module graph). */
async function bundle(entry: string): Promise<Metafile> {
  const outdir = await mkdtemp(join(tmpdir(), 'lede-cold-start-'));
  outDirs.push(outdir);
  const result = await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    entryPoints: [entry],
    outdir,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** The source files in the output files a cold start loads: the entry and what it imports statically. */
function coldStartInputs(metafile: Metafile, entry: string): string[] {
  return coldStartOutputs(metafile, entry).flatMap((path) =>
    Object.keys(metafile.outputs[path]?.inputs ?? {}),
  );
}

function packagesOf(inputs: readonly string[]): Set<string> {
  const names = inputs.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]);
  return new Set(names.filter((name) => name !== undefined));
}

describe.each(Object.entries(HANDLERS))('the %s handler bundle', (_name, entry) => {
  let metafile: Metafile;
  let coldStart: string[];

  it('builds with the deployed esbuild options', async () => {
    metafile = await bundle(entry);
    coldStart = coldStartInputs(metafile, entry);
    expect(coldStart).toContain(entry);
  }, 120_000);

  it('loads no HTML, Markdown, PDF or Word parser at cold start', () => {
    const loaded = packagesOf(coldStart);
    for (const name of LAZY_PACKAGES) expect(loaded).not.toContain(name);
    for (const parser of ['html.ts', 'markdown.ts', 'json.ts', 'pdf.ts', 'docx.ts']) {
      expect(coldStart).not.toContain(`src/core/read/formats/${parser}`);
    }
  });

  it('still bundles those parsers, as chunks loaded on first use', () => {
    const all = packagesOf(Object.keys(metafile.inputs));
    for (const name of LAZY_PACKAGES) expect(all).toContain(name);
  });

  it('keeps zod to what the code uses (English messages only, no JSON Schema importer)', () => {
    const zod = coldStart.filter((input) => input.includes('node_modules/zod/'));
    expect(zod.length).toBeGreaterThan(0);
    expect(zod.filter((input) => input.includes('/locales/') && !input.endsWith('/locales/en.js'))).toEqual(
      [],
    );
    expect(zod.some((input) => input.endsWith('/from-json-schema.js'))).toBe(false);
  });

  it('does not load the user-taxonomy validation at cold start', () => {
    expect(coldStart).not.toContain('src/core/tags/taxonomy-schema.ts');
  });
});
