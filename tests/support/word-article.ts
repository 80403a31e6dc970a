import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

export interface WordArticle {
  readonly title: string;
  readonly byline?: string;
  readonly subheadings?: Readonly<Record<number, string>>;
  readonly paragraphs: readonly string[];
}

/**
 * A Word article as the `docx` library writes one, as a newsroom template would: the headline in
 * Word's Title style, a byline paragraph under it, body paragraphs with a subheading, a running header
 * with the section name and a footer with the page number.
 */
export async function makeWordArticle(article: WordArticle): Promise<Uint8Array> {
  const body: Paragraph[] = [new Paragraph({ text: article.title, heading: HeadingLevel.TITLE })];
  if (article.byline !== undefined) {
    body.push(new Paragraph({ children: [new TextRun({ text: article.byline, italics: true })] }));
  }
  article.paragraphs.forEach((text, index) => {
    const subheading = article.subheadings?.[index];
    if (subheading !== undefined)
      body.push(new Paragraph({ text: subheading, heading: HeadingLevel.HEADING_2 }));
    body.push(new Paragraph({ children: [new TextRun(text)] }));
  });
  const document = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Coastal Desk | Harbour News')] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
