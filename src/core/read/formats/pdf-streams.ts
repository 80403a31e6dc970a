import { constants, inflateSync } from 'node:zlib';
import type { WorkLimits } from '../../limits.js';
import { tooComplex } from '../work-budget.js';

/**
 * pdf.js inflates a stream in full when it reads it, and a Flate stream compresses about a thousand
 * to one: a 1 MB PDF inflated to 1 GB took 2.2 GB and 25 s. Before pdf.js sees the file, every stream
 * is decoded here through its filter chain with the output capped at what is left of
 * `maxInflatedBytes`, and all but images also count against `maxContentBytes`, what pdf.js parses.
 * A bomb stops at the cap (zlib's `maxOutputLength` stops the inflater itself,
 * it never allocates past it). Filters without expansion worth guarding (images: DCT, JPX, JBIG2,
 * CCITT) end the chain and count at their stored size.
 *
 * Known gap: the streams of an encrypted PDF cannot be decoded without decrypting them first; they
 * count at their stored size, and the page, character and text-item caps still bound what pdf.js
 * extracts from them.
 */
export function checkPdfStreams(bytes: Uint8Array, limits: WorkLimits): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let remaining = limits.maxInflatedBytes;
  let content = 0;
  for (const stream of findStreams(buffer)) {
    let data: Buffer = stream.data;
    for (const filter of stream.filters) {
      const decode = DECODERS[filter];
      if (decode === undefined) break;
      const decoded = decode(data, remaining);
      if (decoded === OVER) throw tooComplex(limits, 'maxInflatedBytes');
      if (decoded === undefined) break;
      data = decoded;
    }
    remaining -= data.byteLength;
    if (remaining < 0) throw tooComplex(limits, 'maxInflatedBytes');
    if (!stream.image) content += data.byteLength;
    if (content > limits.maxContentBytes) throw tooComplex(limits, 'maxContentBytes');
  }
}

