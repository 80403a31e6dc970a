import { InvalidOptionsError } from '../../errors.js';
import type { Dateline } from '../document.js';
import type { Model } from '../model/model.js';
import { round } from '../score.js';
import { NAME_PREFIX_TITLES } from '../terms/name-words.js';
import { isStopWord, sentenceAtomText, titleAtomText } from '../text/words.js';
import { LEVEL_DEPTH } from './data/m49.js';
import {
  CALENDAR_WORDS,
  CURRENCY_WORDS,
  NAME_DESIGNATORS,
  NAME_JOINERS,
  VENUE_NOUNS,
  VENUE_PREPOSITIONS,
  VENUE_VERBS,
  VENUE_WINDOW,
} from './data/place-context.js';
import { type AreaName, PERSON_CONTEXT, PLACES, type PlaceEntry } from './data/places.js';
import { type CompiledRule, type Form, type Gazetteer, placeKey, type Target } from './gazetteer.js';
import {
  isCapitalised,
  isShouting,
  isTitleCase,
  type MatchToken,
  matchTokens,
  type PhraseMatch,
  tokenizeForMatching,
} from './phrase-matcher.js';
import { type Tag, type TaggableText, type TagKind, taggableTokens } from './tag.js';

export interface PlaceOptions {
  /**
   * Weighted mentions a place, region or organisation needs to be tagged. A body mention of a
   * name weighs 1, so by default one passing mention is enough. Places the story is about
   * (`focus`) are tagged whatever their weight.
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

/** How a mention's neighbours qualify it. */
type Role = 'subject' | 'venue' | 'currency';

// A meeting place still says the story passed through there; money named for a country says almost
// nothing about where the story is ("the Australian dlr eurobond" of a Frankfurt bank).
const ROLE_WEIGHT: Readonly<Record<Role, number>> = Object.freeze({
  subject: 1,
  venue: 1 / 3,
  currency: 0.1,
});

/** What a dateline adds to its country: as much as a title mention of a name. */
const DATELINE_WEIGHT = 3;

/**
 * The lead is the first paragraph, at most four sentences; two when the text does not say where its
 * first paragraph ends. (Stretching a one-sentence wire lead to two sentences made more passing
 * mentions focus: wire fixtures' country F1 fell from 1.0 to 0.89.)
 */
const DEFAULT_LEAD_SENTENCES = 2;
const MIN_LEAD_SENTENCES = 1;
const MAX_LEAD_SENTENCES = 4;

/**
 * Focus thresholds. A place is what the story is about when the dateline names it, the title or
 * the lead names it as a subject (a lone demonym in the lead needs support elsewhere), or its
 * subject mentions come to at least `FOCUS_SHARE` of the top place's and are spread over more than
 * one sentence.
 */
const FOCUS_LEAD_WEIGHT = 1;
const FOCUS_SUPPORTED_WEIGHT = 2;
const FOCUS_SHARE = 0.5;

const MAX_EVIDENCE = 5;

const PERSON = {
  honorifics: new Set<string>(PERSON_CONTEXT.honorifics),
  speechVerbs: new Set<string>(PERSON_CONTEXT.speechVerbs),
  placeQualifiers: new Set<string>(PERSON_CONTEXT.placeQualifiers),
  placeFollowers: new Set<string>(PERSON_CONTEXT.placeFollowers),
};

const CONTEXT = {
  venueNouns: new Set(VENUE_NOUNS),
  venueWords: new Set([...VENUE_NOUNS, ...VENUE_VERBS]),
  venuePrepositions: new Set(VENUE_PREPOSITIONS),
  currency: new Set(CURRENCY_WORDS),
  designators: new Set(NAME_DESIGNATORS),
  calendar: new Set(CALENDAR_WORDS),
};

/** Words before a historic state's name that make it history rather than the subject ("the former Soviet Union"). */
const HISTORIC_PAST = new Set(['former', 'ex', 'Former', 'Ex', 'FORMER', 'EX']);

/** Where a unit of text stands in the story. */
interface Unit {
  /** How much one mention here weighs (the title counts `titleWeight` times). */
  readonly weight: number;
  readonly where: 'title' | 'lead' | 'body';
  /** Body sentence index; -1 for the title. */
  readonly sentence: number;
}

/** A weighted count of mentions, the surfaces that made it and where they stood. */
class Tally {
  weight = 0;
  mentions = 0;
  /** Weight of mentions as a subject (not a venue or a currency). */
  subject = 0;
  /** Subject weight in the title and in the lead. */
  title = 0;
  lead = 0;
  /** Body sentences with a subject mention. */
  sentences = 0;
  private lastSentence = -1;
  /** Named by its name or an alias, not only by a city or demonym. */
  named = false;
  dateline = false;
  readonly surfaces = new Map<string, number>();

