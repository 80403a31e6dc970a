import {
  EmptyDocumentError,
  InputTooLargeError,
  MalformedInputError,
  UnsupportedMediaError,
} from '../../errors.js';
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { BINARY_SIGNATURES, type BinarySignature } from './binary-signatures.js';
import { WINDOWS_1252_C1 } from './windows-1252.js';

/** The encodings `decodeBytes` reports, in WHATWG Encoding Standard names. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

export interface DecodeOptions {
  /** Inputs longer than this are refused before a byte is decoded. Default 25 MiB. */
  readonly maxBytes?: number;
}

/** Characters that count as "nothing there": whitespace and the zero-width marks normalisation removes. */
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF]*$/u;

/**
 * Turns the bytes of an uploaded file into text, refusing what is too large, binary or empty.
 *
 * Order matters: the size is checked first so an oversized upload costs nothing to refuse, then
 * magic numbers and NUL bytes so a PNG never reaches a text decoder and comes back as mojibake.
 *
 * @example
 * decodeBytes(new TextEncoder().encode('Hello')) // { text: 'Hello', encoding: 'utf-8' }
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) throw new InputTooLargeError(bytes.byteLength, maxBytes);

  const decoded = decodeText(bytes);
  if (BLANK.test(decoded.text)) throw new EmptyDocumentError('The file contains only whitespace');
  return decoded;
}

function decodeText(bytes: Uint8Array): DecodedText {
  // UTF-16 text is full of NUL bytes, so its byte-order mark must be recognised before the NUL check.
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be');

  const signature = findSignature(bytes);
  if (signature !== undefined) {
    throw new UnsupportedMediaError(`The file looks like ${signature.name}, not text`);
  }
  const bomless = bomlessUtf16(bytes);
  if (bomless !== undefined) return decodeUtf16(bytes, bomless);
  if (bytes.includes(0)) {
    throw new UnsupportedMediaError('The file contains NUL bytes: it looks like a binary file, not text');
  }

  try {
    // `ignoreBOM: false` (the default) makes the decoder consume a leading UTF-8 byte-order mark.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // UTF-8 with a few corrupt bytes (a bad copy, a truncated character) is still UTF-8: reading it as
    // Windows-1252 would turn every "é" into "Ã©". Each bad byte becomes U+FFFD instead.
    if (isMostlyUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    // Not UTF-8: the commonest legacy encoding for Western text is Windows-1252, a superset of
    // ISO-8859-1's printable range; every byte is valid in it, so this decode cannot fail.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** How many leading bytes the UTF-16 guess looks at, and how few are too little evidence for it. */
const UTF16_SAMPLE_BYTES = 4096;
const UTF16_MIN_BYTES = 32;

/**
 * UTF-16 saved without a byte-order mark (some exporters and PowerShell pipelines do this). Text in
 * Latin script then has a NUL in every other byte and almost none in the others. The bytes between
 * the NULs must also look like text (printable or a line break), so a binary table of 16-bit numbers
 * is not taken for it and still gets the NUL-byte refusal.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.byteLength < UTF16_MIN_BYTES || bytes.byteLength % 2 !== 0) return undefined;
  const length = Math.min(bytes.byteLength, UTF16_SAMPLE_BYTES);
  const units = length / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const mostly = (count: number): boolean => count >= units * 0.9;
  const rarely = (count: number): boolean => count <= units * 0.05;
  let order: 'utf-16le' | 'utf-16be';
  if (mostly(oddZeros) && rarely(evenZeros)) order = 'utf-16le';
  else if (mostly(evenZeros) && rarely(oddZeros)) order = 'utf-16be';
  else return undefined;
  // Code units below U+0100 must be printable, a tab or a line break; higher ones are other letters.
  const low = order === 'utf-16le' ? 0 : 1;
  let printable = 0;
  for (let i = 0; i < length; i += 2) {
    const byte = bytes[i + low] ?? 0;
    const high = bytes[i + 1 - low] ?? 0;
    if (high !== 0 || byte >= 0x20 || byte === 9 || byte === 10 || byte === 13) printable += 1;
  }
  return printable >= units * 0.95 ? order : undefined;
}

/**
 * True when invalid UTF-8 is more likely damaged UTF-8 than a legacy encoding: it holds more valid
 * multi-byte sequences than invalid bytes. Windows-1252 prose almost never forms a valid sequence
 * (that takes a lead byte such as "Ã" followed by a byte in 0x80-0xBF).
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.byteLength) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      invalid += 1;
      i += 1;
    } else {
      valid += 1;
      i += length;
    }
  }
  return valid > invalid;
}

/** Length of the well-formed UTF-8 sequence starting at `i` (lead byte >= 0x80), or 0 if ill-formed. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const next = bytes[i + 1] ?? 0;
  const continuation = (at: number): boolean => ((bytes[at] ?? 0) & 0xc0) === 0x80;
  // Second-byte ranges per the Unicode Standard's table of well-formed sequences: they exclude
  // overlong forms, surrogates and code points above U+10FFFF.
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(i + 1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return next >= low && next <= high && continuation(i + 2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return next >= low && next <= high && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    // The decoder strips the byte-order mark it was chosen by.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch (error) {
    throw new MalformedInputError(
      `The file looks like ${encoding.toUpperCase()} (from its byte-order mark or its NUL bytes) but is not valid ${encoding.toUpperCase()}`,
      { cause: error },
    );
  }
}

function findSignature(bytes: Uint8Array): BinarySignature | undefined {
  return BINARY_SIGNATURES.find((signature) =>
    signature.parts.every((part) => startsWith(bytes, part.bytes, part.offset ?? 0)),
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.byteLength < offset + prefix.length) return false;
  return prefix.every((value, i) => bytes[offset + i] === value);
}

// Node's TextDecoder('windows-1252') decodes 0x80-0x9F as the C1 controls of Latin-1 (Node 22.23),
// losing curly quotes, dashes and the euro sign, so those 32 bytes are mapped by the code page's table.
const C1_CONTROLS = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(C1_CONTROLS, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}
