import { documentLanguage } from '../../src/core/analyze.js';
import type { ArticleDocument } from '../../src/core/document.js';
import { readDocument } from '../../src/core/read/read-document.js';
import {
  DEFAULT_SUMMARY_WORDS,
  SUMMARY_MODEL,
  type SummaryModel,
  selectSummary,
} from '../../src/core/summary/summarize.js';
import { computeTermStats } from '../../src/core/terms/term-stats.js';
import { tokenize, tokenizeText } from '../../src/core/text/words.js';
import { loadNodeSummary } from '../bench/peer.js';
import { termFrequencyOrder, withinWordBudget } from './baselines.js';
import type { DevCorpus } from './dev-corpus.js';
import { meanRouge, type RougeScores, rouge } from './rouge.js';
import { textRankOrder } from './textrank.js';

/** The summarisers compared on the development corpora. */
export const DEV_SYSTEMS = ['lede', 'Lead-3', 'TF baseline', 'TextRank', 'node-summary'] as const;
export type DevSystem = (typeof DEV_SYSTEMS)[number];

/** How long every system's summary may be: a sentence count, or a word budget (at most 10 sentences). */
export type LengthSetting = { readonly sentences: number } | { readonly words: number };

export interface DevSystemScore {
  readonly system: DevSystem;
  readonly rouge: RougeScores;
  readonly meanWords: number;
  readonly meanSentences: number;
}

export interface DevSummarySetting {
  readonly length: LengthSetting;
  readonly reference: 'highlights' | 'extractive reference';
  readonly systems: readonly DevSystemScore[];
}

export interface DevSummaryResult {
  readonly corpus: string;
  readonly kind: DevCorpus['kind'];
  readonly stories: number;
  readonly settings: readonly DevSummarySetting[];
}

export interface DevSummaryOptions {
  /** The word budget of the budget setting (CNN/DM). */
  readonly words?: number;
  /** lede's scoring model, for fitting; the product's by default. */
  readonly model?: SummaryModel;
  /** Leave node-summary out (it is the slowest system; the fitting script does). */
  readonly skipPeer?: boolean;
}

// With a word budget a system may take more sentences than three, but never more than this.
const BUDGET_MAX_SENTENCES = 10;

interface PeerRanking {
  getSortedSentences(
    content: string,
    n: number,
    callback: (err: Error | null, sentences?: string[]) => void,
    dict?: Record<string, number>,
  ): void;
  summarize(
    title: string,
    content: string,
    callback: (err: boolean, summary: string, dict: Record<string, number>) => void,
  ): void;
}

function isPeerRanking(value: unknown): value is PeerRanking {
  return typeof value === 'object' && value !== null && 'getSortedSentences' in value && 'summarize' in value;
}

/**
 * node-summary's ranking, best first, over its own sentence split of the same body: its public
 * `getSortedSentences(content, n)` returns its top n in document order, so the k-th best is the one
 * that joins at n = k (its sentence scores are computed once and passed back in).
 */
function peerRanking(
  peer: PeerRanking,
  title: string,
  sentences: readonly string[],
  depth: number,
): string[] {
  const content = sentences.join(' ');
  let dict: Record<string, number> = {};
  peer.summarize(title, content, (_err, _summary, scores) => {
    dict = scores;
  });
  const order: string[] = [];
  let previous = new Set<string>();
  for (let n = 1; n <= depth; n += 1) {
    let top: string[] = [];
    peer.getSortedSentences(
      content,
      n,
      (_err, picked) => {
        top = Array.isArray(picked) ? picked : [];
      },
      dict,
    );
    const added = top.filter((s) => !previous.has(s));
    if (added.length === 0) break;
    order.push(...added);
    previous = new Set(top);
  }
  return order;
}

const wordsIn = (text: string): number => tokenize(text).length;

interface Picks {
  readonly texts: readonly string[];
}

/** A ranking cut to a length setting, by the shared rule; returned in document order. */
function cut(sentences: readonly string[], ranking: readonly number[], length: LengthSetting): Picks {
  const chosen =
    'sentences' in length
      ? ranking.slice(0, length.sentences).sort((a, b) => a - b)
      : withinWordBudget(ranking, sentences.map(wordsIn), length.words, BUDGET_MAX_SENTENCES);
  return { texts: chosen.map((i) => sentences[i] ?? '') };
}

/** The peer's sentences are its own split: cut them by the same rule, in its document order. */
function cutPeer(order: readonly string[], all: readonly string[], length: LengthSetting): Picks {
  const ranking = order.map((_, i) => i);
  const words = order.map(wordsIn);
  const chosen =
    'sentences' in length
      ? ranking.slice(0, length.sentences)
      : withinWordBudget(ranking, words, length.words, BUDGET_MAX_SENTENCES);
  const picked = new Set(chosen.map((i) => order[i] ?? ''));
  return { texts: all.filter((s) => picked.has(s)) };
}

// lede's summary exactly as analyzeDocument builds it (same language tools, term stats and selection),
// with the scoring model passed in so the fitting script can vary it.
async function ledePicks(
  doc: ArticleDocument,
  title: string | null,
  length: LengthSetting,
  model: SummaryModel,
): Promise<Picks> {
  const options =
    'sentences' in length
      ? { sentences: length.sentences }
      : { words: length.words, sentences: BUDGET_MAX_SENTENCES };
  const texts = doc.sentences.map((s) => s.text);
  const { lexicon } = await documentLanguage(doc);
  const stats = computeTermStats(title, texts, tokenizeText(title, texts, lexicon));
  return { texts: selectSummary(stats, texts, options, model).map((s) => texts[s.index] ?? '') };
}

