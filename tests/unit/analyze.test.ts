import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, analyzeText } from '../../src/core/analyze.js';
import { LedeError } from '../../src/errors.js';
import { schemaErrors } from '../support/schema.js';

const ARTICLES = new URL('../fixtures/articles/', import.meta.url);
const files = readdirSync(ARTICLES).filter((name) => name.endsWith('.txt'));

function read(name: string): Uint8Array {
  return readFileSync(new URL(name, ARTICLES));
}

describe('analyzeArticle on the sample articles', () => {
  it.each(files)('gives schema-valid output with a verbatim summary for %s', (name) => {
    const bytes = read(name);
    const analysis = analyzeArticle(bytes, { filename: name });
    expect(schemaErrors(analysis)).toEqual([]);
    const text = Buffer.from(bytes).toString('utf8');
    for (const sentence of analysis.summary.sentences) expect(text).toContain(sentence.text);
    expect(analysis.summary.sentences.length).toBeGreaterThanOrEqual(2);
    expect(analysis.tags.some((tag) => tag.kind === 'topic')).toBe(true);
  });

  it('gives byte-identical output for the same input', () => {
    const [first] = files;
    const bytes = read(first ?? '');
    expect(JSON.stringify(analyzeArticle(bytes))).toBe(JSON.stringify(analyzeArticle(bytes)));
  });

  it('honours the requested summary length', () => {
    const analysis = analyzeArticle(read(files[0] ?? ''), { sentences: 5 });
    expect(analysis.summary.sentences).toHaveLength(5);
  });

  it('counts words, sentences and reading time', () => {
    const analysis = analyzeText(
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
  it('returns schema-valid output drawn from the input, or a LedeError, never another exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => {
        let analysis: ReturnType<typeof analyzeText>;
        try {
          analysis = analyzeText(input);
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
