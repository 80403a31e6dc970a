import { createHash } from 'node:crypto';
import { NotFoundError } from '../errors.js';

/** S3's limit on the length of an object key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/** The two prefixes that decide where analyses are written. */
export interface KeyLayout {
  readonly inputPrefix: string;
  readonly outputPrefix: string;
}

/** True for keys the function must never read: its own outputs (the recursion guard). */
export function isOutputKey(key: string, layout: KeyLayout): boolean {
  return key.startsWith(layout.outputPrefix);
}

/**
 * True for the keys the upload use case answers (analyses on upload, forgets on removal): under the
 * input prefix, not one of its own outputs, and not a folder placeholder (a key ending in `/`).
 */
export function isArticleKey(key: string, layout: KeyLayout): boolean {
  return !isOutputKey(key, layout) && key.startsWith(layout.inputPrefix) && !key.endsWith('/');
}

/**
 * Maps an uploaded key to the key of its analysis: `incoming/a/b.txt` -> `summaries/a/b.txt.json`.
 * Returns `null` for keys outside the input prefix, for "folder" placeholder keys (ending in `/`),
 * which have nothing to analyse, for keys that could name a path outside the output prefix once
 * mirrored to disk (see `isSafeRelativeKey`) and for keys whose output key would exceed S3's limit.
 */
export function outputKeyForUpload(key: string, layout: KeyLayout): string | null {
  if (!key.startsWith(layout.inputPrefix) || key.endsWith('/')) return null;
  const relative = key.slice(layout.inputPrefix.length);
  if (!isSafeRelativeKey(relative)) return null;
  const output = `${layout.outputPrefix}${relative}.json`;
  // S3 refuses keys over 1024 bytes; an input key near that limit has no output key.
  return Buffer.byteLength(output, 'utf8') <= MAX_KEY_BYTES ? output : null;
}

/**
 * Where the error document for an upload whose key `outputKeyForUpload` refuses goes:
 * `summaries/_refused/<key relative to incoming/, percent-encoded into one segment>.json`, e.g.
 * `incoming/a/../b.txt` -> `summaries/_refused/a%2F%2E%2E%2Fb%2Etxt.json`. Everything but letters,
 * digits and `-_!~*'()` is encoded, dots included, so the name is one plain segment that no tool can
 * read as a path. When even that is over S3's key limit, the name is the key's SHA-256 instead.
 */
export function refusedKeyForUpload(key: string, layout: KeyLayout): string {
  const relative = key.startsWith(layout.inputPrefix) ? key.slice(layout.inputPrefix.length) : key;
  // encodeURIComponent throws on unpaired surrogates: they become U+FFFD first.
  const encoded = encodeURIComponent(relative.replace(/\p{Cs}/gu, '\uFFFD')).replaceAll('.', '%2E');
  const readable = `${layout.outputPrefix}${REFUSED_FOLDER}${encoded}.json`;
  if (Buffer.byteLength(readable, 'utf8') <= MAX_KEY_BYTES) return readable;
  return `${layout.outputPrefix}${REFUSED_FOLDER}sha256-${createHash('sha256').update(key).digest('hex')}.json`;
}

/** The folder under the output prefix that holds error documents for refused keys. */
export const REFUSED_FOLDER = '_refused/';

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
// refuse dot and empty segments, absolute paths, backslashes and control characters rather than
// reason about them.
// Lookalikes count too: a tool that applies Unicode compatibility normalisation (NFKC) turns the
// fullwidth "．．／" into "../", so the key must be safe both as given and in that form. Bidirectional
// controls are refused because they make a key display as another one in logs and consoles.
function isSafeRelativeKey(relative: string): boolean {
  if (LONE_SURROGATE.test(relative) || UNSAFE_CHARACTERS.test(relative)) return false;
  return isSafePath(relative) && isSafePath(relative.normalize('NFKC'));
}

// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// With the `u` flag a surrogate pair is one code point, so only unpaired halves match (not valid UTF-8).
const LONE_SURROGATE = /\p{Cs}/u;

function isSafePath(relative: string): boolean {
  if (relative === '' || relative.startsWith('/') || relative.includes('\\')) return false;
  // Empty segments too (`a//b`): a mirror to disk collapses them, so two keys would share one file.
  return relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
