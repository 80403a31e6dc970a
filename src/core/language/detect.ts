import { type AtomRange, type AtomSpans, atomsOf, unitAtoms } from '../text/atoms.js';
import { cutLength, isAsciiLetter, numberAt } from '../text/chars.js';
import {
  DISTINCTIVE_LETTERS,
  FUNCTION_WORDS,
  LANGUAGE_NAMES,
  type LanguageCode,
  SCRIPTS,
  type Script,
  type ScriptInfo,
} from './data/languages.js';

/** A language named with enough evidence. */
export interface DetectedLanguage {
  /** ISO 639-1 code. */
  readonly code: LanguageCode;
  /** English name, for messages. */
  readonly name: string;
  /** 0-1: how consistently the text points at this language (1 = every part of it does). */
  readonly confidence: number;
  /** The writing system most of the letters are in. */
  readonly script: Script;
}

/** Why no language was named. */
export type UndeterminedReason =
  /** Too few words (or characters, for scripts written without spaces) to call. */
  | 'too-short'
  /** Parts of the text point at different languages, none clearly ahead. */
  | 'mixed'
  /** Letters, but almost none of the function words detection knows: an unlisted language, or a list of names. */
  | 'unrecognised';

/** No language named. `und` is the ISO 639-2 / BCP 47 code for "undetermined". */
export interface UndeterminedLanguage {
  readonly code: 'und';
  readonly name: 'undetermined';
  /** 0-1: how well the leading candidate was supported (0 when there was none); below the bar for a call. */
  readonly confidence: number;
  readonly reason: UndeterminedReason;
  readonly script: Script | null;
}

export type LanguageGuess = DetectedLanguage | UndeterminedLanguage;

export interface DetectOptions {
  /**
   * How much of the text to examine, in UTF-16 code units. Detection reads only the start of the text,
   * so its cost is bounded whatever the input size; a long English preamble before a Spanish article
   * will therefore be read as English.
   */
  readonly maxChars?: number;
}

const defaults = Object.freeze({ maxChars: 20_000 });

// Below this many words (or script-weighted characters, see ScriptInfo.weight), no call is made: a
// headline-length text shares too many words between related languages.
const MIN_WORDS = 8;
const MIN_WEIGHTED_CHARACTERS = 24;
// Under this many words, a text none of whose sentences points at one language is short, not mixed.
const SHORT_WORDS = 30;
// Share of a text's words that must be known function words, or hold a distinctive letter, for a call.
const MIN_COVERAGE = 0.08;
// Share of the voting chunks that must agree with the overall winner; below it the text is mixed.
const MIN_AGREEMENT = 0.7;
// Coverage at which confidence stops growing: ordinary prose is 30-50% function words.
const FULL_COVERAGE = 0.25;
// A chunk is a sentence, or this many words when sentences run on.
const CHUNK_WORDS = 40;
// One distinctive letter is worth this fraction of a function word.
const LETTER_WEIGHT = 0.25;
// A language other than English needs this many different function words of its own, at this share
// of the text's words (by weight); English needs this many different ones to be called from thin text.
const MIN_FOREIGN_DISTINCT = 3;
const MIN_FOREIGN_DENSITY = 0.05;
const MIN_ENGLISH_DISTINCT = 3;
const ENGLISH_DOMINANT_DISTINCT = 5;
// Japanese mixes kana into Han text; Chinese has none.
const KANA_SHARE_FOR_JAPANESE = 0.05;

interface WordEntry {
  /** Indexes into `languages` of the languages listing the word. */
  readonly langs: readonly number[];
  /** 1 divided by how many languages list it: shared words count for little. */
  readonly weight: number;
}

/** The function-word and letter tables detection reads, built from `data/languages.ts`; part of the core's model. */
export interface LanguageModel {
  readonly languages: readonly LanguageCode[];
  /** Index of English in `languages`. */
  readonly english: number;
  readonly scriptOfLanguage: readonly Script[];
  readonly words: ReadonlyMap<string, WordEntry>;
  /** Distinctive letters, weighted as a fraction of a function word. */
  readonly letters: ReadonlyMap<number, WordEntry>;
  /** Scripts whose languages are told apart by words. */
  readonly scoredScripts: ReadonlySet<Script>;
  /** Sorted, non-overlapping code point ranges with their script. */
  readonly ranges: readonly (readonly [number, number, ScriptInfo])[];
}

