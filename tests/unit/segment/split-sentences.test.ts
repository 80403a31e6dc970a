import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { splitSentences } from '../../../src/core/segment/split-sentences.js';

const CaseSchema = z.object({ phenomenon: z.string(), input: z.string(), expected: z.array(z.string()) });
type Case = z.infer<typeof CaseSchema>;

function loadCases(name: string): Case[] {
  const url = new URL(`../../fixtures/sentences/${name}`, import.meta.url);
  return z.array(CaseSchema).parse(JSON.parse(readFileSync(url, 'utf8')));
}

function failuresOf(cases: readonly Case[]): string[] {
  const failures: string[] = [];
  for (const c of cases) {
    const got = splitSentences(c.input);
    if (JSON.stringify(got) !== JSON.stringify(c.expected)) {
      failures.push(
        `${c.phenomenon}\n    got:  ${JSON.stringify(got)}\n    want: ${JSON.stringify(c.expected)}`,
      );
    }
  }
  return failures;
}

describe('splitSentences', () => {
  describe('abbreviations', () => {
    it('does not split after titles and honorifics', () => {
      expect(splitSentences('Sen. Ada Hale met Dr. Ruiz and Prof. Lind at St. Mary’s.')).toEqual([
        'Sen. Ada Hale met Dr. Ruiz and Prof. Lind at St. Mary’s.',
      ]);
    });

    it('keeps initials inside a name', () => {
      expect(
        splitSentences('Essays by J.R.R. Tolkien and Jonas E. Smith sold well. Critics agreed.'),
      ).toEqual(['Essays by J.R.R. Tolkien and Jonas E. Smith sold well.', 'Critics agreed.']);
    });

    it('keeps "the U.S. Senate" together but ends a sentence at "the U.S." before a new one', () => {
      expect(
        splitSentences('The U.S. Senate voted. She had lived in the U.S. On Thursday she left.'),
      ).toEqual(['The U.S. Senate voted.', 'She had lived in the U.S.', 'On Thursday she left.']);
    });

    it('ends a sentence at a company suffix when a new sentence follows', () => {
      expect(
        splitSentences('Shares of Acme Inc. rose. The deal went to Acme Inc. The firm declined to comment.'),
      ).toEqual(['Shares of Acme Inc. rose.', 'The deal went to Acme Inc.', 'The firm declined to comment.']);
    });

    it('does not split after months and reference markers followed by numbers', () => {
      expect(
        splitSentences('On Sept. 3 the data on p. 4 and pp. 7-9 of vol. 2, table no. 5, were revised.'),
      ).toEqual(['On Sept. 3 the data on p. 4 and pp. 7-9 of vol. 2, table no. 5, were revised.']);
    });

    it('treats e.g. and i.e. as connectives and lets etc. end a sentence', () => {
      expect(splitSentences('Fruit, e.g. figs, i.e. the cheap kind, etc. Prices fell.')).toEqual([
        'Fruit, e.g. figs, i.e. the cheap kind, etc.',
        'Prices fell.',
      ]);
    });
  });

  describe('numbers, times and addresses', () => {
    it('does not split inside decimals, money and percentages', () => {
      expect(splitSentences('It cost $1.50, then £1.4bn, up 2.5% to $1.5bn. Nobody noticed.')).toEqual([
        'It cost $1.50, then £1.4bn, up 2.5% to $1.5bn.',
        'Nobody noticed.',
      ]);
    });

    it('ends a sentence after "5 p.m." when a new sentence follows, but not mid-sentence', () => {
      expect(splitSentences('We met at 5 p.m. The meeting ran late. It ended at 9 p.m. on the dot.')).toEqual(
        ['We met at 5 p.m.', 'The meeting ran late.', 'It ended at 9 p.m. on the dot.'],
      );
    });

    it('does not split inside URLs and e-mail addresses', () => {
      expect(
        splitSentences('See www.example.com or write to jane.doe@example.org. Replies are slow.'),
      ).toEqual(['See www.example.com or write to jane.doe@example.org.', 'Replies are slow.']);
    });
  });

  describe('punctuation', () => {
    it('splits after an ellipsis before a capital but not before lower case', () => {
      expect(splitSentences('We waited… Nothing came. It was... odd. Then... Silence.')).toEqual([
        'We waited…',
        'Nothing came.',
        'It was... odd.',
        'Then...',
        'Silence.',
      ]);
    });

    it('keeps a quoted question followed by lower case in one sentence', () => {
      expect(splitSentences('"Why?" she asked. "Because!" he said.')).toEqual([
        '"Why?" she asked.',
        '"Because!" he said.',
      ]);
    });

    it('ends a sentence after a closing quotation mark', () => {
      expect(splitSentences('“We will rebuild,” she said. He called it “a shame.” The mayor left.')).toEqual([
        '“We will rebuild,” she said.',
        'He called it “a shame.”',
        'The mayor left.',
      ]);
    });

    it('keeps a parenthetical sentence inside its host sentence', () => {
      expect(
        splitSentences('The bridge (it opened in 1932.) is closed. (Repairs start soon.) Traffic is slow.'),
      ).toEqual(['The bridge (it opened in 1932.) is closed.', '(Repairs start soon.)', 'Traffic is slow.']);
    });
  });

  describe('other scripts', () => {
    it('ends sentences at CJK full stops, exclamation and question marks, with no space after them', () => {
      expect(splitSentences('渡轮周五恢复航行。居民很高兴！你去吗？「好。」然后')).toEqual([
        '渡轮周五恢复航行。',
        '居民很高兴！',
        '你去吗？',
        '「好。」',
        '然后',
      ]);
    });

    it('ends sentences at the Arabic question mark and the Devanagari danda', () => {
      expect(splitSentences('هل عادت العبارة؟ نعم عادت.')).toEqual(['هل عادت العبارة؟', 'نعم عادت.']);
      expect(splitSentences('नौका लौट आई। लोग खुश हैं।')).toEqual(['नौका लौट आई।', 'लोग खुश हैं।']);
    });
  });

  describe('lines and lists', () => {
    it('makes each list item its own sentence', () => {
      expect(splitSentences('Changes:\n- fares rise\n- routes are cut\n1. Apply\n2. Wait\n• Done')).toEqual([
        'Changes:',
        '- fares rise',
        '- routes are cut',
        '1. Apply',
        '2. Wait',
        '• Done',
      ]);
    });

    it('never glues a headline to the next sentence', () => {
      expect(splitSentences('Floods Close Main Road\nThe river burst its banks.')).toEqual([
        'Floods Close Main Road',
        'The river burst its banks.',
      ]);
    });

    it('joins a wrapped line that continues in lower case', () => {
      expect(splitSentences('The council said the new\nrules apply from June.')).toEqual([
        'The council said the new\nrules apply from June.',
      ]);
    });

    it('always splits at a blank line', () => {
      expect(splitSentences('Talks with Dr.\n\nnothing agreed\r\n\r\nthe end')).toEqual([
        'Talks with Dr.',
        'nothing agreed',
        'the end',
      ]);
    });
  });

  describe('labelled cases', () => {
    it('matches at least 95% of cases.json exactly', () => {
      const cases = loadCases('cases.json');
      expect(cases.length).toBeGreaterThanOrEqual(80);
      const failures = failuresOf(cases);
      const accuracy = (cases.length - failures.length) / cases.length;
      expect(
        accuracy,
        `failed ${failures.length}/${cases.length}:\n  ${failures.join('\n  ')}`,
      ).toBeGreaterThanOrEqual(0.95);
    });

    it('matches at least 95% of the golden rules exactly', () => {
      const cases = loadCases('golden-rules.json');
      const failures = failuresOf(cases);
      const accuracy = (cases.length - failures.length) / cases.length;
      expect(
        accuracy,
        `failed ${failures.length}/${cases.length}:\n  ${failures.join('\n  ')}`,
      ).toBeGreaterThanOrEqual(0.95);
    });
  });

  describe('robustness', () => {
    it('returns non-empty trimmed substrings of any input without throwing', () => {
      const alphabet = fc.constantFrom(
        ...'aZ .!?…"“”’\'()[]-•\n\r\t1:$%@/',
        ' U.S. ',
        ' Mr. ',
        ' p.m. ',
        ' Inc. ',
        ' 1. ',
        '...',
        ' . . . ',
        '\n\n',
      );
      const text = fc.oneof(
        fc.string({ unit: alphabet, maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
      );
      fc.assert(
        fc.property(text, (input) => {
          const sentences = splitSentences(input);
          for (const sentence of sentences) {
            expect(sentence).not.toBe('');
            expect(sentence).toBe(sentence.trim());
            expect(input.includes(sentence)).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('returns sentences in input order', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...'ab .!?\nAB'), maxLength: 120 }), (input) => {
          let from = 0;
          for (const sentence of splitSentences(input)) {
            const at = input.indexOf(sentence, from);
            expect(at).toBeGreaterThanOrEqual(from);
            from = at + sentence.length;
          }
        }),
      );
    });

    it('splits a megabyte of text with the right sentence count', () => {
      const sentence = 'Mr. Lee of Acme Inc. paid $1.50 at 5 p.m. in the U.S. and left. ';
      const repeats = Math.ceil(1_000_000 / sentence.length);
      const sentences = splitSentences(sentence.repeat(repeats));
      expect(sentences).toHaveLength(repeats);
      expect(sentences[repeats - 1]).toBe(sentence.trim());
    });

    it('handles a megabyte without spaces, without punctuation, and of one-word sentences', () => {
      for (const text of ['x'.repeat(1_000_000), 'a.'.repeat(500_000), 'word '.repeat(400_000)]) {
        const sentences = splitSentences(text);
        expect(Math.max(...sentences.map((s) => s.length))).toBeLessThanOrEqual(2000);
        expect(sentences.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }
      expect(splitSentences('Yes. '.repeat(200_000))).toHaveLength(200_000);
    });

    it('cuts a sentence that runs past 2,000 characters at a space, not inside a word', () => {
      const words = 'ferry harbour council '.repeat(200).trim();
      const sentences = splitSentences(words);
      expect(sentences.length).toBeGreaterThan(1);
      for (const sentence of sentences) {
        expect(sentence.length).toBeLessThanOrEqual(2000);
        expect(sentence).toMatch(/^(?:ferry|harbour|council)\b.*\b(?:ferry|harbour|council)$/);
      }
      expect(sentences.join(' ')).toBe(words);
    });

    it('never cuts a long run between the halves of a surrogate pair', () => {
      const sentences = splitSentences('🚢'.repeat(3000));
      expect(sentences.length).toBeGreaterThan(1);
      const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
      for (const sentence of sentences) expect(sentence).not.toMatch(loneSurrogate);
    });
  });
});
