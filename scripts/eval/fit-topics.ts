// Fits the topic model's data on a desk-labelled corpus (the BBC dev stories), on the fitting half
// (even ids) only, and prints how it does on both halves:
//   --weights  term weights (src/core/tags/data/fitted-weights.ts) from each term's desk share;
//   --write    the score calibration (src/core/tags/data/topic-calibration.ts): a logistic regression
//              from each candidate topic's features to "this topic belongs to the story's desk", over
//              the candidates whose topic maps to a desk.
// Refit in that order after changing the taxonomy, then format the two files (npx biome check --write).
// Usage: npx tsx scripts/eval/fit-topics.ts /work/shared/dev/bbc [--weights | --write]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledModel } from '../../src/core/model/bundled-model.js';
import { readText } from '../../src/core/read/read-document.js';
import { handWrittenTaxonomy } from '../../src/core/tags/data/taxonomy.js';
import { topicCalibration } from '../../src/core/tags/data/topic-calibration.js';
import { toUnits } from '../../src/core/tags/taxonomy.js';
import {
  calibratedScore,
  candidateFeatures,
  matchEntries,
  type TopicCandidate,
  topicCandidates,
} from '../../src/core/tags/topics.js';
import { ALLOWED_OVERLAPS, DESK_OF_TOPIC, loadDeskCorpus } from './dev-topics.js';

const model = bundledModel();

interface Example {
  readonly x: number[];
  readonly y: 0 | 1;
  readonly half: 'fit' | 'held-out';
  readonly c: TopicCandidate;
}

function deskOfCandidate(c: TopicCandidate): string | undefined {
  const topic = model.taxonomy.topics[c.topic];
  return DESK_OF_TOPIC[c.name] ?? (topic?.parent === undefined ? undefined : DESK_OF_TOPIC[topic.parent]);
}

async function examples(dir: string): Promise<Example[]> {
  const out: Example[] = [];
  for (const story of loadDeskCorpus(dir)) {
    const doc = await readText(story.text, { filename: `${story.id}.txt` });
    const candidates = topicCandidates(
      { title: doc.title, sentences: doc.sentences.map((s) => s.text) },
      model.taxonomy,
    );
    for (const c of candidates) {
      const desk = deskOfCandidate(c);
      if (desk === undefined) continue;
      if (desk !== story.desk && ALLOWED_OVERLAPS.some(([d, t]) => d === story.desk && t === c.name))
        continue;
      out.push({ x: candidateFeatures(c), y: desk === story.desk ? 1 : 0, half: story.half, c });
    }
  }
  return out;
}

/** Full-batch gradient descent with a small L2 penalty: deterministic, and plenty for six features. */
function fitLogistic(
  data: readonly Example[],
  l2 = 0.01,
  steps = 20000,
  rate = 0.5,
): { w: number[]; b: number } {
  const n = data[0]?.x.length ?? 0;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    for (const { x, y } of data) {
      let z = b;
      for (let i = 0; i < n; i++) z += (w[i] ?? 0) * (x[i] ?? 0);
      const err = 1 / (1 + Math.exp(-z)) - y;
      for (let i = 0; i < n; i++) gw[i] = (gw[i] ?? 0) + err * (x[i] ?? 0);
      gb += err;
    }
    for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) - rate * ((gw[i] ?? 0) / data.length + l2 * (w[i] ?? 0));
    b -= (rate * gb) / data.length;
  }
  return { w, b };
}

function calibrationTable(data: readonly Example[], score: (c: TopicCandidate) => number): string {
  const bins = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
  const lines = ['    score bin    candidates  mean score  observed precision'];
  let loss = 0;
  for (const e of data) {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, score(e.c)));
    loss -= e.y === 1 ? Math.log(p) : Math.log(1 - p);
  }
  for (let i = 0; i + 1 < bins.length; i++) {
    const lo = bins[i] ?? 0;
    const hi = bins[i + 1] ?? 1;
    const inBin = data.filter((e) => score(e.c) >= lo && score(e.c) < hi);
    if (inBin.length === 0) continue;
    const mean = inBin.reduce((s, e) => s + score(e.c), 0) / inBin.length;
    const observed = inBin.reduce((s, e) => s + e.y, 0) / inBin.length;
    lines.push(
      `    ${lo.toFixed(1)}-${Math.min(1, hi).toFixed(1)}    ${String(inBin.length).padStart(10)}  ${mean.toFixed(3).padStart(10)}  ${observed.toFixed(3).padStart(18)}`,
    );
  }
  lines.push(`    log loss per candidate: ${(loss / Math.max(1, data.length)).toFixed(4)}`);
  return lines.join('\n');
}

/**
 * Term weights from the data: for each term of a topic that maps to a desk, the share of the fitting
 * half's stories containing it that are of that desk (stories of an allowed overlap left out), smoothed
 * towards 0.5 with two pseudo-stories (one right, one wrong). The hand weight is scaled by that share /
 * 0.5, within [0.25, 2]: a term that mostly turns up in other desks' stories ("game" in tech) weighs
 * less, one that is nearly always right more. Terms seen in fewer than three stories keep their weight.
 */
