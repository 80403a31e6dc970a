import { InvalidOptionsError } from '../../errors.js';
import { round } from '../score.js';
import { NAME_PREFIX_TITLES } from '../terms/name-words.js';
import { isStopWord } from '../text/words.js';
import { AMBIGUOUS_ORGANIZATION_NAMES, ORGANIZATIONS, type OrganizationEntry } from './data/organizations.js';
import {
  AMBIGUOUS_PLACE_NAMES,
  type AmbiguousName,
  AREA_PHRASES,
  type AreaName,
  NOT_PLACES,
  PERSON_CONTEXT,
  PLACES,
  type PlaceEntry,
  type RegionName,
  SUBREGIONS,
} from './data/places.js';
import {
  foldDiacritics,
  isCapitalised,
  isTitleCase,
  type MatchToken,
  type PhraseMatch,
  PhraseTrie,
  tokenizeForMatching,
} from './phrase-matcher.js';
import type { Tag, TaggableText, TagKind } from './tag.js';

export interface PlaceOptions {
  /**
   * Weighted mentions a place, region or organisation needs to be tagged. A body mention of a
   * name weighs 1, so by default one passing mention is enough.
   */
  readonly minWeight?: number;
  /** Lowest score, in [0, 1], relative to the top tag of the same kind. */
  readonly minScore?: number;
  /** How many body mentions one title mention is worth. */
  readonly titleWeight?: number;
  /** At most this many tags of each kind, best first. */
  readonly maxPerKind?: number;
}

const DEFAULTS = Object.freeze({ minWeight: 1, minScore: 0, titleWeight: 3, maxPerKind: 10 });

type Form = 'name' | 'alias' | 'demonym' | 'city' | 'subdivision' | 'metonym';

// A demonym is weaker evidence than a name: "Chinese investors" in a story about Kazakhstan says
// less about China than "Beijing" does, and "French" turns up in stories set anywhere.
const FORM_WEIGHT: Readonly<Record<Form, number>> = Object.freeze({
  name: 1,
  alias: 1,
  demonym: 0.5,
  city: 1,
  subdivision: 1,
  metonym: 1,
});

const MAX_EVIDENCE = 5;

/** What a matched phrase stands for. */
type Target =
  | { readonly kind: 'place'; readonly code: string; readonly form: Form; readonly surface: string }
  | { readonly kind: 'organization'; readonly id: string; readonly surface: string }
  | { readonly kind: 'area'; readonly area: AreaName; readonly surface: string }
  | { readonly kind: 'ambiguous'; readonly rule: CompiledRule; readonly form: Form; readonly surface: string }
  | { readonly kind: 'none' };

interface CompiledRule {
  readonly index: number;
  readonly rule: AmbiguousName;
  readonly targetKind: 'place' | 'organization';
  readonly notFollowedBy: ReadonlySet<string>;
  readonly notPrecededBy: ReadonlySet<string>;
}

interface Gazetteer {
  readonly trie: PhraseTrie<Target>;
  readonly places: ReadonlyMap<string, PlaceEntry>;
  readonly organizations: ReadonlyMap<string, OrganizationEntry>;
  readonly rules: readonly CompiledRule[];
  /** Cue token -> the rule readings it votes for. */
  readonly cues: ReadonlyMap<string, readonly { readonly rule: number; readonly reading: number }[]>;
  /** Phrases claimed by two different targets; the first claim wins. Empty for the bundled data. */
  readonly conflicts: readonly string[];
}

const PERSON = {
  honorifics: new Set<string>(PERSON_CONTEXT.honorifics),
  speechVerbs: new Set<string>(PERSON_CONTEXT.speechVerbs),
  placeQualifiers: new Set<string>(PERSON_CONTEXT.placeQualifiers),
  placeFollowers: new Set<string>(PERSON_CONTEXT.placeFollowers),
};

const NO_PLURAL = /(?:s|sh|ch|x|z|ese)$/;

/** "Kazakh" -> "Kazakhs"; nationalities ending in a sibilant ("Swiss", "Irish") or "-ese" take none. */
function demonymPlural(demonym: string): string | undefined {
  return NO_PLURAL.test(demonym) ? undefined : `${demonym}s`;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'place' && b.kind === 'place') return a.code === b.code;
  if (a.kind === 'organization' && b.kind === 'organization') return a.id === b.id;
  if (a.kind === 'area' && b.kind === 'area') return a.area === b.area;
  if (a.kind === 'ambiguous' && b.kind === 'ambiguous') return a.rule === b.rule;
  return a.kind === 'none' && b.kind === 'none';
}

