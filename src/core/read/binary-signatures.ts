/**
 * Magic numbers of the binary files people most often upload by mistake. Each names what the file
 * looks like so the refusal message can say so. A signature matches when every part matches.
 */
export interface BinarySignature {
  /** Phrase completing "The file looks like ...". */
  readonly name: string;
  readonly parts: readonly { readonly offset?: number; readonly bytes: readonly number[] }[];
}

const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

export const BINARY_SIGNATURES: readonly BinarySignature[] = Object.freeze([
  { name: 'a PNG image', parts: [{ bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  { name: 'a JPEG image', parts: [{ bytes: [0xff, 0xd8, 0xff] }] },
  { name: 'a GIF image', parts: [{ bytes: ascii('GIF87a') }] },
  { name: 'a GIF image', parts: [{ bytes: ascii('GIF89a') }] },
  { name: 'a WebP image', parts: [{ bytes: ascii('RIFF') }, { offset: 8, bytes: ascii('WEBP') }] },
  { name: 'a PDF document', parts: [{ bytes: ascii('%PDF-') }] },
  // DOCX, XLSX, PPTX, EPUB and ODT are all ZIP containers; so are empty and spanned archives.
  { name: 'a ZIP archive (or a DOCX, XLSX or EPUB file)', parts: [{ bytes: [0x50, 0x4b, 0x03, 0x04] }] },
  { name: 'a ZIP archive (or a DOCX, XLSX or EPUB file)', parts: [{ bytes: [0x50, 0x4b, 0x05, 0x06] }] },
  { name: 'a ZIP archive (or a DOCX, XLSX or EPUB file)', parts: [{ bytes: [0x50, 0x4b, 0x07, 0x08] }] },
  { name: 'a gzip archive', parts: [{ bytes: [0x1f, 0x8b] }] },
  // Text, strictly, but control words and font tables: read as prose it summarises as gibberish.
  { name: 'an RTF document', parts: [{ bytes: ascii('{\\rtf') }] },
  // OLE Compound File Binary: the container of .doc, .xls and .ppt before Office 2007.
  {
    name: 'an old Microsoft Office file (.doc, .xls or .ppt)',
    parts: [{ bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }],
  },
]);