  add(surface: string, weight: number, unit: Unit, role: Role, named: boolean): void {
    this.weight += weight;
    this.mentions += 1;
    this.named ||= named;
    this.surfaces.set(surface, (this.surfaces.get(surface) ?? 0) + 1);
    if (role !== 'subject') return;
    this.subject += weight;
    if (unit.where === 'title') this.title += weight;
    else if (unit.where === 'lead') this.lead += weight;
    if (unit.sentence >= 0 && unit.sentence !== this.lastSentence) {
      this.sentences += 1;
      this.lastSentence = unit.sentence;
    }
  }

  merge(other: Tally, onlyWeight = false): void {
    this.weight += other.weight;
    if (onlyWeight) return;
    this.mentions += other.mentions;
    this.subject += other.subject;
    this.title += other.title;
    this.lead += other.lead;
    this.sentences += other.sentences;
    this.named ||= other.named;
    this.dateline ||= other.dateline;
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

function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
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
  /** Mostly capitals: capitalisation says nothing about names. */
  readonly shouting: boolean;
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
  if (rule.rule.commonWord === true && (match.start === 0 || view.titleCase || view.shouting)) {
    strength = 'weak';
  }
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
  if (target.kind === 'place') return target.form === 'city' || target.form === 'demonym' ? [] : [target.key];
  if (target.kind === 'ambiguous' && target.rule.targetKind === 'place') {
    const codes = target.rule.rule.readings.map((reading) => reading.target);
    return codes.every((code) => code !== null) ? codes.filter((code) => code !== null) : [];
  }
  return [];
}

/**
 * True when a city or province sits inside a longer proper name that is not the place's own: a
 * capitalised word before it ("Chase Manhattan", "Manufacturers Hanover") or a company or club word
 * after it ("Hanover Insurance", "Paris Saint-Germain"). Capitals say nothing in a headline.
 */
function insideOtherName(view: SentenceView, match: PhraseMatch<Target>): boolean {
  if (endsInDesignator(view, match.end)) return true;
  if (view.titleCase || view.shouting) return false;
  const after = view.tokens[match.end];
  const before = view.tokens[match.start - 1];
  const first = view.tokens[match.start];
  if (before === undefined || first === undefined || first.separatedBefore) return false;
  if (view.covered[match.start - 1] === 1 || !isCapitalised(before)) return false;
  if (
    isStopWord(before.text.toLowerCase()) ||
    PERSON.placeQualifiers.has(before.text) ||
    PERSON.honorifics.has(before.text) ||
    NAME_PREFIX_TITLES.has(before.text) ||
    CONTEXT.calendar.has(before.text) ||
    // An adjective of period or people, not a name: "Victorian England", "Elizabethan London".
    before.text.endsWith('ian') ||
    before.text.endsWith('an')
  ) {
    return false;
  }
  // A sentence's first word is capitalised anyway: then only a name that runs on counts.
  if (match.start - 1 > 0) return true;
  return after !== undefined && !after.separatedBefore && isCapitalised(after);
}

/** Longest run of capitalised words read after a place word in search of a company or club word. */
const MAX_NAME_RUN = 4;

/**
 * True when the capitalised words from `from` on run into a company or club word ("Hanover
 * Insurance", "Bristol Hanover Insurance Co"); in a shouted headline any word counts as capitalised.
 */
function endsInDesignator(view: SentenceView, from: number): boolean {
  const limit = Math.min(view.tokens.length, from + MAX_NAME_RUN);
  for (let i = from; i < limit; i++) {
    const token = view.tokens[i];
    if (token === undefined || token.separatedBefore) return false;
    const text = view.shouting ? titleCase(token.text) : token.text;
    if (CONTEXT.designators.has(text) || CONTEXT.designators.has(token.text)) return true;
    if (!view.shouting && !isCapitalised(token)) return false;
  }
  return false;
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** What a place mention is in its sentence: the subject, a meeting venue or a currency. */
function mentionRole(view: SentenceView, match: PhraseMatch<Target>, form: Form): Role {
  const after = view.tokens[match.end];
  if (after !== undefined && !after.separatedBefore) {
    const next = after.text.toLowerCase();
    if (form !== 'city' && CONTEXT.currency.has(next) && (view.shouting || next === after.text)) {
      return 'currency';
    }
    // "the Venice summit", "Geneva talks"; a country before such a noun is its subject ("Iran talks").
    if (form === 'city' && CONTEXT.venueNouns.has(view.shouting ? next : after.text)) return 'venue';
  }
  // A shouted headline spells the same words in capitals ("MINISTERS TO MEET IN VIENNA").
  const word = (token: MatchToken): string => (view.shouting ? token.text.toLowerCase() : token.text);
  const before = view.tokens[match.start - 1];
  if (before === undefined || !CONTEXT.venuePrepositions.has(word(before))) return 'subject';
  const from = Math.max(0, match.start - 1 - VENUE_WINDOW);
  for (let i = match.start - 2; i >= from; i--) {
    const token = view.tokens[i];
    if (token === undefined || token.separatedBefore) break;
    if (CONTEXT.venueWords.has(word(token))) return 'venue';
  }
  return 'subject';
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

function scanUnit(gaz: Gazetteer, tokens: readonly MatchToken[], unit: Unit, scan: Scan): void {
  for (const token of tokens) {
    const cueVotes = gaz.cues.get(token.text);
    if (cueVotes === undefined) continue;
    for (const { rule, reading } of cueVotes) vote(scan, rule, reading);
  }
  const shouting = isShouting(tokens);
  const matches = gaz.trie.match(tokens, shouting);
  if (matches.length === 0) return;
  const covered = new Uint8Array(tokens.length);
  const matchAt = new Map<number, PhraseMatch<Target>>();
  for (const match of matches) {
    matchAt.set(match.start, match);
    covered.fill(1, match.start, match.end);
  }
  const view: SentenceView = { tokens, titleCase: isTitleCase(tokens), shouting, matchAt, covered };

  for (const match of matches) {
    const target = match.value;
    switch (target.kind) {
      case 'none':
        break;
      case 'place': {
        if (target.form === 'city') {
          const qualifiers = qualifierCodes(view, match);
          if (qualifiers.length > 0 && !qualifiers.includes(target.key)) break;
        }
        if ((target.form === 'city' || target.form === 'subdivision') && insideOtherName(view, match)) break;
        const before = tokens[match.start - 1];
        if (before !== undefined && HISTORIC_PAST.has(before.text) && target.key.startsWith('historic:'))
          break;
        const role = mentionRole(view, match, target.form);
        const named = target.form === 'name' || target.form === 'alias';
        const weight = unit.weight * FORM_WEIGHT[target.form] * ROLE_WEIGHT[role];
        tallyOf(scan.places, target.key).add(target.surface, weight, unit, role, named);
        break;
      }
      case 'organization':
        tallyOf(scan.organizations, target.id).add(target.surface, unit.weight, unit, 'subject', true);
        break;
      case 'area': {
        const role = mentionRole(view, match, 'name');
        tallyOf(scan.areas, target.area).add(
          target.surface,
          unit.weight * ROLE_WEIGHT[role],
          unit,
          role,
          true,
        );
        break;
      }
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
        const role = mentionRole(view, match, target.form);
        const weight = unit.weight * FORM_WEIGHT[target.form] * ROLE_WEIGHT[role];
        ruleTally[strength].add(target.surface, weight, unit, role, true);
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

/**
 * A story that names a historic state as a going concern ("Soviet grain imports") and never names
 * the state's main heir means the heir's cities and institutions as the historic state's: Moscow in
 * 1987 copy is the Soviet Union's capital. A story that names both ("Russia, unlike the Soviet
 * Union...") keeps them apart.
 */
function foldIntoHistoricStates(scan: Scan): void {
  for (const entry of PLACES) {
    const heir = entry.successors?.[0];
    if (entry.status !== 'historic' || heir === undefined) continue;
    const historic = scan.places.get(placeKey(entry));
    const heirs = scan.places.get(heir);
    if (historic === undefined || heirs === undefined || heirs.named) continue;
    historic.merge(heirs);
    scan.places.delete(heir);
  }
}

/** Tokens of a dateline part in title case, as a gazetteer writes names ("NEW YORK" -> "New York"). */
const JOINERS = new Set(NAME_JOINERS);

function datelineTokens(text: string): MatchToken[] {
  return tokenizeForMatching(text).map((token, index) => {
    const lower = token.text.toLowerCase();
    return { ...token, text: index > 0 && JOINERS.has(lower) ? lower : titleCase(token.text) };
  });
}

/** The place keys a dateline part can mean, the likeliest first. */
function datelineCandidates(gaz: Gazetteer, text: string, qualifier: boolean): string[] {
  const asWritten = tokenizeForMatching(text);
  if (qualifier) {
    const [abbreviation] = gaz.qualifiers.match(asWritten, false);
    if (abbreviation !== undefined && abbreviation.start === 0) return [abbreviation.value];
  }
  // As written first ("UAE", "U.S."), then in title case ("TOKYO").
  const titled = datelineTokens(text);
  for (const tokens of [asWritten, titled]) {
    const [match] = gaz.trie.match(tokens, false);
    if (match === undefined || match.start !== 0) continue;
    const target = match.value;
    if (target.kind === 'place') return [target.key];
    if (target.kind === 'ambiguous' && target.rule.targetKind === 'place') {
      return target.rule.rule.readings.flatMap((reading) =>
        reading.target === null ? [] : [reading.target],
      );
    }
  }
  const [city] = qualifier ? [] : gaz.datelineCities.match(titled, false);
  return city !== undefined && city.start === 0 ? [city.value] : [];
}

/**
 * The country a dateline names: its qualifier's ("PARIS, Texas", "GREENWICH, Conn."), or its
 * city's; an ambiguous city takes the qualifier's reading, else its default.
 */
function datelineCountry(gaz: Gazetteer, dateline: Dateline): string | undefined {
  const city = datelineCandidates(gaz, dateline.place, false);
  const qualifier = dateline.qualifier === null ? [] : datelineCandidates(gaz, dateline.qualifier, true);
  if (qualifier.length === 0) return city[0];
  return city.find((key) => qualifier.includes(key)) ?? qualifier[0];
}

/** How many body sentences are the lead (see `DEFAULT_LEAD_SENTENCES`). */
function leadLength(text: TaggableText): number {
  const given = text.leadSentences ?? DEFAULT_LEAD_SENTENCES;
  return Math.min(MAX_LEAD_SENTENCES, Math.max(MIN_LEAD_SENTENCES, given));
}

function isFocus(tally: Tally, topSubject: number): boolean {
  if (tally.dateline || tally.title > 0 || tally.lead >= FOCUS_LEAD_WEIGHT) return true;
  if (tally.lead > 0 && tally.subject >= FOCUS_SUPPORTED_WEIGHT) return true;
  return tally.sentences >= 2 && tally.subject >= FOCUS_SHARE * topSubject;
}

interface Scored {
  readonly name: string;
  readonly weight: number;
  readonly evidence: readonly string[];
  readonly focus: boolean;
  readonly code: string;
  readonly parent?: string;
  readonly level?: Tag['level'];
}

function byWeightThenName(a: Scored, b: Scored): number {
  return b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Normalises to the top weight of the kind and applies the thresholds; focus places always stay. */
function toTags(kind: TagKind, scored: readonly Scored[], options: Required<PlaceOptions>): Tag[] {
  const kept = scored
    .filter((item) => item.weight > 0 && (item.focus || item.weight >= options.minWeight))
    .sort(byWeightThenName);
  const top = kept[0]?.weight ?? 0;
  return kept
    .map((item): Tag => {
      const tag: Tag = { name: item.name, kind, score: round(item.weight / top), evidence: item.evidence };
      if (kind === 'organization') return tag;
      return {
        ...tag,
        code: item.code,
        ...(item.parent === undefined ? {} : { parent: item.parent }),
        ...(item.level === undefined ? {} : { level: item.level }),
        focus: item.focus,
      };
    })
    .filter((tag) => tag.score >= options.minScore || tag.focus === true)
    .slice(0, options.maxPerKind);
}

/** The area and every area above it, most specific first. */
function areaChain(gaz: Gazetteer, area: AreaName): AreaName[] {
  const chain: AreaName[] = [];
  for (let at: AreaName | null = area; at !== null; at = gaz.areas.get(at)?.parent ?? null) chain.push(at);
  return chain;
}

interface CountryScore {
  readonly entry: PlaceEntry;
  readonly tally: Tally;
  readonly focus: boolean;
  /** Weight with the dateline's share: what orders the country tags. */
  readonly rank: number;
}

/**
 * The most specific M49 area the story is set in: an area that holds every focus country, or one
 * the title or lead names that holds at least one of them (the seed's "Central Asia" beside China
 * and Russia); the deeper wins, then the heavier. With neither, the top focus country's own area.
 */
function mainArea(
  gaz: Gazetteer,
  focusCountries: readonly CountryScore[],
  weights: ReadonlyMap<AreaName, number>,
  scan: Scan,
): AreaName | undefined {
  const holding = new Map<AreaName, number>();
  for (const country of focusCountries) {
    for (const area of areaChain(gaz, country.entry.area)) holding.set(area, (holding.get(area) ?? 0) + 1);
  }
  const candidates: AreaName[] = [];
  for (const [area, count] of holding) if (count === focusCountries.length) candidates.push(area);
  for (const [area, tally] of scan.areas) {
    const named = tally.title > 0 || tally.lead > 0;
    if (named && (focusCountries.length === 0 || holding.has(area))) candidates.push(area);
  }
  const depth = (area: AreaName): number => LEVEL_DEPTH[gaz.areas.get(area)?.level ?? 'region'];
  const best = candidates.sort(
    (a, b) =>
      depth(b) - depth(a) || (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  )[0];
  return best ?? focusCountries[0]?.entry.area;
}

/**
 * Region tags: each M49 area, weighted by the countries mentioned in it and by direct mentions of
 * the area. `focus` marks the area the story is set in (see `mainArea`) and the areas above it.
 */
function areaScores(gaz: Gazetteer, scan: Scan, countries: readonly CountryScore[]): Scored[] {
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
  for (const { entry, tally } of countries) {
    if (tally.weight <= 0) continue;
    for (const area of areaChain(gaz, entry.area)) credit(area, entry.name, tally.weight);
  }
  for (const [area, tally] of scan.areas) {
    for (const [surface, count] of tally.surfaces) {
      const share = (tally.weight * count) / tally.mentions;
      for (const above of areaChain(gaz, area)) credit(above, surface, share);
    }
  }
  const weights = new Map([...areas].map(([name, { weight }]) => [name, weight]));
  const focusCountries = countries.filter((country) => country.focus).sort((a, b) => b.rank - a.rank);
  const main = mainArea(gaz, focusCountries, weights, scan);
  const focus = new Set(main === undefined ? [] : areaChain(gaz, main));
  return [...areas].flatMap(([name, { weight, sources }]) => {
    const area = gaz.areas.get(name);
    if (area === undefined) return [];
    return [
      {
        name,
        weight,
        evidence: [...sources]
          .sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : a > b ? 1 : 0))
          .slice(0, MAX_EVIDENCE)
          .map(([source]) => source),
        focus: focus.has(name),
        code: area.code,
        level: area.level,
        ...(area.parent === null ? {} : { parent: area.parent }),
      },
    ];
  });
}

function countryScores(gaz: Gazetteer, scan: Scan): CountryScore[] {
  const entries = [...scan.places].flatMap(([key, tally]) => {
    const entry = gaz.places.get(key);
    return entry === undefined ? [] : [{ entry, tally }];
  });
  const topSubject = Math.max(0, ...entries.map(({ tally }) => tally.subject));
  // The dateline says where the story was filed: its country leads the list even when another
  // is named more often (a Tokyo-datelined carmaker's story full of its US sales).
  const topOther = Math.max(
    0,
    ...entries.filter(({ tally }) => !tally.dateline).map(({ tally }) => tally.weight),
  );
  return entries.map(({ entry, tally }) => ({
    entry,
    tally,
    focus: isFocus(tally, topSubject),
    rank: tally.dateline ? Math.max(tally.weight, topOther * 1.25) : tally.weight,
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
 * `titleWeight` times and the dateline as much as a title mention; ambiguous names ("Georgia",
 * "Jordan", "Turkey") are settled by their neighbours and by cue words in the whole text; meeting
 * venues and currencies count for little, and a place word inside a company's or club's name not
 * at all. Country and region tags carry their ISO 3166-1 or M49 code, their parent area and
 * `focus`: whether the story is about the place (dateline, title, lead, or a large share of the
 * mentions spread over the text) or only mentions it. Scores are relative to the top tag of each
 * kind. Linear in the length of the text.
 *
 * @example
 * tagPlaces({ title: 'Japan courts Central Asia', sentences: ['Talks opened in Tashkent on Monday.'] }, model)
 * // [{ name: 'Asia', kind: 'region', score: 1, code: '142', level: 'region', focus: true, ... }, ...]
 */
export function tagPlaces(
  text: TaggableText,
  model: Pick<Model, 'gazetteer'>,
  options: PlaceOptions = {},
): Tag[] {
  const settings = validate(options);
  const gaz = model.gazetteer;
  const scan: Scan = {
    places: new Map(),
    organizations: new Map(),
    areas: new Map(),
    rules: new Map(),
    votes: new Map(),
  };
  const tokens = taggableTokens(text);
  if (text.title !== null) {
    const words = matchTokens(titleAtomText(tokens, text.title));
    scanUnit(gaz, words, { weight: settings.titleWeight, where: 'title', sentence: -1 }, scan);
  }
  const lead = leadLength(text);
  const dateline = text.dateline ?? null;
  text.sentences.forEach((sentence, index) => {
    // The dateline is read once, below; its words are not a mention in the lead as well.
    const offset =
      index === 0 && dateline !== null && sentence.startsWith(dateline.text) ? dateline.text.length : 0;
    const words = matchTokens(sentenceAtomText(tokens, index, sentence), offset);
    scanUnit(gaz, words, { weight: 1, where: index < lead ? 'lead' : 'body', sentence: index }, scan);
  });
  resolveAmbiguous(gaz, scan);
  if (dateline !== null) {
    const key = datelineCountry(gaz, dateline);
    if (key !== undefined) {
      const tally = tallyOf(scan.places, key);
      tally.weight += DATELINE_WEIGHT;
      tally.subject += DATELINE_WEIGHT;
      tally.dateline = true;
      tally.surfaces.set(dateline.place, (tally.surfaces.get(dateline.place) ?? 0) + 1);
    }
  }
  foldIntoHistoricStates(scan);

  const countries = countryScores(gaz, scan);
  const countryTags = countries.map(({ entry, tally, focus, rank }) => ({
    name: entry.name,
    weight: rank,
    evidence: tally.evidence(),
    focus,
    code: entry.code,
    parent: entry.area,
  }));
  const organizations = [...scan.organizations].flatMap(([id, tally]) => {
    const organization = gaz.organizations.get(id);
    return organization === undefined
      ? []
      : [
          {
            name: organization.name,
            weight: tally.weight,
            evidence: tally.evidence(),
            focus: false,
            code: '',
          },
        ];
  });
  const tags = [
    ...toTags('country', countryTags, settings),
    ...toTags('region', areaScores(gaz, scan, countries), settings),
    ...toTags('organization', organizations, settings),
  ];
  // Among regions of equal weight (a sub-region holding all of its continent's mentions) the more
  // specific comes first, rather than the alphabetically first ("Asia" before "Central Asia").
  const depth = (tag: Tag): number => (tag.level === undefined ? 0 : LEVEL_DEPTH[tag.level]);
  return tags.sort(
    (a, b) =>
      b.score - a.score ||
      depth(b) - depth(a) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}