function compile(): Gazetteer {
  const trie = new PhraseTrie<Target>();
  const conflicts: string[] = [];
  const add = (surface: string, target: Target): void => {
    for (const variant of new Set([surface, foldDiacritics(surface)])) {
      const existing = trie.add(variant, target);
      if (existing !== undefined && !sameTarget(existing, target)) conflicts.push(variant);
    }
  };

  const rules: CompiledRule[] = [];
  const governed = new Set<string>();
  const cues = new Map<string, { rule: number; reading: number }[]>();
  const compileRules = (list: readonly AmbiguousName[], targetKind: 'place' | 'organization'): void => {
    for (const rule of list) {
      const compiled: CompiledRule = {
        index: rules.length,
        rule,
        targetKind,
        notFollowedBy: new Set(rule.notFollowedBy ?? []),
        notPrecededBy: new Set(rule.notPrecededBy ?? []),
      };
      rules.push(compiled);
      rule.readings.forEach((reading, readingIndex) => {
        for (const cue of reading.cues ?? []) {
          const votes = cues.get(cue) ?? [];
          votes.push({ rule: compiled.index, reading: readingIndex });
          cues.set(cue, votes);
        }
      });
      for (const surface of rule.surfaces) {
        governed.add(surface);
        governed.add(foldDiacritics(surface));
      }
    }
  };
  compileRules(AMBIGUOUS_PLACE_NAMES, 'place');
  compileRules(AMBIGUOUS_ORGANIZATION_NAMES, 'organization');

  // Longer, unambiguous phrases first would not matter to the trie; the order only decides which
  // claim wins a conflict, and conflicts are a data error the unit test reports.
  for (const phrase of NOT_PLACES) add(phrase, { kind: 'none' });
  for (const compiled of rules) {
    for (const surface of compiled.rule.surfaces) {
      add(surface, { kind: 'ambiguous', rule: compiled, form: 'alias', surface });
    }
  }
  const addPlaceForm = (entry: PlaceEntry, surface: string, form: Form): void => {
    if (governed.has(surface) || governed.has(foldDiacritics(surface))) return;
    add(surface, { kind: 'place', code: entry.code, form, surface });
  };
  const places = new Map<string, PlaceEntry>();
  for (const entry of PLACES) {
    places.set(entry.code, entry);
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
  const organizations = new Map<string, OrganizationEntry>();
  for (const entry of ORGANIZATIONS) {
    organizations.set(entry.id, entry);
    for (const surface of [entry.name, ...entry.names, ...entry.acronyms]) {
      if (governed.has(surface)) continue;
      add(surface, { kind: 'organization', id: entry.id, surface });
    }
  }
  return { trie, places, organizations, rules, cues, conflicts };
}

let gazetteer: Gazetteer | undefined;

// Compiled on first use rather than at import, so a cold start that never tags places never pays.
function getGazetteer(): Gazetteer {
  gazetteer ??= compile();
  return gazetteer;
}

/** Phrases the bundled data gives two different meanings; the data test expects none. */
export function placeGazetteerConflicts(): readonly string[] {
  return getGazetteer().conflicts;
}

/** A weighted count of mentions and the surfaces that made it. */
class Tally {
  weight = 0;
  mentions = 0;
  readonly surfaces = new Map<string, number>();

  add(surface: string, weight: number, mentions = 1): void {
    this.weight += weight;
    this.mentions += mentions;
    this.surfaces.set(surface, (this.surfaces.get(surface) ?? 0) + mentions);
  }

  merge(other: Tally, onlyWeight = false): void {
    this.weight += other.weight;
    if (onlyWeight) return;
    this.mentions += other.mentions;
    for (const [surface, count] of other.surfaces) {
      this.surfaces.set(surface, (this.surfaces.get(surface) ?? 0) + count);
    }
  }

  evidence(): string[] {
    return [...this.surfaces]
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_EVIDENCE)
      .map(([surface]) => surface);
  }
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
}

/** Mentions of one ambiguous name, split by how sure their own sentence was. */
interface RuleTally {
  /** Nothing local argued against the name: it follows the winning reading. */
  readonly normal: Tally;
  /** Weak (sentence-initial common word, "Jordan said"): counts only if cues back the winner. */
  readonly weak: Tally;
}

/** `person`: vetoed by the person-name pattern, which is also a vote against the place reading. */
type Strength = 'veto' | 'person' | 'weak' | 'normal';

