import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { splitSentences } from '../../src/core/segment/split-sentences.js';

/** Reads an article's body sentences, in document order, the title left out. */
export type SentenceReader = (bytes: Uint8Array, filename: string) => Promise<string[]>;

// The document reader lands in a parallel change. Importing it through a computed URL keeps this script
// compiling before it exists; once it does, the baselines see exactly the sentences lede sees, so
// "sentence 1" means the same thing for every system.
const READ_DOCUMENT_URL = new URL('../../src/core/read/read-document.js', import.meta.url);
const READ_DOCUMENT_SOURCE = fileURLToPath(new URL('../../src/core/read/read-document.ts', import.meta.url));

type ReadDocument = (bytes: Uint8Array, options: { filename: string }) => unknown;
const readDocumentModule = z.object({
  readDocument: z.custom<ReadDocument>(
    (value) => typeof value === 'function',
    'readDocument must be a function',
  ),
});
const documentShape = z.object({ sentences: z.array(z.object({ text: z.string() })) });

/** Which reader supplied the baselines' sentences, for the report. */
export type SentenceSource = 'readDocument' | 'splitSentences fallback';

/**
 * The sentence reader the baselines use: `readDocument` from the core when it exists, else the first
 * line dropped as the title and the rest split with `splitSentences`.
 * @example const { read } = await loadSentenceReader(); await read(bytes, 'a.txt')
 */
export async function loadSentenceReader(): Promise<{ read: SentenceReader; source: SentenceSource }> {
  if (!existsSync(READ_DOCUMENT_SOURCE) && !existsSync(fileURLToPath(READ_DOCUMENT_URL))) {
    return { read: async (bytes) => fallbackSentences(bytes), source: 'splitSentences fallback' };
  }
  const loaded: unknown = await import(READ_DOCUMENT_URL.href);
  const { readDocument } = readDocumentModule.parse(loaded);
  return {
    read: async (bytes, filename) => {
      const doc = documentShape.parse(await readDocument(bytes, { filename }));
      return doc.sentences.map((s) => s.text);
    },
    source: 'readDocument',
  };
}

/** Body sentences without the document reader: headline line dropped, the rest split. */
export function fallbackSentences(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  const newline = text.indexOf('\n');
  return splitSentences(newline === -1 ? '' : text.slice(newline + 1));
}
