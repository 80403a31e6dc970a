import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeText } from '../../src/core/analyze.js';
import { LedeError } from '../../src/errors.js';
import { schemaErrors } from '../support/schema.js';

const ARTICLES = new URL('../fixtures/articles/', import.meta.url);
const files = readdirSync(ARTICLES).filter((name) => name.endsWith('.txt'));

function read(name: string): Uint8Array {
  return readFileSync(new URL(name, ARTICLES));
}

describe('analyzeFile on the sample articles', () => {
  it.each(files)('gives schema-valid output with a verbatim summary for %s', async (name) => {
    const bytes = read(name);
    const analysis = await analyzeFile(bytes, { filename: name });
    expect(schemaErrors(analysis)).toEqual([]);
    const text = Buffer.from(bytes).toString('utf8');
    for (const sentence of analysis.summary.sentences) expect(text).toContain(sentence.text);
    expect(analysis.summary.sentences.length).toBeGreaterThanOrEqual(2);
    expect(analysis.tags.some((tag) => tag.kind === 'topic')).toBe(true);
    expect(analysis.language).toBe('en');
  });

  it('gives byte-identical output for the same input', async () => {
    const [first] = files;
    const bytes = read(first ?? '');
    expect(JSON.stringify(await analyzeFile(bytes))).toBe(JSON.stringify(await analyzeFile(bytes)));
  });

  it('honours the requested summary length', async () => {
    const analysis = await analyzeFile(read(files[0] ?? ''), { sentences: 5 });
    expect(analysis.summary.sentences).toHaveLength(5);
  });

  it('counts words, sentences and reading time', async () => {
    const analysis = await analyzeText(
      'Quiet town\n\nThe mayor opened a library. Children borrowed four hundred books.',
    );
    expect(analysis.stats).toEqual({
      characters: 'The mayor opened a library. Children borrowed four hundred books.'.length,
      words: 10,
      sentences: 2,
      paragraphs: 1,
      readingTimeMinutes: 1,
    });
  });
});

describe('analyzeText on any string', () => {
  it('returns schema-valid output drawn from the input, or a LedeError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (input) => {
        let analysis: Awaited<ReturnType<typeof analyzeText>>;
        try {
          analysis = await analyzeText(input);
        } catch (error) {
          return error instanceof LedeError;
        }
        const normalized = input.normalize('NFC').replace(/\s+/g, ' ');
        return (
          schemaErrors(analysis).length === 0 &&
          analysis.summary.sentences.every((s) => normalized.includes(s.text.replace(/\s+/g, ' ')))
        );
      }),
      { numRuns: 300 },
    );
  });
});