interface SentenceView {
  readonly tokens: readonly MatchToken[];
  readonly titleCase: boolean;
  /** Token index -> the match that starts there. */
  readonly matchAt: ReadonlyMap<number, PhraseMatch<Target>>;
  /** Token index -> true when the token is inside some match. */
  readonly covered: Uint8Array;
}

function looksLikeGivenName(view: SentenceView, index: number): boolean {
  const before = view.tokens[index - 1];
  const token = view.tokens[index];
  if (before === undefined || token === undefined || token.separatedBefore) return false;
  if (view.covered[index - 1] === 1 || view.titleCase || !isCapitalised(before)) return false;
  return (
    !isStopWord(before.text.toLowerCase()) &&
    !PERSON.placeQualifiers.has(before.text) &&
    !NAME_PREFIX_TITLES.has(before.text)
  );
}

function looksLikeSurname(view: SentenceView, index: number): boolean {
  const after = view.tokens[index];
  if (after === undefined || after.separatedBefore || view.titleCase || !isCapitalised(after)) return false;
  if (view.matchAt.has(index)) return false;
  return (
    !isStopWord(after.text.toLowerCase()) &&
    !PERSON.placeFollowers.has(after.text) &&
    !PERSON.speechVerbs.has(after.text)
  );
}

const AGE = /^\d{1,3}$/;

/** "Jordan, 24," — a person's age in apposition. */
function followedByAge(view: SentenceView, index: number): boolean {
  const after = view.tokens[index];
  const next = view.tokens[index + 1];
  return after?.separatedBefore === true && AGE.test(after.text) && (next?.separatedBefore ?? true);
}

/** How much a mention's own sentence trusts it, before the whole text is weighed. */
function localStrength(rule: CompiledRule, view: SentenceView, match: PhraseMatch<Target>): Strength {
  const before = view.tokens[match.start - 1];
  const after = view.tokens[match.end];
  if (after !== undefined && !after.separatedBefore && rule.notFollowedBy.has(after.text.toLowerCase())) {
    return 'veto';
  }
  if (before !== undefined && rule.notPrecededBy.has(before.text.toLowerCase())) return 'veto';
  let strength: Strength = 'normal';
  if (rule.rule.personName === true) {
    if (before !== undefined && PERSON.honorifics.has(before.text)) return 'person';
    if (looksLikeGivenName(view, match.start) || looksLikeSurname(view, match.end)) return 'person';
    if (followedByAge(view, match.end)) return 'person';
    if (after !== undefined && !after.separatedBefore && PERSON.speechVerbs.has(after.text))
      strength = 'weak';
  }
  if (rule.rule.commonWord === true && (match.start === 0 || view.titleCase)) strength = 'weak';
  return strength;
}

/** A place name naming a different country, the "Texas" of "Paris, Texas". */
function qualifierCodes(view: SentenceView, cityMatch: PhraseMatch<Target>): string[] {
  const next = view.matchAt.get(cityMatch.end);
  const first = view.tokens[cityMatch.end];
  if (next === undefined || first === undefined || !first.separatedBefore) return [];
  // "Paris, Berlin and Rome" is a list, not a qualified city.
  const following = view.tokens[next.end];
  if (
    following !== undefined &&
    !following.separatedBefore &&
    (following.text === 'and' || following.text === 'or')
  ) {
    return [];
  }
  const target = next.value;
  if (target.kind === 'place')
    return target.form === 'city' || target.form === 'demonym' ? [] : [target.code];
  if (target.kind === 'ambiguous' && target.rule.targetKind === 'place') {
    const codes = target.rule.rule.readings.map((reading) => reading.target);
    return codes.every((code) => code !== null) ? codes.filter((code) => code !== null) : [];
  }
  return [];
}

interface Scan {
  readonly places: Map<string, Tally>;
  readonly organizations: Map<string, Tally>;
  readonly areas: Map<AreaName, Tally>;
  readonly rules: Map<number, RuleTally>;
  /** Per rule, cue votes per reading. */
  readonly votes: Map<number, number[]>;
}

function vote(scan: Scan, rule: number, reading: number): void {
  const votes = scan.votes.get(rule) ?? [];
  votes[reading] = (votes[reading] ?? 0) + 1;
  scan.votes.set(rule, votes);
}

