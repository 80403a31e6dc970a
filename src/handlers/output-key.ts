import { MalformedInputError, NotFoundError } from '../errors.js';

/** The two prefixes that decide where analyses are written. */
export interface KeyLayout {
  readonly inputPrefix: string;
  readonly outputPrefix: string;
}

/**
 * Decodes an object key as S3 puts it in event notifications: form-encoded, so `+` is a space and
 * everything else is percent-encoded (`%2B` is a literal plus, `%C3%A9` is "é").
 *
 * @example
 * decodeEventKey('incoming/caf%C3%A9+news.txt'); // 'incoming/café news.txt'
 */
export function decodeEventKey(encoded: string): string {
  try {
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch (error) {
    throw new MalformedInputError('The object key in the event is not valid percent-encoding', {
      cause: error,
    });
  }
}

/** True for keys the function must never read: its own outputs (the recursion guard). */
export function isOutputKey(key: string, layout: KeyLayout): boolean {
  return key.startsWith(layout.outputPrefix);
}

/**
 * Maps an uploaded key to the key of its analysis: `incoming/a/b.txt` -> `summaries/a/b.txt.json`.
 * Returns `null` for keys outside the input prefix and for "folder" placeholder keys (ending in `/`),
 * which have nothing to analyse.
 */
export function outputKeyForUpload(key: string, layout: KeyLayout): string | null {
  if (!key.startsWith(layout.inputPrefix) || key.endsWith('/')) return null;
  const relative = key.slice(layout.inputPrefix.length);
  return isSafeRelativeKey(relative) ? `${layout.outputPrefix}${relative}.json` : null;
}

/**
 * Maps the API's `{key+}` path parameter (the key relative to the input prefix) to the stored analysis:
 * `foo/bar.txt` -> `summaries/foo/bar.txt.json`. Throws `NotFoundError` for keys that could name
 * something outside the output prefix, so the API can read nothing else.
 */
export function outputKeyForRequest(relative: string, layout: KeyLayout): string {
  if (!isSafeRelativeKey(relative) || relative.endsWith('/')) {
    throw new NotFoundError('No analysis is stored under that key');
  }
  return `${layout.outputPrefix}${relative}.json`;
}

// S3 itself treats keys as opaque strings, but tools that mirror a bucket to disk (aws s3 sync) do not:
// refuse dot segments, absolute paths, backslashes and control characters rather than reason about them.
function isSafeRelativeKey(relative: string): boolean {
  if (relative === '' || relative.startsWith('/') || relative.includes('\\')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(relative)) return false;
  return relative.split('/').every((segment) => segment !== '.' && segment !== '..');
}
