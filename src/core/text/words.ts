import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopWords } from 'natural/lib/natural/util/stopwords.js';
import {
  type AtomRange,
  type Atoms,
  AtomsBuilder,
  type AtomText,
  lastJoined,
  textAtoms,
  unitAtoms,
} from './atoms.js';

const EDGE_PUNCTUATION = /^['’-]+|['’-]+$/g;
const POSSESSIVE = /['’]s$/i;

/** Apostrophes and hyphens: inside a term word ("O’Brien", "cease-fire"), never a word of their own. */
function isTermJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2d;
}

/**
 * Visits the term pieces of a text's atoms: atoms joined across runs of apostrophes and
 * hyphens, with the apostrophes and hyphens at their edges ("’Zürich’", "O’Brien’s", "cease-fire").
 * `start` and `end` span the piece as written; `joined` says it holds an apostrophe or hyphen.
 */
export function forEachTermPiece(
  unit: AtomText,
  visit: (start: number, end: number, joined: boolean) => void,
): void {
  const { text, from, to } = unit;
  const { starts, ends } = unit.atoms;
  let i = from;
  while (i < to) {
    const first = starts[i] ?? 0;
    let start = first;
    while (start > 0 && isTermJoiner(text.charCodeAt(start - 1))) start -= 1;
    const last = lastJoined(unit, i, isTermJoiner, true);
    const lastEnd = ends[last] ?? 0;
    let end = lastEnd;
    while (end < text.length && isTermJoiner(text.charCodeAt(end))) end += 1;
    visit(start, end, start < first || last > i || end > lastEnd);
    i = last + 1;
  }
}

/**
 * Visits the term tokens of a text's atoms (see {@link tokenize}); `spaced` says the
 * two tokens stand in the text as written, one plain space between them: "interest rates", not
 * "interest, rates" or "children’s book".
 */
function termTokens(unit: AtomText, visit: (token: string, spaced: boolean) => void): void {
  const { text } = unit;
  let previousEnd = -1;
  forEachTermPiece(unit, (start, end, joined) => {
    const raw = text.slice(start, end);
    // Most tokens hold no apostrophe or hyphen: skip the two regex passes for them (a hot loop).
    const token = joined ? termToken(raw) : raw;
    if (token === '') return;
    // A token trimmed at its start or end (a possessive, a quote mark) is not the text as written there.
    const cleanStart = !joined || raw.startsWith(token);
    visit(token, cleanStart && start === previousEnd + 1 && text.charCodeAt(previousEnd) === 0x20);
    previousEnd = !joined || raw.endsWith(token) ? end : -2;
  });
}

/**
 * The term token of one term piece as written: a possessive dropped, then edge apostrophes and hyphens
 * ('' when nothing is left).
 * @example termToken('’Kazakhstan’s') // 'Kazakhstan'
 */
export function termToken(piece: string): string {
  return piece.replace(POSSESSIVE, '').replace(EDGE_PUNCTUATION, '');
}

/**
 * Splits text into word tokens in their surface form, possessives dropped: runs of letters, marks,
 * digits, apostrophes and hyphens (so "Zürich", "O’Brien" and "cease-fire" stay whole), with edge
 * apostrophes and hyphens trimmed. (natural's RegexpTokenizer with that gap pattern gives the same
 * tokens; composing them from the document's atoms needs no second scan, split array or `underscore`.)
 * @example tokenize("Kazakhstan’s capital, Astana") // ['Kazakhstan', 'capital', 'Astana']
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  termTokens(textAtoms(text), (token) => out.push(token));
  return out;
}

// English function words from natural, plus the reporting verbs and fillers of news prose that carry
// no topic ("said", "according"): without them every quote-heavy sentence would look central.
const EXTRA_STOP_WORDS = [
  'said',
  'says',
  'say',
  'told',
  'according',
  'also',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'will',
  'shall',
  'can',
  'one',
  'two',
  'new',
  'year',
  'years',
  'last',
  'first',
  'like',
  'just',
  'even',
  'still',
  'yet',
  'many',
  'much',
  'more',
  'most',
  'less',
  'well',
  'however',
  'since',
  'while',
  'though',
  'although',
  'among',
  'amid',
  'per',
  'including',
  'us',
  'mr',
  'mrs',
  'ms',
  'dr',
  'it’s',
  "it's",
  'don’t',
  "don't",
  'week',
  'month',
  'day',
  'time',
  'percent',
  'people',
  'way',
  'get',
  'got',
  'make',
  'made',
  'take',
  'took',
  'week',
  'thursday',
  'wednesday',
  'tuesday',
  'monday',
  'friday',
  'saturday',
  'sunday',
] as const;

const STOP_WORDS: ReadonlySet<string> = new Set([...naturalStopWords, ...EXTRA_STOP_WORDS]);

/** True for English function words and news fillers; expects a lower-case token. */
export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

