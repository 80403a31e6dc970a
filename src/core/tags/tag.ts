import type { Dateline } from '../document.js';
import { type TokenizedText, tokenizeText } from '../text/words.js';
import { LEVEL_DEPTH } from './data/m49.js';

export const TAG_KINDS = ['topic', 'country', 'region', 'organization', 'person'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** A tag with the reason it was given: `evidence` holds the surface terms that earned it. */
export interface Tag {
  readonly name: string;
  readonly kind: TagKind;
  /** In [0, 1]; comparable within a kind. */
  readonly score: number;
  readonly evidence: readonly string[];
  /**
   * The tag's code in its standard: IPTC Media Topics (`medtop:15000000`) for topics, ISO 3166-1
   * alpha-2 for countries, UN M49 (`143`) for regions. Absent where the standard has none.
   */
  readonly code?: string;
  /** Name of the tag this one rolls up to: a topic's parent topic, a region's or country's containing region. */
  readonly parent?: string;
  /** Regions only: the M49 level. */
  readonly level?: RegionLevel;
  /** Places only: whether the story is about this place (true) or only mentions it (false). */
  readonly focus?: boolean;
  /** People and organisations: the other names the story uses for this one ("Xi", "SCO"). */
  readonly aliases?: readonly string[];
  /** People and organisations: how many times the story names it, under any of its names. */
  readonly mentions?: number;
}

export const REGION_LEVELS = ['region', 'sub-region', 'intermediate-region'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** What the taggers read: the title apart (it counts more) and the body sentences. */
export interface TaggableText {
  readonly title: string | null;
  readonly sentences: readonly string[];
  /**
   * Their tokens and atoms, when already computed (the analysis shares one tokenisation between
   * stages): `tokenizeText(title, sentences)` of exactly this title and these sentences, since the
   * taggers read the atoms' offsets against them. Tokenised here when absent.
   */
  readonly tokens?: TokenizedText;
  /** The wire dateline read off the lead, when there is one: the place tagger counts its place as where the story is. */
  readonly dateline?: Dateline | null;
  /** How many body sentences the first paragraph holds: the lead, which says what the story is about. */
  readonly leadSentences?: number;
}

/** The tokens the taggers read: the ones the caller shares, or the text tokenised here. */
export function taggableTokens(text: TaggableText): TokenizedText {
  return text.tokens ?? tokenizeText(text.title, text.sentences);
}

/**
 * How specific a region the story is about is: its M49 level's depth (intermediate region 3,
 * sub-region 2, region 1; a region without a level counts as one), 0 for a region it only mentions.
 * Sorting regions by it, highest first, puts "Central Asia" before "Asia".
 */
export function focusDepth(tag: {
  readonly focus?: boolean | null | undefined;
  readonly level?: string | null | undefined;
}): number {
  if (tag.focus !== true) return 0;
  return (LEVEL_DEPTH as Readonly<Record<string, number>>)[tag.level ?? 'region'] ?? 0;
}
