import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { FORMATS, type Format } from '../core/document.js';
import { MAX_SUMMARY_WORDS } from '../core/summary/summarize.js';

export const USAGE = `Usage: lede [options] <file|->...
       lede backfill [options]     analyse what the local stack's bucket holds (lede backfill --help)

Reads each article file (or standard input for "-") and prints one JSON object per input,
one per line, in input order.

Options:
  --split                 print the sentences found (a JSON array per input) instead of the analysis
  --format <fmt>          force the input format: ${FORMATS.join('|')}
  --sentences <n>         summary length in sentences (1-50); default grows with the article
  --ratio <r>             summary length as a fraction of the article's sentences, in (0, 1]
  --words <n>             summary word budget (1-2000; default 90): whole sentences, never cut; with
                          --sentences or --ratio both limits apply; either alone turns the default off
  --keywords <n>          how many keywords to report (default 10)
  --taxonomy <file>       a topic taxonomy JSON file that extends the bundled one
  --replace-taxonomy      use --taxonomy instead of the bundled taxonomy rather than extending it
  --max-bytes <n>         refuse inputs over this many bytes (default 26214400, 25 MiB)
  --max-chars <n>         refuse inputs whose text runs over this many characters (default 4194304,
                          4 MiB): raise it to analyse a longer document
  --pretty                indent the JSON (one object no longer fits one line)
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 all inputs analysed, 1 some input failed (its line holds "error"), 2 usage error.`;

export interface CliOptions {
  readonly files: readonly string[];
  readonly split: boolean;
  readonly format?: Format;
  readonly sentences?: number;
  readonly ratio?: number;
  readonly words?: number;
  readonly keywords?: number;
  readonly taxonomy?: string;
  readonly replaceTaxonomy: boolean;
  readonly maxBytes?: number;
  readonly maxChars?: number;
  readonly pretty: boolean;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

/** A command line the CLI cannot act on; it exits 2 with this message and the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function isFormat(value: string): value is Format {
  return FORMATS.some((f) => f === value);
}

/**
 * Parses `lede`'s command line.
 * @example parseCliArgs(['--sentences', '3', 'story.txt'])
 */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(describeParseError(error, DOCUMENTED_OPTIONS));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  if (positionals.length === 0) throw new UsageError('no input files (use "-" for standard input)');

  const format = values.format;
  if (format !== undefined && !isFormat(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  }
  let ratio: number | undefined;
  if (values.ratio !== undefined) {
    ratio = Number(values.ratio);
    if (!(ratio > 0 && ratio <= 1)) throw new UsageError(`--ratio must be in (0, 1], got "${values.ratio}"`);
  }
  if (values['replace-taxonomy'] === true && values.taxonomy === undefined) {
    throw new UsageError('--replace-taxonomy needs --taxonomy <file>');
  }
  const sentences = integer('sentences', values.sentences, 1, 50);
  const words = integer('words', values.words, 1, MAX_SUMMARY_WORDS);
  const keywords = integer('keywords', values.keywords, 0, 100);
  const maxBytes = integer('max-bytes', values['max-bytes'], 1, Number.MAX_SAFE_INTEGER);
  const maxChars = integer('max-chars', values['max-chars'], 1, Number.MAX_SAFE_INTEGER);
  return {
    kind: 'run',
    options: {
      files: positionals,
      split: values.split === true,
      replaceTaxonomy: values['replace-taxonomy'] === true,
      pretty: values.pretty === true,
      ...(format === undefined ? {} : { format }),
      ...(sentences === undefined ? {} : { sentences }),
      ...(ratio === undefined ? {} : { ratio }),
      ...(words === undefined ? {} : { words }),
      ...(keywords === undefined ? {} : { keywords }),
      ...(values.taxonomy === undefined ? {} : { taxonomy: values.taxonomy }),
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(maxChars === undefined ? {} : { maxChars }),
    },
  };
}

/** The long options USAGE documents, which are the options `parse` accepts. */
const DOCUMENTED_OPTIONS = [...new Set([...USAGE.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1] ?? ''))];

/**
 * node's parseArgs message for an unknown option is long and suggests `--`; say which option was not
 * understood and the nearest one lede has ("--sentence": did you mean --sentences?).
 */
export function describeParseError(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-{1,2}[^']*)'/.exec(message)?.[1] : undefined;
  if (unknown === undefined) return message;
  const nearest = nearestOption(unknown.replace(/^-+/, '').split('=')[0] ?? '', known);
  const hint = nearest === undefined ? '' : ` (did you mean --${nearest}?)`;
  return `unknown option ${unknown}${hint}`;
}

/** The known option closest to `typed` by edit distance, if it is close enough to be a typo. */
function nearestOption(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const option of known) {
    const distance = option.startsWith(typed) && typed.length >= 3 ? 0.5 : editDistance(typed, option);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  // One edit for a short name, two or more for a long one (one per five letters): beyond that the
  // guess would mislead.
  const allowed = typed.length <= 5 ? 1 : Math.max(2, Math.floor(typed.length / 5));
  return bestDistance <= allowed ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** `lede`'s options, as node's parseArgs takes them. */
const CLI_OPTIONS = {
  split: { type: 'boolean' },
  format: { type: 'string' },
  sentences: { type: 'string' },
  ratio: { type: 'string' },
  words: { type: 'string' },
  keywords: { type: 'string' },
  taxonomy: { type: 'string' },
  'replace-taxonomy': { type: 'boolean' },
  'max-bytes': { type: 'string' },
  'max-chars': { type: 'string' },
  pretty: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsOptionsConfig;

function parse(argv: readonly string[]) {
  return parseCommandLine(argv, CLI_OPTIONS, { positionals: true });
}

/**
 * node's parseArgs in strict mode (an unknown option throws), as every lede command parses its
 * command line; `positionals` says whether the command takes operands (files) after its options.
 *
 * @example parseCommandLine(['--pretty', 'a.txt'], { pretty: { type: 'boolean' } }, { positionals: true })
 */
export function parseCommandLine<const TOptions extends ParseArgsOptionsConfig, TPositionals extends boolean>(
  argv: readonly string[],
  options: TOptions,
  { positionals }: { readonly positionals: TPositionals },
) {
  return parseArgs({ args: [...argv], options, allowPositionals: positionals, strict: true });
}
