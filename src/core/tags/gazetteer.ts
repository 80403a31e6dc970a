import { M49_AREAS, type M49Area } from './data/m49.js';
import { AMBIGUOUS_ORGANIZATION_NAMES, ORGANIZATIONS, type OrganizationEntry } from './data/organizations.js';
import { DATELINE_CITIES, DATELINE_QUALIFIERS } from './data/place-context.js';
import {
  AMBIGUOUS_PLACE_NAMES,
  type AmbiguousName,
  AREA_PHRASES,
  type AreaName,
  NOT_PLACES,
  PLACES,
  type PlaceEntry,
} from './data/places.js';
import { foldDiacritics, PhraseTrie, surfaceTokens } from './phrase-matcher.js';

/**
 * The place gazetteer the place tagger reads: every name, alias, demonym, city, area phrase and
 * organisation name of the data files as a phrase trie, with the ambiguity rules and their cue words.
 *
 * It is built in two steps so that the costly one runs at build time: {@link compileGazetteer} turns
 * the data files into {@link GazetteerData} (every phrase split into its matching tokens, its
 * diacritic-free variant added, conflicts settled: plain JSON, written to the compiled model by
 * `npm run build:model`), and {@link gazetteerFrom} loads that into tries, with no string work.
 */

export type Form = 'name' | 'alias' | 'demonym' | 'city' | 'subdivision' | 'metonym';

/** What a matched phrase stands for. */
export type Target =
  | { readonly kind: 'place'; readonly key: string; readonly form: Form; readonly surface: string }
  | { readonly kind: 'organization'; readonly id: string; readonly surface: string }
  | { readonly kind: 'area'; readonly area: AreaName; readonly surface: string }
  | { readonly kind: 'ambiguous'; readonly rule: CompiledRule; readonly form: Form; readonly surface: string }
  | { readonly kind: 'none' };

/** A target as data: an ambiguous name points at its rule by index. */
export type TargetData =
  | Exclude<Target, { kind: 'ambiguous' }>
  | { readonly kind: 'ambiguous'; readonly rule: number; readonly form: Form; readonly surface: string };

export interface CompiledRule {
  readonly index: number;
  readonly rule: AmbiguousName;
  readonly targetKind: 'place' | 'organization';
  readonly notFollowedBy: ReadonlySet<string>;
  readonly notPrecededBy: ReadonlySet<string>;
}

export interface Gazetteer {
  readonly trie: PhraseTrie<Target>;
  /** Dateline qualifiers ("Calif.", "Ont."): place keys. */
  readonly qualifiers: PhraseTrie<string>;
  /** Cities read only in a dateline ("PHOENIX"): place keys. */
  readonly datelineCities: PhraseTrie<string>;
  /** Keyed by `placeKey`. */
  readonly places: ReadonlyMap<string, PlaceEntry>;
  readonly areas: ReadonlyMap<AreaName, M49Area>;
  readonly organizations: ReadonlyMap<string, OrganizationEntry>;
  readonly rules: readonly CompiledRule[];
  /** Cue token -> the rule readings it votes for. */
  readonly cues: ReadonlyMap<string, readonly { readonly rule: number; readonly reading: number }[]>;
  /** Phrases claimed by two different targets; the first claim wins. Empty for the bundled data. */
  readonly conflicts: readonly string[];
}

/** The gazetteer's phrases, tokenised: what the build writes and a cold start reads. */
export interface GazetteerData {
  /** Each phrase's matching tokens and what it stands for, the first claim of a phrase only. */
  readonly phrases: readonly (readonly [readonly string[], TargetData])[];
  readonly qualifiers: readonly (readonly [readonly string[], string])[];
  readonly datelineCities: readonly (readonly [readonly string[], string])[];
  readonly conflicts: readonly string[];
}

/**
 * The key a place is counted under: its ISO code, or for a historic state a marked one, since West
 * Germany's DE is also unified Germany's. Ambiguity rules and successors name live states' codes.
 */
export function placeKey(entry: PlaceEntry): string {
  return entry.status === 'historic' ? `historic:${entry.code}` : entry.code;
}

const NO_PLURAL = /(?:s|sh|ch|x|z|ese)$/;

/** "Kazakh" -> "Kazakhs"; nationalities ending in a sibilant ("Swiss", "Irish") or "-ese" take none. */
export function demonymPlural(demonym: string): string | undefined {
  return NO_PLURAL.test(demonym) ? undefined : `${demonym}s`;
}

function sameTarget(a: TargetData, b: TargetData): boolean {
  if (a.kind === 'place' && b.kind === 'place') return a.key === b.key;
  if (a.kind === 'organization' && b.kind === 'organization') return a.id === b.id;
  if (a.kind === 'area' && b.kind === 'area') return a.area === b.area;
  if (a.kind === 'ambiguous' && b.kind === 'ambiguous') return a.rule === b.rule;
  return a.kind === 'none' && b.kind === 'none';
}

/** The ambiguity rules in the order their indices count: places', then organisations'. */
const RULES: readonly { readonly rule: AmbiguousName; readonly targetKind: 'place' | 'organization' }[] = [
  ...AMBIGUOUS_PLACE_NAMES.map((rule) => ({ rule, targetKind: 'place' as const })),
  ...AMBIGUOUS_ORGANIZATION_NAMES.map((rule) => ({ rule, targetKind: 'organization' as const })),
];