interface RawStream {
  readonly filters: readonly string[];
  /** An image XObject: pdf.js does not decode it to extract text. */
  readonly image: boolean;
  readonly data: Buffer;
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far before `stream` the dictionary that describes it is looked for. */
const DICTIONARY_WINDOW = 4096;

/** Every `stream ... endstream` body in the file, with the filter names of the dictionary before it. */
function* findStreams(buffer: Buffer): Generator<RawStream> {
  let at = buffer.indexOf(STREAM);
  while (at !== -1) {
    const isEnd = at >= 3 && buffer.toString('latin1', at - 3, at) === 'end';
    let start = at + STREAM.byteLength;
    if (!isEnd && (buffer[start] === 0x0d || buffer[start] === 0x0a)) {
      if (buffer[start] === 0x0d && buffer[start + 1] === 0x0a) start += 1;
      start += 1;
      const end = buffer.indexOf(END_STREAM, start);
      const stop = end === -1 ? buffer.byteLength : end;
      const dictionary = buffer.toString('latin1', Math.max(0, at - DICTIONARY_WINDOW), at);
      const own = ownDictionary(dictionary);
      yield { filters: filtersOf(own), image: IMAGE.test(own), data: buffer.subarray(start, stop) };
      at = end === -1 ? -1 : buffer.indexOf(STREAM, end + END_STREAM.byteLength);
      continue;
    }
    at = buffer.indexOf(STREAM, at + STREAM.byteLength);
  }
}

const FILTER = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/g;
const IMAGE = /\/Subtype\s*\/Image\b/;

/** The text of the stream's own object: from its `obj` keyword (or the previous stream's end). */
function ownDictionary(text: string): string {
  const objectStart = Math.max(text.lastIndexOf(' obj'), text.lastIndexOf('endstream'));
  return objectStart === -1 ? text : text.slice(objectStart);
}

/** The filter chain of the stream's dictionary. */
function filtersOf(own: string): string[] {
  let last: string | undefined;
  for (const match of own.matchAll(FILTER)) last = match[1];
  if (last === undefined) return [];
  return Array.from(last.matchAll(/\/([A-Za-z0-9]+)/g), (match) => match[1] ?? '');
}

/** A decoder's answer when its output would pass the limit it was given. */
const OVER = Symbol('over the limit');

/** Decodes `data`, or says it is over `limit` bytes of output, or `undefined` when it is not that filter's data. */
type Decoder = (data: Buffer, limit: number) => Buffer | typeof OVER | undefined;

function inflate(data: Buffer, limit: number): Buffer | typeof OVER | undefined {
  try {
    // Sync flush: pdf.js reads damaged streams up to the damage, so the check must too.
    return inflateSync(data, { maxOutputLength: limit + 1, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (error instanceof RangeError) return OVER;
    // Not zlib data at all: pdf.js fails on it too, or recovers nothing from it.
    return undefined;
  }
}

function asciiHex(data: Buffer): Buffer {
  const digits = data.toString('latin1').replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(digits.length % 2 === 0 ? digits : `${digits}0`, 'hex');
}

/** ASCII base-85: four bytes from five digits, `z` for four zeros, `~>` ends it. */
function ascii85(data: Buffer): Buffer {
  const text = data.toString('latin1');
  const endAt = text.indexOf('~>');
  const digits = (endAt === -1 ? text : text.slice(0, endAt)).replace(/\s/g, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (size: number): void => {
    while (group.length < 5) group.push(84);
    const value = group.reduce((sum, digit) => sum * 85 + digit, 0);
    for (let k = 0; k < size; k += 1) out.push(Math.floor(value / 256 ** (3 - k)) % 256);
    group = [];
  };
  for (const char of digits) {
    if (char === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const digit = char.charCodeAt(0) - 33;
    if (digit < 0 || digit > 84) continue;
    group.push(digit);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

function runLength(data: Buffer, limit: number): Buffer | typeof OVER {
  const out: Buffer[] = [];
  let length = 0;
  for (let i = 0; i < data.byteLength; ) {
    const n = data[i] ?? 128;
    if (n === 128) break;
    const chunk = n < 128 ? data.subarray(i + 1, i + 2 + n) : Buffer.alloc(257 - n, data[i + 1] ?? 0);
    i += n < 128 ? n + 2 : 2;
    length += chunk.byteLength;
    if (length > limit) return OVER;
    out.push(chunk);
  }
  return Buffer.concat(out);
}

/** LZW as PDF writes it (9- to 12-bit codes, early change), stopping once the output passes `limit`. */
function lzw(data: Buffer, limit: number): Buffer | typeof OVER {
  let out = Buffer.alloc(Math.min(limit + 1, Math.max(1024, data.byteLength * 4)));
  let length = 0;
  // Each entry is a slice of the output already written: a prefix plus one byte.
  let starts: number[] = [];
  let lengths: number[] = [];
  const reset = (): void => {
    starts = [];
    lengths = [];
  };
  let bits = 9;
  let accumulator = 0;
  let held = 0;
  let previous = -1;
  let previousStart = 0;
  const entryLength = (code: number): number => (code < 256 ? 1 : (lengths[code - 258] ?? 0));
  const ensure = (extra: number): boolean => {
    if (length + extra > limit) return false;
    if (length + extra > out.byteLength) {
      const grown = Buffer.alloc(Math.min(limit + 1, Math.max(out.byteLength * 2, length + extra)));
      out.copy(grown, 0, 0, length);
      out = grown;
    }
    return true;
  };
  for (const byte of data) {
    accumulator = ((accumulator << 8) | byte) & 0xffffff;
    held += 8;
    while (held >= bits) {
      const code = (accumulator >> (held - bits)) & ((1 << bits) - 1);
      held -= bits;
      if (code === 256) {
        reset();
        bits = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return out.subarray(0, length);
      const known = code < 258 + starts.length;
      if (!known && (previous === -1 || code !== 258 + starts.length)) return out.subarray(0, length);
      const start = length;
      if (code < 256) {
        if (!ensure(1)) return OVER;
        out[length] = code;
        length += 1;
      } else if (known) {
        const size = entryLength(code);
        if (!ensure(size)) return OVER;
        const from = starts[code - 258] ?? 0;
        out.copy(out, length, from, from + size);
        length += size;
      } else {
        // The code being defined: the previous entry plus its own first byte.
        const size = entryLength(previous) + 1;
        if (!ensure(size)) return OVER;
        const from = previousStart;
        out.copy(out, length, from, from + size - 1);
        out[length + size - 1] = out[from] ?? 0;
        length += size;
      }
      if (previous !== -1 && starts.length < 4096 - 258) {
        starts.push(previousStart);
        lengths.push(entryLength(previous) + 1);
      }
      previous = code;
      previousStart = start;
      if (258 + starts.length + 1 >= 1 << bits && bits < 12) bits += 1;
    }
  }
  return out.subarray(0, length);
}

const DECODERS: Readonly<Record<string, Decoder>> = Object.freeze({
  FlateDecode: inflate,
  Fl: inflate,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
  RunLengthDecode: runLength,
  RL: runLength,
  LZWDecode: lzw,
  LZW: lzw,
});
