import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/core/read/formats/html.js';
import { stripTags } from '../../../src/core/read/formats/html-linear.js';

const page = readFileSync(new URL('../../fixtures/read/library-fire.html', import.meta.url), 'utf8');
const body = (html: string): string => parseHtml(html).paragraphs.join('\n');

describe('parseHtml', () => {
  it('extracts the article and leaves out every piece of page furniture', () => {
    const text = body(page);
    expect(text).toContain('A fire tore through the roof');
    expect(text).toContain('Temporary lending will move to the community hall');
    for (const furniture of [
      'Skip to main content',
      'Home',
      'We use cookies',
      'Share on Facebook',
      'Smoke rises over the reading room',
      'Morning Briefing',
      'Advertisement',
      'Council approves library budget',
      'What a terrible loss',
      'All rights reserved',
      'Follow us',
      'tracker',
      'tracking pixel',
      'end of page',
      'font-family',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it('reads the title, byline and publication date from the page metadata', () => {
    expect(parseHtml(page)).toMatchObject({
      title: 'Fire damages historic library in Dunmore',
      byline: 'Fiona Calloway',
      published: '2031-11-02T07:15:00Z',
    });
  });

  it('prefers og:title, then the h1, then the <title> without its site name', () => {
    expect(
      parseHtml('<meta property="og:title" content="OG"><title>T | Site</title><h1>H</h1><p>x</p>').title,
    ).toBe('OG');
    expect(parseHtml('<title>T | Site</title><article><h1>H</h1><p>x</p></article>').title).toBe('H');
    expect(parseHtml('<title>Budget passes | The Daily</title><p>x</p>').title).toBe('Budget passes');
    expect(parseHtml('<title>Budget passes - The Daily</title><p>x</p>').title).toBe('Budget passes');
    expect(parseHtml('<title>Budget passes — The Daily</title><p>x</p>').title).toBe('Budget passes');
  });

  it('keeps a title whose dash is part of the headline', () => {
    expect(
      parseHtml(
        '<title>Q&amp;A - what the new budget means for renters and first-time buyers</title><p>x</p>',
      ).title,
    ).toBe('Q&A - what the new budget means for renters and first-time buyers');
  });

  it('reads the byline from rel=author and the date from <time datetime>', () => {
    const parsed = parseHtml(
      '<article><p>By <a rel="author">Ana Costa</a></p><time datetime="2031-04-05">5 April</time><p>Body text.</p></article>',
    );
    expect(parsed).toMatchObject({ byline: 'Ana Costa', published: '2031-04-05' });
  });

  it('removes elements whose class, id, role or aria-label names furniture', () => {
    const text = body(
      '<p>Kept.</p><div class="SocialShareBar">s1</div><div id="newsletter-box">s2</div><div role="navigation">s3</div>' +
        '<div aria-label="Related stories">s4</div><div class="ad-container">s5</div><p class="image-caption">s6</p>' +
        '<div class="shareholders-report">Kept too.</div><div class="header-note">Kept three.</div>',
    );
    expect(text).toContain('Kept.');
    expect(text).toContain('Kept too.');
    expect(text).toContain('Kept three.');
    expect(text).not.toMatch(/s[1-6]/);
  });

  it('does not remove the whole page when the body has a furniture-like class', () => {
    expect(body('<html><body class="has-cookie-banner"><p>Still here.</p></body></html>')).toBe(
      'Still here.',
    );
  });

  it('puts list items on lines of one paragraph', () => {
    expect(parseHtml('<p>Intro.</p><ul><li>one</li><li>two</li></ul>').paragraphs).toEqual([
      'Intro.',
      'one\ntwo',
    ]);
  });

  it('reads unclosed HTML', () => {
    expect(body('<p>First paragraph<p>Second <b>bold paragraph')).toBe(
      'First paragraph\nSecond bold paragraph',
    );
  });

  it('finds no text in a page that is only scripts', () => {
    expect(parseHtml('<script>var a = "text";</script><script>alert(1)</script>').paragraphs).toEqual([]);
  });

  it('never runs scripts or inline handlers', () => {
    const marker = '__ledeHtmlRan';
    parseHtml(
      `<script>globalThis.${marker} = true</script><img src=x onerror="globalThis.${marker}=true"><p>x</p>`,
    );
    expect(Reflect.get(globalThis, marker)).toBeUndefined();
  });

  it('reads HTML nested 50,000 levels deep without overflowing the stack', () => {
    const deep = `<html><body>${'<div>'.repeat(50_000)}<p>Deep words survive.</p>${'</div>'.repeat(50_000)}</body></html>`;
    expect(body(deep)).toContain('Deep words survive.');
  });

  it('reads 50,000 unclosed nested elements', () => {
    expect(body(`${'<span><div>'.repeat(50_000)}Unclosed words survive.`)).toContain(
      'Unclosed words survive.',
    );
  });
});

describe('stripTags', () => {
  it('drops tags, skips scripts and furniture, and breaks paragraphs at block tags', () => {
    expect(stripTags('<p>One &amp; <b>two</b></p><SCRIPT>x()</SCRIPT><nav>menu</nav><p>Three</p>')).toBe(
      'One & two\n\nThree',
    );
  });

  it('keeps a bare less-than sign as text', () => {
    expect(stripTags('<p>3 < 4 is true</p>')).toBe('3 < 4 is true');
  });

  it('is linear on deep and unclosed input', () => {
    const started = performance.now();
    stripTags(`${'<div>'.repeat(200_000)}x${'<script>'.repeat(10_000)}`);
    // Generous bound: a quadratic scan of this input would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
