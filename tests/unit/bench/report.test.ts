import { describe, expect, it } from 'vitest';
import type { BundleComposition } from '../../../scripts/bench/composition.js';
import { compositionRows } from '../../../scripts/bench/report.js';

const KiB = 1024;

function composition(name: string, packages: Record<string, number>, lazyBytes = 0): BundleComposition {
  const shares = Object.entries(packages).map(([pkg, kib]) => ({ name: pkg, bytes: kib * KiB }));
  const cold = shares.reduce((sum, share) => sum + share.bytes, 0);
  return {
    function: name,
    entry: `src/lambda/${name}.ts`,
    coldStartBytes: cold,
    totalBytes: cold + lazyBytes,
    packages: shares,
  };
}

describe('compositionRows', () => {
  const rows = compositionRows([
    composition('api', { zod: 100, 'src/core/tags/data': 148, tiny: 5, other: 7 }, 3000 * KiB),
    composition('onUpload', { zod: 100, 'src/core/tags/data': 148, 'src/upload': 25, tiny: 5 }),
  ]);

  it('lists every package at or over 20 KiB in any function, largest first, with each function’s size', () => {
    expect(rows.slice(0, 3)).toEqual([
      ['src/core/tags/data', '148 KiB', '148 KiB'],
      ['zod', '100 KiB', '100 KiB'],
      ['src/upload', '0 KiB', '25 KiB'],
    ]);
  });

  it('sums the packages it does not list, and ends with the cold-start and whole-bundle totals', () => {
    expect(rows.slice(3)).toEqual([
      ['everything under 20 KiB', '12 KiB', '5 KiB'],
      ['cold start total (esbuild output)', '260 KiB', '278 KiB'],
      ['whole bundle, lazy chunks included', '3260 KiB', '278 KiB'],
    ]);
  });
});
