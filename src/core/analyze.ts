import { type Analysis, GENERATOR, SCHEMA_VERSION, type Stats } from './analysis.js';
import type { ArticleDocument } from './document.js';
import { extractKeywords } from './keywords.js';
import { detectSampleLanguage, type LanguageSample } from './language/detect.js';
import { toolsFor } from './language/tools.js';
import { bundledModel } from './model/bundled-model.js';
import { type Model, withLexicon, withTaxonomy } from './model/model.js';
import { type ReadOptions, readText } from './read/read-document.js';
import { readFile } from './read/read-file.js';
import { type SummaryOptions, selectSummary } from './summary/summarize.js';
import { tagEntities } from './tags/entities/tag-entities.js';
import { tagPlaces } from './tags/places.js';
import type { TaggableText } from './tags/tag.js';
import type { Taxonomy } from './tags/taxonomy.js';
import { tagTopics } from './tags/topics.js';
import { computeTermStats } from './terms/term-stats.js';
import type { AtomRange } from './text/atoms.js';
import { cutLength } from './text/chars.js';
import { type Lexicon, sentenceAtoms, type TokenizedText, titleAtoms, tokenizeText } from './text/words.js';

export interface AnalyzeOptions extends SummaryOptions {
  /** Lexicon, taxonomy, gazetteer and entity lexicon: {@link bundledModel} (loaded once) by default. */
  readonly model?: Model;
  /** Topic taxonomy in place of the model's (a user's taxonomy file, compiled once per version). */
  readonly taxonomy?: Taxonomy;
  /** How many keywords to report. */
  readonly keywords?: number;
  /** The language's stemmer and stop words in place of the model's (English). */
  readonly lexicon?: Lexicon;
  /** What the output's `language` says: the detected code (`und` when undetermined); the lexicon's by default. */
  readonly language?: string;
}

export type AnalyzeArticleOptions = ReadOptions & AnalyzeOptions;

// A place, region or organisation must be named twice (a title mention counts three times) to be a
// tag: on the eval corpus one passing mention tagged 40 countries for 22 expected (precision 0.55);
// two mentions tag 24 (precision 0.88, recall 0.95).
export const PLACE_OPTIONS = Object.freeze({ minWeight: 2 });

// Adult silent reading speed for non-fiction, in words per minute.
const READING_WORDS_PER_MINUTE = 238;

/**
 * Analyses a document that has been read: extractive summary, keywords, topic and place tags, stats.
 * Deterministic: the same document and options give the same result, with no timestamps.
 * @example analyzeDocument(readText('Title\n\nFirst sentence. Second one.')).summary.sentences
 */
export function analyzeDocument(doc: ArticleDocument, options: AnalyzeOptions = {}): Analysis {
  const texts = sentenceTexts(doc);
  return analyzeTokens(doc, texts, tokenizeText(doc.title, texts), options);
}

/**
 * {@link analyzeDocument} for a document whose sentence texts and tokens are made already (by
 * {@link analyzeInItsLanguage}).
 */
function analyzeTokens(
  doc: ArticleDocument,
  texts: readonly string[],
  read: TokenizedText,
  options: AnalyzeOptions,
): Analysis {
  const base = options.model ?? bundledModel();
  const model = withTaxonomy(
    withLexicon(base, options.lexicon ?? base.lexicon),
    options.taxonomy ?? base.taxonomy,
  );
  const { lexicon } = model;
  // The tokens are the same in any language; what they are stemmed and filtered in is the lexicon's.
  const tokens = read.lexicon === lexicon ? read : { ...read, lexicon };
  const stats = computeTermStats(doc.title, texts, tokens);
  const chosen = selectSummary(stats, texts, options);
  const summarySentences = chosen.map(({ index, score }) => ({ index, text: texts[index] ?? '', score }));
  const taggable = taggableText(doc, tokens, texts);

  return {
    schemaVersion: SCHEMA_VERSION,
    status: 'ok',
    title: doc.title,
    byline: doc.byline,
    published: doc.published,
    dateline: doc.dateline ?? null,
    language: options.language ?? lexicon.code,
    format: doc.format,
    encoding: doc.encoding,
    summary: { text: summarySentences.map((s) => s.text).join(' '), sentences: summarySentences },
    keywords: extractKeywords(stats, model, {
      tokens,
      ...(options.keywords === undefined ? {} : { limit: options.keywords }),
    }),
    tags: [
      // The taxonomy's terms are English words with English stems: other languages get place tags only.
      ...(lexicon.code === 'en' ? tagTopics(taggable, model) : []),
      // Organisations come from the entity stage, which reads the same gazetteer and merges its names.
      ...tagPlaces(taggable, model, PLACE_OPTIONS).filter((tag) => tag.kind !== 'organization'),
      // People and organisations are found by English cues (titles, "said", suffixes): English only.
      ...(lexicon.code === 'en' ? tagEntities(taggable, model) : []),
    ],
    stats: documentStats(doc, stats.totalWords),
    generator: GENERATOR,
  };
}

