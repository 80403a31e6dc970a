import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../../src/core/document.js';
import { readDocument, readText } from '../../../src/core/read/read-document.js';
import {
  EmptyDocumentError,
  InputTooLargeError,
  InvalidOptionsError,
  LedeError,
  MalformedInputError,
  UnsupportedFormatError,
  UnsupportedMediaError,
} from '../../../src/errors.js';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../fixtures/read/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (doc: { sentences: readonly { text: string }[] }): string[] => doc.sentences.map((s) => s.text);

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), order === 'le');
  return out;
}

describe('readDocument on a plain-text article copied from a page', () => {
  let doc: ArticleDocument;
  beforeAll(async () => {
    doc = await readDocument(fixture('tidal-barrage.txt'), { filename: 'tidal-barrage.txt' });
  });

  it('keeps the title apart from the body and reads byline and date', async () => {
    expect(doc).toMatchObject({
      title: 'Kelvale switches on Europe’s first fjord tidal barrage',
      byline: 'Marit Solberg',
      published: 'March 3, 2031',
      format: 'txt',
      encoding: 'utf-8',
    });
    expect(texts(doc)[0]).toMatch(/^The small Norwegian harbour town/);
  });

  it('drops furniture lines, promos, teasers and icon names but keeps every real sentence', async () => {
    const all = texts(doc).join('\n');
    for (const furniture of [
      'Listen',
      'Advertisement',
      'continues below',
      'We’re tracking',
      'Sign up',
      'ChevronRight',
      'Photo:',
      'Read more',
      'contributed to this report',
      'GiftOutline',
    ]) {
      expect(all).not.toContain(furniture);
    }
    expect(texts(doc)).toContain(
      'Engineers said the 400-metre structure would generate about 38 gigawatt-hours a year, enough for the town and a nearby salmon processing plant.',
    );
    expect(texts(doc)).toContain(
      'The state energy regulator said it would publish monitoring data every quarter.',
    );
  });

  it('joins wrapped lines and keeps list items as separate sentences', async () => {
    expect(texts(doc)).toContain(
      'The project took eleven years and cost 2.1 billion kroner, much of it borrowed from a regional development fund.',
    );
    expect(texts(doc)).toEqual(
      expect.arrayContaining([
        'slower water exchange in the inner basin',
        'fewer herring spawning in spring',
      ]),
    );
  });

  it('numbers sentences in order and gives paragraphs the text of their kept sentences', async () => {
    expect(doc.sentences.map((s) => s.index)).toEqual(doc.sentences.map((_, i) => i));
    doc.paragraphs.forEach((paragraph, p) => {
      expect(paragraph).toBe(
        doc.sentences
          .filter((s) => s.paragraph === p)
          .map((s) => s.text)
          .join(' '),
      );
    });
  });
});

describe('readDocument on each format', () => {
  it('reads a Markdown article', async () => {
    const doc = await readDocument(fixture('harbour-bridge.md'), { filename: 'harbour-bridge.md' });
    expect(doc).toMatchObject({
      title: 'Harbour bridge reopens after two-year repair',
      byline: 'Dana Whitfield',
      format: 'md',
    });
    expect(texts(doc)).toContain(
      'The Corran Harbour Bridge reopened to traffic on Wednesday after a repair that took two years and ran four months late.',
    );
    expect(texts(doc).join(' ')).not.toMatch(/console\.log|newsletter|What changed/);
  });

  it('reads a JSON export', async () => {
    const doc = await readDocument(fixture('ferry-strike.json'), { contentType: 'application/json' });
    expect(doc).toMatchObject({
      title: 'Island ferry crews end three-day strike',
      byline: 'Owen Pritchard',
      published: '2031-08-22T09:30:00Z',
      format: 'json',
    });
    expect(texts(doc)).not.toContain('Advertisement');
    expect(doc.paragraphs).toHaveLength(3);
  });

  it('reads an HTML news page', async () => {
    const doc = await readDocument(fixture('library-fire.html'), { filename: 'library-fire.html' });
    expect(doc).toMatchObject({ title: 'Fire damages historic library in Dunmore', format: 'html' });
    expect(texts(doc)[0]).toMatch(/^A fire tore through the roof/);
    expect(texts(doc).join(' ')).not.toMatch(
      /cookies|Share on|newsletter|Related|Advertisement|Reader one|By Fiona/,
    );
  });

  it('sniffs the format when nothing declares it', async () => {
    expect((await readDocument(fixture('library-fire.html'))).format).toBe('html');
    expect((await readDocument(fixture('harbour-bridge.md'))).format).toBe('md');
    expect((await readDocument(fixture('ferry-strike.json'))).format).toBe('json');
    expect((await readDocument(fixture('tidal-barrage.txt'))).format).toBe('txt');
  });
});

describe('readDocument encodings', () => {
  const article = 'Café prices rise\n\n“Prices rose by £2,” said the owner of the café in Zürich.';

  it('reads a Windows-1252 file with curly quotes, é and £', async () => {
    const cp1252 = Uint8Array.from(
      article,
      (ch) => ({ '“': 0x93, '”': 0x94, '£': 0xa3, é: 0xe9, ü: 0xfc })[ch] ?? ch.charCodeAt(0),
    );
    const doc = await readDocument(cp1252, { filename: 'cafe.txt' });
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.title).toBe('Café prices rise');
    expect(texts(doc)).toEqual(['“Prices rose by £2,” said the owner of the café in Zürich.']);
  });

  it.each(['le', 'be'] as const)('reads a UTF-16 %s file with a byte-order mark', async (order) => {
    const doc = await readDocument(utf16(article, order), { filename: 'cafe.txt' });
    expect(doc.encoding).toBe(`utf-16${order}`);
    expect(texts(doc)).toEqual(['“Prices rose by £2,” said the owner of the café in Zürich.']);
  });

  it('strips a UTF-8 byte-order mark so it does not reach the title', async () => {
    const doc = await readDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(article)]));
    expect(doc.title).toBe('Café prices rise');
  });
});

