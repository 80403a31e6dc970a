import fc from 'fast-check';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/text/words.js';

// The tokeniser lede used before its own scanner: natural's, with a Unicode gap pattern, and the
// possessive and edge trims. Kept here as the reference the scanner must agree with.
const natural = new RegexpTokenizer({ pattern: /[^\p{L}\p{M}\p{N}'’-]+/u });
function reference(text: string): string[] {
  return natural
    .tokenize(text)
    .map((raw) => raw.replace(/['’]s$/i, '').replace(/^['’-]+|['’-]+$/g, ''))
    .filter((token) => token !== '');
}

describe('tokenize', () => {
  it('keeps letters of every script, apostrophes and hyphens inside words, and drops possessives', () => {
    expect(tokenize('Kazakhstan’s capital, Astana; Zürich and O’Brien agreed a cease-fire.')).toEqual([
      'Kazakhstan',
      'capital',
      'Astana',
      'Zürich',
      'and',
      'O’Brien',
      'agreed',
      'a',
      'cease-fire',
    ]);
  });

  it('never yields a token of joiners alone, and trims them from word edges', () => {
    expect(tokenize("-- 'tis the 'quote' - ’’ end-")).toEqual(['tis', 'the', 'quote', 'end']);
  });

  it('splits exactly as natural’s RegexpTokenizer with the Unicode gap pattern did, on any text', () => {
    const pieces = fc.constantFrom(
      'a',
      'Z',
      'é',
      'e\u0301',
      '9',
      "'",
      '’',
      '-',
      's',
      ' ',
      '.',
      ',',
      '\n',
      '𝐀',
      '\uD800',
      'ß',
      '中',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(pieces).map((parts) => parts.join('')),
        ),
        (text) => {
          expect(tokenize(text)).toEqual(reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