/** Builds the detection tables from the language data (a few milliseconds: no stemming). */
export function compileLanguageModel(): LanguageModel {
  const languages: LanguageCode[] = [];
  const scriptOfLanguage: Script[] = [];
  const lists = new Map<string, number[]>();
  for (const [code, entry] of Object.entries(FUNCTION_WORDS) as [
    LanguageCode,
    { script: Script; words: string },
  ][]) {
    const index = languages.length;
    languages.push(code);
    scriptOfLanguage.push(entry.script);
    for (const word of new Set(entry.words.split(' '))) {
      const key = word.normalize('NFC');
      const langs = lists.get(key) ?? [];
      langs.push(index);
      lists.set(key, langs);
    }
  }
  const words = new Map<string, WordEntry>();
  for (const [word, langs] of lists) words.set(word, { langs, weight: 1 / langs.length });
  const letters = new Map<number, WordEntry>();
  for (const [letter, codes] of Object.entries(DISTINCTIVE_LETTERS)) {
    const langs = codes.split(' ').map((code) => languages.indexOf(code as LanguageCode));
    if (langs.includes(-1)) throw new Error(`Letter ${letter} names a language with no word list: ${codes}`);
    letters.set(letter.codePointAt(0) ?? 0, { langs, weight: LETTER_WEIGHT / langs.length });
  }
  const ranges = SCRIPTS.flatMap((info) => info.ranges.map(([lo, hi]) => [lo, hi, info] as const)).sort(
    (a, b) => a[0] - b[0],
  );
  return {
    languages,
    english: languages.indexOf('en'),
    scriptOfLanguage,
    words,
    letters,
    scoredScripts: new Set(scriptOfLanguage),
    ranges,
  };
}

const HAN = scriptInfo('Han');
const KANA = scriptInfo('Kana');
const HANGUL = scriptInfo('Hangul');

function scriptOf(model: LanguageModel, codePoint: number): ScriptInfo | undefined {
  const { ranges } = model;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid];
    if (range === undefined) return undefined;
    if (codePoint < range[0]) hi = mid - 1;
    else if (codePoint > range[1]) lo = mid + 1;
    else return range[2];
  }
  return undefined;
}

/**
 * What detection reads: texts (a title, sentences) with the ranges of their atoms, in reading order,
 * cut to the examined length. Words are the letter and mark runs of the atoms (digits split them);
 * a sentence end, a semicolon or the break between two texts ends a chunk.
 */
export interface LanguageSample {
  /** In NFC, as every reader leaves a document's text. */
  readonly texts: readonly string[];
  readonly atoms: AtomSpans;
  /** Per text, its atoms: those that start before its `lengths` cut. */
  readonly ranges: readonly AtomRange[];
  /** Per text, how many of its characters are read (the sample's cut falls in the last one). */
  readonly lengths: readonly number[];
}

/** Script-weighted character counts of the examined text: every character, in or out of a word. */
function countScripts(model: LanguageModel, sample: LanguageSample): Map<ScriptInfo, number> {
  const counts = new Map<ScriptInfo, number>();
  const latin = SCRIPTS[0];
  sample.texts.forEach((text, unit) => {
    const length = sample.lengths[unit] ?? 0;
    for (let i = 0; i < length; i++) {
      let cp = text.charCodeAt(i);
      // ASCII fast path: most text lede sees is Latin.
      if (cp < 0x80) {
        if (latin !== undefined && isAsciiLetter(cp)) counts.set(latin, (counts.get(latin) ?? 0) + 1);
        continue;
      }
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
        cp = text.codePointAt(i) ?? cp;
        i++;
      }
      const info = scriptOf(model, cp);
      if (info !== undefined) counts.set(info, (counts.get(info) ?? 0) + info.weight);
    }
  });
  return counts;
}

