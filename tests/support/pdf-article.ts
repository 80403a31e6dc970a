import PDFDocument from 'pdfkit';

export interface PdfArticle {
  readonly title: string;
  readonly byline?: string;
  readonly paragraphs: readonly string[];
}

/**
 * A PDF article as pdfkit lays one out: a 24 pt headline wrapped to the text width (two lines for a
 * long one), an 11 pt byline, the body in two columns, a running header and a "Page n" footer.
 */
export async function makePdfArticle(article: PdfArticle): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 144;
  doc.font('Helvetica').fontSize(8).text('HARBOUR NEWS | COASTAL DESK', 72, 40, { width });
  doc
    .font('Helvetica-Bold')
    .fontSize(24)
    .text(article.title, 72, 72, { width: width * 0.7 });
  if (article.byline !== undefined)
    doc.moveDown(0.5).font('Helvetica-Oblique').fontSize(11).text(article.byline);
  doc.moveDown(1).font('Helvetica').fontSize(11);
  doc.text(article.paragraphs.join('\n\n'), { width, columns: 2, columnGap: 18, align: 'left' });
  doc.fontSize(8).text('Page 1', 72, doc.page.height - 50, { width, align: 'center', lineBreak: false });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
