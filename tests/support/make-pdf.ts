// Builds small PDF files for tests, written object by object with a correct cross-reference table:
// text pages in the standard Helvetica font (WinAnsi encoding, so Latin-1 accents work), and an
// "image-only" page with no text layer, as a scanner produces.

export interface PdfPage {
  /** Lines of text, top to bottom; an empty string leaves a blank line (a paragraph break). */
  readonly lines?: readonly string[];
  /** Draw a grey box instead of text: a page with no text layer. */
  readonly imageOnly?: boolean;
}

const LINE_HEIGHT = 14;

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** Latin-1 bytes for a string (WinAnsi agrees with Latin-1 on letters); other characters become '?'. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code < 256 ? code : 0x3f;
  });
}

function pageContent(page: PdfPage): string {
  if (page.imageOnly === true) return '0.5 g 72 400 300 300 re f';
  const lines = page.lines ?? [];
  const shown = lines.map((line) => (line === '' ? 'T*' : `(${escapePdfString(line)}) Tj T*`)).join('\n');
  return `BT /F1 11 Tf ${LINE_HEIGHT} TL 72 760 Td\n${shown}\nET`;
}

/** A PDF with one page per entry. */
export function makePdf(pages: readonly PdfPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const content = pageContent(page);
    const stream = add(`<< /Length ${latin1(content).length} >>\nstream\n${content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(latin1(out).length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = latin1(out).length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}
