import { tokenize, type WordInfo, wordInfo } from '../text/words.js';

/**
 * The shape of a taxonomy file (the bundled one in `data/taxonomy.ts`, or a user's JSON), as a
 * JSON Schema-ish sketch:
 *
 * ```jsonc
 * {
 *   "$schema": "string (optional, ignored)",
 *   "description": "string (optional, ignored)",
 *   "minScore": "number in [0, 1] (optional): topics scoring below it are not tagged",
 *   "topics": [                       // at least one
 *     {
 *       "name": "string, non-empty, unique ignoring case (the tag name, e.g. \"human rights\")",
 *       "description": "string (optional)",
 *       "code": "string (optional): its IPTC Media Topics code, e.g. \"medtop:15000000\"",
 *       "parent": "string (optional): the name of the topic it nests under, e.g. \"economy\"",
 *       "terms": [                    // single words, matched on their Porter stem
 *         { "term": "diplomacy", "weight": 2.5 }   // weight in [0, 10]; 0 switches the term off
 *       ],
 *       "phrases": [                  // optional; 2 to 6 words, matched as a stem sequence
 *         { "term": "foreign policy", "weight": 3 }
 *       ]
 *     }
 *   ]
 * }
 * ```
 *
 * Unknown keys are rejected so that a typo ("wieght") fails loudly instead of silently dropping a term
 * (the validation is in taxonomy-schema.ts, loaded only when a user's taxonomy is given).
 * Hyphens count as spaces: "cease-fire" is the phrase "cease fire", so it belongs under `phrases`.
 */
export interface TaxonomyData {
  readonly minScore?: number | undefined;
  readonly topics: readonly TopicData[];
}

export interface TopicData {
  readonly name: string;
  readonly description?: string | undefined;
  /** IPTC Media Topics code (`medtop:04000000`), where one fits. */
  readonly code?: string | undefined;
  /** Name of the topic this one nests under. */
  readonly parent?: string | undefined;
  readonly terms: readonly TermData[];
  readonly phrases?: readonly TermData[] | undefined;
}

export interface TermData {
  readonly term: string;
  readonly weight: number;
}

/** A matchable entry, shared by every topic that lists it: one dictionary lookup serves them all. */
export interface TaxonomyEntry {
  /** The stem (term) or space-joined stems (phrase): the identity of the entry. */
  readonly key: string;
  readonly stems: readonly string[];
  readonly postings: readonly { readonly topic: number; readonly weight: number }[];
}

export interface CompiledTopic {
  readonly name: string;
  readonly description?: string | undefined;
  readonly code?: string | undefined;
  readonly parent?: string | undefined;
  /** Sum of the topic's weights: how much vocabulary it can match, used to keep big topics from winning by size. */
  readonly mass: number;
}

/** The compiled form `tagTopics` reads: terms keyed by stem, phrases as stem sequences. */
export interface Taxonomy {
  readonly minScore: number;
  readonly topics: readonly CompiledTopic[];
  readonly terms: ReadonlyMap<string, TaxonomyEntry>;
  /** Phrases keyed by their first stem, longest first, so the first that matches is the longest. */
  readonly phrases: ReadonlyMap<string, readonly TaxonomyEntry[]>;
}

/** One word of text as the matcher sees it: its surface form, stem, and stop-word facts. */
export type Unit = WordInfo;

/**
 * Words of a text as matchable units, used alike for the taxonomy's entries and the article's text.
 * Hyphens split words, so "cease-fire" in an article meets the taxonomy phrase "cease fire" (and
 * "anti-war" still counts as "war"); a closed compound such as "ceasefire" is a word of its own.
 * @example toUnits('A cease-fire') // [{surface:'A',stem:'a'}, {surface:'cease',stem:'ceas'}, {surface:'fire',stem:'fire'}]
 */
export function toUnits(text: string): Unit[] {
  return unitsOf(tokenize(text));
}

/** {@link toUnits} for text already tokenised. */
export function unitsOf(tokens: readonly string[]): Unit[] {
  return tokens.flatMap(tokenUnits);
}

/** The units of one token: itself, or its parts when hyphenated ("cease-fire"). */
export function tokenUnits(token: string): readonly Unit[] {
  if (!token.includes('-')) return [wordInfo(token)];
  return token
    .split('-')
    .filter((part) => part !== '')
    .map((part) => wordInfo(part));
}

function entryKey(term: string): string {
  return toUnits(term)
    .map((u) => u.stem)
    .join(' ');
}