/**
 * Reads any accepted file (text, Markdown, HTML, JSON, Word or PDF), detects its language and
 * analyses it with that language's stemmer and stop words. Word and PDF readers and non-English
 * languages are loaded on first use, hence the promise. Throws a `LedeError` for bad input, including
 * `UnsupportedLanguageError` for text in a language lede has no tools for.
 * @example const analysis = await analyzeFile(bytes, { filename: 'story.txt' });
 */
export async function analyzeFile(bytes: Uint8Array, options: AnalyzeArticleOptions = {}): Promise<Analysis> {
  return analyzeInItsLanguage(await readFile(bytes, options), options);
}

/** {@link analyzeFile} for text already in memory. */
export async function analyzeText(text: string, options: AnalyzeArticleOptions = {}): Promise<Analysis> {
  return analyzeInItsLanguage(await readText(text, options), options);
}

/** Detects a read document's language (see {@link documentLanguage}) and analyses it in that language. */
export async function analyzeInItsLanguage(
  doc: ArticleDocument,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  // Tokenised once: detection reads the start of the same atoms the analysis reads.
  const texts = sentenceTexts(doc);
  const tokens = tokenizeText(doc.title, texts);
  const language = await documentLanguage(doc, options.model ?? bundledModel(), tokens);
  return analyzeTokens(doc, texts, tokens, { ...options, ...language });
}

// Detection reads at most this much of the document: enough to call any article, the same cost for all.
const LANGUAGE_SAMPLE_CHARS = 20_000;

/**
 * The document's language and the lexicon to analyse it with, from its title and first sentences (at
 * most 20,000 characters, a line break counted between two) as atoms of `tokens`, the document's
 * tokens when the caller has them (only the sample is tokenised otherwise). Text too short or too
 * mixed to call is `und` and analysed as English; a language detected but without a stemmer and stop
 * words is refused with `UnsupportedLanguageError`, rather than summarised with English tools. The
 * texts are read as the readers leave them, in NFC.
 */
export async function documentLanguage(
  doc: ArticleDocument,
  model: Pick<Model, 'lexicon' | 'languages'> = bundledModel(),
  tokens?: TokenizedText,
): Promise<{ language: string; lexicon: Lexicon }> {
  const sentences = languageSentences(doc);
  const sample = languageSample(doc.title, sentences, tokens ?? tokenizeText(doc.title, sentences));
  const guess = detectSampleLanguage(sample, model.languages);
  if (guess.code === 'en' || guess.code === 'und') return { language: guess.code, lexicon: model.lexicon };
  return { language: guess.code, lexicon: await toolsFor(guess) };
}

/** The sentences detection reads: those that start within its sample. */
function languageSentences(doc: ArticleDocument): string[] {
  const sentences: string[] = [];
  let used = doc.title?.length ?? 0;
  for (const sentence of doc.sentences) {
    if (used >= LANGUAGE_SAMPLE_CHARS) break;
    sentences.push(sentence.text);
    used += 1 + sentence.text.length;
  }
  return sentences;
}

/** The title, then the sentences (the first of the document's), cut at {@link LANGUAGE_SAMPLE_CHARS}. */
function languageSample(
  title: string | null,
  sentences: readonly string[],
  tokens: TokenizedText,
): LanguageSample {
  const texts: string[] = [];
  const ranges: AtomRange[] = [];
  const lengths: number[] = [];
  let used = 0;
  const take = (text: string, range: AtomRange): void => {
    const length = cutLength(text, LANGUAGE_SAMPLE_CHARS - used);
    let { to } = range;
    while (to > range.from && (tokens.atoms.starts[to - 1] ?? 0) >= length) to -= 1;
    texts.push(text);
    ranges.push({ from: range.from, to });
    lengths.push(length);
    used += length;
  };
  take(title ?? '', titleAtoms(tokens));
  sentences.forEach((sentence, index) => {
    used += 1;
    take(sentence, sentenceAtoms(tokens, index));
  });
  return { texts, atoms: tokens.atoms, ranges, lengths };
}

function sentenceTexts(doc: ArticleDocument): string[] {
  return doc.sentences.map((s) => s.text);
}

/** What the taggers read of a document: its title, sentences, tokens, dateline and lead length. */
export function taggableText(
  doc: ArticleDocument,
  tokens: TokenizedText,
  sentences: readonly string[] = doc.sentences.map((s) => s.text),
): TaggableText {
  const firstParagraph = doc.sentences[0]?.paragraph;
  return {
    title: doc.title,
    sentences,
    tokens,
    dateline: doc.dateline ?? null,
    leadSentences: doc.sentences.filter((s) => s.paragraph === firstParagraph).length,
  };
}

function documentStats(doc: ArticleDocument, words: number): Stats {
  return {
    characters: doc.paragraphs.reduce((sum, p) => sum + p.length, 0),
    words,
    sentences: doc.sentences.length,
    paragraphs: doc.paragraphs.length,
    readingTimeMinutes: Math.max(1, Math.ceil(words / READING_WORDS_PER_MINUTE)),
  };
}