describe('readDocument refusals', () => {
  it('refuses oversize input before decoding it', async () => {
    // 2 MiB of NUL bytes: if it were decoded it would be refused as binary instead.
    await expect(readDocument(new Uint8Array(2 * 1024 * 1024), { maxBytes: 1024 * 1024 })).rejects.toThrow(
      InputTooLargeError,
    );
  });

  it('refuses binary files', async () => {
    await expect(
      readDocument(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).rejects.toThrow(UnsupportedMediaError);
    await expect(readDocument(utf8('%PDF-1.4 ...'))).rejects.toThrow(/PDF/);
    await expect(
      readDocument(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), { filename: 'story.docx' }),
    ).rejects.toThrow(/ZIP/);
    await expect(readDocument(Uint8Array.from([65, 0, 66, 0]))).rejects.toThrow(/NUL/);
  });

  it('refuses an unsupported content type and an unknown format', async () => {
    await expect(readDocument(utf8('words'), { contentType: 'image/jpeg' })).rejects.toThrow(
      UnsupportedMediaError,
    );
    await expect(readDocument(utf8('words'), { format: 'rtf' })).rejects.toThrow(UnsupportedFormatError);
    // Declared as PDF, but the bytes are plain text: refused, not read as text.
    await expect(readDocument(utf8('words'), { format: 'pdf' })).rejects.toThrow(
      /declared as pdf but is not a PDF file/,
    );
  });

  it('refuses an invalid maxBytes option', async () => {
    await expect(readDocument(utf8('words'), { maxBytes: -1 })).rejects.toThrow(InvalidOptionsError);
  });

  it('refuses whitespace-only and furniture-only documents as empty', async () => {
    await expect(readDocument(utf8('  \n\n\t '))).rejects.toThrow(EmptyDocumentError);
    await expect(readDocument(utf8('Share this article\n\nAdvertisement\n\nRead more'))).rejects.toThrow(
      EmptyDocumentError,
    );
  });

  it('refuses an HTML page that is only scripts as empty', async () => {
    await expect(
      readDocument(utf8('<html><script>var story = "Not text.";</script></html>')),
    ).rejects.toThrow(EmptyDocumentError);
  });

  it('refuses a JSON array as malformed', async () => {
    await expect(readDocument(utf8('[1, 2, 3]'), { filename: 'a.json' })).rejects.toThrow(
      MalformedInputError,
    );
  });
});

describe('readDocument on pathological input', () => {
  it('reads HTML nested 50,000 levels deep', async () => {
    const deep = `<html><body>${'<div>'.repeat(50_000)}<p>The deep sentence survives.</p>${'</div>'.repeat(50_000)}</body></html>`;
    expect(texts(await readDocument(utf8(deep)))).toEqual(['The deep sentence survives.']);
  });

  it('refuses JSON nested 100,000 levels deep as malformed, without crashing', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    await expect(readDocument(utf8(deep), { format: 'json' })).rejects.toThrow(MalformedInputError);
  });
});

describe('readDocument options', () => {
  it('uses a title given in the options over the one in the text', async () => {
    const doc = await readDocument(utf8('Found title\n\nThe body.'), { title: '  Given\u00a0title ' });
    expect(doc.title).toBe('Given title');
  });

  it('does not repeat the title as the first sentence', async () => {
    const doc = await readDocument(utf8('<title>Dam opens</title><p>Dam opens</p><p>The dam opened.</p>'));
    expect(doc.title).toBe('Dam opens');
    expect(texts(doc)).toEqual(['The dam opened.']);
  });
});

describe('readText', () => {
  it('runs the same pipeline on a string', async () => {
    const doc = await readText('# Heading\n\nBody **text** here.');
    expect(doc).toMatchObject({ title: 'Heading', format: 'md', encoding: 'utf-8' });
    expect(texts(doc)).toEqual(['Body text here.']);
  });

  it('measures the size limit in UTF-8 bytes', async () => {
    // Four characters, twelve UTF-8 bytes.
    await expect(readText('€€€€', { maxBytes: 11 })).rejects.toThrow(InputTooLargeError);
    expect((await readText('€€€€ rose.', { maxBytes: 18 })).sentences).toHaveLength(1);
  });

  it('returns a document or rejects with a LedeError for any string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ maxLength: 300 }),
          fc
            .array(
              fc.constantFrom(
                '<p>',
                '</p>',
                '<div class="share">',
                '{',
                '"text":',
                '# ',
                '**',
                '\n\n',
                'Word. ',
                '—',
                '\u00a0',
                '[',
                ']',
                '(x)',
                '<script>',
                '---\n',
              ),
              { maxLength: 40 },
            )
            .map((parts) => parts.join('')),
        ),
        fc.constantFrom(undefined, 'txt', 'md', 'html', 'json'),
        async (text, format) => {
          try {
            const doc = await readText(text, format === undefined ? {} : { format });
            expect(doc.sentences.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(LedeError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
