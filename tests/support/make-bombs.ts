// Complexity bombs (issue 18): files well inside the size limit that cost a reader far more than their
// size, generated here so none is stored. Each generator takes its scale, so the battery can run a
// version that fits its 3 MiB limit and the before/after script the issue's full-size one.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { makeDocx, makeDocxParts, makeZip } from './make-docx.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

const SENTENCE = 'The harbour board met on Tuesday to discuss the winter timetable for the ferries.';

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const CHUNK = 1024 * 1024;
const SPACE = 0x20;

/**
 * `prefix`, then `spaces` spaces, then `suffix`, raw-deflated without ever holding the spaces: one
 * megabyte of spaces is compressed once with a full flush (byte-aligned, no back-references across
 * it) and that block repeated, so a gigabyte bomb costs milliseconds to build. Returns the CRC-32 and
 * Adler-32 of the inflated bytes too, for the ZIP and zlib containers.
 */
function deflatedPadding(
  prefix: Uint8Array,
  spaces: number,
  suffix: Uint8Array,
): { raw: Uint8Array; crc: number; adler: number } {
  const full = { finishFlush: constants.Z_FULL_FLUSH };
  const chunk = new Uint8Array(CHUNK).fill(SPACE);
  const chunkBlock = deflateRawSync(chunk, full);
  const whole = Math.floor(spaces / CHUNK);
  const rest = new Uint8Array(spaces % CHUNK).fill(SPACE);
  const parts: Uint8Array[] = [deflateRawSync(prefix, full)];
  let crc = crc32(prefix);
  for (let i = 0; i < whole; i += 1) {
    parts.push(chunkBlock);
    crc = crc32(chunk, crc);
  }
  parts.push(deflateRawSync(rest, full), deflateRawSync(suffix));
  crc = crc32(suffix, crc32(rest, crc));
  // Adler-32 in closed form for the run of spaces: a += n*v, b += n*a + v*n(n+1)/2 (mod 65521).
  const MOD = 65521n;
  let a = 1n;
  let b = 0n;
  const add = (bytes: Uint8Array): void => {
    for (const byte of bytes) {
      a = (a + BigInt(byte)) % MOD;
      b = (b + a) % MOD;
    }
  };
  add(prefix);
  const n = BigInt(spaces);
  const v = BigInt(SPACE);
  b = (b + n * a + (v * n * (n + 1n)) / 2n) % MOD;
  a = (a + n * v) % MOD;
  add(suffix);
  return { raw: concat(parts), crc, adler: Number((b << 16n) | a) };
}

/** Short distinct attribute names: a0, a1, ... in base 36. */
function attributeName(i: number): string {
  return `a${i.toString(36)}`;
}

/** One `<div>` carrying `count` distinct empty attributes, then a paragraph of prose. */
export function htmlManyAttributes(count: number): Uint8Array {
  const parts: string[] = ['<html><body><div'];
  for (let i = 0; i < count; i += 1) parts.push(` ${attributeName(i)}`);
  parts.push(`><p>${SENTENCE}</p></div></body></html>`);
  return utf8(parts.join(''));
}

/** `count` comments and `count` entity references between paragraphs of prose. */
export function htmlCommentsAndEntities(count: number): Uint8Array {
  const parts: string[] = [`<html><body><article><p>${SENTENCE}</p><p>`];
  for (let i = 0; i < count; i += 1) parts.push('<!--c-->&amp;');
  parts.push(`</p><p>${SENTENCE}</p></article></body></html>`);
  return utf8(parts.join(''));
}

/** A Markdown bullet list nested `depth` levels deep, each level indented two more spaces. */
export function markdownNestedList(depth: number): Uint8Array {
  const lines: string[] = ['# Nested list', '', SENTENCE, ''];
  for (let i = 0; i < depth; i += 1) lines.push(`${'  '.repeat(i)}- item ${i}`);
  return utf8(`${lines.join('\n')}\n`);
}

/** A Markdown block quote nested `depth` levels deep. */
export function markdownNestedQuote(depth: number): Uint8Array {
  return utf8(`# Nested quote\n\n${SENTENCE}\n\n${'>'.repeat(depth)} ${SENTENCE}\n`);
}

interface RawPage {
  /** Content stream bytes as stored (already compressed when `flate`). */
  readonly content: Uint8Array;
  readonly flate?: boolean;
}

/**
 * A PDF from raw content streams, so a stream can be Flate-compressed (make-pdf.ts writes text only).
 * Pages share one content stream when `shared` is set, which keeps a 10,000-page file small.
 */