/** Sentence ends and semicolons, in the scripts detection reads: they close a chunk. */
function isBoundary(code: number): boolean {
  return (
    code === 0x2e || // .
    code === 0x21 || // !
    code === 0x3f || // ?
    code === 0x3b || // ;
    code === 0x0a || // line break
    code === 0x061f || // Arabic question mark
    code === 0x0964 || // Devanagari danda
    code === 0x3002 || // ideographic full stop
    code === 0xff01 || // fullwidth !
    code === 0xff1f // fullwidth ?
  );
}

/**
 * Visits the sample's words in order, and each chunk boundary: a boundary character between two
 * atoms, or the break between two texts.
 */
function forEachWord(sample: LanguageSample, onWord: (word: string) => void, onBoundary: () => void): void {
  const { starts, ends } = sample.atoms;
  sample.texts.forEach((text, unit) => {
    if (unit > 0) onBoundary();
    const { from, to } = sample.ranges[unit] ?? { from: 0, to: 0 };
    const length = sample.lengths[unit] ?? 0;
    let gap = 0;
    for (let a = from; a < to; a++) {
      const start = starts[a] ?? 0;
      // A word the cut goes through counts with the letters before the cut.
      const end = Math.min(ends[a] ?? 0, length);
      for (let i = gap; i < start; i++) if (isBoundary(text.charCodeAt(i))) onBoundary();
      gap = end;
      let word = start;
      for (let i = start; i < end; ) {
        const number = numberAt(text, i);
        if (number === 0) {
          i += 1;
          continue;
        }
        if (i > word) onWord(text.slice(word, i));
        i += number;
        word = i;
      }
      if (end > word) onWord(text.slice(word, end));
    }
  });
}

const NON_ASCII = /[^\u0020-\u007e]/;

interface WordScores {
  readonly totals: Float64Array;
  readonly words: number;
  /** Words found in some language's list or holding a distinctive letter. */
  readonly known: number;
  /** Per language, how many chunks it clearly won. */
  readonly votes: Float64Array;
  readonly totalVotes: number;
  /** Per language, how many different listed words of it the text uses. */
  readonly distinct: Float64Array;
}

/** One pass over the words: whole-text scores plus a vote from every sentence-sized chunk. */
function scoreWords(model: LanguageModel, sample: LanguageSample, script: Script): WordScores {
  const n = model.languages.length;
  const totals = new Float64Array(n);
  const chunk = new Float64Array(n);
  const votes = new Float64Array(n);
  let words = 0;
  let known = 0;
  let chunkWords = 0;
  let totalVotes = 0;
  const seen = new Set<string>();

  /** Adds an entry's weight to the languages of `script` it names; false if it names none of them. */
  const add = (entry: WordEntry): boolean => {
    let counted = false;
    for (const l of entry.langs) {
      if (model.scriptOfLanguage[l] !== script) continue;
      totals[l] = (totals[l] ?? 0) + entry.weight;
      chunk[l] = (chunk[l] ?? 0) + entry.weight;
      counted = true;
    }
    return counted;
  };

  const closeChunk = (): void => {
    let best = -1;
    let bestScore = 0;
    let secondScore = 0;
    for (let l = 0; l < n; l++) {
      const s = chunk[l] ?? 0;
      if (s > bestScore) {
        secondScore = bestScore;
        bestScore = s;
        best = l;
      } else if (s > secondScore) secondScore = s;
    }
    // A chunk votes only when at least one whole word's worth of evidence sets a language ahead; a
    // chunk of words shared by two languages abstains rather than splitting.
    if (best >= 0 && bestScore - secondScore >= 0.5 && bestScore >= 1) {
      votes[best] = (votes[best] ?? 0) + 1;
      totalVotes++;
    }
    chunk.fill(0);
    chunkWords = 0;
  };

  const onBoundary = (): void => {
    if (chunkWords > 0) closeChunk();
  };
  const onWord = (token: string): void => {
    words++;
    chunkWords++;
    const lower = token.toLowerCase();
    const entry = model.words.get(lower);
    let recognised = entry !== undefined && add(entry);
    if (recognised) seen.add(lower);
    if (NON_ASCII.test(lower)) {
      for (let i = 0; i < lower.length; i++) {
        const letter = model.letters.get(lower.charCodeAt(i));
        if (letter !== undefined && add(letter)) recognised = true;
      }
    }
    if (recognised) known++;
    if (chunkWords >= CHUNK_WORDS) closeChunk();
  };
  forEachWord(sample, onWord, onBoundary);
  if (chunkWords > 0) closeChunk();
  const distinct = new Float64Array(n);
  for (const word of seen) {
    for (const l of model.words.get(word)?.langs ?? []) distinct[l] = (distinct[l] ?? 0) + 1;
  }
  return { totals, words, known, votes, totalVotes, distinct };
}

