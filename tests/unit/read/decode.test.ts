import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/read/decode.js';
import {
  EmptyDocumentError,
  InputTooLargeError,
  MalformedInputError,
  UnsupportedMediaError,
} from '../../../src/errors.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

/** UTF-16 code units with a byte-order mark, in the given byte order. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), order === 'le');
  return out;
}

describe('decodeBytes', () => {
  it('decodes UTF-8 without a byte-order mark', () => {
    expect(decodeBytes(utf8('Café “au lait” £3'))).toEqual({ text: 'Café “au lait” £3', encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello')]);
    expect(decodeBytes(withBom)).toEqual({ text: 'Hello', encoding: 'utf-8' });
  });

  it('decodes UTF-16 little-endian with a byte-order mark', () => {
    expect(decodeBytes(utf16('Zürich – “quoted”', 'le'))).toEqual({
      text: 'Zürich – “quoted”',
      encoding: 'utf-16le',
    });
  });

  it('decodes UTF-16 big-endian with a byte-order mark', () => {
    expect(decodeBytes(utf16('Zürich – “quoted”', 'be'))).toEqual({
      text: 'Zürich – “quoted”',
      encoding: 'utf-16be',
    });
  });

  it('refuses UTF-16 with an odd number of bytes as malformed', () => {
    const truncated = utf16('Hello', 'le').subarray(0, 7);
    expect(() => decodeBytes(truncated)).toThrow(MalformedInputError);
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    // “Café” costs £5 — in Windows-1252: 0x93 Caf 0xE9 0x94 costs 0xA3 5 0x97 ...
    const cp1252 = bytes(
      0x93,
      ...ascii('Caf'),
      0xe9,
      0x94,
      ...ascii(' costs '),
      0xa3,
      ...ascii('5 '),
      0x97,
      ...ascii(' or so'),
    );
    expect(decodeBytes(cp1252)).toEqual({ text: '“Café” costs £5 — or so', encoding: 'windows-1252' });
  });

  it('reads every byte 0x80-0x9F as the Windows-1252 character, the five it leaves undefined as U+FFFD', () => {
    const high = bytes(...ascii('Price: '), ...Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const { text, encoding } = decodeBytes(high);
    expect(encoding).toBe('windows-1252');
    expect(text.slice('Price: '.length)).toBe('€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ');
  });

  it('refuses input over maxBytes before decoding it', () => {
    // Invalid UTF-8 and full of NULs: any decoding attempt would fail differently.
    const big = new Uint8Array(1024 * 1024 + 1);
    const error = (() => {
      try {
        decodeBytes(big, { maxBytes: 1024 * 1024 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputTooLargeError);
    expect(error).toMatchObject({ limitBytes: 1024 * 1024, code: 'INPUT_TOO_LARGE' });
  });

  it('uses a 25 MiB limit by default', () => {
    expect(() => decodeBytes(new Uint8Array(25 * 1024 * 1024 + 1))).toThrow(InputTooLargeError);
  });

  it('accepts input exactly at the limit', () => {
    expect(decodeBytes(utf8('abcd'), { maxBytes: 4 }).text).toBe('abcd');
  });

  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), /PNG image/],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10), /JPEG image/],
    ['GIF', bytes(...ascii('GIF89a'), 1, 0, 1, 0), /GIF image/],
    ['WebP', bytes(...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')), /WebP image/],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF document/],
    ['ZIP (DOCX)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00), /ZIP archive/],
    ['gzip', bytes(0x1f, 0x8b, 0x08, 0x00), /gzip/],
    ['RTF', utf8('{\\rtf1\\ansi{\\fonttbl\\f0 Helvetica;}\\f0 The ferry sailed.\\par}'), /RTF document/],
    ['OLE (DOC)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), /old Microsoft Office/],
  ])('refuses a %s file and says what it looks like', (_name, input, message) => {
    expect(() => decodeBytes(input)).toThrow(UnsupportedMediaError);
    expect(() => decodeBytes(input)).toThrow(message);
  });

  it.each(['le', 'be'] as const)('recognises UTF-16%s saved without a byte-order mark', (order) => {
    const text = 'The café in Zürich – “quoted” – reopened.\n';
    const withoutBom = utf16(text, order).subarray(2);
    expect(decodeBytes(withoutBom)).toEqual({ text, encoding: `utf-16${order}` });
  });

  it('still refuses 16-bit binary data that has a NUL in every other byte', () => {
    // Little-endian 16-bit counters: the low bytes are mostly control characters, not text.
    const table = new Uint8Array(64).map((_, i) => (i % 2 === 0 ? i % 20 : 0));
    expect(() => decodeBytes(table)).toThrow(/NUL bytes/);
  });

  it('reads UTF-8 with a few corrupt bytes as UTF-8, not as Windows-1252 mojibake', () => {
    const damaged = new Uint8Array([...utf8('Café in Zürich '), 0xff, ...utf8(' déjà vu')]);
    expect(decodeBytes(damaged)).toEqual({ text: 'Café in Zürich \uFFFD déjà vu', encoding: 'utf-8' });
  });

  it('refuses content with NUL bytes and no UTF-16 byte-order mark', () => {
    expect(() => decodeBytes(new Uint8Array([...utf8('Hello'), 0, ...utf8('world')]))).toThrow(/NUL bytes/);
  });

  it('treats whitespace-only input as an empty document', () => {
    expect(() => decodeBytes(utf8(' \n\t\r\n  \u200B'))).toThrow(EmptyDocumentError);
    expect(() => decodeBytes(new Uint8Array(0))).toThrow(EmptyDocumentError);
  });
});