function scanUnit(gaz: Gazetteer, text: string, weight: number, scan: Scan): void {
  const tokens = tokenizeForMatching(text);
  for (const token of tokens) {
    const cueVotes = gaz.cues.get(token.text);
    if (cueVotes === undefined) continue;
    for (const { rule, reading } of cueVotes) vote(scan, rule, reading);
  }
  const matches = gaz.trie.match(tokens);
  if (matches.length === 0) return;
  const covered = new Uint8Array(tokens.length);
  const matchAt = new Map<number, PhraseMatch<Target>>();
  for (const match of matches) {
    matchAt.set(match.start, match);
    covered.fill(1, match.start, match.end);
  }
  const view: SentenceView = { tokens, titleCase: isTitleCase(tokens), matchAt, covered };

  for (const match of matches) {
    const target = match.value;
    switch (target.kind) {
      case 'none':
        break;
      case 'place': {
        if (target.form === 'city') {
          const qualifiers = qualifierCodes(view, match);
          if (qualifiers.length > 0 && !qualifiers.includes(target.code)) break;
        }
        tallyOf(scan.places, target.code).add(target.surface, weight * FORM_WEIGHT[target.form]);
        break;
      }
      case 'organization':
        tallyOf(scan.organizations, target.id).add(target.surface, weight);
        break;
      case 'area':
        tallyOf(scan.areas, target.area).add(target.surface, weight);
        break;
      case 'ambiguous': {
        const strength = localStrength(target.rule, view, match);
        if (strength === 'person') {
          // News names a person in full first ("Jordan Blake scored"), then by one name ("Jordan has
          // been brilliant"): a full-name mention is a vote for the not-a-place reading everywhere.
          const personReading = target.rule.rule.readings.findIndex((reading) => reading.target === null);
          if (personReading >= 0) vote(scan, target.rule.index, personReading);
          break;
        }
        if (strength === 'veto') break;
        let ruleTally = scan.rules.get(target.rule.index);
        if (ruleTally === undefined) {
          ruleTally = { normal: new Tally(), weak: new Tally() };
          scan.rules.set(target.rule.index, ruleTally);
        }
        ruleTally[strength].add(target.surface, weight * FORM_WEIGHT[target.form]);
        break;
      }
    }
  }
}

/** Sends each ambiguous name's surviving mentions to the reading its cues favour. */
function resolveAmbiguous(gaz: Gazetteer, scan: Scan): void {
  // Cues are counted from unambiguous mentions only, so resolving one rule never sways another.
  const mentionCounts = new Map<string, number>();
  for (const [code, tally] of scan.places) mentionCounts.set(`place:${code}`, tally.mentions);
  for (const [id, tally] of scan.organizations) mentionCounts.set(`organization:${id}`, tally.mentions);

  for (const [index, tally] of scan.rules) {
    const compiled = gaz.rules[index];
    if (compiled === undefined) continue;
    const cueVotes = scan.votes.get(index) ?? [];
    let winner = 0;
    let winnerVotes = -1;
    compiled.rule.readings.forEach((reading, readingIndex) => {
      let votes = cueVotes[readingIndex] ?? 0;
      if (reading.target !== null && reading.mentionsAreCues !== false) {
        votes += mentionCounts.get(`${compiled.targetKind}:${reading.target}`) ?? 0;
      }
      // Strictly greater: ties go to the earlier reading, the first being the default.
      if (votes > winnerVotes) {
        winner = readingIndex;
        winnerVotes = votes;
      }
    });
    const target = compiled.rule.readings[winner]?.target ?? null;
    if (target === null) continue;
    const destination = compiled.targetKind === 'place' ? scan.places : scan.organizations;
    const into = tallyOf(destination, target);
    into.merge(tally.normal);
    if (winnerVotes > 0) into.merge(tally.weak);
  }
}

function validate(options: PlaceOptions): Required<PlaceOptions> {
  const merged = { ...DEFAULTS, ...options };
  if (!(merged.minWeight >= 0 && Number.isFinite(merged.minWeight))) {
    throw new InvalidOptionsError('minWeight must be a finite number of at least 0');
  }
  if (!(merged.minScore >= 0 && merged.minScore <= 1)) {
    throw new InvalidOptionsError('minScore must be a number from 0 to 1');
  }
  if (!(merged.titleWeight >= 0 && Number.isFinite(merged.titleWeight))) {
    throw new InvalidOptionsError('titleWeight must be a finite number of at least 0');
  }
  if (!Number.isInteger(merged.maxPerKind) || merged.maxPerKind < 1) {
    throw new InvalidOptionsError('maxPerKind must be a positive integer');
  }
  return merged;
}