async function fitTermWeights(dir: string): Promise<Record<string, Record<string, number>>> {
  const counts = new Map<string, { right: number; total: number }>();
  for (const story of loadDeskCorpus(dir)) {
    if (story.half !== 'fit') continue;
    const doc = await readText(story.text, { filename: `${story.id}.txt` });
    const { hits } = matchEntries(
      { title: doc.title, sentences: doc.sentences.map((s) => s.text) },
      model.taxonomy,
    );
    for (const entry of hits.keys()) {
      for (const { topic } of entry.postings) {
        const name = model.taxonomy.topics[topic]?.name ?? '';
        const parent = model.taxonomy.topics[topic]?.parent;
        const desk = DESK_OF_TOPIC[name] ?? (parent === undefined ? undefined : DESK_OF_TOPIC[parent]);
        if (desk === undefined) continue;
        if (desk !== story.desk && ALLOWED_OVERLAPS.some(([d, t]) => d === story.desk && t === name))
          continue;
        const key = `${name}\u0000${entry.key}`;
        const count = counts.get(key) ?? { right: 0, total: 0 };
        count.total++;
        if (desk === story.desk) count.right++;
        counts.set(key, count);
      }
    }
  }
  const fitted: Record<string, Record<string, number>> = {};
  for (const topic of handWrittenTaxonomy.topics) {
    for (const entry of [...topic.terms, ...topic.phrases]) {
      const key = toUnits(entry.term)
        .map((u) => u.stem)
        .join(' ');
      const count = counts.get(`${topic.name}\u0000${key}`);
      if (count === undefined || count.total < 3) continue;
      const share = (count.right + 1) / (count.total + 2);
      const scale = Math.min(2, Math.max(0.25, share / 0.5));
      const weight = Math.round(entry.weight * scale * 100) / 100;
      if (weight === entry.weight) continue;
      fitted[topic.name] ??= {};
      (fitted[topic.name] as Record<string, number>)[entry.term] = weight;
    }
  }
  return fitted;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: fit-topics.ts CORPUS_DIR [--weights | --write]');
  if (process.argv.includes('--weights')) {
    const fitted = await fitTermWeights(dir);
    const path = fileURLToPath(new URL('../../src/core/tags/data/fitted-weights.ts', import.meta.url));
    const changed = Object.values(fitted).reduce((n, terms) => n + Object.keys(terms).length, 0);
    writeFileSync(
      path,
      `/**
 * Term weights fitted on labelled news, by topic and term (as spelt in data/taxonomy.ts), in place of
 * the hand-set weight; written by \`npx tsx scripts/eval/fit-topics.ts CORPUS --weights\` from the
 * even-numbered half of the BBC dev stories (${changed} terms). See fitTermWeights there for the rule.
 * A user's taxonomy that replaces the bundled one does not use these.
 */
export const fittedWeights: Readonly<Record<string, Readonly<Record<string, number>>>> = ${JSON.stringify(fitted, null, 2)};
`,
    );
    console.log(`${changed} term weights written to ${path}; now refit the calibration (--write)`);
    return;
  }
  const data = await examples(dir);
  const fitting = data.filter((e) => e.half === 'fit');
  const heldOut = data.filter((e) => e.half === 'held-out');
  console.log(`candidates: ${fitting.length} fitting, ${heldOut.length} held out`);
  console.log('current calibration, held-out half:');
  console.log(calibrationTable(heldOut, (c) => calibratedScore(c)));
  const { w, b } = fitLogistic(fitting);
  const round4 = (v: number) => Math.round(v * 10000) / 10000;
  const model = { features: topicCalibration.features, weights: w.map(round4), bias: round4(b) };
  console.log('fitted:', JSON.stringify(model));
  console.log('fitted calibration, fitting half:');
  console.log(calibrationTable(fitting, (c) => calibratedScore(c, model)));
  console.log('fitted calibration, held-out half:');
  console.log(calibrationTable(heldOut, (c) => calibratedScore(c, model)));
  if (process.argv.includes('--write')) {
    const path = fileURLToPath(new URL('../../src/core/tags/data/topic-calibration.ts', import.meta.url));
    writeFileSync(
      path,
      `/**
 * A logistic model from a candidate topic's evidence to the chance that the topic is right (see
 * \`candidateFeatures\` in topics.ts for the features, in this order). Fitted by
 * scripts/eval/fit-topics.ts on the even-numbered half of the BBC dev stories (${fitting.length} candidate
 * topics that map to a desk; "right" = the topic's desk is the story's desk), checked on the odd half
 * (${heldOut.length} candidates). So a score of 0.7 means: of the topics that scored about 0.7 there,
 * about 70% were right. Regenerate after changing the taxonomy's weights.
 */
export interface TopicCalibration {
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
}

export const topicCalibration: TopicCalibration = Object.freeze({
  features: ${JSON.stringify(model.features)},
  weights: ${JSON.stringify(model.weights)},
  bias: ${model.bias},
});
`,
    );
    console.log(`written to ${path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
