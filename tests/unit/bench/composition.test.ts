import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { coldStartOutputs, packageOfInput, packageShares } from '../../../scripts/bench/composition.js';

describe('packageOfInput', () => {
  it.each([
    ['node_modules/zod/v4/core/core.js', 'zod'],
    ['node_modules/@smithy/core/dist-es/submodules/cbor/index.js', '@smithy/core'],
    ['node_modules/@aws-sdk/core/node_modules/@smithy/types/dist-es/index.js', '@smithy/types'],
    ['src/core/tags/data/gazetteer.ts', 'src/core/tags/data'],
    ['src/core/analyze.ts', 'src/core'],
    ['src/core/tags/entities/data/deep/names.ts', 'src/core/tags/entities'],
    ['<runtime>', '<runtime>'],
  ])('files %s under %s', (path, name) => {
    expect(packageOfInput(path)).toBe(name);
  });
});

// A hand-written metafile: the entry imports a shared chunk statically and a reader chunk lazily;
// the shared chunk imports a second chunk statically and a Node built-in.
function output(
  inputs: Record<string, number>,
  imports: Metafile['outputs'][string]['imports'],
  entryPoint?: string,
): Metafile['outputs'][string] {
  const bytes = Object.values(inputs).reduce((sum, n) => sum + n, 0);
  return {
    bytes,
    inputs: Object.fromEntries(Object.entries(inputs).map(([path, n]) => [path, { bytesInOutput: n }])),
    imports,
    exports: [],
    ...(entryPoint === undefined ? {} : { entryPoint }),
  };
}

const metafile: Metafile = {
  inputs: {},
  outputs: {
    'out/api.mjs': output(
      { 'src/lambda/api.ts': 100, 'node_modules/zod/index.js': 50 },
      [
        { path: 'out/api.chunks/shared.mjs', kind: 'import-statement' },
        { path: 'out/api.chunks/pdf.mjs', kind: 'dynamic-import' },
      ],
      'src/lambda/api.ts',
    ),
    'out/api.chunks/shared.mjs': output({ 'node_modules/zod/core.js': 30, 'src/core/analyze.ts': 20 }, [
      { path: 'out/api.chunks/deep.mjs', kind: 'import-statement' },
      { path: 'node:fs', kind: 'import-statement', external: true },
    ]),
    'out/api.chunks/deep.mjs': output({ 'node_modules/@smithy/core/index.js': 70 }, [
      { path: 'out/api.chunks/shared.mjs', kind: 'import-statement' },
    ]),
    'out/api.chunks/pdf.mjs': output({ 'node_modules/unpdf/dist/pdf.mjs': 900 }, []),
  },
};

describe('coldStartOutputs', () => {
  it('follows static imports transitively, once each, and leaves lazy chunks and built-ins out', () => {
    expect(coldStartOutputs(metafile, 'src/lambda/api.ts').sort()).toEqual([
      'out/api.chunks/deep.mjs',
      'out/api.chunks/shared.mjs',
      'out/api.mjs',
    ]);
  });

  it('fails for an entry the build did not have', () => {
    expect(() => coldStartOutputs(metafile, 'src/lambda/other.ts')).toThrow(/no output/);
  });
});

describe('packageShares', () => {
  it('sums each package over the chunks, largest first', () => {
    const cold = coldStartOutputs(metafile, 'src/lambda/api.ts');
    expect(packageShares(metafile, cold)).toEqual([
      { name: 'src/lambda', bytes: 100 },
      { name: 'zod', bytes: 80 },
      { name: '@smithy/core', bytes: 70 },
      { name: 'src/core', bytes: 20 },
    ]);
  });
});
