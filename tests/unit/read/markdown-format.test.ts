import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_LIMITS } from '../../../src/core/limits.js';
import { parseMarkdown } from '../../../src/core/read/formats/markdown.js';
import { InputTooComplexError } from '../../../src/errors.js';

describe('parseMarkdown', () => {
  it('takes the first # heading as the title', () => {
    const parsed = parseMarkdown('# Bridge reopens\n\nThe bridge reopened.');
    expect(parsed.title).toBe('Bridge reopens');
    expect(parsed.paragraphs).toEqual(['The bridge reopened.']);
  });

  it('prefers the front-matter title and reads its author and date', () => {
    const parsed = parseMarkdown(
      '---\ntitle: "From front matter"\nauthor: Ana Costa\ndate: 2031-01-02\n---\n# Heading\n\nBody.',
    );
    expect(parsed).toMatchObject({
      title: 'From front matter',
      byline: 'Ana Costa',
      published: '2031-01-02',
    });
    expect(parsed.paragraphs).toEqual(['Body.']);
  });

  it('removes emphasis and link markup but keeps the link text', () => {
    expect(
      parseMarkdown('Some **bold**, *slanted* and ~~struck~~ [linked text](https://example.org) words.')
        .paragraphs,
    ).toEqual(['Some bold, slanted and struck linked text words.']);
  });

  it('puts one list item per line, nested items included', () => {
    expect(parseMarkdown('- first\n- second\n  - nested\n1. numbered').paragraphs).toEqual([
      'first\nsecond\nnested',
      'numbered',
    ]);
  });

  it('reduces block quotes to their text', () => {
    expect(parseMarkdown('> "Quoted words," she said.').paragraphs).toEqual(['"Quoted words," she said.']);
  });

  it('drops code blocks, HTML blocks, images and sub-headings', () => {
    const parsed = parseMarkdown(
      'Intro.\n\n```\nconst x = 1;\n```\n\n    indented code\n\n<div>raw html</div>\n\n## Sub\n\n![alt text](a.png) After.',
    );
    expect(parsed.paragraphs).toEqual(['Intro.', 'After.']);
  });

  it('decodes character references in text', () => {
    expect(parseMarkdown('Fish &amp; chips &mdash; &pound;5.').paragraphs).toEqual(['Fish & chips — £5.']);
  });

  it('reads a byline paragraph under the title as metadata', () => {
    expect(parseMarkdown('# T\n\n*By Ana Costa*\n\nBody.')).toMatchObject({
      byline: 'Ana Costa',
      paragraphs: ['Body.'],
    });
  });

  it('refuses block quotes nested deeper than the depth cap with INPUT_TOO_COMPLEX', () => {
    expect(() => parseMarkdown(`${'>'.repeat(101)} deep words.`)).toThrow(InputTooComplexError);
    expect(() => parseMarkdown(`${'>'.repeat(101)} deep words.`)).toThrow(/100 levels.*maxDepth/);
    expect(parseMarkdown(`${'>'.repeat(100)} deep words.`).paragraphs).toEqual(['deep words.']);
  });

  it('refuses a list nested deeper than the depth cap, counting indented items only', () => {
    const nested = (depth: number): string =>
      Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const limits = { ...DEFAULT_WORK_LIMITS, maxDepth: 5 };
    expect(() => parseMarkdown(nested(6), limits)).toThrow(InputTooComplexError);
    expect(parseMarkdown(nested(5), limits).paragraphs[0]?.split('\n')).toHaveLength(5);
    // Twenty items side by side are one level, however many there are.
    const flat = Array.from({ length: 20 }, (_, i) => `- item ${i}`).join('\n');
    expect(parseMarkdown(flat, limits).paragraphs[0]?.split('\n')).toHaveLength(20);
  });

  it('reads absurdly deep block quotes as plain text instead of overflowing the stack', () => {
    const limits = { ...DEFAULT_WORK_LIMITS, maxDepth: 1_000_000 };
    const parsed = parseMarkdown(`${'>'.repeat(100_000)} deep words.`, limits);
    expect(parsed.paragraphs.join(' ')).toContain('deep words.');
  });

  // marked alone needs minutes for this (its emphasis matching is quadratic in unmatched delimiters);
  // the per-test timeout is the bound.
  it('reads a megabyte paragraph of unmatched emphasis delimiters', { timeout: 20_000 }, () => {
    const parsed = parseMarkdown(`# Stars

${'_a*b'.repeat(250_000)} The end.`);
    expect(parsed.title).toBe('Stars');
    expect(parsed.paragraphs).toHaveLength(1);
    expect(parsed.paragraphs[0]).toMatch(/^_?a(?:b_a)+b The end\.$/);
  });

  it('strips the markup of a paragraph too heavy for the inline lexer, keeping link text and snake_case', () => {
    const heavy = `${'*'.repeat(30_000)} See the [harbour report](https://example.org/r "Report") on **ferry_times** and ![map](m.png) <b>now</b> \\*.`;
    const parsed = parseMarkdown(heavy);
    expect(parsed.paragraphs).toEqual(['See the harbour report on ferry_times and now *.']);
  });
});
