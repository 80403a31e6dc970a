import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/read/normalize.js';

describe('normalizeText', () => {
  it('composes text to Unicode NFC', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('removes zero-width characters', () => {
    expect(normalizeText('zero\u200Bwidth\u200C join\u200Der\u2060 bom\uFEFF')).toBe('zerowidth joiner bom');
  });

  it('removes other invisible controls: soft hyphens, bidi marks, C0 and C1 controls', () => {
    expect(normalizeText('in\u00ADvisible \u202Aembedded\u202C \u200Emark bell\u0007 csi\u009B')).toBe(
      'invisible embedded mark bell csi',
    );
  });

  it('turns no-break and other Unicode spaces into plain spaces', () => {
    expect(normalizeText('10\u00A0km and 5\u202Fkg\u2003now')).toBe('10 km and 5 kg now');
  });

  it('turns CRLF and CR line endings into LF', () => {
    expect(normalizeText('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
  });

  it('collapses runs of spaces and tabs inside a line and trims trailing spaces', () => {
    expect(normalizeText('a  lot\t\tof   space   \nnext\t ')).toBe('a lot of space\nnext');
  });

  it('keeps paragraph breaks but collapses several blank lines into one', () => {
    expect(normalizeText('First.\n\n\n\n  \nSecond.\n \nThird.')).toBe('First.\n\nSecond.\n\nThird.');
  });

  it('keeps leading indentation, which Markdown needs for nested lists', () => {
    expect(normalizeText('- item\n    - nested\n\tcode')).toBe('- item\n    - nested\n    code');
  });

  it('drops lone surrogate halves', () => {
    expect(normalizeText('a\uD800b\uDC00c 😀')).toBe('abc 😀');
  });

  it('treats a form feed as a paragraph break', () => {
    expect(normalizeText('Page one.\fPage two.')).toBe('Page one.\n\nPage two.');
  });
});
