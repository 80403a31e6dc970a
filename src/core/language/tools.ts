import { UnsupportedLanguageError } from '../../errors.js';
import { ELISIONS } from './data/elisions.js';
import { LANGUAGE_NAMES } from './data/languages.js';
import { GERMAN_STOP_WORDS, NEWS_STOP_WORDS } from './data/stop-words.js';
import type { LanguageGuess } from './detect.js';

/**
 * Languages lede has a stemmer and a stop list for (natural's, plus lede's German list). Indonesian is
 * left out although natural has both: its stemmer relies on sloppy-mode `this` and throws once esbuild
 * bundles it as (strict) ESM, which is how lede deploys; its dictionary would also add ~290 KB.
 */
export const SUPPORTED_LANGUAGES = [
  'de',
  'en',
  'es',
  'fr',
  'it',
  'nl',
  'no',
  'pt',
  'ru',
  'sv',
  'uk',
] as const;

export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** What term-frequency analysis needs from a language. */
export interface LanguageTools {
  readonly code: SupportedLanguage;
  readonly name: string;
  /**
   * Stem of a lower-case token, memoised; French and Italian elisions are dropped first ("l'état"
   * stems as "état").
   * @example (await loadLanguageTools('es'))?.stem('informaciones') // 'inform'
   */
  stem(lower: string): string;
  /** True for function words and news fillers ("qu'il" too); expects a lower-case token. */
  isStopWord(lower: string): boolean;
}

interface Stemmer {
  stem(token: string): string;
}

interface Parts {
  readonly stemmer: Stemmer;
  readonly stopWords: readonly string[];
}

// Every language is a dynamic import of natural's single-file modules, so a text pays only for its own
// language's stemmer (German's also drags in a 300 KB multi-language stop-word JSON that natural's
// German stemmer requires). esbuild bundles literal dynamic imports: in one bundle file, as lede
// deploys today, their code is parsed at cold start but runs on first use; with code splitting each
// language becomes a chunk read only when asked for. Never import natural's index: see STACK.md.
const LOADERS: Readonly<Record<SupportedLanguage, () => Promise<Parts>>> = {
  de: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_de.js')).default,
    stopWords: GERMAN_STOP_WORDS.split(' '),
  }),
  en: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords.js')).default.words,
  }),
  es: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_es.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_es.js')).default.words,
  }),
  fr: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_fr.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_fr.js')).default.words,
  }),
  it: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_it.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_it.js')).default.words,
  }),
  nl: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_nl.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_nl.js')).default.words,
  }),
  no: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_no.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_no.js')).default.words,
  }),
  pt: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_pt.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_pt.js')).default.words,
  }),
  ru: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_ru.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_ru.js')).default.words,
  }),
  sv: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_sv.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_sv.js')).default.words,
  }),
  uk: async () => ({
    stemmer: (await import('natural/lib/natural/stemmers/porter_stemmer_uk.js')).default,
    stopWords: (await import('natural/lib/natural/util/stopwords_uk.js')).default.words,
  }),
};

/** True when lede can summarise text in this language. */
export function isSupportedLanguage(code: string): code is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

// Bounded like src/core/text/words.ts: news vocabulary is small, so stemming becomes a map lookup.
const STEM_CACHE_LIMIT = 50_000;

function buildTools(code: SupportedLanguage, parts: Parts): LanguageTools {
  const stopWords: ReadonlySet<string> = new Set([...parts.stopWords, ...NEWS_STOP_WORDS[code].split(' ')]);
  const elision = ELISIONS[code];
  const withoutElision = (lower: string): string =>
    elision === undefined ? lower : lower.replace(elision, '');
  const cache = new Map<string, string>();
  const { stemmer } = parts;
  return Object.freeze({
    code,
    name: LANGUAGE_NAMES[code],
    stem(lower: string): string {
      const cached = cache.get(lower);
      if (cached !== undefined) return cached;
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      const word = withoutElision(lower);
      // Some of natural's stemmers read `this`: call as a method. A stem that comes out empty
      // (a one-letter token stripped of its ending) would merge unrelated words: keep the word.
      const stem = stemmer.stem(word) || word;
      cache.set(lower, stem);
      return stem;
    },
    isStopWord(lower: string): boolean {
      return stopWords.has(lower) || (elision !== undefined && stopWords.has(withoutElision(lower)));
    },
  });
}

const loaded = new Map<SupportedLanguage, Promise<LanguageTools>>();

/**
 * A supported language's stemmer and stop words, loaded on first request and kept; `undefined` for
 * any other code (detected-but-unsupported languages, `und`).
 * @example const es = await loadLanguageTools('es'); es?.isStopWord('según') // true
 */
export function loadLanguageTools(code: string): Promise<LanguageTools | undefined> {
  if (!isSupportedLanguage(code)) return Promise.resolve(undefined);
  let tools = loaded.get(code);
  if (tools === undefined) {
    tools = LOADERS[code]().then((parts) => buildTools(code, parts));
    // A failed load (a broken bundle) must not be cached for the life of the container.
    tools.catch(() => loaded.delete(code));
    loaded.set(code, tools);
  }
  return tools;
}

export interface ToolsForOptions {
  /** Tools used when no language could be determined. English by default. */
  readonly fallback?: SupportedLanguage;
}

/**
 * The tools for a detected language; the fallback's (English by default) when the language is
 * undetermined. Throws {@link UnsupportedLanguageError} naming the language when it was detected but
 * lede has no stemmer and stop words for it.
 * @example const tools = await toolsFor(detectLanguage(text)); // throws for Turkish text
 */
export async function toolsFor(guess: LanguageGuess, options: ToolsForOptions = {}): Promise<LanguageTools> {
  const code = guess.code === 'und' ? (options.fallback ?? 'en') : guess.code;
  const tools = await loadLanguageTools(code);
  if (tools !== undefined) return tools;
  throw new UnsupportedLanguageError(
    { code: guess.code, name: guess.name },
    SUPPORTED_LANGUAGES.map((c) => LANGUAGE_NAMES[c]),
  );
}
