import {
  sentenceAtomText,
  sentenceIds,
  type TokenizedText,
  termToken,
  titleIds,
  tokenizeText,
  type WordInfo,
  wordInfo,
} from '../text/words.js';
import { findNamePhrases } from './name-phrases.js';

/** A content term: a Porter stem standing for one or more surface forms. */
export interface Term {
  readonly id: number;
  readonly stem: string;
  /** Occurrences in the body. */
  count: number;
  /** Surface forms seen, with their counts, to report the most common one. */
  readonly surfaces: Map<string, number>;
}

/** A multi-word name ("Central Asia", "Belt and Road Initiative") found in the body. */
export interface NamePhrase {
  /** Stems joined by spaces: the phrase's identity. */
  readonly key: string;
  readonly termIds: readonly number[];
  count: number;
  readonly surfaces: Map<string, number>;
  readonly sentences: number[];
}

export interface SentenceTerms {
  /** Term ids of the sentence's content words, in order (repeats kept). */
  readonly termIds: Int32Array;
  /** Word count, stop words included: the length used by the length prior. */
  readonly wordCount: number;
  /** Keys of the name phrases in the sentence. */
  readonly phraseKeys: readonly string[];
}

/** Term statistics of one document, computed in one pass over its sentences. */
export interface TermStats {
  readonly terms: readonly Term[];
  readonly sentences: readonly SentenceTerms[];
  readonly phrases: ReadonlyMap<string, NamePhrase>;
  /** Term ids of the title's content words. */
  readonly titleTermIds: ReadonlySet<number>;
  readonly totalWords: number;
  /**
   * Sub-linear weight of a term: 1 + ln(count). A word repeated 50 times weighs about 5, not 50, so one
   * hammered word cannot decide which sentences matter.
   */
  weight(termId: number): number;
}

function isContentToken(token: string, info: WordInfo): boolean {
  return token.length > 1 && info.hasLetter && !info.stopWord;
}

/** How often one surface form was counted, and the term it belongs to (-1: not a content word). */
interface SurfaceCount {
  readonly termId: number;
  count: number;
}

const EMPTY = new Int32Array(0);
const NO_PHRASES: readonly string[] = Object.freeze([]);

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Counts content terms (stemmed, stop words out) per sentence and for the document, and the
 * multi-word names each sentence contains. Linear in the input. `tokens` are the title's and sentences'
 * tokens when the caller has them already (the taggers read the same ones).
 * @example computeTermStats('Xi visits Central Asia', ['Xi arrived in Central Asia.']).phrases.has('central asia')
 */
export function computeTermStats(
  title: string | null,
  sentences: readonly string[],
  tokens: TokenizedText = tokenizeText(title, sentences),
): TermStats {
  const terms: Term[] = [];
  const idsByStem = new Map<string, number>();
  const phrases = new Map<string, NamePhrase>();
  let totalWords = 0;

  // Each distinct surface form is resolved to its term once; per token there is then an array lookup
  // and a counter. Surface counts go onto the terms at the end, in first-seen order.
  const bySurface: (SurfaceCount | undefined)[] = new Array(tokens.surfaces.length);
  // Name finding reads English capitalisation, titles and connectors: other languages (German, which
  // capitalises every noun, above all) would get noun phrases passed off as names.
  const namePhrases = tokens.lexicon.code === 'en';
  const surfaceOf = (surfaceId: number): SurfaceCount => {
    let entry = bySurface[surfaceId];
    if (entry === undefined) {
      entry = { termId: termIdOfContent(tokens.surfaces[surfaceId] ?? ''), count: 0 };
      bySurface[surfaceId] = entry;
    }
    return entry;
  };
  const termIdOfContent = (token: string): number => {
    const info = wordInfo(token, tokens.lexicon);
    if (!isContentToken(token, info)) return -1;
    let id = idsByStem.get(info.stem);
    if (id === undefined) {
      id = terms.length;
      idsByStem.set(info.stem, id);
      terms.push({ id, stem: info.stem, count: 0, surfaces: new Map() });
    }
    return id;
  };

  // Every sentence's term ids go into one buffer (never more of them than tokens); each sentence then
  // gets a view of its part. A typed array per sentence cost ~20 MB more on a 20 MB document.
  const allIds = new Int32Array(tokens.ids.length);
  let idCount = 0;
  const starts = new Int32Array(sentences.length + 1);
  const perSentence = sentences.map((text, sentenceIndex) => {
    const words = sentenceIds(tokens, sentenceIndex);
    totalWords += words.length;
    starts[sentenceIndex] = idCount;
    for (const surfaceId of words) {
      const entry = surfaceOf(surfaceId);
      if (entry.termId < 0) continue;
      entry.count += 1;
      allIds[idCount] = entry.termId;
      idCount += 1;
    }
    starts[sentenceIndex + 1] = idCount;
    let phraseKeys: string[] | undefined;
    for (const surface of namePhrases ? findNamePhrases(sentenceAtomText(tokens, sentenceIndex, text)) : []) {
      const termIds: number[] = [];
      // A name's words are term pieces (findNamePhrases joins them with spaces): their tokens need no scan.
      for (const piece of surface.split(' ')) {
        const word = termToken(piece);
        if (word === '') continue;
        const surfaceId = tokens.idOf(word);
        const id = surfaceId >= 0 ? surfaceOf(surfaceId).termId : termIdOfContent(word);
        if (id >= 0) termIds.push(id);
      }
      if (termIds.length < 2) continue;
      const key = termIds.map((id) => terms[id]?.stem ?? '').join(' ');
      let phrase = phrases.get(key);
      if (phrase === undefined) {
        phrase = { key, termIds, count: 0, surfaces: new Map(), sentences: [] };
        phrases.set(key, phrase);
      }
      phrase.count += 1;
      bump(phrase.surfaces, surface);
      if (phrase.sentences.at(-1) !== sentenceIndex) phrase.sentences.push(sentenceIndex);
      phraseKeys ??= [];
      phraseKeys.push(key);
    }
    return { wordCount: words.length, phraseKeys: phraseKeys ?? NO_PHRASES };
  });
  const sentenceTerms: SentenceTerms[] = perSentence.map((sentence, index) => ({
    termIds: allIds.subarray(starts[index] ?? 0, starts[index + 1] ?? 0),
    ...sentence,
  }));

  bySurface.forEach((entry, surfaceId) => {
    const term = entry === undefined ? undefined : terms[entry.termId];
    if (entry === undefined || term === undefined || entry.count === 0) return;
    term.count += entry.count;
    term.surfaces.set(tokens.surfaces[surfaceId] ?? '', entry.count);
  });

  const titleTermIds = new Set<number>();
  for (const surfaceId of titleIds(tokens) ?? EMPTY) {
    const token = tokens.surfaces[surfaceId] ?? '';
    const info = wordInfo(token, tokens.lexicon);
    if (!isContentToken(token, info)) continue;
    const id = idsByStem.get(info.stem);
    if (id !== undefined) titleTermIds.add(id);
  }

  return {
    terms,
    sentences: sentenceTerms,
    phrases,
    titleTermIds,
    totalWords,
    weight(termId: number): number {
      const count = terms[termId]?.count ?? 0;
      return count === 0 ? 0 : 1 + Math.log(count);
    },
  };
}
