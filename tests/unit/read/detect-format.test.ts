import { describe, expect, it } from 'vitest';
import type { Format } from '../../../src/core/document.js';
import { declaredFormat, type FormatHints, sniffFormat } from '../../../src/core/read/detect-format.js';
import { UnsupportedFormatError, UnsupportedMediaError } from '../../../src/errors.js';

/** The readers' rule: the declared format (override, extension, content type), else the sniffed one. */
function chosenFormat(text: string, hints: FormatHints = {}): Format {
  return declaredFormat(hints) ?? sniffFormat(text);
}

describe('declaredFormat, then sniffFormat', () => {
  it('lets an explicit override win over extension, content type and content', () => {
    expect(chosenFormat('<p>hi</p>', { format: 'md', filename: 'a.html', contentType: 'text/html' })).toBe(
      'md',
    );
  });

  it('accepts format aliases case-insensitively', () => {
    expect(chosenFormat('x', { format: 'Markdown' })).toBe('md');
    expect(chosenFormat('x', { format: 'HTM' })).toBe('html');
    expect(chosenFormat('x', { format: 'text' })).toBe('txt');
  });

  it('refuses an unknown override', () => {
    expect(() => chosenFormat('x', { format: 'rtf' })).toThrow(UnsupportedFormatError);
    expect(() => chosenFormat('x', { format: 'rtf' })).toThrow(/"rtf"/);
  });

  it.each([
    ['story.txt', 'txt'],
    ['story.TEXT', 'txt'],
    ['story.md', 'md'],
    ['story.markdown', 'md'],
    ['story.html', 'html'],
    ['story.htm', 'html'],
    ['story.xhtml', 'html'],
    ['exports/2031/story.json', 'json'],
  ])('picks the format of %s from its extension', (filename, format) => {
    expect(chosenFormat('plain words', { filename })).toBe(format);
  });

  it('uses the extension before the content type', () => {
    expect(chosenFormat('x', { filename: 'a.md', contentType: 'text/html' })).toBe('md');
  });

  it.each([
    ['text/plain; charset=utf-8', 'txt'],
    ['text/markdown', 'md'],
    ['text/html;charset=windows-1252', 'html'],
    ['application/xhtml+xml', 'html'],
    ['application/json', 'json'],
    ['application/vnd.article+json', 'json'],
  ])('picks the format from content type %s when the name says nothing', (contentType, format) => {
    expect(chosenFormat('plain words', { filename: 'upload', contentType })).toBe(format);
  });

  it.each([
    'image/png',
    'application/zip',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ])('refuses the unsupported content type %s', (contentType) => {
    expect(() => chosenFormat('plain words', { contentType })).toThrow(UnsupportedMediaError);
  });

  it('sniffs the content when the content type is generic', () => {
    expect(chosenFormat('# Heading\n\nBody.', { contentType: 'application/octet-stream' })).toBe('md');
  });

  it('falls through an unknown extension to sniffing', () => {
    expect(chosenFormat('{"text": "Hello."}', { filename: 'story.data' })).toBe('json');
  });

  it('declares nothing when no hint is given', () => {
    expect(declaredFormat({})).toBeUndefined();
  });
});

describe('sniffFormat', () => {
  it.each([
    '<!DOCTYPE html><html><body><p>Hi</p></body></html>',
    '  <html lang="en"><p>Hi</p>',
    '<article><p>Hi</p></article>',
    '<p>Just a paragraph</p>',
    '<div class="x">Hi</div>',
    '<!-- saved page --><html>',
  ])('recognises HTML: %s', (text) => {
    expect(sniffFormat(text)).toBe('html');
  });

  it('recognises JSON that parses', () => {
    expect(sniffFormat('{"title": "T", "text": "Body."}')).toBe('json');
  });

  it('does not call a leading brace JSON when it does not parse', () => {
    expect(sniffFormat('{Editor’s note} The council met on Monday.')).toBe('txt');
  });

  it.each([
    '# A heading\n\nBody text.',
    'Some **bold** claim.',
    'See [the report](https://example.org/report).',
    'Intro\n\n```\ncode\n```',
    '---\ntitle: Story\n---\nBody.',
  ])('recognises Markdown from a clear signal: %s', (text) => {
    expect(sniffFormat(text)).toBe('md');
  });

  it('needs two weak signals before calling text Markdown', () => {
    expect(sniffFormat('Points:\n- one\n- two')).toBe('txt');
    expect(sniffFormat('Points:\n- one\n- two\n\n> quoted reply')).toBe('md');
  });

  it('calls everything else plain text', () => {
    expect(sniffFormat('The council met on Monday. #budget was trending.')).toBe('txt');
  });

  it.each([
    ['an SVG image', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>Hi.</text></svg>'],
    ['an SVG without a declaration', '<svg viewBox="0 0 10 10"><title>Logo</title></svg>'],
    ['an RSS feed', '<rss version="2.0"><channel><item><title>Ferry</title></item></channel></rss>'],
    ['a sitemap', '<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>x</loc></url></urlset>'],
  ])('refuses %s rather than summarising its tags', (_name, text) => {
    expect(() => sniffFormat(text)).toThrow(UnsupportedFormatError);
  });

  it('still reads XHTML with an XML declaration as HTML', () => {
    expect(sniffFormat('<?xml version="1.0"?>\n<!DOCTYPE html><html><p>Hi.</p></html>')).toBe('html');
  });
});