/**
 * What term-frequency analysis needs from a language: a stemmer and a stop-word test, both taking a
 * lower-case token. English is built in; other languages are loaded on demand (`core/language`).
 */
export interface Lexicon {
  /** ISO 639-1 code. */
  readonly code: string;
  stem(lower: string): string;
  isStopWord(lower: string): boolean;
}

/** What every stage asks of a token, worked out once per distinct surface form. */
export interface WordInfo {
  /** The token itself. */
  readonly surface: string;
  readonly lower: string;
  /** Porter stem of the lower-case form. */
  readonly stem: string;
  readonly hasLetter: boolean;
  readonly stopWord: boolean;
}

// Stemming, lower-casing and the stop-word test dominated analysis time when each stage did them per
// token; news vocabulary is small (a 1 MB corpus has ~25,000 distinct surface forms), so a bounded
// memo keyed by the surface form turns them into one map lookup. Each lexicon owns its memo: keyed
// weakly by the lexicon, it goes when the caller drops the lexicon (or the model holding it).
const CACHE_LIMIT = 50_000;
const infoCaches = new WeakMap<Lexicon, Map<string, WordInfo>>();

const HAS_LETTER = /\p{L}/u;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * An English lexicon: natural's Porter stemmer, with its own memo, and natural's stop words plus
 * the news fillers above.
 */
function createEnglishLexicon(): Lexicon {
  const stems = new Map<string, string>();
  return Object.freeze({
    code: 'en',
    stem: (lower: string) => stems.get(lower) ?? remember(stems, lower, PorterStemmer.stem(lower)),
    isStopWord,
  });
}

/** The English lexicon of the bundled model. */
export const ENGLISH: Lexicon = createEnglishLexicon();

/**
 * Porter stem of a token, lower-cased, memoised (in {@link ENGLISH}).
 * @example stem('Organizations') // 'organ'
 */
export function stem(token: string): string {
  return ENGLISH.stem(token.toLowerCase());
}

/**
 * A token's lower-case form, stem, and whether it holds a letter and is a stop word, in a language
 * (English by default); memoised per language.
 * @example wordInfo('Sanctions') // { surface: 'Sanctions', lower: 'sanctions', stem: 'sanction', hasLetter: true, stopWord: false }
 */
export function wordInfo(token: string, lexicon: Lexicon = ENGLISH): WordInfo {
  let cache = infoCaches.get(lexicon);
  if (cache === undefined) {
    cache = new Map();
    infoCaches.set(lexicon, cache);
  }
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  const lower = token.toLowerCase();
  return remember(cache, token, {
    surface: token,
    lower,
    stem: lexicon.stem(lower),
    hasLetter: HAS_LETTER.test(token),
    stopWord: lexicon.isStopWord(lower),
  });
}

/**
 * The tokens of a title and its sentences (from {@link tokenize}), computed once and read by every
 * stage. Each distinct surface form is kept once, in `surfaces`, and the text is one array of their
 * ids: a 20 MB document has about 4 million tokens but a few thousand distinct forms, and holding each
 * token (or each sentence's ids) as its own object cost more than 100 MB of its peak memory.
 * Read a sentence with {@link sentenceIds}, the title with {@link titleIds}.
 */
