import type { TokenizedText } from '../text/words.js';

export const TAG_KINDS = ['topic', 'country', 'region', 'organization'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** A tag with the reason it was given: `evidence` holds the surface terms that earned it. */
export interface Tag {
  readonly name: string;
  readonly kind: TagKind;
  /** In [0, 1]; comparable within a kind. */
  readonly score: number;
  readonly evidence: readonly string[];
}

/** What the taggers read: the title apart (it counts more) and the body sentences. */
export interface TaggableText {
  readonly title: string | null;
  readonly sentences: readonly string[];
  /** Their tokens, when already computed (the analysis shares one tokenisation between stages). */
  readonly tokens?: TokenizedText;
}
