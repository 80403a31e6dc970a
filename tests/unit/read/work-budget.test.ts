import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_LIMITS, type WorkLimits } from '../../../src/core/limits.js';
import { readFile } from '../../../src/core/read/read-file.js';
import { InputTooComplexError, InvalidOptionsError } from '../../../src/errors.js';
import {
  docxInflationBomb,
  docxManyParagraphs,
  htmlManyAttributes,
  pdfEmptyPages,
  pdfFlateBomb,
  pdfManyLines,
  plainTextOfSize,
} from '../../support/make-bombs.js';
import { makePdf } from '../../support/make-pdf.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const STORY =
  'Ferry fares rise\n\nThe ferry company raised its fares on Monday. Islanders said the rise was steep. The council will meet on Friday.\n';

/** Reads with one cap changed; resolves to the error's `limit`, or 'read' when the input was read. */
async function capHit(
  bytes: Uint8Array,
  filename: string,
  limits: Partial<WorkLimits>,
): Promise<string | 'read'> {
  try {
    await readFile(bytes, { filename, limits });
    return 'read';
  } catch (error) {
    if (error instanceof InputTooComplexError) return error.limit;
    throw error;
  }
}

describe('work budget', () => {
  it('names the cap, its value and what it counts in the message, with status 422', async () => {
    const error = await readFile(utf8(STORY), { filename: 'a.txt', limits: { maxSentences: 2 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputTooComplexError);
    expect(error).toMatchObject({ code: 'INPUT_TOO_COMPLEX', status: 422, limit: 'maxSentences' });
    expect(error).toMatchObject({
      message: expect.stringMatching(/more than 2 sentences \(limit maxSentences\)/),
    });
  });

  it('refuses text over the character cap and reads text at it', async () => {
    const text = plainTextOfSize(20_000);
    expect(await capHit(text, 'a.txt', { maxChars: 19_000 })).toBe('maxChars');
    expect(await capHit(text, 'a.txt', { maxChars: 20_000 })).toBe('read');
  });

  it('counts the characters of an HTML page after its markup is removed', async () => {
    const page = utf8(`<html><body><p>${'The pier reopened. '.repeat(100)}</p></body></html>`);
    expect(await capHit(page, 'a.html', { maxChars: 1_800 })).toBe('maxChars');
    expect(await capHit(page, 'a.html', { maxChars: 2_000 })).toBe('read');
  });

  it('refuses more sentences than the cap', async () => {
    expect(await capHit(utf8(STORY), 'a.txt', { maxSentences: 2 })).toBe('maxSentences');
    expect(await capHit(utf8(STORY), 'a.txt', { maxSentences: 3 })).toBe('read');
  });

  it('refuses HTML with more elements than the node cap before building a DOM', async () => {
    const page = utf8(`<html><body>${'<p>The pier reopened.</p>'.repeat(60)}</body></html>`);
    expect(await capHit(page, 'a.html', { maxNodes: 50 })).toBe('maxNodes');
    expect(await capHit(page, 'a.html', { maxNodes: 70 })).toBe('read');
  });

  it('counts comments as nodes', async () => {
    const page = utf8(`<html><body><p>The pier reopened.${'<!-- x -->'.repeat(60)}</p></body></html>`);
    expect(await capHit(page, 'a.html', { maxNodes: 50 })).toBe('maxNodes');
  });

  it('refuses too many attributes in the page, and on one element', async () => {
    expect(await capHit(htmlManyAttributes(300), 'a.html', { maxAttributes: 299 })).toBe('maxAttributes');
    expect(await capHit(htmlManyAttributes(300), 'a.html', { maxElementAttributes: 299 })).toBe(
      'maxElementAttributes',
    );
    expect(await capHit(htmlManyAttributes(300), 'a.html', {})).toBe('read');
  });

  it('does not count attribute-like text inside quoted values or scripts', async () => {
    const page = utf8(
      `<html><body><p title="a b c d e f g h">The pier reopened.</p><script>var a = "<p x y z w>";</script></body></html>`,
    );
    expect(await capHit(page, 'a.html', { maxAttributes: 1, maxNodes: 5 })).toBe('read');
  });

  it('refuses a PDF with more pages than the cap before reading any', async () => {
    expect(await capHit(pdfEmptyPages(30), 'a.pdf', { maxPages: 29 })).toBe('maxPages');
  });

  it('refuses a PDF whose streams inflate past the cap, and reads one under it', async () => {
    expect(await capHit(pdfFlateBomb(2 * 1024 * 1024), 'a.pdf', { maxInflatedBytes: 1024 * 1024 })).toBe(
      'maxInflatedBytes',
    );
    expect(await capHit(pdfFlateBomb(512 * 1024), 'a.pdf', { maxInflatedBytes: 1024 * 1024 })).toBe('read');
  });

  it('refuses a PDF with more page content than the content cap', async () => {
    expect(await capHit(pdfManyLines(2_000), 'a.pdf', { maxContentBytes: 50_000 })).toBe('maxContentBytes');
    expect(await capHit(pdfManyLines(20), 'a.pdf', { maxContentBytes: 50_000 })).toBe('read');
  });

  it('follows a filter chain: a Flate stream wrapped in ASCIIHex still counts at its inflated size', async () => {
    const inflated = deflateSync(Buffer.alloc(2 * 1024 * 1024, 0x20)).toString('hex');
    const pdf = makePdf([{ lines: ['The tide table was published on Monday morning.'] }]);
    const text = new TextDecoder('latin1').decode(pdf);
    const extra = `9 0 obj\n<< /Length ${inflated.length} /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n${inflated}>\nendstream\nendobj\n`;
    const bytes = Uint8Array.from(text.replace('xref', `${extra}xref`), (c) => c.charCodeAt(0));
    expect(await capHit(bytes, 'a.pdf', { maxContentBytes: 1024 * 1024 })).toBe('maxContentBytes');
  });

  it('stops reading PDF text once the character cap is passed', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i} of the harbour notice was read aloud.`);
    expect(await capHit(makePdf([{ lines }]), 'a.pdf', { maxChars: 500 })).toBe('maxChars');
  });

  it('refuses a Word file whose parts inflate past the cap', async () => {
    expect(
      await capHit(docxInflationBomb(2 * 1024 * 1024), 'a.docx', { maxInflatedBytes: 1024 * 1024 }),
    ).toBe('maxInflatedBytes');
    expect(await capHit(docxInflationBomb(512 * 1024), 'a.docx', { maxInflatedBytes: 1024 * 1024 })).toBe(
      'read',
    );
  });

  it('refuses a Word file with more XML elements than ten times the node cap', async () => {
    // Four elements a paragraph: 300 paragraphs are about 1,200 elements, and 300 HTML paragraphs.
    expect(await capHit(docxManyParagraphs(300), 'a.docx', { maxNodes: 100 })).toBe('maxNodes');
    expect(await capHit(docxManyParagraphs(300), 'a.docx', { maxNodes: 400 })).toBe('read');
  });

  it('refuses limits that are not positive integers', async () => {
    await expect(readFile(utf8(STORY), { filename: 'a.txt', limits: { maxChars: 0 } })).rejects.toThrow(
      InvalidOptionsError,
    );
    await expect(readFile(utf8(STORY), { filename: 'a.txt', limits: { maxPages: 1.5 } })).rejects.toThrow(
      /maxPages/,
    );
  });

  it('has defaults far above a long article', () => {
    expect(DEFAULT_WORK_LIMITS.maxChars).toBeGreaterThan(1_000_000);
    expect(DEFAULT_WORK_LIMITS.maxSentences).toBeGreaterThan(10_000);
    expect(DEFAULT_WORK_LIMITS.maxNodes).toBeGreaterThan(20_000);
  });
});