function rawPdf(pages: readonly RawPage[], repeatFirst = 1): Uint8Array {
  const objects: Uint8Array[] = [];
  const add = (body: Uint8Array | string): number => {
    objects.push(typeof body === 'string' ? latin1(body) : body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const filter = page.flate === true ? ' /Filter /FlateDecode' : '';
    const stream = add(
      concat([
        latin1(`<< /Length ${page.content.byteLength}${filter} >>\nstream\n`),
        page.content,
        latin1('\nendstream'),
      ]),
    );
    const pageDict = `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`;
    kids.push(add(pageDict));
    for (let i = 1; i < repeatFirst; i += 1) kids.push(add(pageDict));
  }
  objects[catalog - 1] = latin1(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  objects[pagesId - 1] = latin1(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  );
  const chunks: Uint8Array[] = [latin1('%PDF-1.4\n')];
  let length = chunks[0]?.byteLength ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = concat([latin1(`${i + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.byteLength;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(latin1(tail));
  return concat(chunks);
}

const textOps = (lines: readonly string[]): string =>
  `BT /F1 11 Tf 14 TL 72 760 Td\n${lines.map((line) => `(${line}) Tj T*`).join('\n')}\nET\n`;

/**
 * One page whose Flate content stream inflates to `inflatedBytes`: a line of text, then spaces (which
 * compress about a thousand to one).
 */
export function pdfFlateBomb(inflatedBytes: number): Uint8Array {
  const head = latin1(textOps([SENTENCE, SENTENCE]));
  const { raw, adler } = deflatedPadding(
    head,
    Math.max(0, inflatedBytes - head.byteLength),
    new Uint8Array(0),
  );
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, adler >>> 0);
  const zlib = concat([Uint8Array.from([0x78, 0x9c]), raw, trailer]);
  return rawPdf([{ content: zlib, flate: true }]);
}

/** One page whose (compressed) text stream shows `lines` lines of text. */
export function pdfManyLines(lines: number): Uint8Array {
  const shown: string[] = [];
  for (let i = 0; i < lines; i += 1) shown.push(`Line ${i} of the tide table for the northern harbour.`);
  return rawPdf([{ content: deflateSync(latin1(textOps(shown))), flate: true }]);
}

/** `pages` pages with nothing drawn on them. */
export function pdfEmptyPages(pages: number): Uint8Array {
  return rawPdf([{ content: latin1('') }], pages);
}

/** Plain prose of about `bytes` bytes: distinct-looking sentences in paragraphs of five. */
export function plainTextOfSize(bytes: number): Uint8Array {
  const subjects = ['The council', 'The harbour master', 'A ferry captain', 'The mayor', 'Islanders'];
  const verbs = ['said', 'warned', 'agreed', 'announced', 'argued'];
  const objects = ['the timetable', 'the new pier', 'the winter fares', 'the storm repairs', 'the levy'];
  const parts: string[] = ['Harbour timetable under review\n\n'];
  let length = parts[0]?.length ?? 0;
  for (let i = 0; length < bytes; i += 1) {
    const sentence = `${subjects[i % 5]} ${verbs[(i >> 2) % 5]} that ${objects[(i >> 4) % 5]} would change in week ${i % 53}.${i % 5 === 4 ? '\n\n' : ' '}`;
    parts.push(sentence);
    length += sentence.length;
  }
  return utf8(parts.join('').slice(0, bytes));
}

/**
 * A Word file whose document part inflates to about `inflatedBytes`: one paragraph of prose, then
 * whitespace inside the body (which deflates about a thousand to one).
 */
export function docxInflationBomb(inflatedBytes: number): Uint8Array {
  const head = utf8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${SENTENCE}</w:t></w:r></w:p>`,
  );
  const tail = utf8('</w:body></w:document>');
  const spaces = Math.max(0, inflatedBytes - head.byteLength - tail.byteLength);
  const { raw, crc } = deflatedPadding(head, spaces, tail);
  const document = { name: 'word/document.xml', data: raw, precompressed: { crc, size: inflatedBytes } };
  const parts = makeDocxParts();
  return makeZip([...parts, document]);
}

/** A Word file of `count` one-sentence paragraphs, deflated: many XML elements in a small file. */
export function docxManyParagraphs(count: number): Uint8Array {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  ];
  for (let i = 0; i < count; i += 1) parts.push(`<w:p><w:r><w:t>Item ${i} was logged.</w:t></w:r></w:p>`);
  parts.push('</w:body></w:document>');
  return makeDocx([], { deflate: true, documentXml: utf8(parts.join('')) });
}

/** `count` paragraphs of one sentence each, every `<p>` carrying `attributes` attributes. */
export function htmlParagraphs(count: number, attributes: number): Uint8Array {
  const attrs = Array.from({ length: attributes }, (_, i) => ` data-${attributeName(i)}="${i}"`).join('');
  const parts: string[] = ['<html><body><article>'];
  for (let i = 0; i < count; i += 1) parts.push(`<p${attrs}>Paragraph ${i}: ${SENTENCE}</p>`);
  parts.push('</article></body></html>');
  return utf8(parts.join(''));
}
