import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  desksOf,
  formatDeskReport,
  halfOf,
  loadDeskCorpus,
  type StoryResult,
  scoreDesks,
} from '../../../scripts/eval/dev-topics.js';
import type { Tag } from '../../../src/core/tags/tag.js';

function topic(name: string, parent?: string): Tag {
  return { name, kind: 'topic', score: 0.9, evidence: [], ...(parent === undefined ? {} : { parent }) };
}

function story(id: string, desk: string, topics: Tag[]): StoryResult {
  return { id, desk, half: halfOf(id), topics, desks: desksOf(topics), language: 'en' };
}

describe('desk evaluation', () => {
  it('maps topics to desks by name, then by parent, and ignores neutral topics', () => {
    expect(desksOf([topic('crime'), topic('economy'), topic('trade', 'economy'), topic('sport')])).toEqual([
      'business',
      'sport',
    ]);
    expect(desksOf([topic('my desk', 'technology')])).toEqual(['tech']);
  });

  it('splits stories into halves by the parity of their number', () => {
    expect(halfOf('sport/012')).toBe('fit');
    expect(halfOf('sport/013')).toBe('held-out');
  });

  it('counts the right desk, another desk and the allowed overlaps per desk', () => {
    const report = scoreDesks([
      story('politics/001', 'politics', [topic('politics'), topic('economy')]),
      story('politics/002', 'politics', [topic('business')]),
      story('tech/001', 'tech', [topic('technology'), topic('entertainment')]),
      story('tech/002', 'tech', [topic('health')]),
    ]);
    const politics = report.rows.find((row) => row.desk === 'politics');
    expect(politics).toMatchObject({ stories: 2, right: 1, rightFirst: 1, noOther: 1, noOtherStrict: 0 });
    const tech = report.rows.find((row) => row.desk === 'tech');
    expect(tech).toMatchObject({ stories: 2, right: 1, noOther: 2, noOtherStrict: 1 });
    expect(report.confusion.tech).toMatchObject({ tech: 1, entertainment: 1, none: 1 });
    expect(report.total).toMatchObject({ stories: 4, right: 2 });
    expect(formatDeskReport('t', report)).toContain('confusion');
  });

  it('reads a labels.json corpus folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-desks-'));
    writeFileSync(join(dir, 'a.txt'), 'Title\n\nBody.');
    writeFileSync(
      join(dir, 'labels.json'),
      JSON.stringify([{ file: 'a.txt', id: 'sport/004', category: 'sport' }]),
    );
    expect(loadDeskCorpus(dir)).toEqual([
      { id: 'sport/004', desk: 'sport', text: 'Title\n\nBody.', half: 'fit' },
    ]);
  });
});