/**
 * Scores lede and the baselines on a development corpus: CNN/DailyMail against the journalists'
 * highlights at three sentences and at the word budget; BBC against its extractive reference at three
 * sentences. Every system reads the same sentences (lede's document reader, dateline and furniture
 * removed) and is cut to length by the same rule.
 * @example const result = await evaluateDevSummary(loadDevCorpus('/work/shared/dev/cnndm'))
 */
export async function evaluateDevSummary(
  corpus: DevCorpus,
  options: DevSummaryOptions = {},
): Promise<DevSummaryResult> {
  const words = options.words ?? DEFAULT_SUMMARY_WORDS;
  const lengths: LengthSetting[] =
    corpus.kind === 'cnndm' ? [{ sentences: 3 }, { words }] : [{ sentences: 3 }];
  const loaded = options.skipPeer === true ? undefined : loadNodeSummary();
  const peer = isPeerRanking(loaded) ? loaded : undefined;
  const systems = options.skipPeer === true ? DEV_SYSTEMS.filter((s) => s !== 'node-summary') : DEV_SYSTEMS;
  const scores = lengths.map(
    () => new Map<DevSystem, { rouge: RougeScores[]; words: number[]; count: number[] }>(),
  );

  for (const story of corpus.stories) {
    const doc = await readDocument(story.bytes, { filename: story.filename });
    const sentences = doc.sentences.map((s) => s.text);
    // A title rebuilt from the URL slug is not a headline: lede and node-summary read the story without it.
    const title = story.headline ? doc.title : null;
    const reference = 'highlights' in story ? story.highlights.join(' ') : story.reference.join(' ');
    const rankings: Partial<Record<DevSystem, readonly number[]>> = {
      'Lead-3': sentences.map((_, i) => i),
      'TF baseline': termFrequencyOrder(sentences),
      TextRank: textRankOrder(sentences),
    };
    const peerOrder =
      peer === undefined ? [] : peerRanking(peer, title ?? '', sentences, BUDGET_MAX_SENTENCES);
    const peerAll = peerOrder.length === 0 ? [] : peerSentencesInOrder(peer, sentences, peerOrder);
    for (const [at, length] of lengths.entries()) {
      for (const system of systems) {
        const ranking = rankings[system];
        const picks =
          system === 'lede'
            ? await ledePicks(doc, title, length, options.model ?? SUMMARY_MODEL)
            : system === 'node-summary'
              ? cutPeer(peerOrder, peerAll, length)
              : cut(sentences, ranking ?? [], length);
        const text = picks.texts.join(' ');
        const bucket = scores[at]?.get(system) ?? { rouge: [], words: [], count: [] };
        bucket.rouge.push(rouge(text, reference, { stem: true }));
        bucket.words.push(wordsIn(text));
        bucket.count.push(picks.texts.length);
        scores[at]?.set(system, bucket);
      }
    }
  }

  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return {
    corpus: corpus.name,
    kind: corpus.kind,
    stories: corpus.stories.length,
    settings: lengths.map((length, at) => ({
      length,
      reference: corpus.kind === 'cnndm' ? 'highlights' : 'extractive reference',
      systems: systems.map((system) => {
        const bucket = scores[at]?.get(system) ?? { rouge: [], words: [], count: [] };
        return {
          system,
          rouge: meanRouge(bucket.rouge),
          meanWords: mean(bucket.words),
          meanSentences: mean(bucket.count),
        };
      }),
    })),
  };
}

/** The peer's whole sentence split in document order, to put its picks back in order. */
function peerSentencesInOrder(
  peer: PeerRanking | undefined,
  sentences: readonly string[],
  fallback: string[],
): string[] {
  if (peer === undefined) return fallback;
  let all: string[] = fallback;
  peer.getSortedSentences(sentences.join(' '), 0, (_err, picked) => {
    if (Array.isArray(picked)) all = picked;
  });
  return all;
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number) => value.toFixed(3).padStart(6);

/** The tables for one corpus, one per length setting. */
export function formatDevSummary(result: DevSummaryResult): string {
  const lines: string[] = [];
  for (const setting of result.settings) {
    const length =
      'sentences' in setting.length
        ? `${setting.length.sentences} sentences`
        : `${setting.length.words}-word budget`;
    lines.push(
      `Summaries on ${result.corpus} (${result.stories} stories), ${length}, ROUGE F1 against the ${setting.reference} (stemmed):`,
    );
    lines.push(
      `  ${pad('system', 14)}${'R-1'.padStart(6)} ${'R-2'.padStart(6)} ${'R-L'.padStart(6)} ${'words'.padStart(6)} ${'sents'.padStart(6)}`,
    );
    for (const s of setting.systems) {
      lines.push(
        `  ${pad(s.system, 14)}${num(s.rouge.rouge1.f1)} ${num(s.rouge.rouge2.f1)} ${num(s.rouge.rougeL.f1)} ${s.meanWords.toFixed(1).padStart(6)} ${s.meanSentences.toFixed(2).padStart(6)}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
