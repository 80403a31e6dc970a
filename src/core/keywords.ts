import type { Keyword } from './analysis.js';
import type { Model } from './model/model.js';
import { round } from './score.js';
import { commonestSurface } from './terms/surface.js';
import type { NamePhrase, Term, TermStats } from './terms/term-stats.js';
import { sentenceCount, stem, type TokenizedText } from './text/words.js';

export interface KeywordOptions {
  readonly limit?: number;
  /**
   * The tokens the stats were computed from. With them, recurring lower-case pairs ("interest rates")
   * are keywords too, checked to be adjacent in the text; without them, only names and words.
   */
  readonly tokens?: TokenizedText;
}

const DEFAULTS = Object.freeze({ limit: 10 });

// A name phrase that recurs is worth more than its words apart: "Shanghai Cooperation Organization"
// tells a reader more than "shanghai" and "organization" do.
const PHRASE_BONUS = 1.5;
/** Each word of a phrase past the first adds this much, up to MAX_LENGTH_FACTOR: longer names are more specific. */
const PER_EXTRA_WORD = 0.5;
const MAX_LENGTH_FACTOR = 2;
const TITLE_BONUS = 1.5;
/** A lower-case pair is a term ("interest rates") when at least this share of its rarer word's uses are in it. */
const COLLOCATION_STRENGTH = 0.6;
const MAX_COLLOCATIONS_CHECKED = 20;
/** Words of a name an acronym may skip: "Organization of the Petroleum Exporting Countries" is OPEC. */
const ACRONYM_SKIPS = new Set(['of', 'the', 'and', 'for', 'de', 'on', 'in', '&']);
const TIME_WORDS = new Set(
  'january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

interface Candidate {
  term: string;
  raw: number;
  count: number;
  readonly termIds: readonly number[];
}

function isCapitalised(surface: string): boolean {
  const first = surface.charAt(0);
  return first !== first.toLowerCase();
}

function isAcronym(surface: string): boolean {
  return surface.length >= 2 && surface.length <= 6 && /^[A-Z]+$/.test(surface);
}

function initials(phrase: string): string {
  return phrase
    .split(' ')
    .filter((word) => !ACRONYM_SKIPS.has(word.toLowerCase()))
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** First body sentence each term occurs in (Infinity if only in the title). */
function firstSentences(stats: TermStats): Float64Array {
  const first = new Float64Array(stats.terms.length).fill(Number.POSITIVE_INFINITY);
  stats.sentences.forEach((sentence, index) => {
    for (const id of sentence.termIds) if (first[id] === Number.POSITIVE_INFINITY) first[id] = index;
  });
  return first;
}

/**
 * The name phrase a single capitalised word is short for, if any: a phrase it begins or ends that the
 * story uses no later than the word alone, as news names someone in full first ("Xi Jinping", then
 * "Xi"); or the phrase an acronym spells ("SCO"). The most used such phrase wins.
 */
function longFormOf(
  termId: number,
  surface: string,
  phrases: readonly NamePhrase[],
  first: Float64Array,
): NamePhrase | undefined {
  let best: NamePhrase | undefined;
  for (const phrase of phrases) {
    const ids = phrase.termIds;
    const acronym = isAcronym(surface) && initials(commonestSurface(phrase.surfaces)) === surface;
    const edge = ids.length <= 3 && (ids[0] === termId || ids[ids.length - 1] === termId);
    if (!acronym && !edge) continue;
    if (edge && !acronym && (phrase.sentences[0] ?? Number.POSITIVE_INFINITY) > (first[termId] ?? 0))
      continue;
    if (best === undefined || phrase.count > best.count) best = phrase;
  }
  return best;
}

function phraseRaw(count: number, words: number, inTitle: boolean): number {
  const length = Math.min(MAX_LENGTH_FACTOR, 1 + PER_EXTRA_WORD * (words - 1));
  return PHRASE_BONUS * (1 + Math.log(count)) * length * (inTitle ? TITLE_BONUS : 1);
}

/**
 * For each pair of terms, how often a surface form of the second directly follows one of the first
 * in the body, one plain space between them ("interest rates", not "interest, rates"): one pass over
 * the token ids for all the pairs.
 */
function adjacentCounts(tokens: TokenizedText, pairs: readonly (readonly [Term, Term])[]): number[] {
  const counts = pairs.map(() => 0);
  // Surface id of a first word -> the pairs it opens, each with its second words' surface ids.
  const opening = new Map<number, { pair: number; seconds: ReadonlySet<number> }[]>();
  pairs.forEach(([first, second], pair) => {
    const seconds = new Set(
      [...second.surfaces.keys()].map((surface) => tokens.idOf(surface)).filter((id) => id >= 0),
    );
    for (const surface of first.surfaces.keys()) {
      const id = tokens.idOf(surface);
      if (id < 0) continue;
      const list = opening.get(id) ?? [];
      list.push({ pair, seconds });
      opening.set(id, list);
    }
  });
  const { ids, spaced } = tokens;
  const bodyEnd = tokens.starts[sentenceCount(tokens)] ?? 0;
  for (let k = 1; k < bodyEnd; k++) {
    if (spaced[k] !== 1) continue;
    const opened = opening.get(ids[k - 1] ?? -1);
    if (opened === undefined) continue;
    const next = ids[k] ?? -1;
    for (const { pair, seconds } of opened) if (seconds.has(next)) counts[pair] = (counts[pair] ?? 0) + 1;
  }
  return counts;
}

/** Adjacent lower-case content words that mostly occur together ("interest rates", "stock split"). */
function collocations(stats: TermStats, stops: ReadonlySet<string>, tokens: TokenizedText): Candidate[] {
  const pairs = new Map<string, { a: number; b: number; count: number }>();
  for (const sentence of stats.sentences) {
    const ids = sentence.termIds;
    for (let i = 0; i + 1 < ids.length; i++) {
      const a = ids[i] ?? -1;
      const b = ids[i + 1] ?? -1;
      if (a === b || a < 0 || b < 0) continue;
      const key = `${a} ${b}`;
      const pair = pairs.get(key) ?? { a, b, count: 0 };
      pair.count++;
      pairs.set(key, pair);
    }
  }
  const strong: { a: number; b: number; count: number; sa: string; sb: string }[] = [];
  for (const { a, b, count } of pairs.values()) {
    if (count < 2) continue;
    const ta = stats.terms[a];
    const tb = stats.terms[b];
    if (ta === undefined || tb === undefined || stops.has(ta.stem) || stops.has(tb.stem)) continue;
    const sa = commonestSurface(ta.surfaces);
    const sb = commonestSurface(tb.surfaces);
    if (isCapitalised(sa) || isCapitalised(sb)) continue;
    if (count < COLLOCATION_STRENGTH * Math.min(ta.count, tb.count)) continue;
    strong.push({ a, b, count, sa, sb });
  }
  // Only the most frequent pairs are checked, in one pass over the token ids.
  strong.sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);
  const checked = strong.slice(0, MAX_COLLOCATIONS_CHECKED).flatMap((pair) => {
    const ta = stats.terms[pair.a];
    const tb = stats.terms[pair.b];
    return ta === undefined || tb === undefined ? [] : [{ ...pair, ta, tb }];
  });
  // The term ids skip stop words: "rise in food" gives the pair rise-food. Keep pairs the text has.
  const adjacent = adjacentCounts(
    tokens,
    checked.map(({ ta, tb }) => [ta, tb] as const),
  );
  const out: Candidate[] = [];
  checked.forEach(({ a, b, sa, sb, ta, tb }, index) => {
    const count = adjacent[index] ?? 0;
    if (count < 2 || count < COLLOCATION_STRENGTH * Math.min(ta.count, tb.count)) return;
    const inTitle = stats.titleTermIds.has(a) && stats.titleTermIds.has(b);
    out.push({ term: `${sa} ${sb}`, raw: phraseRaw(count, 2, inTitle), count, termIds: [a, b] });
  });
  return out;
}

/**
 * The article's top terms and names in their surface form, with a score in [0, 1] and their count.
 * Names are whole and merged with their short forms ("Xi Jinping" counts its "Xi"s, "Shanghai Cooperation
 * Organization" its "SCO"s); recurring lower-case pairs stay whole ("interest rates"); numbers, dates,
 * months, weekdays and generic verbs and adverbs ("expected", "ahead") are never keywords on their own.
 * A single word that mostly occurs inside a chosen phrase is left out in favour of the phrase.
 * @example extractKeywords(stats, model)[0] // { term: 'Xi Jinping', score: 1, count: 11 }
 */
export function extractKeywords(
  stats: TermStats,
  model: Pick<Model, 'keywordStopStems'>,
  options: KeywordOptions = {},
): Keyword[] {
  const { limit } = { ...DEFAULTS, ...options };
  const stops = model.keywordStopStems;
  const first = firstSentences(stats);
  const phrases = [...stats.phrases.values()].filter((phrase) => {
    const words = commonestSurface(phrase.surfaces).split(' ');
    // "Tuesday Xi" is a weekday run into a name, "Today Poland" a sentence's first word: not names.
    const firstWord = words[0]?.toLowerCase() ?? '';
    return !TIME_WORDS.has(firstWord) && !stops.has(stem(firstWord));
  });

  // Short forms folded into their long forms: the long form's count takes the short form's.
  const extra = new Map<NamePhrase, number>();
  const shortInTitle = new Set<NamePhrase>();
  const absorbed = new Set<number>();
  for (const term of stats.terms) {
    const surface = commonestSurface(term.surfaces);
    if (!isCapitalised(surface)) continue;
    const long = longFormOf(term.id, surface, phrases, first);
    if (long === undefined) continue;
    // Uses of the word outside the phrase (term counts include those inside it).
    const inside = long.termIds.includes(term.id) ? long.count : 0;
    extra.set(long, (extra.get(long) ?? 0) + Math.max(0, term.count - inside));
    absorbed.add(term.id);
    if (stats.titleTermIds.has(term.id)) shortInTitle.add(long);
  }

  const candidates: Candidate[] = [];
  for (const phrase of phrases) {
    const count = phrase.count + (extra.get(phrase) ?? 0);
    if (count < 2) continue;
    if (phrase.termIds.every((id) => stops.has(stats.terms[id]?.stem ?? ''))) continue;
    const inTitle = shortInTitle.has(phrase) || phrase.termIds.every((id) => stats.titleTermIds.has(id));
    candidates.push({
      term: commonestSurface(phrase.surfaces),
      raw: phraseRaw(count, phrase.termIds.length, inTitle),
      count,
      termIds: phrase.termIds,
    });
  }
  if (options.tokens !== undefined) candidates.push(...collocations(stats, stops, options.tokens));
  for (const term of stats.terms) {
    if (term.count < 2 || absorbed.has(term.id) || stops.has(term.stem)) continue;
    // "5m", "10th", "2025s": figures, not keywords.
    if (/^\d/.test(term.stem)) continue;
    candidates.push({
      term: commonestSurface(term.surfaces),
      raw: stats.weight(term.id) * (stats.titleTermIds.has(term.id) ? TITLE_BONUS : 1),
      count: term.count,
      termIds: [term.id],
    });
  }
  candidates.sort((a, b) => b.raw - a.raw || a.term.localeCompare(b.term));

  const chosen: Candidate[] = [];
  const countInChosenPhrases = new Map<number, number>();
  const chosenTerms = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.length >= limit) break;
    if (chosenTerms.has(candidate.term.toLowerCase())) continue;
    const [only] = candidate.termIds;
    if (candidate.termIds.length === 1 && only !== undefined) {
      // Skip a word whose occurrences are mostly inside phrases already chosen.
      const inside = countInChosenPhrases.get(only) ?? 0;
      if (inside * 2 >= candidate.count) continue;
    } else {
      for (const id of candidate.termIds)
        countInChosenPhrases.set(id, (countInChosenPhrases.get(id) ?? 0) + candidate.count);
    }
    chosenTerms.add(candidate.term.toLowerCase());
    chosen.push(candidate);
  }
  const top = chosen[0]?.raw ?? 1;
  return chosen.map((c) => ({ term: c.term, score: round(c.raw / top), count: c.count }));
}
