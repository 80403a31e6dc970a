import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/core/read/formats/json.js';
import { MalformedInputError } from '../../../src/errors.js';

describe('parseJson', () => {
  it.each(['text', 'body', 'content'])('reads the body from a "%s" field', (field) => {
    expect(parseJson(JSON.stringify({ title: 'T', [field]: 'First.\n\nSecond.' })).paragraphs).toEqual([
      'First.',
      'Second.',
    ]);
  });

  it('reads the body from an "html" field', () => {
    const parsed = parseJson(JSON.stringify({ html: '<h1>Headline</h1><p>The body.</p>' }));
    expect(parsed).toMatchObject({ title: 'Headline', paragraphs: ['The body.'] });
  });

  it('reads title, author and date, with JSON metadata winning', () => {
    const parsed = parseJson(
      JSON.stringify({
        title: 'JSON title',
        author: [{ name: 'A. One' }, 'B. Two'],
        date: '2031-02-03',
        html: '<title>Other</title><p>Body.</p>',
      }),
    );
    expect(parsed).toMatchObject({ title: 'JSON title', byline: 'A. One, B. Two', published: '2031-02-03' });
  });

  it('normalises escaped whitespace inside fields', () => {
    expect(parseJson('{"text": "One\\u00a0two went.\\r\\n\\r\\nThree\\u200b."}').paragraphs).toEqual([
      'One two went.',
      'Three.',
    ]);
  });

  it('refuses an array with a clear message', () => {
    expect(() => parseJson('[{"text": "x"}]')).toThrow(MalformedInputError);
    expect(() => parseJson('[{"text": "x"}]')).toThrow(/got an array/);
  });

  it('refuses scalars and null', () => {
    expect(() => parseJson('"just a string"')).toThrow(/got a string/);
    expect(() => parseJson('null')).toThrow(/got null/);
  });

  it('refuses an object without a text field', () => {
    expect(() => parseJson('{"title": "Only a title"}')).toThrow(/no text/);
    expect(() => parseJson('{"text": "   "}')).toThrow(MalformedInputError);
  });

  it('refuses a text field of the wrong type and names it', () => {
    expect(() => parseJson('{"text": 42}')).toThrow(/"text"/);
  });

  it('refuses invalid JSON', () => {
    expect(() => parseJson('{"text": "unterminated')).toThrow(MalformedInputError);
  });

  it('survives JSON nested 100,000 levels deep', () => {
    const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `{"text": "Body.", "extra": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    expect(() => parseJson(deepArray)).toThrow(MalformedInputError);
    expect(parseJson(deepObject).paragraphs).toEqual(['Body.']);
  });
});
