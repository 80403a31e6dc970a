import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../src/core/tags/tag.js';
import {
  analysisObjectTags,
  mergeObjectTags,
  S3_TAG_LIMITS,
  type S3Tag,
  sameTagSet,
  tagText,
} from '../../../src/upload/object-tags.js';

const tag = (name: string, kind: Tag['kind'], score = 1): Tag => ({ name, kind, score, evidence: [] });

// S3's documented character set for tag keys and values.
const S3_ALLOWED = /^[\p{L}\p{M}\p{N}\p{Zs}+\-=._:/@]*$/u;

function expectValidForS3(tags: readonly S3Tag[]): void {
  expect(tags.length).toBeLessThanOrEqual(S3_TAG_LIMITS.maxTags);
  expect(new Set(tags.map((t) => t.Key)).size).toBe(tags.length);
  for (const { Key, Value } of tags) {
    expect(Array.from(Key).length).toBeLessThanOrEqual(S3_TAG_LIMITS.maxKeyLength);
    expect(Array.from(Value).length).toBeLessThanOrEqual(S3_TAG_LIMITS.maxValueLength);
    expect(Key).toMatch(S3_ALLOWED);
    expect(Value).toMatch(S3_ALLOWED);
  }
}

describe('analysisObjectTags', () => {
  const tags = [
    tag('geopolitics', 'topic', 0.9),
    tag('economy', 'topic', 0.5),
    tag('China', 'country'),
    tag('Kazakhstan', 'country', 0.8),
    tag('Central Asia', 'region'),
    tag('Shanghai Cooperation Organisation', 'organization'),
  ];

  it('puts the main topic, country and region first, then the lists', () => {
    expect(analysisObjectTags(tags)).toEqual([
      { Key: 'lede:topic', Value: 'geopolitics' },
      { Key: 'lede:country', Value: 'China' },
      { Key: 'lede:region', Value: 'Central Asia' },
      { Key: 'lede:topics', Value: 'geopolitics/economy' },
      { Key: 'lede:countries', Value: 'China/Kazakhstan' },
    ]);
  });

  it('writes nothing for kinds the analysis did not find', () => {
    expect(analysisObjectTags([tag('sport', 'topic')])).toEqual([{ Key: 'lede:topic', Value: 'sport' }]);
    expect(analysisObjectTags([])).toEqual([]);
  });

  it("replaces characters S3 refuses, such as Côte d'Ivoire's apostrophe", () => {
    expect(analysisObjectTags([tag('Côte d’Ivoire', 'country')])).toEqual([
      { Key: 'lede:country', Value: 'Côte d Ivoire' },
    ]);
    expect(tagText('Guinea-Bissau, (West) Africa!', 256)).toBe('Guinea-Bissau West Africa');
  });

  it('names the first focus country and the most specific focus region, and lists the focus countries', () => {
    const place = (name: string, kind: Tag['kind'], score: number, extra: Partial<Tag>): Tag => ({
      ...tag(name, kind, score),
      ...extra,
    });
    const tags = [
      place('United States', 'country', 1, { focus: false }),
      place('China', 'country', 0.9, { focus: true }),
      place('Kazakhstan', 'country', 0.4, { focus: true }),
      place('Asia', 'region', 1, { focus: true, level: 'region' }),
      place('Northern America', 'region', 0.8, { focus: false, level: 'sub-region' }),
      place('Central Asia', 'region', 0.5, { focus: true, level: 'sub-region' }),
    ];
    const byKey = new Map(analysisObjectTags(tags).map((t) => [t.Key, t.Value]));
    expect(byKey.get('lede:country')).toBe('China');
    expect(byKey.get('lede:region')).toBe('Central Asia');
    expect(byKey.get('lede:countries')).toBe('China/Kazakhstan');
  });

  it('keeps a long list to whole names within 256 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => tag(`Republic of Somewhere Number ${i}`, 'country'));
    const countries = analysisObjectTags(many).find((t) => t.Key === 'lede:countries')?.Value ?? '';
    expect(Array.from(countries).length).toBeLessThanOrEqual(256);
    expect(countries.split('/').every((name) => /^Republic of Somewhere Number \d+$/.test(name))).toBe(true);
  });

  it('always gives a tag set S3 accepts, whatever the names', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string({ unit: 'binary', maxLength: 400 }),
            kind: fc.constantFrom('topic', 'country', 'region', 'organization', 'person'),
          }),
          { maxLength: 30 },
        ),
        (raw) => expectValidForS3(analysisObjectTags(raw.map((r) => tag(r.name, r.kind)))),
      ),
    );
  });
});

