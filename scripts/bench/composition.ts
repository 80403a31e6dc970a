import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_ESBUILD_OPTIONS } from '../lambda-bundle.js';

/** One input package's share of what a cold start compiles. */
export interface PackageShare {
  /** npm package name, or a folder of lede's own `src/`. */
  readonly name: string;
  /** Bytes of minified output that came from it (esbuild's `bytesInOutput`). */
  readonly bytes: number;
}

export interface BundleComposition {
  readonly function: string;
  readonly entry: string;
  /** The entry's output and the chunks it imports statically: what a cold start reads and compiles. */
  readonly coldStartBytes: number;
  /** Everything the build wrote for this entry, lazy chunks included. */
  readonly totalBytes: number;
  /** Every input package in the cold-start set, largest first. */
  readonly packages: readonly PackageShare[];
}

/**
 * Which package an esbuild input path belongs to: the package under the last `node_modules/` (so a
 * nested copy counts as the package it is), else lede's own folder (`src/core/tags/data`, at most
 * four levels deep so the data files stand apart from the code that reads them).
 *
 * @example
 * packageOfInput('node_modules/@smithy/core/dist-es/index.js'); // '@smithy/core'
 * packageOfInput('src/core/tags/data/gazetteer.ts'); // 'src/core/tags/data'
 */
export function packageOfInput(path: string): string {
  const marker = 'node_modules/';
  const at = path.lastIndexOf(marker);
  if (at >= 0) {
    const parts = path.slice(at + marker.length).split('/');
    const scoped = parts[0]?.startsWith('@') === true;
    return (scoped ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
  }
  const folder = dirname(path);
  return folder === '.' ? path : folder.split('/').slice(0, 4).join('/');
}

/** The output files a cold start loads: the entry's output and, transitively, its static imports. */
export function coldStartOutputs(metafile: Metafile, entry: string): string[] {
  const { outputs } = metafile;
  const first = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === entry);
  if (first === undefined) throw new Error(`the build has no output for ${entry}`);
  const loaded = new Set<string>();
  const pending = [first];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (loaded.has(path)) continue;
    loaded.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
    }
  }
  return [...loaded];
}

/** Sums each package's bytes over `outputs` of `metafile`, largest first. */
export function packageShares(metafile: Metafile, outputs: readonly string[]): PackageShare[] {
  const bytes = new Map<string, number>();
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[output]?.inputs ?? {})) {
      const name = packageOfInput(input);
      bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .map(([name, size]) => ({ name, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}

/**
 * Builds each handler entry once, with the packaging's esbuild options and a metafile (nothing is
 * written), and breaks the part a cold start compiles down by input package.
 */
export async function measureComposition(
  entries: Readonly<Record<string, string>>,
): Promise<BundleComposition[]> {
  const results: BundleComposition[] = [];
  for (const [name, entry] of Object.entries(entries)) {
    // Code splitting needs an output folder even when nothing is written.
    const outdir = await mkdtemp(join(tmpdir(), 'lede-composition-'));
    try {
      const { metafile } = await build({
        ...LAMBDA_ESBUILD_OPTIONS,
        entryPoints: [entry],
        outdir,
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const cold = coldStartOutputs(metafile, entry);
      const sizeOf = (path: string) => metafile.outputs[path]?.bytes ?? 0;
      results.push({
        function: name,
        entry,
        coldStartBytes: cold.reduce((sum, path) => sum + sizeOf(path), 0),
        totalBytes: Object.keys(metafile.outputs).reduce((sum, path) => sum + sizeOf(path), 0),
        packages: packageShares(metafile, cold),
      });
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }
  return results;
}