function detected(code: LanguageCode, confidence: number, script: Script): DetectedLanguage {
  return { code, name: LANGUAGE_NAMES[code], confidence: round(confidence), script };
}

function undetermined(
  reason: UndeterminedReason,
  script: Script | null,
  confidence = 0,
): UndeterminedLanguage {
  return { code: 'und', name: 'undetermined', confidence: round(confidence), reason, script };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function byWords(
  model: LanguageModel,
  sample: LanguageSample,
  script: ScriptInfo,
  scriptShare: number,
): LanguageGuess {
  const scores = scoreWords(model, sample, script.script);
  if (scores.words < MIN_WORDS) return undetermined('too-short', script.script);
  const coverage = scores.known / scores.words;
  let best = -1;
  let bestScore = 0;
  let secondScore = 0;
  scores.totals.forEach((s, l) => {
    if (s > bestScore) {
      secondScore = bestScore;
      bestScore = s;
      best = l;
    } else if (s > secondScore) secondScore = s;
  });
  const code = model.languages[best];
  // English must never be mistaken for a language lede would refuse. A call for another language needs
  // real evidence: several of its own function words, and a density of them no table of figures has (a
  // wire of figures with "Den" for Denmark, "I" for a series and "vs" between columns has a handful).
  // Where that is lacking and English function words lead, the text is English.
  const en = model.english;
  const enDistinct = en < 0 ? 0 : (scores.distinct[en] ?? 0);
  const enTotal = en < 0 ? 0 : (scores.totals[en] ?? 0);
  const thinForeign =
    script.script === 'Latin' &&
    code !== undefined &&
    best !== en &&
    ((scores.distinct[best] ?? 0) < MIN_FOREIGN_DISTINCT || bestScore / scores.words < MIN_FOREIGN_DENSITY);
  // English dominates when it uses 1.5 times as many different function words as any rival, as a table
  // with an English heading does over the abbreviations in its rows.
  let rivalDistinct = 0;
  scores.distinct.forEach((d, l) => {
    if (l !== en && model.scriptOfLanguage[l] === script.script) rivalDistinct = Math.max(rivalDistinct, d);
  });
  const englishDominates = enDistinct >= ENGLISH_DOMINANT_DISTINCT && enDistinct >= 1.5 * rivalDistinct;
  const englishLeads =
    script.script === 'Latin' &&
    enDistinct >= MIN_ENGLISH_DISTINCT &&
    (best === en || thinForeign || englishDominates || enTotal >= bestScore);
  if (
    englishLeads &&
    (coverage < MIN_COVERAGE || thinForeign || englishDominates || scores.totalVotes === 0)
  ) {
    return detected('en', Math.min(1, coverage / FULL_COVERAGE) * scriptShare * 0.5, script.script);
  }
  if (thinForeign) return undetermined('unrecognised', script.script, 0);
  if (code === undefined || coverage < MIN_COVERAGE) {
    // Arabic and Devanagari texts default to their most widely written language; a Latin or Cyrillic
    // text with no known function words could be any of dozens.
    return script.language !== undefined
      ? detected(script.language, 0.5 * scriptShare, script.script)
      : undetermined('unrecognised', script.script);
  }
  const agreement = scores.totalVotes === 0 ? 0 : (scores.votes[best] ?? 0) / scores.totalVotes;
  const confidence = agreement * Math.min(1, coverage / FULL_COVERAGE) * scriptShare;
  if (scores.totalVotes === 0) {
    // No sentence on its own pointed anywhere: a long text like that is a blend, a short one is thin.
    return undetermined(scores.words < SHORT_WORDS ? 'too-short' : 'mixed', script.script, confidence);
  }
  if (bestScore === secondScore || agreement < MIN_AGREEMENT) {
    return undetermined('mixed', script.script, confidence);
  }
  return detected(code, confidence, script.script);
}

/**
 * Names the language of a text, or says why it cannot. Reads at most the first `maxChars` (20,000 by
 * default) UTF-16 code units, in one pass for the writing system and one for words, so it costs the
 * same for a 30 KB article as for a 30 MB one.
 *
 * The writing system decides when only one major language uses it (Greek, Hebrew, Hangul, Thai...);
 * Han text with kana is Japanese, without it Chinese. For scripts several languages share (Latin,
 * Cyrillic, Arabic, Devanagari), frequent function words are counted, each word's weight split
 * between the languages that use it, and every sentence votes for its leading language: if the
 * sentences disagree the text is `mixed` rather than forced into one language.
 * @example detectLanguage('El ayuntamiento aprobó ayer el presupuesto de la ciudad para el año que viene.', model.languages)
 *   // { code: 'es', name: 'Spanish', confidence: 1, script: 'Latin' }
 */
export function detectLanguage(
  text: string,
  model: LanguageModel,
  options: DetectOptions = {},
): LanguageGuess {
  const maxChars = options.maxChars ?? defaults.maxChars;
  const cut = text.slice(0, cutLength(text, maxChars)).normalize('NFC');
  const atoms = atomsOf(cut);
  return detectSampleLanguage(
    { texts: [cut], atoms, ranges: [unitAtoms(atoms, 0)], lengths: [cut.length] },
    model,
  );
}

/**
 * {@link detectLanguage} for a sample of a document already split into atoms (see
 * `documentLanguage`): the texts are read as they are, so they must be NFC already.
 */
export function detectSampleLanguage(sample: LanguageSample, model: LanguageModel): LanguageGuess {
  const counts = countScripts(model, sample);
  let total = 0;
  let top: ScriptInfo | undefined;
  let topCount = 0;
  for (const [info, count] of counts) {
    total += count;
    if (count > topCount) {
      top = info;
      topCount = count;
    }
  }
  if (top === undefined || total < MIN_WEIGHTED_CHARACTERS)
    return undetermined('too-short', top?.script ?? null);

  const han = counts.get(HAN) ?? 0;
  const kana = counts.get(KANA) ?? 0;
  const hangul = counts.get(HANGUL) ?? 0;
  const cjk = han + kana + hangul;
  if (top.script === 'Han' || top.script === 'Kana' || top.script === 'Hangul') {
    const share = cjk / total;
    if (hangul > kana && hangul >= han) return detected('ko', share, 'Hangul');
    if (kana / cjk >= KANA_SHARE_FOR_JAPANESE) return detected('ja', share, top.script);
    return detected('zh', share, 'Han');
  }

  const share = topCount / total;
  if (model.scoredScripts.has(top.script)) return byWords(model, sample, top, share);
  if (top.language !== undefined) return detected(top.language, share, top.script);
  return undetermined('unrecognised', top.script);
}

function scriptInfo(script: Script): ScriptInfo {
  const info = SCRIPTS.find((s) => s.script === script);
  if (info === undefined) throw new Error(`No script data for ${script}`);
  return info;
}

/** The English name of a language code detection can report, e.g. for error messages. */
export function languageName(code: string): string | undefined {
  return Object.hasOwn(LANGUAGE_NAMES, code) ? LANGUAGE_NAMES[code as LanguageCode] : undefined;
}
