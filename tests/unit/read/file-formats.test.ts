import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/core/analyze.js';
import { declaredFormat } from '../../../src/core/read/detect-format.js';
import { fileFormatOf, readFile } from '../../../src/core/read/read-file.js';
import { makeDocx, makeZip } from '../../support/make-docx.js';
import { makePdf } from '../../support/make-pdf.js';
import { schemaErrors } from '../../support/schema.js';

// A short made-up story, used for both Word and PDF samples.
const HEADLINE = 'Ferry service returns to Port Ellis after storm repairs';
const BODY = [
  'Ferries sailed from Port Ellis on Monday for the first time since a winter storm wrecked the harbour wall.',
  'Engineers spent six weeks rebuilding the breakwater with granite blocks shipped from the mainland.',
  'The island council said the repairs cost 4.2 million and came in under budget.',
  'Fishing boats had used a temporary jetty at Carrow Bay while the main harbour was closed.',
  'Shops in the town reported their busiest weekend since the autumn as visitors returned.',
];

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('reading Word documents', () => {
  const docx = makeDocx([
    { text: HEADLINE, style: 'Title' },
    ...BODY.slice(0, 3).map((text) => ({ text })),
    { text: 'Background', style: 'Heading1' },
    ...BODY.slice(3).map((text) => ({ text })),
  ]);

  it('takes the Title style as the headline and the paragraphs as the body', async () => {
    const doc = await readFile(docx, { filename: 'ferry.docx' });
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe(HEADLINE);
    expect(doc.sentences.map((s) => s.text)).toEqual(expect.arrayContaining(BODY));
    expect(doc.sentences[0]?.text).toBe(BODY[0]);
  });

  it('recognises a Word file by its content, whatever it is called', async () => {
    expect(fileFormatOf(docx)).toBe('docx');
    expect((await readFile(docx, { filename: 'upload.bin' })).format).toBe('docx');
  });

  it('refuses a damaged Word file with a clear error', async () => {
    const damaged = docx.slice(0, Math.floor(docx.length / 2));
    await expect(readFile(damaged, { filename: 'ferry.docx' })).rejects.toMatchObject({
      code: 'MALFORMED_INPUT',
      message: expect.stringMatching(/Word/),
    });
  });

  it('still refuses other ZIP files (spreadsheets, e-books) as binary', async () => {
    const zip = makeZip([{ name: 'xl/workbook.xml', data: utf8('<workbook/>') }]);
    expect(fileFormatOf(zip)).toBeUndefined();
    await expect(readFile(zip, { filename: 'sheet.xlsx' })).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA',
    });
  });

  it('refuses a Word file over the size limit before reading it', async () => {
    await expect(readFile(docx, { maxBytes: docx.length - 1 })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
    });
  });
});

describe('reading PDF files', () => {
  // Lines wrapped as a PDF lays them out; a blank line is extra space between paragraphs.
  const pdf = makePdf([
    {
      lines: [
        HEADLINE,
        '',
        'Ferries sailed from Port Ellis on Monday for the first time since a winter',
        'storm wrecked the harbour wall. Engineers spent six weeks rebuilding the',
        'breakwater with granite blocks shipped from the mainland.',
        '',
        'The island council said the repairs cost 4.2 million and came in under budget.',
        '',
        'Page 1 of 2',
      ],
    },
    { lines: [BODY[3] ?? '', '', BODY[4] ?? '', '', '2'] },
  ]);

  it('rebuilds paragraphs from the line spacing and joins wrapped lines', async () => {
    const doc = await readFile(pdf, { filename: 'ferry.pdf' });
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe(HEADLINE);
    expect(doc.paragraphs[0]).toBe(`${BODY[0]} ${BODY[1]}`);
    expect(doc.sentences.map((s) => s.text)).toEqual(BODY);
  });

  it('drops page numbers and running page counters', async () => {
    const text = (await readFile(pdf)).paragraphs.join('\n');
    expect(text).not.toMatch(/Page 1 of 2/);
    expect(text).not.toMatch(/(?:^|\n)2(?:\n|$)/);
  });

  it('reads a PDF even when the upload calls it text', async () => {
    expect((await readFile(pdf, { filename: 'ferry.txt', contentType: 'text/plain' })).format).toBe('pdf');
  });

  it('refuses a scanned PDF with no text layer, saying why', async () => {
    const scan = makePdf([{ imageOnly: true }, { imageOnly: true }]);
    await expect(readFile(scan, { filename: 'scan.pdf' })).rejects.toMatchObject({
      code: 'NO_TEXT_LAYER',
      message: expect.stringMatching(/no text layer/),
    });
  });

  it('refuses a damaged PDF as malformed', async () => {
    await expect(readFile(utf8('%PDF-1.7\nnot really a pdf'), { filename: 'x.pdf' })).rejects.toMatchObject({
      code: 'MALFORMED_INPUT',
    });
  });

  it('refuses text that only claims to be a PDF', async () => {
    await expect(readFile(utf8(BODY.join(' ')), { format: 'pdf' })).rejects.toMatchObject({
      code: 'MALFORMED_INPUT',
      message: expect.stringMatching(/declared as pdf/),
    });
  });
});

describe('analysing Word and PDF files', () => {
  it('summarises both into schema-valid analyses of the same story', async () => {
    const fromWord = await analyzeFile(
      makeDocx([{ text: HEADLINE, style: 'Title' }, ...BODY.map((text) => ({ text }))]),
    );
    const fromPdf = await analyzeFile(
      makePdf([{ lines: [HEADLINE, '', ...BODY.flatMap((line) => [line, ''])] }]),
    );
    for (const analysis of [fromWord, fromPdf]) {
      expect(schemaErrors(analysis)).toEqual([]);
      expect(analysis.title).toBe(HEADLINE);
      expect(analysis.summary.sentences.length).toBeGreaterThan(0);
    }
    expect(fromPdf.summary.text).toBe(fromWord.summary.text);
  });

  it('names Word and PDF in content types and format options', () => {
    expect(declaredFormat({ contentType: 'application/pdf' })).toBe('pdf');
    expect(
      declaredFormat({
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
    ).toBe('docx');
    expect(declaredFormat({ format: 'word' })).toBe('docx');
    expect(declaredFormat({ filename: 'report.PDF' })).toBe('pdf');
  });
});