/** Tokenises every phrase of the data files, in claim order (see {@link Gazetteer.conflicts}). */
export function compileGazetteer(): GazetteerData {
  const claims = new Map<string, TargetData>();
  const phrases: (readonly [string[], TargetData])[] = [];
  const conflicts: string[] = [];
  const add = (surface: string, target: TargetData): void => {
    for (const variant of new Set([surface, foldDiacritics(surface)])) {
      const tokens = surfaceTokens(variant);
      if (tokens.length === 0) continue;
      const key = tokens.join(' ');
      const existing = claims.get(key);
      if (existing === undefined) {
        claims.set(key, target);
        phrases.push([tokens, target]);
      } else if (!sameTarget(existing, target)) {
        conflicts.push(variant);
      }
    }
  };

  const governed = new Set<string>();
  for (const { rule } of RULES) {
    for (const surface of rule.surfaces) {
      governed.add(surface);
      governed.add(foldDiacritics(surface));
    }
  }
  // The order only decides which claim wins a conflict, and conflicts are a data error the unit
  // test reports.
  for (const phrase of NOT_PLACES) add(phrase, { kind: 'none' });
  RULES.forEach(({ rule }, index) => {
    for (const surface of rule.surfaces)
      add(surface, { kind: 'ambiguous', rule: index, form: 'alias', surface });
  });
  const addPlaceForm = (entry: PlaceEntry, surface: string, form: Form): void => {
    if (governed.has(surface) || governed.has(foldDiacritics(surface))) return;
    add(surface, { kind: 'place', key: placeKey(entry), form, surface });
  };
  for (const entry of PLACES) {
    addPlaceForm(entry, entry.name, 'name');
    for (const alias of entry.aliases) addPlaceForm(entry, alias, 'alias');
    for (const demonym of entry.demonyms) {
      addPlaceForm(entry, demonym, 'demonym');
      const plural = demonymPlural(demonym);
      if (plural !== undefined) addPlaceForm(entry, plural, 'demonym');
    }
    for (const city of entry.cities) addPlaceForm(entry, city, 'city');
    for (const subdivision of entry.subdivisions ?? []) addPlaceForm(entry, subdivision, 'subdivision');
    for (const metonym of entry.metonyms ?? []) addPlaceForm(entry, metonym, 'metonym');
  }
  for (const phrase of AREA_PHRASES) {
    for (const surface of phrase.surfaces) add(surface, { kind: 'area', area: phrase.area, surface });
  }
  for (const entry of ORGANIZATIONS) {
    for (const surface of [entry.name, ...entry.names, ...entry.acronyms]) {
      if (governed.has(surface)) continue;
      add(surface, { kind: 'organization', id: entry.id, surface });
    }
  }
  const tokenised = (list: readonly { readonly surfaces: readonly string[]; readonly code: string }[]) =>
    list.flatMap(({ surfaces, code }) => surfaces.map((surface) => [surfaceTokens(surface), code] as const));
  return {
    phrases,
    qualifiers: tokenised(DATELINE_QUALIFIERS),
    datelineCities: tokenised(DATELINE_CITIES),
    conflicts,
  };
}

/** A trie of place-code phrases (dateline qualifiers and cities). */
function phraseTrieOf(phrases: readonly (readonly [readonly string[], string])[]): PhraseTrie<string> {
  const trie = new PhraseTrie<string>();
  for (const [tokens, code] of phrases) trie.addTokens(tokens, code);
  return trie;
}

/** Loads compiled gazetteer data into tries, beside the data files' entries the tagger reads by key. */
export function gazetteerFrom(data: GazetteerData): Gazetteer {
  const rules: CompiledRule[] = RULES.map(({ rule, targetKind }, index) => ({
    index,
    rule,
    targetKind,
    notFollowedBy: new Set(rule.notFollowedBy ?? []),
    notPrecededBy: new Set(rule.notPrecededBy ?? []),
  }));
  const cues = new Map<string, { rule: number; reading: number }[]>();
  for (const compiled of rules) {
    compiled.rule.readings.forEach((reading, readingIndex) => {
      for (const cue of reading.cues ?? []) {
        const votes = cues.get(cue) ?? [];
        votes.push({ rule: compiled.index, reading: readingIndex });
        cues.set(cue, votes);
      }
    });
  }
  // Indexed loops rather than destructuring: this runs once per cold start, before anything is optimised.
  const trie = new PhraseTrie<Target>();
  for (let i = 0; i < data.phrases.length; i += 1) {
    const phrase = data.phrases[i];
    if (phrase === undefined) continue;
    const target = phrase[1];
    if (target.kind !== 'ambiguous') {
      trie.addTokens(phrase[0], target);
      continue;
    }
    const rule = rules[target.rule];
    if (rule === undefined)
      throw new Error(`compiled gazetteer names ambiguity rule ${target.rule}, which the data lacks`);
    trie.addTokens(phrase[0], { ...target, rule });
  }
  const qualifiers = phraseTrieOf(data.qualifiers);
  const datelineCities = phraseTrieOf(data.datelineCities);
  return {
    trie,
    qualifiers,
    datelineCities,
    places: new Map(PLACES.map((entry) => [placeKey(entry), entry])),
    areas: new Map(M49_AREAS.map((area) => [area.name, area])),
    organizations: new Map(ORGANIZATIONS.map((entry) => [entry.id, entry])),
    rules,
    cues,
    conflicts: data.conflicts,
  };
}
