import { describe, expect, it } from 'vitest';
import { readFile } from '../../../src/core/read/read-file.js';
import { makePdfArticle } from '../../support/pdf-article.js';
import { makeWordArticle } from '../../support/word-article.js';

const PARAGRAPHS = [
  'The county council voted on Tuesday to rebuild the flood wall along the old fish quay, ending two years of argument over who should pay for it.',
  'Engineers said the new wall would stand a metre higher than the one breached in last winter’s storm surge, which left forty homes without power for a week.',
  'Work is due to begin in March and to last eighteen months, during which the quay road will close to lorries.',
  'Traders on the quay welcomed the decision but asked the council to keep one lane open for deliveries.',
];

describe('Word articles written by the docx library', () => {
  it('reads the byline under the headline as the byline, not as the first sentence', async () => {
    const bytes = await makeWordArticle({
      title: 'Council approves higher flood wall for fish quay',
      byline: 'By Lucia Mendoza',
      subheadings: { 2: 'Road closures' },
      paragraphs: PARAGRAPHS,
    });

    const doc = await readFile(bytes, { filename: 'flood-wall.docx' });

    expect(doc.title).toBe('Council approves higher flood wall for fish quay');
    expect(doc.byline).toBe('Lucia Mendoza');
    expect(doc.sentences[0]?.text).toMatch(/^The county council voted on Tuesday/);
    expect(doc.sentences.map((s) => s.text).join(' ')).not.toMatch(/Lucia Mendoza|Page \d|Coastal Desk/);
  });

  it('leaves a first paragraph that only starts with "By" in the body', async () => {
    const bytes = await makeWordArticle({
      title: 'Quay traders count the cost',
      paragraphs: ['By the end of the week, most stalls on the quay had reopened.', ...PARAGRAPHS],
    });

    const doc = await readFile(bytes, { filename: 'quay.docx' });

    expect(doc.byline).toBeNull();
    expect(doc.sentences[0]?.text).toBe('By the end of the week, most stalls on the quay had reopened.');
  });
});

describe('PDF articles written by pdfkit', () => {
  it('reads a headline wrapped over two lines as the whole title, and the byline as the byline', async () => {
    const bytes = await makePdfArticle({
      title: 'Council approves higher flood wall for the old fish quay after two years of argument',
      byline: 'By Lucia Mendoza',
      paragraphs: PARAGRAPHS,
    });

    const doc = await readFile(bytes, { filename: 'flood-wall.pdf' });

    expect(doc.title).toBe(
      'Council approves higher flood wall for the old fish quay after two years of argument',
    );
    expect(doc.byline).toBe('Lucia Mendoza');
    expect(doc.sentences[0]?.text).toMatch(/^The county council voted on Tuesday/);
    expect(doc.sentences.map((s) => s.text).join(' ')).not.toMatch(/Lucia Mendoza|Page 1|COASTAL DESK/);
  });
});
