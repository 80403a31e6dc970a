import { focusDepth, type Tag, type TagKind } from '../core/tags/tag.js';
import type { ObjectTag } from './storage.js';

/** An S3 object tag, as the SDK spells it. */
export type S3Tag = ObjectTag;

/** S3's limits on an object's tag set. */
export const S3_TAG_LIMITS = Object.freeze({ maxTags: 10, maxKeyLength: 128, maxValueLength: 256 });

/** Every tag lede writes starts with this; tags without it belong to the user and are never touched. */
export const LEDE_TAG_PREFIX = 'lede:';

// What S3 allows in tag keys and values: letters, digits and spaces in any script, and + - = . _ : / @.
const DISALLOWED = /[^\p{L}\p{M}\p{N}\p{Zs}+\-=._:/@]+/gu;
const SPACES = /\s+/g;
// Joins the items of a list value; "/" is allowed and never occurs inside a topic or place name.
const LIST_SEPARATOR = '/';

/**
 * A tag key or value in S3's character set and length: disallowed characters ("Côte d’Ivoire"'s
 * apostrophe, commas) become spaces, runs of spaces one, and the result is cut to `maxLength`
 * characters (code points, as S3 counts them).
 * @example tagText("Côte d’Ivoire", 256) // 'Côte d Ivoire'
 */
export function tagText(text: string, maxLength: number): string {
  const cleaned = text.replace(DISALLOWED, ' ').replace(SPACES, ' ').trim();
  const chars = Array.from(cleaned);
  return chars.length <= maxLength ? cleaned : chars.slice(0, maxLength).join('').trimEnd();
}

/** Names joined with "/", as many whole names as fit in a tag value. */
function listValue(names: readonly string[]): string {
  let value = '';
  for (const name of names) {
    const item = tagText(name.replaceAll(LIST_SEPARATOR, ' '), S3_TAG_LIMITS.maxValueLength);
    const next = value === '' ? item : `${value}${LIST_SEPARATOR}${item}`;
    if (Array.from(next).length > S3_TAG_LIMITS.maxValueLength) break;
    value = next;
  }
  return value;
}

function namesOf(tags: readonly Tag[], kind: TagKind): string[] {
  return tags.filter((tag) => tag.kind === kind).map((tag) => tag.name);
}

/**
 * The places a story is about, best first: the focus countries, or every country when the tagger
 * marked none; for the region, the most specific focus region (M49 level), the heaviest of a level.
 */
function mainPlaces(tags: readonly Tag[]): { countries: string[]; region: string } {
  const countries = tags.filter((tag) => tag.kind === 'country');
  const focused = countries.filter((tag) => tag.focus === true);
  const regions = tags.filter((tag) => tag.kind === 'region');
  // Array.prototype.sort is stable: regions of one depth stay in score order.
  const [region] = [...regions].sort((a, b) => focusDepth(b) - focusDepth(a));
  return {
    countries: (focused.length > 0 ? focused : countries).map((tag) => tag.name),
    region: region?.name ?? '',
  };
}

/**
 * lede's tags for a source object, most useful first, so that the first ones survive when the user's
 * own tags leave little room: the main topic, country and region (one value each, which lifecycle
 * and replication rules can match exactly), the people (`lede:people`, most salient first, as many
 * whole names as fit), then the full lists. The country and region are where the story is (the place
 * tags' `focus`): `lede:countries` lists the focus countries.
 * @example analysisObjectTags(tags) // [{ Key: 'lede:topic', Value: 'geopolitics' }, { Key: 'lede:country', Value: 'China' }, ...]
 */
export function analysisObjectTags(tags: readonly Tag[]): S3Tag[] {
  const topics = namesOf(tags, 'topic');
  const { countries, region } = mainPlaces(tags);
  const candidates: [string, string][] = [
    ['topic', topics[0] ?? ''],
    ['country', countries[0] ?? ''],
    ['region', region],
    ['people', listValue(namesOf(tags, 'person'))],
    ['topics', topics.length > 1 ? listValue(topics) : ''],
    ['countries', countries.length > 1 ? listValue(countries) : ''],
  ];
  return candidates
    .map(([name, value]) => ({
      Key: `${LEDE_TAG_PREFIX}${name}`,
      Value: tagText(value, S3_TAG_LIMITS.maxValueLength),
    }))
    .filter((tag) => tag.Value !== '');
}

/**
 * The tag set to write: the object's own (non-lede) tags kept as they are, lede's previous tags
 * replaced by `ours`, and as many of `ours` as fit under S3's limit of 10 tags. S3 replaces the whole
 * set on every write, so the user's tags must be carried over.
 */
export function mergeObjectTags(existing: readonly S3Tag[], ours: readonly S3Tag[]): S3Tag[] {
  const theirs = existing.filter((tag) => !tag.Key.startsWith(LEDE_TAG_PREFIX));
  const room = Math.max(0, S3_TAG_LIMITS.maxTags - theirs.length);
  return [...theirs, ...ours.slice(0, room)];
}

/** True when two tag sets hold the same pairs, in any order: rewriting would change nothing. */
export function sameTagSet(a: readonly S3Tag[], b: readonly S3Tag[]): boolean {
  if (a.length !== b.length) return false;
  const pairs = new Set(a.map((tag) => `${tag.Key}\u0000${tag.Value}`));
  return b.every((tag) => pairs.has(`${tag.Key}\u0000${tag.Value}`));
}
