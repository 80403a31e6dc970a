// esbuild plugins for serverless-esbuild (serverless.yml custom.esbuild.plugins); build-time only, never bundled.
const { basename, extname } = require('node:path');

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

module.exports = [chunksBesideHandler];
