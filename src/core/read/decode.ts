import sbcsData from 'iconv-lite/encodings/sbcs-data-generated.js';
import {
  EmptyDocumentError,
  InputTooLargeError,
  MalformedInputError,
  UnsupportedMediaError,
} from '../../errors.js';
import { DEFAULT_MAX_BYTES } from '../limits.js';
import { BINARY_SIGNATURES, type BinarySignature } from './binary-signatures.js';

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
  if (bytes.includes(0)) {
    throw new UnsupportedMediaError('The file contains NUL bytes: it looks like a binary file, not text');
  }

  try {
    // `ignoreBOM: false` (the default) makes the decoder consume a leading UTF-8 byte-order mark.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the commonest legacy encoding for Western text is Windows-1252, a superset of
    // ISO-8859-1's printable range; every byte is valid in it, so this decode cannot fail.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  try {
    // The decoder strips the byte-order mark it was chosen by.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch (error) {
    throw new MalformedInputError(
      `The file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`,
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

// Node's TextDecoder('windows-1252') decodes 0x80-0x9F as the C1 controls of Latin-1, losing curly
// quotes, dashes and the euro sign. The upper half's mapping is taken from iconv-lite's maintained
// single-byte tables (one 32 KB data file; the full library would add ~200 KB of CJK tables to each
// Lambda bundle).
const WINDOWS_1252_HIGH: string = sbcsData.windows1252.chars;
const C1_CONTROLS = /[\u0080-\u009f]/g;

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(C1_CONTROLS, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}
