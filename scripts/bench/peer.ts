import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transformSync } from 'esbuild';

/** The part of node-summary's API the benchmark uses. */
export interface NodeSummary {
  summarize(title: string, content: string, callback: (err: boolean, summary: string) => void): void;
}

function isNodeSummary(value: unknown): value is NodeSummary {
  return (
    typeof value === 'object' &&
    value !== null &&
    'summarize' in value &&
    typeof value.summarize === 'function'
  );
}

/**
 * Loads node-summary 1.2.0. Its `main` is untranspiled Babel source (ES `import` mixed with `require`
 * and `exports.x =`), so on Node 20 `require` returns an empty module and `import` throws "require is
 * not defined". Its own test suite runs it through `babel-core/register`; we do the same job with
 * esbuild: only the module syntax is rewritten to CommonJS, the algorithm's code is untouched.
 */
export function loadNodeSummary(): NodeSummary {
  const require = createRequire(import.meta.url);
  const file = require.resolve('node-summary/lib/summary.js');
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    format: 'cjs',
    loader: 'js',
    platform: 'node',
  });
  const module = { exports: {} };
  // The CommonJS wrapper, by hand: its dependencies resolve from its own folder.
  const run = new Function('exports', 'require', 'module', '__filename', code);
  run(module.exports, createRequire(file), module, file);
  if (!isNodeSummary(module.exports)) throw new Error('node-summary did not export summarize()');
  return module.exports;
}

/**
 * Summarises with node-summary's main entry point, `summarize(title, content, cb)`, which is
 * synchronous despite the callback.
 */
export function summarizeWithPeer(peer: NodeSummary, title: string, content: string): string {
  let result: string | undefined;
  peer.summarize(title, content, (_err, summary) => {
    result = summary;
  });
  if (result === undefined) throw new Error('node-summary returned asynchronously');
  return result;
}
