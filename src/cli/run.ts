import type { Readable, Writable } from 'node:stream';
import { GENERATOR } from '../core/analysis.js';
import { DEFAULT_MAX_BYTES, DEFAULT_WORK_LIMITS } from '../core/limits.js';
import { toLedeError, UnreadableFileError } from '../errors.js';
import { type CliOptions, parseCliArgs, USAGE, UsageError } from './args.js';
import { readFileBounded, readStreamBounded } from './read-input.js';

export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export const EXIT = Object.freeze({ ok: 0, inputFailed: 1, usage: 2 });

/**
 * Runs `lede` on a command line and returns the exit status. Every input gets exactly one JSON line
 * on stdout, an analysis or an error; stderr gets a readable line for each failure.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `lede backfill` (src/cli/backfill.ts) reprocesses the local stack's bucket; loaded only when asked for.
  if (argv[0] === 'backfill') return (await import('./backfill.js')).runBackfillCli(argv.slice(1), io);
  let options: CliOptions;
  try {
    const parsed = parseCliArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (parsed.kind === 'version') {
      io.stdout.write(`${GENERATOR.name} ${GENERATOR.version}\n`);
      return EXIT.ok;
    }
    options = parsed.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`lede: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }

  // The analysis code (natural, the HTML stack, the gazetteer) loads only once there is work to do, so
  // --help, --version and usage errors answer without paying for it.
  const [{ analyzeInItsLanguage }, { readFile }, { loadTaxonomyFile }] = await Promise.all([
    import('../core/analyze.js'),
    import('../core/read/read-file.js'),
    import('./taxonomy-file.js'),
  ]);
  let taxonomy: Awaited<ReturnType<typeof loadTaxonomyFile>> | undefined;
  if (options.taxonomy !== undefined) {
    try {
      taxonomy = await loadTaxonomyFile(options.taxonomy, options.replaceTaxonomy ? 'replace' : 'extend');
    } catch (error) {
      const failure = toLedeError(error);
      io.stderr.write(`lede: --taxonomy ${options.taxonomy}: ${failure.message}\n`);
      return EXIT.usage;
    }
  }

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const indent = options.pretty ? 2 : undefined;
  let failed = 0;
  for (const file of options.files) {
    let line: unknown;
    try {
      const bytes =
        file === '-' ? await readStreamBounded(io.stdin, maxBytes) : await readFileBounded(file, maxBytes);
      const doc = await readFile(bytes, {
        maxBytes,
        ...(options.maxChars === undefined
          ? {}
          : { limits: { ...DEFAULT_WORK_LIMITS, maxChars: options.maxChars } }),
        ...(file === '-' ? {} : { filename: file }),
        ...(options.format === undefined ? {} : { format: options.format }),
      });
      line = options.split
        ? doc.sentences.map((s) => s.text)
        : {
            file,
            ...(await analyzeInItsLanguage(doc, {
              ...(options.sentences === undefined ? {} : { sentences: options.sentences }),
              ...(options.ratio === undefined ? {} : { ratio: options.ratio }),
              ...(options.words === undefined ? {} : { words: options.words }),
              ...(options.keywords === undefined ? {} : { keywords: options.keywords }),
              ...(taxonomy === undefined ? {} : { taxonomy }),
            })),
          };
    } catch (error) {
      failed += 1;
      const failure = toLedeError(fileError(error));
      line = { file, status: 'failed', error: failure.toJSON() };
      io.stderr.write(`lede: ${file}: ${failure.toJSON().message}\n`);
    }
    io.stdout.write(`${JSON.stringify(line, null, indent)}\n`);
  }
  return failed > 0 ? EXIT.inputFailed : EXIT.ok;
}

// A missing or unreadable file is the user's mistake, not an internal error: say which.
function fileError(error: unknown): unknown {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const messages: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'is a directory, not a file',
    };
    const message = messages[error.code];
    if (message !== undefined) return new UnreadableFileError(message, { cause: error });
  }
  return error;
}
