import type { Prf } from './rouge.js';
import { prf } from './rouge.js';

/** Expected and predicted labels of one article, for one tag kind. */
export interface LabelledArticle {
  readonly expected: readonly string[];
  readonly predicted: readonly string[];
}

export interface TagMetrics {
  /** Pooled counts over all articles. */
  readonly micro: Prf;
  /** Mean over labels (every label expected or predicted anywhere) of each label's scores. */
  readonly macro: Prf;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

// Names are compared case-insensitively: "South-Eastern Asia" and "South-eastern Asia" are the same tag.
const normalise = (label: string): string => label.trim().toLowerCase();

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Micro and macro precision, recall and F1 of multi-label tagging. A label never predicted has precision
 * 0 and one never expected has recall 0 (scikit-learn's `zero_division=0`), so spurious labels cost
 * macro scores.
 * @example tagMetrics([{ expected: ['sport'], predicted: ['sport', 'crime'] }]).micro.precision // 0.5
 */
export function tagMetrics(articles: readonly LabelledArticle[]): TagMetrics {
  const perLabel = new Map<string, Counts>();
  const countsFor = (label: string): Counts => {
    const existing = perLabel.get(label);
    if (existing !== undefined) return existing;
    const fresh = { tp: 0, fp: 0, fn: 0 };
    perLabel.set(label, fresh);
    return fresh;
  };
  for (const { expected, predicted } of articles) {
    const gold = new Set(expected.map(normalise));
    const guess = new Set(predicted.map(normalise));
    for (const label of guess) {
      if (gold.has(label)) countsFor(label).tp++;
      else countsFor(label).fp++;
    }
    for (const label of gold) if (!guess.has(label)) countsFor(label).fn++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const labelScores: Prf[] = [];
  for (const counts of perLabel.values()) {
    tp += counts.tp;
    fp += counts.fp;
    fn += counts.fn;
    labelScores.push(prf(counts.tp, counts.tp + counts.fp, counts.tp + counts.fn));
  }
  const mean = (field: keyof Prf): number =>
    labelScores.length === 0 ? 0 : labelScores.reduce((sum, s) => sum + s[field], 0) / labelScores.length;
  return {
    micro: prf(tp, tp + fp, tp + fn),
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}
