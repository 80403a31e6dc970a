import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../src/core/analyze.js';
import { readDocument } from '../../../src/core/read/read-document.js';

const bytes = new Uint8Array(
  readFileSync(new URL('../../fixtures/summary/harbour-strike-wire.txt', import.meta.url)),
);

describe('summary of a wire story with a dateline and caption furniture', () => {
  it('reads the dateline into the analysis and never shows it in the summary', async () => {
    const analysis = analyzeDocument(await readDocument(bytes, { filename: 'strike.txt' }));
    expect(analysis.dateline).toMatchObject({ place: 'VALMORA', qualifier: 'Portugal', agency: 'Wire' });
    expect(analysis.summary.text).not.toContain('VALMORA');
    expect(analysis.summary.text).not.toContain('(Wire)');
    expect(analysis.summary.sentences[0]?.text).toMatch(/^Dock workers at the port of Valmora walked off/);
  });

  it('keeps prompts and caption labels out of every summary sentence', async () => {
    const analysis = analyzeDocument(await readDocument(bytes, { filename: 'strike.txt' }), { sentences: 8 });
    for (const { text } of analysis.summary.sentences) {
      expect(text).not.toMatch(/scroll down|read more|STRIKE:/i);
    }
  });

  it('gives the same summary on every run', async () => {
    const doc = await readDocument(bytes, { filename: 'strike.txt' });
    expect(analyzeDocument(doc, { words: 50 })).toEqual(analyzeDocument(doc, { words: 50 }));
  });
});
