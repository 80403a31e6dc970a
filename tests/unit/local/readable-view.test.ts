import { describe, expect, it } from 'vitest';
import { readableView } from '../../../src/local/readable-view.js';

const tag = (name: string, kind: string, score: number, extra: { focus?: boolean; level?: string } = {}) => ({
  name,
  kind,
  score,
  ...extra,
});

describe('readableView', () => {
  const output = {
    title: 'Ministers sign rail deal in Astana',
    language: 'en',
    summary: { text: 'Ministers from Kazakhstan and China signed a rail freight agreement on Tuesday.' },
    tags: [
      tag('transport', 'topic', 0.91),
      tag('trade', 'topic', 0.7),
      tag('Asia', 'region', 1, { focus: true, level: 'region' }),
      tag('China', 'country', 1, { focus: true }),
      tag('Japan', 'country', 0.4, { focus: false }),
      tag('Central Asia', 'region', 0.6, { focus: true, level: 'sub-region' }),
      tag('Kazakhstan', 'country', 0.5, { focus: true }),
      tag('Aliya Sarsenova', 'person', 1),
      tag('Kazakhstan Temir Zholy', 'organization', 1),
    ],
    keywords: [{ term: 'rail freight' }, { term: 'Astana' }],
  };

  it('lists the places the story is about, focus countries first and the specific region before its continent', () => {
    expect(readableView(output)).toContain('  places:   China, Kazakhstan, Central Asia, Asia\n');
  });

  it('groups the tags by kind: topics with their scores, people, organisations, then keywords and the summary', () => {
    const lines = readableView(output).split('\n');
    expect(lines).toContain('  topics:   transport (0.91), trade (0.70)');
    expect(lines).toContain('  people:   Aliya Sarsenova');
    expect(lines).toContain('  orgs:     Kazakhstan Temir Zholy');
    expect(lines).toContain('  keywords: rail freight, Astana');
    expect(lines.at(-2)).toBe('  summary:');
  });

  it('falls back to the top countries when none is marked as focus, and leaves out empty kinds', () => {
    const view = readableView({
      title: 'Markets',
      tags: [tag('France', 'country', 1), tag('Spain', 'country', 0.5), tag('Italy', 'country', 0.2)],
    });
    expect(view).toContain('  places:   France, Spain\n');
    expect(view).not.toContain('people:');
    expect(view).not.toContain('topics:');
  });

  it('shows a refused document as its error code and message', () => {
    expect(readableView({ error: { code: 'EMPTY_DOCUMENT', message: 'The document is empty' } })).toBe(
      '  refused: EMPTY_DOCUMENT: The document is empty',
    );
  });
});