describe('analysisObjectTags lede:people', () => {
  it('lists the people most salient first, after the single-value tags and before the lists', () => {
    const tags = [
      tag('geopolitics', 'topic'),
      tag('economy', 'topic', 0.4),
      tag('China', 'country'),
      tag('Xi Jinping', 'person', 1),
      tag('Vladimir Putin', 'person', 0.4),
      tag('NATO', 'organization'),
    ];
    expect(analysisObjectTags(tags)).toEqual([
      { Key: 'lede:topic', Value: 'geopolitics' },
      { Key: 'lede:country', Value: 'China' },
      { Key: 'lede:people', Value: 'Xi Jinping/Vladimir Putin' },
      { Key: 'lede:topics', Value: 'geopolitics/economy' },
    ]);
  });

  it('keeps whole names only when the people do not all fit in 256 characters', () => {
    const people = Array.from({ length: 30 }, (_, i) => tag(`Alexandra Konstantinopoulou ${i}`, 'person'));
    const value = analysisObjectTags(people).find((t) => t.Key === 'lede:people')?.Value ?? '';
    expect(Array.from(value).length).toBeLessThanOrEqual(256);
    expect(value.split('/').length).toBeGreaterThan(1);
    expect(value.split('/').every((name) => /^Alexandra Konstantinopoulou \d+$/.test(name))).toBe(true);
  });

  it('writes no people tag when the analysis names nobody, and keeps the user tags as they are', () => {
    const ours = analysisObjectTags([tag('sport', 'topic'), tag('UEFA', 'organization')]);
    expect(ours.map((t) => t.Key)).toEqual(['lede:topic']);
    const merged = mergeObjectTags(
      [{ Key: 'owner', Value: 'desk' }],
      analysisObjectTags([tag('Ana Ruiz', 'person')]),
    );
    expect(merged).toEqual([
      { Key: 'owner', Value: 'desk' },
      { Key: 'lede:people', Value: 'Ana Ruiz' },
    ]);
  });
});

describe('mergeObjectTags', () => {
  const ours = analysisObjectTags([tag('sport', 'topic'), tag('football', 'topic'), tag('Spain', 'country')]);

  it("keeps the user's tags and replaces lede's earlier ones", () => {
    const existing = [
      { Key: 'team', Value: 'sports-desk' },
      { Key: 'lede:topic', Value: 'politics' },
      { Key: 'lede:countries', Value: 'France/Italy' },
    ];
    expect(mergeObjectTags(existing, ours)).toEqual([{ Key: 'team', Value: 'sports-desk' }, ...ours]);
  });

  it("never drops a user's tag to make room, and fills what is left with lede's most useful tags", () => {
    const existing = Array.from({ length: 8 }, (_, i) => ({ Key: `user-${i}`, Value: String(i) }));
    const merged = mergeObjectTags(existing, ours);
    expect(merged).toHaveLength(10);
    expect(merged.slice(0, 8)).toEqual(existing);
    expect(merged.slice(8)).toEqual(ours.slice(0, 2));
    const full = Array.from({ length: 10 }, (_, i) => ({ Key: `user-${i}`, Value: String(i) }));
    expect(mergeObjectTags(full, ours)).toEqual(full);
  });

  it('tells an unchanged tag set from a changed one, in any order', () => {
    expect(sameTagSet(ours, [...ours].reverse())).toBe(true);
    expect(sameTagSet(ours, ours.slice(1))).toBe(false);
    expect(sameTagSet([{ Key: 'a', Value: '1' }], [{ Key: 'a', Value: '2' }])).toBe(false);
  });
});