export interface TokenizedText {
  /** Distinct surface forms, in order of first appearance in the body, then the title. */
  readonly surfaces: readonly string[];
  /** Token ids of every sentence, one after another, then the title's. */
  readonly ids: Int32Array;
  /** 1 where token `k` follows token `k - 1` of its sentence after one plain space and nothing else. */
  readonly spaced: Uint8Array;
  /** Sentence `i` is `ids[starts[i]]` up to `ids[starts[i + 1]]`; the title runs from the last start. */
  readonly starts: Int32Array;
  readonly hasTitle: boolean;
  /**
   * The atoms every token above and every other stage's words are composed from: unit `i` is body
   * sentence `i`, the title's (when there is one) comes last.
   */
  readonly atoms: Atoms;
  /** The language the tokens are stemmed and filtered in. */
  readonly lexicon: Lexicon;
  /** The id of a surface form found in the text, or -1. */
  idOf(surface: string): number;
}

/** How many body sentences a tokenised text has. */
export function sentenceCount(tokens: TokenizedText): number {
  return tokens.starts.length - 1;
}

/** The token ids of body sentence `index` (a view, not a copy). */
export function sentenceIds(tokens: TokenizedText, index: number): Int32Array {
  return tokens.ids.subarray(tokens.starts[index] ?? 0, tokens.starts[index + 1] ?? 0);
}

/** The token ids of the title, or `null` when there is none. */
export function titleIds(tokens: TokenizedText): Int32Array | null {
  return tokens.hasTitle ? tokens.ids.subarray(tokens.starts[tokens.starts.length - 1] ?? 0) : null;
}

/** Tokenises a title and its sentences, for analysis in `lexicon`'s language (English by default). */
export function tokenizeText(
  title: string | null,
  sentences: readonly string[],
  lexicon: Lexicon = ENGLISH,
): TokenizedText {
  // The one scan of the characters, then the term tokens composed from its atoms, unit by unit.
  const builder = new AtomsBuilder();
  for (const sentence of sentences) builder.add(sentence);
  if (title !== null) builder.add(title);
  const atoms = builder.build();
  const known = new Map<string, number>();
  const surfaces: string[] = [];
  let ids = new Int32Array(1024);
  let spaced = new Uint8Array(1024);
  let length = 0;
  const add = (token: string, afterOneSpace: boolean): void => {
    let id = known.get(token);
    if (id === undefined) {
      id = surfaces.length;
      surfaces.push(token);
      known.set(token, id);
    }
    if (length === ids.length) {
      const grownIds = new Int32Array(ids.length * 2);
      grownIds.set(ids);
      ids = grownIds;
      const grownSpaced = new Uint8Array(spaced.length * 2);
      grownSpaced.set(spaced);
      spaced = grownSpaced;
    }
    ids[length] = id;
    spaced[length] = afterOneSpace ? 1 : 0;
    length += 1;
  };
  // The body first, so surface ids follow the body's order (ties between surface forms of a term go
  // to the one the body used first).
  const starts = new Int32Array(sentences.length + 1);
  sentences.forEach((sentence, index) => {
    starts[index] = length;
    termTokens({ text: sentence, atoms, ...unitAtoms(atoms, index) }, add);
  });
  starts[sentences.length] = length;
  if (title !== null) termTokens({ text: title, atoms, ...unitAtoms(atoms, sentences.length) }, add);
  return {
    surfaces,
    ids: ids.subarray(0, length),
    spaced: spaced.subarray(0, length),
    starts,
    hasTitle: title !== null,
    atoms,
    lexicon,
    idOf: (surface) => known.get(surface) ?? -1,
  };
}

/** The atoms of body sentence `index`: a range of `tokens.atoms`. */
export function sentenceAtoms(tokens: TokenizedText, index: number): AtomRange {
  return unitAtoms(tokens.atoms, index);
}

/** The atoms of the title (none when there is no title). */
export function titleAtoms(tokens: TokenizedText): AtomRange {
  return tokens.hasTitle ? unitAtoms(tokens.atoms, sentenceCount(tokens)) : { from: 0, to: 0 };
}

/** Body sentence `index`, whose text is `sentence`, with its atoms in the document's. */
export function sentenceAtomText(tokens: TokenizedText, index: number, sentence: string): AtomText {
  return { text: sentence, atoms: tokens.atoms, ...sentenceAtoms(tokens, index) };
}

/** The title, `title`, with its atoms in the document's. */
export function titleAtomText(tokens: TokenizedText, title: string): AtomText {
  return { text: title, atoms: tokens.atoms, ...titleAtoms(tokens) };
}
