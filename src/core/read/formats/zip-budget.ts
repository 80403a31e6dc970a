import { inflateRawSync } from 'node:zlib';
import type { WorkLimits } from '../../limits.js';
import { tooComplex } from '../work-budget.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff;
/**
 * Word's XML spends several elements on each visible one (a run, its properties, its text), so the
 * XML elements of the parts may number this many times `maxNodes` before the file is refused: mammoth
 * builds a tree of every one of them before any HTML exists.
 */
const XML_ELEMENTS_PER_NODE = 10;
const LESS_THAN = 0x3c;

/**
 * Inflates every entry of a ZIP (a Word file) with its output capped at what is left of
 * `limits.maxInflatedBytes`, and throws `InputTooComplexError` once the total passes it. The sizes a
 * ZIP declares are not trusted (a bomb can lie about them): the data itself is inflated, and zlib's
 * `maxOutputLength` stops the inflater at the cap, so the check never costs more than the cap. The
 * elements of the XML parts are counted too, against ten times `maxNodes`.
 * An archive whose directory cannot be found is left for the Word reader to refuse.
 */
export function checkZipEntries(bytes: Uint8Array, limits: WorkLimits): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(buffer);
  if (end === -1) return;
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  let remaining = limits.maxInflatedBytes;
  let elements = 0;
  const maxElements = limits.maxNodes * XML_ELEMENTS_PER_NODE;
  for (let entry = 0; entry < count; entry += 1) {
    if (at + 46 > buffer.byteLength || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) return;
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + buffer.readUInt16LE(at + 28));
    const isXml = /\.(?:xml|rels)$/i.test(name);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    if (local + 30 > buffer.byteLength || buffer.readUInt32LE(local) !== LOCAL_HEADER) continue;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    // 0xFFFFFFFF: the size is in a ZIP64 field; the rest of the file bounds the data instead.
    const stop =
      compressed === 0xffffffff ? buffer.byteLength : Math.min(buffer.byteLength, start + compressed);
    const data = buffer.subarray(start, stop);
    let produced = data.byteLength;
    let content: Buffer = data;
    if (method === DEFLATED) {
      try {
        content = inflateRawSync(data, { maxOutputLength: remaining + 1 });
        produced = content.byteLength;
      } catch (error) {
        if (error instanceof RangeError) throw tooComplex(limits, 'maxInflatedBytes');
        // Damaged data: the Word reader refuses it with its own message.
        produced = 0;
        content = Buffer.alloc(0);
      }
    } else if (method !== STORED) {
      produced = 0;
      content = Buffer.alloc(0);
    }
    remaining -= produced;
    if (remaining < 0) throw tooComplex(limits, 'maxInflatedBytes');
    if (isXml) {
      for (let i = content.indexOf(LESS_THAN); i !== -1; i = content.indexOf(LESS_THAN, i + 1)) elements += 1;
      if (elements > maxElements) throw tooComplex(limits, 'maxNodes');
    }
  }
}

function findEndRecord(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.byteLength - END_SEARCH_BYTES);
  for (let at = buffer.byteLength - 22; at >= lowest; at -= 1) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}
