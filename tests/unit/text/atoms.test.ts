import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLowerCaseWords, nameTokens, tokenizeNames } from '../../../src/core/tags/entities/tokens.js';
import { matchTokens, tokenizeForMatching } from '../../../src/core/tags/phrase-matcher.js';
import { findNamePhrases } from '../../../src/core/terms/name-phrases.js';
import { type Atoms, AtomsBuilder, atomsOf, textAtoms, unitAtoms } from '../../../src/core/text/atoms.js';
import { sentenceAtomText, titleAtomText, tokenize, tokenizeText } from '../../../src/core/text/words.js';

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

describe('the words each stage composes from the same atoms', () => {
  const text = 'Rolls-Royce and AT&T’s U.S. deal, a cease-fire (<RR.L>) in Guinea-Bissau.';
  const unit = textAtoms(text);

  it('joins them across hyphens and apostrophes for terms', () => {
    expect(tokenize(text)).toEqual([
      'Rolls-Royce',
      'and',
      'AT',
      'T',
      'U',
      'S',
      'deal',
      'a',
      'cease-fire',
      'RR',
      'L',
      'in',
      'Guinea-Bissau',
    ]);
  });

  it('joins them across dots and apostrophes, splits hyphens and skips tickers for places', () => {
    expect(matchTokens(unit).map((token) => token.text)).toEqual([
      'Rolls',
      'Royce',
      'and',
      'AT',
      'T',
      'U.S',
      'deal',
      'a',
      'cease',
      'fire',
      'in',
      'Guinea',
      'Bissau',
    ]);
  });

  it('joins them across hyphens, dots, apostrophes and & for people and organisations', () => {
    expect(nameTokens(unit).map((token) => token.text)).toEqual([
      'Rolls-Royce',
      'and',
      'AT&T',
      'U.S.',
      'deal',
      'a',
      'cease-fire',
      'RR.L',
      'in',
      'Guinea-Bissau',
    ]);
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
    'said',
    'élan',
    'Über',
    'été’s',
  );
  const sentence = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''));

  it('hand each sentence and the title its own atoms: every stage reads the same words there as from the text alone', () => {
    // The words themselves are pinned by each composer's own tests (tokenize, tokenizeForMatching,
    // tokenizeNames, findNamePhrases); this checks the document's ranges and offsets.
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), sentence, (sentences, title) => {
        const tokens = tokenizeText(title, sentences);
        const units = [
          ...sentences.map((text, index) => sentenceAtomText(tokens, index, text)),
          titleAtomText(tokens, title),
        ];
        for (const unit of units) {
          expect(matchTokens(unit)).toEqual(tokenizeForMatching(unit.text));
          expect(nameTokens(unit)).toEqual(tokenizeNames(unit.text));
          expect(findNamePhrases(unit)).toEqual(findNamePhrases(unit.text));
          const lower = new Set<string>();
          addLowerCaseWords(unit, lower);
          const expected = nameTokens(unit).filter((token) => token.shape === 'lower');
          expect([...lower].sort()).toEqual([...new Set(expected.map((token) => token.text))].sort());
        }
        const termWords = [...sentences, title].flatMap((text) => tokenize(text));
        expect([...tokens.ids].map((id) => tokens.surfaces[id])).toEqual(termWords);
      }),
      { numRuns: 500 },
    );
  });

  it('let the place matcher start past a dateline without cutting the sentence', () => {
    const text = 'TOKYO, April 16 (Reuters) - Japan and U.S. officials met.';
    const after = matchTokens(textAtoms(text), 'TOKYO, April 16 (Reuters)'.length);
    expect(after.map((token) => token.text)).toEqual(['Japan', 'and', 'U.S', 'officials', 'met']);
    expect(after[0]?.separatedBefore).toBe(false);
  });
});
