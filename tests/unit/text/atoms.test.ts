import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTokens, tokenizeNames } from '../../../src/core/tags/entities/tokens.js';
import { matchTokens, tokenizeForMatching } from '../../../src/core/tags/phrase-matcher.js';
import { findNamePhrases } from '../../../src/core/terms/name-phrases.js';
import { type Atoms, AtomsBuilder, atomsOf, unitAtoms } from '../../../src/core/text/atoms.js';
import { sentenceAtoms, titleAtoms, tokenize, tokenizeText } from '../../../src/core/text/words.js';

function atomTexts(text: string, atoms: Atoms, unit = 0): string[] {
  const { from, to } = unitAtoms(atoms, unit);
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(text.slice(atoms.starts[i], atoms.ends[i]));
  return out;
}

describe('atoms', () => {
  it('are the runs of letters, marks and digits, with every joiner and gap left between them', () => {
    expect(atomTexts('Xi’s U.S. visit, 2024 (AT&T)', atomsOf('Xi’s U.S. visit, 2024 (AT&T)'))).toEqual([
      'Xi',
      's',
      'U',
      'S',
      'visit',
      '2024',
      'AT',
      'T',
    ]);
  });

  it('keep a letter written as a surrogate pair or with a combining mark inside one atom', () => {
    const text = '𝐀lpha cafe\u0301 😀 Zürich';
    expect(atomTexts(text, atomsOf(text))).toEqual(['𝐀lpha', 'cafe\u0301', 'Zürich']);
  });

  it('are collected unit by unit, each unit with its own range and offsets into its own text', () => {
    const builder = new AtomsBuilder();
    expect(builder.add('One two.')).toEqual({ from: 0, to: 2 });
    expect(builder.add('...')).toEqual({ from: 2, to: 2 });
    expect(builder.add('Three')).toEqual({ from: 2, to: 3 });
    const atoms = builder.build();
    expect(atomTexts('Three', atoms, 2)).toEqual(['Three']);
    expect(atoms.starts[2]).toBe(0);
  });

  it('grow past their first buffer without losing any', () => {
    const text = 'word '.repeat(3000);
    const atoms = atomsOf(text);
    expect(atoms.starts.length).toBe(3000);
    expect(atoms.starts[2999]).toBe(5 * 2999);
  });
});

describe("a document's atoms", () => {
  const pieces = fc.constantFrom(
    'Xi',
    'U',
    'S',
    'Rolls',
    'Royce',
    'AT',
    'T',
    'é',
    '𝐀',
    '7203',
    '.',
    "'",
    '’',
    '-',
    '&',
    ' ',
    ', ',
    '<',
    '>',
    '(',
    ')',
    '’s',
    'and',
    'of',
  );
  const sentence = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''));

  it('give every stage the same words for a sentence or the title as the text alone does', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), sentence, (sentences, title) => {
        const tokens = tokenizeText(title, sentences);
        const ranges = [...sentences.map((_, index) => sentenceAtoms(tokens, index)), titleAtoms(tokens)];
        [...sentences, title].forEach((text, unit) => {
          const { from, to } = ranges[unit] ?? { from: 0, to: 0 };
          expect(matchTokens(text, tokens.atoms, from, to)).toEqual(tokenizeForMatching(text));
          expect(nameTokens(text, tokens.atoms, from, to)).toEqual(tokenizeNames(text));
          expect(findNamePhrases(text, tokens.atoms, from, to)).toEqual(findNamePhrases(text));
        });
        const termWords = [...sentences, title].flatMap((text) => tokenize(text));
        expect([...tokens.ids].map((id) => tokens.surfaces[id])).toEqual(termWords);
      }),
      { numRuns: 500 },
    );
  });

  it('let the place matcher start past a dateline without cutting the sentence', () => {
    const text = 'TOKYO, April 16 (Reuters) - Japan and U.S. officials met.';
    const atoms = atomsOf(text);
    const after = matchTokens(text, atoms, 0, atoms.starts.length, 'TOKYO, April 16 (Reuters)'.length);
    expect(after.map((token) => token.text)).toEqual(['Japan', 'and', 'U.S', 'officials', 'met']);
    expect(after[0]?.separatedBefore).toBe(false);
  });
});
