import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The esbuild options serverless.yml's `custom.esbuild` gives the Lambda functions, for tests and
 * benchmarks that bundle code the way it is deployed (cold-start contents, language chunks, the CLI
 * in a child process). Keep the two in step; the comments on why each option is set are there.
 */
export const LAMBDA_ESBUILD_OPTIONS = Object.freeze({
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  keepNames: true,
  target: 'node22',
  platform: 'node',
  format: 'esm',
  splitting: true,
  mainFields: ['module', 'main'],
  outExtension: { '.js': '.mjs' },
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  plugins: require('../src/build/esbuild-plugins.cjs') as Plugin[],
} satisfies BuildOptions);
