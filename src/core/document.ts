/** The formats lede reads. `txt` also covers anything that decodes to prose with no markup. */
export const FORMATS = ['txt', 'md', 'html', 'json', 'docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats read from their bytes by a parser loaded on first use, rather than decoded as text. */
export const FILE_FORMATS = ['docx', 'pdf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/** Formats whose bytes are decoded to text, then parsed (see read-document.ts). */
export type TextFormat = Exclude<Format, FileFormat>;

export function isFileFormat(format: Format): format is FileFormat {
  return (FILE_FORMATS as readonly Format[]).includes(format);
}

/** One sentence of the article body, verbatim after normalisation. */
export interface Sentence {
  /** Position among all body sentences, from 0. */
  readonly index: number;
  /** Paragraph it belongs to, from 0. */
  readonly paragraph: number;
  readonly text: string;
}

/**
 * A wire dateline read off the start of the lead ("TOKYO, April 16 (Reuters) -"), kept out of the
 * summary. Fields are as written in the article; `place` is resolved to a country by the place tagger.
 */
export interface Dateline {
  /** The dateline exactly as it stood, without the dash that ends it. */
  readonly text: string;
  /** The city or place ("TOKYO", "New York"), as written. */
  readonly place: string;
  /** What follows the place, when given: a country or state ("Calif.", "Kazakhstan"). */
  readonly qualifier: string | null;
  /** The date as written ("April 16"), when given. */
  readonly date: string | null;
  /** The agency named in brackets ("Reuters"), when given. */
  readonly agency: string | null;
}

/**
 * An article as read from a file: the title kept apart from the body (it is never glued to the first
 * sentence), page furniture removed, text in Unicode NFC with whitespace normalised.
 */
export interface ArticleDocument {
  readonly title: string | null;
  readonly byline: string | null;
  /** Publication date as found in the source (ISO 8601 when the source gives one), else null. */
  readonly published: string | null;
  readonly format: Format;
  /** Encoding the bytes were decoded from, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  readonly encoding: string;
  /** Body paragraphs, each a run of text with single spaces. */
  readonly paragraphs: readonly string[];
  /** Body sentences in document order. */
  readonly sentences: readonly Sentence[];
  /** The dateline taken off the lead, when it has one. */
  readonly dateline?: Dateline | null;
}
