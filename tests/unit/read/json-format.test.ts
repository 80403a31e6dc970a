import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/core/read/formats/json.js';
import { MalformedInputError } from '../../../src/errors.js';

describe('parseJson', () => {
  it.each(['text', 'body', 'content'])('reads the body from a "%s" field', async (field) => {
    expect(
      (await parseJson(JSON.stringify({ title: 'T', [field]: 'First.\n\nSecond.' }))).paragraphs,
    ).toEqual(['First.', 'Second.']);
  });

  it('reads the body from an "html" field', async () => {
    const parsed = await parseJson(JSON.stringify({ html: '<h1>Headline</h1><p>The body.</p>' }));
    expect(parsed).toMatchObject({ title: 'Headline', paragraphs: ['The body.'] });
  });

  it('reads title, author and date, with JSON metadata winning', async () => {
    const parsed = await parseJson(
      JSON.stringify({
        title: 'JSON title',
        author: [{ name: 'A. One' }, 'B. Two'],
        date: '2031-02-03',
        html: '<title>Other</title><p>Body.</p>',
      }),
    );
    expect(parsed).toMatchObject({ title: 'JSON title', byline: 'A. One, B. Two', published: '2031-02-03' });
  });

  it('normalises escaped whitespace inside fields', async () => {
    expect((await parseJson('{"text": "One\\u00a0two went.\\r\\n\\r\\nThree\\u200b."}')).paragraphs).toEqual([
      'One two went.',
      'Three.',
    ]);
  });

  it('refuses an array with a clear message', async () => {
    await expect(parseJson('[{"text": "x"}]')).rejects.toThrow(MalformedInputError);
    await expect(parseJson('[{"text": "x"}]')).rejects.toThrow(/got an array/);
  });

  it('refuses scalars and null', async () => {
    await expect(parseJson('"just a string"')).rejects.toThrow(/got a string/);
    await expect(parseJson('null')).rejects.toThrow(/got null/);
  });

  it('refuses an object without a text field', async () => {
    await expect(parseJson('{"title": "Only a title"}')).rejects.toThrow(/no text/);
    await expect(parseJson('{"text": "   "}')).rejects.toThrow(MalformedInputError);
  });

  it('refuses a text field of the wrong type and names it', async () => {
    await expect(parseJson('{"text": 42}')).rejects.toThrow(/"text"/);
  });

  it('refuses invalid JSON', async () => {
    await expect(parseJson('{"text": "unterminated')).rejects.toThrow(MalformedInputError);
  });

  it('survives JSON nested 100,000 levels deep', async () => {
    const deepArray = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepObject = `{"text": "Body.", "extra": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    await expect(parseJson(deepArray)).rejects.toThrow(MalformedInputError);
    expect((await parseJson(deepObject)).paragraphs).toEqual(['Body.']);
  });
});
