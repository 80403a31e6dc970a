import { describe, expect, it } from 'vitest';
import { parseText } from '../../../src/core/read/formats/text.js';

describe('parseText', () => {
  it('takes a short unpunctuated first line followed by a blank line as the title', () => {
    const parsed = parseText('Storm closes coastal road\n\nThe road was shut on Monday.');
    expect(parsed.title).toBe('Storm closes coastal road');
    expect(parsed.paragraphs).toEqual(['The road was shut on Monday.']);
  });

  it('takes a title line that runs straight into a longer body line', () => {
    const parsed = parseText(
      'Storm closes coastal road\nThe road between the two villages was shut on Monday after a landslide.',
    );
    expect(parsed.title).toBe('Storm closes coastal road');
  });

  it('does not take the first line of a hard-wrapped paragraph as a title', () => {
    const parsed = parseText(
      'The road between the two villages was shut on\nMonday after a landslide blocked both lanes.\n\nIt reopened later.',
    );
    expect(parsed.title).toBeNull();
    expect(parsed.paragraphs[0]).toBe(
      'The road between the two villages was shut on Monday after a landslide blocked both lanes.',
    );
  });

  it('does not take a sentence, a long line or a lone line as the title', () => {
    expect(parseText('The road was shut.\n\nIt reopened later.').title).toBeNull();
    expect(parseText(`${'word '.repeat(25).trim()}\n\nBody.`).title).toBeNull();
    expect(parseText('Only one line here').title).toBeNull();
  });

  it('reads a byline and a date line under the title', () => {
    const parsed = parseText(
      'Storm closes road\n\nBy Ana Costa and Lee Park\nPublished 4 June 2031\n\nThe road was shut.',
    );
    expect(parsed).toMatchObject({ byline: 'Ana Costa and Lee Park', published: '4 June 2031' });
    expect(parsed.paragraphs).toEqual(['The road was shut.']);
  });

  it('joins the single newlines of a wrapped paragraph with spaces', () => {
    expect(parseText('one two\nthree four\nfive.').paragraphs).toEqual(['one two three four five.']);
  });

  it('keeps list items on lines of their own, without their bullets', () => {
    const parsed = parseText(
      'The plan has three parts:\n- new buses\n• more trains\n1. cheaper fares\n  for students\nThat is all.',
    );
    expect(parsed.paragraphs).toEqual([
      'The plan has three parts:\nnew buses\nmore trains\n1. cheaper fares for students\nThat is all.',
    ]);
  });

  it('drops furniture lines before looking for the title', () => {
    expect(parseText('Skip to main content\nStorm closes road\n\nThe road was shut.').title).toBe(
      'Storm closes road',
    );
  });

  it('can leave the title alone when it is known from elsewhere', () => {
    expect(parseText('Short line\n\nBody.', { detectTitle: false }).paragraphs).toEqual([
      'Short line',
      'Body.',
    ]);
  });
});
