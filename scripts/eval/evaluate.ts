import type { Analysis } from '../../src/core/analysis.js';
import { analyzeFile } from '../../src/core/analyze.js';
import type { TagKind } from '../../src/core/tags/tag.js';
import { tokenize } from '../../src/core/text/words.js';
import { leadBaseline, termFrequencyBaseline } from './baselines.js';
import type { SentenceReader, SentenceSource } from './body-sentences.js';
import type { CorpusArticle } from './corpus.js';
import { meanRouge, type RougeScores, rouge } from './rouge.js';
import { type TagMetrics, tagMetrics } from './tag-metrics.js';

/** The summarisers compared, all at the length lede chose for each article. */
export const SYSTEMS = ['lede', 'Lead-N', 'TF baseline'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export const EVALUATED_TAG_KINDS = ['topic', 'country', 'region'] as const satisfies readonly TagKind[];
type EvaluatedKind = (typeof EVALUATED_TAG_KINDS)[number];

export interface SentencePicks {
  /** Share of the system's sentences that are among the editor's picks. */
  readonly precision: number;
  /** Share of the editor's picks that the system chose. */
  readonly recall: number;
}

export interface SystemResult {
  readonly system: SystemName;
  readonly meanSentences: number;
  readonly abstractive: RougeScores;
  readonly extractive: RougeScores;
  readonly picks: SentencePicks;
}

export interface TagResult {
  readonly kind: EvaluatedKind;
  readonly metrics: TagMetrics;
  readonly expectedCount: number;
  readonly predictedCount: number;
}

export interface ArticleResult {
  readonly slug: string;
  readonly words: number;
  readonly bodySentences: number;
  readonly summaries: Readonly<Record<SystemName, readonly string[]>>;
  readonly abstractiveRouge1F1: Readonly<Record<SystemName, number>>;
  readonly tags: Readonly<
    Record<EvaluatedKind, { expected: readonly string[]; predicted: readonly string[] }>
  >;
  readonly mustNotViolations: readonly string[];
}

export interface EvalResults {
  readonly corpus: {
    readonly articles: number;
    readonly words: number;
    readonly sentenceSource: SentenceSource;
  };
  readonly stemmed: boolean;
  readonly systems: readonly SystemResult[];
  readonly tags: readonly TagResult[];
  readonly mustNotViolations: readonly { readonly slug: string; readonly topic: string }[];
  readonly articles: readonly ArticleResult[];
}

/** Whitespace, Unicode form and quote style differ between readers; the sentence does not. */
export function sameSentenceKey(sentence: string): string {
  return sentence.normalize('NFC').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

function sentencePicks(chosen: readonly string[], editorPicks: readonly string[]): SentencePicks {
  const picks = new Set(editorPicks.map(sameSentenceKey));
  const hits = chosen.filter((s) => picks.has(sameSentenceKey(s))).length;
  return {
    precision: chosen.length === 0 ? 0 : hits / chosen.length,
    recall: picks.size === 0 ? 0 : hits / picks.size,
  };
}

function tagNames(analysis: Analysis, kind: EvaluatedKind): string[] {
  return analysis.tags.filter((tag) => tag.kind === kind).map((tag) => tag.name);
}

function expectedTags(article: CorpusArticle, kind: EvaluatedKind): readonly string[] {
  const { reference } = article;
  if (kind === 'topic') return reference.topics;
  if (kind === 'country') return reference.countries;
  return reference.regions;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Runs lede and the baselines over the corpus and scores summaries (ROUGE against both references) and
 * tags (against the expected topics, countries and regions).
 * @example const results = await evaluateCorpus(loadCorpus(), reader)
 */
export async function evaluateCorpus(
  corpus: readonly CorpusArticle[],
  reader: { read: SentenceReader; source: SentenceSource },
  options: { stem: boolean } = { stem: true },
): Promise<EvalResults> {
  const articles: ArticleResult[] = [];
  const scores: Record<
    SystemName,
    { abstractive: RougeScores[]; extractive: RougeScores[]; picks: SentencePicks[] }
  > = {
    lede: { abstractive: [], extractive: [], picks: [] },
    'Lead-N': { abstractive: [], extractive: [], picks: [] },
    'TF baseline': { abstractive: [], extractive: [], picks: [] },
  };
  const mustNotViolations: { slug: string; topic: string }[] = [];

  for (const article of corpus) {
    const analysis = await analyzeFile(article.bytes, { filename: article.filename });
    const body = await reader.read(article.bytes, article.filename);
    const ledeSentences = analysis.summary.sentences.map((s) => s.text);
    const n = ledeSentences.length;
    const summaries: Record<SystemName, readonly string[]> = {
      lede: ledeSentences,
      'Lead-N': leadBaseline(body, n),
      'TF baseline': termFrequencyBaseline(body, n),
    };
    const extractiveReference = article.reference.summaryExtractive.join(' ');
    const abstractiveRouge1F1 = { lede: 0, 'Lead-N': 0, 'TF baseline': 0 };
    for (const system of SYSTEMS) {
      const text = summaries[system].join(' ');
      const abstractive = rouge(text, article.reference.summary, options);
      scores[system].abstractive.push(abstractive);
      scores[system].extractive.push(rouge(text, extractiveReference, options));
      scores[system].picks.push(sentencePicks(summaries[system], article.reference.summaryExtractive));
      abstractiveRouge1F1[system] = abstractive.rouge1.f1;
    }

    const predictedTopics = new Set(tagNames(analysis, 'topic').map((t) => t.toLowerCase()));
    const violations = article.reference.mustNotTopics.filter((t) => predictedTopics.has(t));
    for (const topic of violations) mustNotViolations.push({ slug: article.slug, topic });

    articles.push({
      slug: article.slug,
      words: tokenize(article.text).length,
      bodySentences: body.length,
      summaries,
      abstractiveRouge1F1,
      tags: {
        topic: { expected: expectedTags(article, 'topic'), predicted: tagNames(analysis, 'topic') },
        country: { expected: expectedTags(article, 'country'), predicted: tagNames(analysis, 'country') },
        region: { expected: expectedTags(article, 'region'), predicted: tagNames(analysis, 'region') },
      },
      mustNotViolations: violations,
    });
  }

  const systems = SYSTEMS.map((system) => ({
    system,
    meanSentences: mean(articles.map((a) => a.summaries[system].length)),
    abstractive: meanRouge(scores[system].abstractive),
    extractive: meanRouge(scores[system].extractive),
    picks: {
      precision: mean(scores[system].picks.map((p) => p.precision)),
      recall: mean(scores[system].picks.map((p) => p.recall)),
    },
  }));

  const tags = EVALUATED_TAG_KINDS.map((kind) => {
    const labelled = articles.map((a) => a.tags[kind]);
    return {
      kind,
      metrics: tagMetrics(labelled),
      expectedCount: labelled.reduce((sum, l) => sum + l.expected.length, 0),
      predictedCount: labelled.reduce((sum, l) => sum + l.predicted.length, 0),
    };
  });

  return {
    corpus: {
      articles: articles.length,
      words: articles.reduce((sum, a) => sum + a.words, 0),
      sentenceSource: reader.source,
    },
    stemmed: options.stem,
    systems,
    tags,
    mustNotViolations,
    articles,
  };
}