// Same stem listed twice (e.g. "sanction" and "sanctions"): the later entry wins, which is also how a
// user's term overrides a bundled one in `mergeTaxonomy`.
function mergeEntries(base: readonly TermData[], user: readonly TermData[]): TermData[] {
  const byKey = new Map<string, TermData>();
  for (const entry of [...base, ...user]) {
    const key = entryKey(entry.term);
    byKey.delete(key);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * Combines the bundled taxonomy with a user's. `replace` uses the user's topics alone; `extend` keeps
 * the base topics, adds the user's new ones, and merges a same-name topic's terms and phrases, the
 * user's weight winning (weight 0 switches a base term off). The user's `minScore` wins when set.
 * @example mergeTaxonomy(bundledTaxonomy, parseTaxonomy(json), 'extend')
 */
export function mergeTaxonomy(
  base: TaxonomyData,
  user: TaxonomyData,
  mode: 'extend' | 'replace',
): TaxonomyData {
  const minScore = user.minScore ?? base.minScore;
  if (mode === 'replace') return { minScore, topics: user.topics };

  const userByName = new Map(user.topics.map((topic) => [topic.name.toLowerCase(), topic]));
  const topics: TopicData[] = base.topics.map((topic) => {
    const extra = userByName.get(topic.name.toLowerCase());
    if (extra === undefined) return topic;
    userByName.delete(topic.name.toLowerCase());
    return {
      name: topic.name,
      description: extra.description ?? topic.description,
      code: extra.code ?? topic.code,
      parent: extra.parent ?? topic.parent,
      terms: mergeEntries(topic.terms, extra.terms),
      phrases: mergeEntries(topic.phrases ?? [], extra.phrases ?? []),
    };
  });
  topics.push(...userByName.values());
  return { minScore, topics };
}

// The bundled taxonomy's bar (data/taxonomy.ts), for a taxonomy that sets none; a test keeps the two equal.
// Not read from the data file: the run time loads the compiled taxonomy and never needs the source.
export const DEFAULT_MIN_SCORE = 0.5;

type IndexBuilder = Map<string, { stems: string[]; postings: { topic: number; weight: number }[] }>;

/** Adds one topic's terms or phrases to an index; returns the weight they add to the topic's mass. */
function addEntries(index: IndexBuilder, entries: readonly TermData[], topic: number): number {
  let mass = 0;
  // Keyed by stem, later entries winning: "sanction" and "sanctions" are one entry.
  const weights = new Map(entries.map((entry) => [entryKey(entry.term), entry.weight]));
  for (const [key, weight] of weights) {
    if (weight === 0) continue;
    const built = index.get(key) ?? { stems: key.split(' '), postings: [] };
    built.postings.push({ topic, weight });
    index.set(key, built);
    mass += weight;
  }
  return mass;
}

/** A compiled taxonomy as plain data: what the build writes for the bundled taxonomy. */
export interface TaxonomyIndexData {
  readonly minScore: number;
  readonly topics: readonly CompiledTopic[];
  /** Term entries in index order, keyed by their space-joined stems (a hyphenated term has two). */
  readonly terms: readonly (readonly [string, TaxonomyEntry['postings']])[];
  /** Phrase entries in index order, keyed by their space-joined stems. */
  readonly phrases: readonly (readonly [string, TaxonomyEntry['postings']])[];
}

/**
 * Stems every term and phrase of a taxonomy already known to be valid (the bundled one, or one that
 * went through `compileTaxonomy` in taxonomy-schema.ts) and indexes them, so that an entry several
 * topics list costs one lookup. The costly half of compiling; {@link taxonomyFrom} is the cheap one.
 */
export function compileTaxonomyData(valid: TaxonomyData): TaxonomyIndexData {
  const termIndex: IndexBuilder = new Map();
  const phraseIndex: IndexBuilder = new Map();
  const topics: CompiledTopic[] = valid.topics.map((topic, t) => {
    const mass = addEntries(termIndex, topic.terms, t) + addEntries(phraseIndex, topic.phrases ?? [], t);
    // Absent fields rather than `undefined` ones: the same object whether built here or read from JSON.
    return {
      name: topic.name,
      ...(topic.description === undefined ? {} : { description: topic.description }),
      ...(topic.code === undefined ? {} : { code: topic.code }),
      ...(topic.parent === undefined ? {} : { parent: topic.parent }),
      mass,
    };
  });
  const entries = (index: IndexBuilder) => [...index].map(([key, { postings }]) => [key, postings] as const);
  return {
    minScore: valid.minScore ?? DEFAULT_MIN_SCORE,
    topics,
    terms: entries(termIndex),
    phrases: entries(phraseIndex),
  };
}

/** Loads a compiled taxonomy's data into the maps `tagTopics` reads. */
export function taxonomyFrom(data: TaxonomyIndexData): Taxonomy {
  const terms = new Map<string, TaxonomyEntry>();
  for (const [key, postings] of data.terms) terms.set(key, { key, stems: key.split(' '), postings });
  const phrases = new Map<string, TaxonomyEntry[]>();
  for (const [key, postings] of data.phrases) {
    const stems = key.split(' ');
    const [first] = stems;
    if (first === undefined) continue;
    const list = phrases.get(first) ?? [];
    list.push({ key, stems, postings });
    phrases.set(first, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return Object.freeze({ minScore: data.minScore, topics: data.topics, terms, phrases });
}

/** Compiles a valid taxonomy for matching at run time (a user's): {@link compileTaxonomyData}, then load. */
export function compileValidTaxonomy(valid: TaxonomyData): Taxonomy {
  return taxonomyFrom(compileTaxonomyData(valid));
}
