import type { Format } from '../document.js';

/** File extensions (lower case, no dot) and the format each names. */
export const EXTENSION_FORMATS: Readonly<Record<string, Format>> = Object.freeze({
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  docx: 'docx',
  pdf: 'pdf',
});

/**
 * Names accepted for `--format` / the `format` option: every extension name, so `markdown` and `htm`
 * work as well as `md`, and two words that are no file extension.
 */
export const FORMAT_ALIASES: Readonly<Record<string, Format>> = Object.freeze({
  ...EXTENSION_FORMATS,
  plain: 'txt',
  word: 'docx',
});

/** Media types (lower case, without parameters) and the format each names. */
export const MEDIA_TYPE_FORMATS: Readonly<Record<string, Format>> = Object.freeze({
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/json': 'json',
  'text/json': 'json',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
});

/**
 * Media types that are certainly not text lede can read. Matched as prefixes (after the exact types
 * above, so PDF and Word are read) so that `image/png` and the other Office types are covered.
 */
export const UNSUPPORTED_MEDIA_PREFIXES: readonly string[] = Object.freeze([
  'image/',
  'audio/',
  'video/',
  'font/',
  'application/zip',
  'application/x-zip',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-7z',
  'application/x-rar',
  'application/msword',
  'application/vnd.ms-',
  'application/vnd.openxmlformats-',
  'application/vnd.oasis.opendocument.',
  'application/epub+zip',
  'application/rtf',
]);