interface Scored {
  readonly name: string;
  readonly weight: number;
  readonly evidence: readonly string[];
}

function byWeightThenName(a: Scored, b: Scored): number {
  return b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Normalises to the top weight of the kind and applies the thresholds. */
function toTags(kind: TagKind, scored: readonly Scored[], options: Required<PlaceOptions>): Tag[] {
  const kept = scored
    .filter((item) => item.weight >= options.minWeight && item.weight > 0)
    .sort(byWeightThenName);
  const top = kept[0]?.weight ?? 0;
  return kept
    .map((item) => ({ name: item.name, kind, score: round(item.weight / top), evidence: item.evidence }))
    .filter((tag) => tag.score >= options.minScore)
    .slice(0, options.maxPerKind);
}

const REGION_OF_SUBREGION: ReadonlyMap<string, RegionName> = new Map(Object.entries(SUBREGIONS));

/**
 * Region tags: each M49 sub-region and region, weighted by the countries mentioned in it and by
 * direct mentions of the region itself.
 */
function areaScores(gaz: Gazetteer, scan: Scan): Scored[] {
  const areas = new Map<AreaName, { weight: number; sources: Map<string, number> }>();
  const credit = (area: AreaName, source: string, weight: number): void => {
    let entry = areas.get(area);
    if (entry === undefined) {
      entry = { weight: 0, sources: new Map() };
      areas.set(area, entry);
    }
    entry.weight += weight;
    entry.sources.set(source, (entry.sources.get(source) ?? 0) + weight);
  };
  for (const [code, tally] of scan.places) {
    const place = gaz.places.get(code);
    if (place === undefined || tally.weight <= 0) continue;
    credit(place.subregion, place.name, tally.weight);
    credit(SUBREGIONS[place.subregion], place.name, tally.weight);
  }
  for (const [area, tally] of scan.areas) {
    for (const [surface, count] of tally.surfaces) {
      const share = (tally.weight * count) / tally.mentions;
      credit(area, surface, share);
      const region = REGION_OF_SUBREGION.get(area);
      if (region !== undefined) credit(region, surface, share);
    }
  }
  return [...areas].map(([name, { weight, sources }]) => ({
    name,
    weight,
    evidence: [...sources]
      .sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_EVIDENCE)
      .map(([source]) => source),
  }));
}

const KIND_ORDER: Readonly<Record<TagKind, number>> = {
  country: 0,
  region: 1,
  organization: 2,
  person: 3,
  topic: 4,
};

/**
 * Tags the countries, M49 regions and international organisations a text mentions. Names,
 * aliases, demonyms, cities and provinces all count toward their country, title mentions
 * `titleWeight` times; ambiguous names ("Georgia", "Jordan", "Turkey") are settled by their
 * neighbours and by cue words in the whole text. Scores are relative to the top tag of each kind.
 * Linear in the length of the text.
 *
 * @example
 * tagPlaces({ title: 'Japan courts Central Asia', sentences: ['Talks opened in Tashkent on Monday.'] })
 * // [{ name: 'Asia', kind: 'region', score: 1, ... }, { name: 'Japan', kind: 'country', score: 1, ... }, ...]
 */
export function tagPlaces(text: TaggableText, options: PlaceOptions = {}): Tag[] {
  const settings = validate(options);
  const gaz = getGazetteer();
  const scan: Scan = {
    places: new Map(),
    organizations: new Map(),
    areas: new Map(),
    rules: new Map(),
    votes: new Map(),
  };
  if (text.title !== null) scanUnit(gaz, text.title, settings.titleWeight, scan);
  for (const sentence of text.sentences) scanUnit(gaz, sentence, 1, scan);
  resolveAmbiguous(gaz, scan);

  const countries = [...scan.places].flatMap(([code, tally]) => {
    const place = gaz.places.get(code);
    return place === undefined
      ? []
      : [{ name: place.name, weight: tally.weight, evidence: tally.evidence() }];
  });
  const organizations = [...scan.organizations].flatMap(([id, tally]) => {
    const organization = gaz.organizations.get(id);
    return organization === undefined
      ? []
      : [{ name: organization.name, weight: tally.weight, evidence: tally.evidence() }];
  });
  const tags = [
    ...toTags('country', countries, settings),
    ...toTags('region', areaScores(gaz, scan), settings),
    ...toTags('organization', organizations, settings),
  ];
  return tags.sort(
    (a, b) =>
      b.score - a.score ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}
