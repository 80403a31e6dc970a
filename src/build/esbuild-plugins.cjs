// esbuild plugins for serverless-esbuild (serverless.yml custom.esbuild.plugins); build-time only, never bundled.
const { readFile } = require('node:fs/promises');
const { basename, dirname, extname, join } = require('node:path');

/**
 * serverless-esbuild builds each handler on its own into one shared folder and zips, for each function,
 * every file there except the other handlers' bundles and the files named after them ("api.*").
 * With code splitting, chunks named `<handler>.chunks/...` therefore go into their own function's zip
 * only; with esbuild's default names every zip would carry every function's chunks.
 */
const chunksBesideHandler = {
  name: 'chunks-beside-handler',
  setup(build) {
    const entries = Object.values(build.initialOptions.entryPoints ?? []);
    if (entries.length !== 1 || typeof entries[0] !== 'string') return;
    const handler = basename(entries[0], extname(entries[0]));
    build.initialOptions.chunkNames = `${handler}.chunks/[name]-[hash]`;
  },
};

/**
 * Rewrites `import { z } from 'zod'` (in our code and in @aws-lambda-powertools/parser) into
 * `import * as z from 'zod/v4/classic/external.js'`: the same module, so the same `z`.
 *
 * Why: zod's entry re-exports its namespace as a value (`export { z }`), and esbuild keeps every
 * member of a namespace that escapes like that, locales and JSON Schema converters included. Imported
 * as a namespace directly, only the members the code touches are kept. Measured on the api handler
 * (esbuild 0.28, minified): zod in the code a cold start loads went from 458 KiB to 103 KiB, and the
 * whole cold-start set from 1134 KiB to 779 KiB. The file is not in zod's `exports` map, so it is
 * addressed by path; a zod release that moves it fails the build, not the function.
 */
const zodNamespace = {
  name: 'zod-namespace',
  setup(build) {
    const zodRoot = dirname(
      require.resolve('zod/package.json', { paths: [build.initialOptions.absWorkingDir ?? process.cwd()] }),
    );
    const namespaceModule = join(zodRoot, 'v4', 'classic', 'external.js');
    const importZ = /import\s*\{([^}]*)\}\s*from\s*(['"])zod\2;?/g;
    build.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, async (args) => {
      if (args.path.startsWith(zodRoot)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('zod')) return undefined;
      let rewritten = false;
      const contents = source.replace(importZ, (statement, names) => {
        const specifiers = names
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '');
        if (!specifiers.includes('z')) return statement;
        rewritten = true;
        const others = specifiers.filter((name) => name !== 'z');
        const rest = others.length > 0 ? ` import { ${others.join(', ')} } from 'zod';` : '';
        return `import * as z from ${JSON.stringify(namespaceModule)};${rest}`;
      });
      if (!rewritten) return undefined;
      return { contents, loader: extname(args.path) === '.ts' ? 'ts' : 'js' };
    });
  },
};

module.exports = [chunksBesideHandler, zodNamespace];
