import { parseArgs } from 'node:util';

/** What one load run does; the defaults are issue 7's (1000 uploads, 16 in flight). */
export interface LoadOptions {
  readonly uploads: number;
  readonly concurrency: number;
  /** How long to wait for the last outputs once every upload has been sent. */
  readonly deadlineMs: number;
  /** How many distinct fixture articles the uploads cycle through. */
  readonly articles: number;
  /** A running stack's S3 endpoint; absent: start one in-process on free ports. */
  readonly endpoint?: string;
  readonly bucket: string;
}

export const LOAD_USAGE = `Usage: npm run load -- [--uploads N] [--concurrency C] [--deadline SECONDS] [--articles K]
                        [--endpoint URL [--bucket NAME]]
  --uploads N         objects to upload (default 1000)
  --concurrency C     uploads in flight at once (default 16)
  --deadline SECONDS  how long to wait for outputs after the last upload (default 120)
  --articles K        distinct fixture articles to cycle through (default 4)
  --endpoint URL      S3 endpoint of a running \`npm start\` (loopback only); default: start a stack
                      in-process on free ports in a temporary data directory
  --bucket NAME       bucket of that running stack (default articles)`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses the command line; throws an Error with a readable message for bad input. */
export function parseLoadOptions(args: readonly string[]): LoadOptions | 'help' {
  const { values } = parseArgs({
    args: [...args],
    options: {
      uploads: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '16' },
      deadline: { type: 'string', default: '120' },
      articles: { type: 'string', default: '4' },
      endpoint: { type: 'string' },
      bucket: { type: 'string', default: 'articles' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const endpoint = values.endpoint;
  if (endpoint !== undefined) {
    const url = new URL(endpoint);
    if (!LOOPBACK_HOSTS.has(url.hostname))
      throw new Error(`--endpoint must be a loopback address, got ${url.hostname}`);
  }
  return {
    uploads: positiveInt('--uploads', values.uploads),
    concurrency: positiveInt('--concurrency', values.concurrency),
    deadlineMs: positiveInt('--deadline', values.deadline) * 1000,
    articles: positiveInt('--articles', values.articles),
    bucket: values.bucket,
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

function positiveInt(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${text}"`);
  return value;
}
