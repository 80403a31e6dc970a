// People and organisation tags on the labelled entity fixtures (tests/fixtures/entities), beside two
// baselines: compromise's people()/organizations() (all of them, and only those it finds twice or in
// the title or lead, lede's salience rule), and every capitalised phrase of two or more words (typed
// as both kinds). Usage: npx tsx scripts/eval/dev-entities.ts [--verbose]; also run by `npm run eval`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { analyzeFile } from '../../src/core/analyze.js';
import { readText } from '../../src/core/read/read-document.js';
import type { Tag } from '../../src/core/tags/tag.js';
import { findNamePhrases } from '../../src/core/terms/name-phrases.js';

const KINDS = ['person', 'organization'] as const;
type Kind = (typeof KINDS)[number];

type GoldEntry = string | { readonly name: string; readonly aliases?: readonly string[] };
interface StoryLabels {
  readonly people: readonly GoldEntry[];
  readonly organizations: readonly GoldEntry[];
}

/** A predicted entity: the names it may be matched by. */
type Predicted = readonly string[];

export interface KindScore {
  readonly predicted: number;
  readonly expected: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export type SystemScores = Readonly<Record<Kind, KindScore>>;

export interface EntityReport {
  readonly stories: number;
  readonly systems: Readonly<Record<string, SystemScores>>;
  readonly misses: readonly string[];
}

export const ENTITY_FIXTURES = fileURLToPath(new URL('../../tests/fixtures/entities', import.meta.url));

const normalise = (name: string): string =>
  name.toLowerCase().replaceAll('’', "'").replaceAll('.', '').replace(/\s+/g, ' ').trim();

function goldNames(entry: GoldEntry): Set<string> {
  return typeof entry === 'string'
    ? new Set([normalise(entry)])
    : new Set([entry.name, ...(entry.aliases ?? [])].map(normalise));
}

/** Greedy one-to-one matching: a prediction matches a gold entry when they share a name. */
function score(predicted: readonly Predicted[], gold: readonly GoldEntry[]): { matched: number } {
  const open = gold.map(goldNames);
  let matched = 0;
  for (const names of predicted) {
    const at = open.findIndex((set) => names.some((name) => set.has(normalise(name))));
    if (at >= 0) {
      matched += 1;
      open.splice(at, 1);
    }
  }
  return { matched };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function totals(counts: { predicted: number; expected: number; matched: number }): KindScore {
  const precision = ratio(counts.matched, counts.predicted);
  const recall = ratio(counts.matched, counts.expected);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** compromise's people and organisations, each with how often and whether early it was found. */
function compromiseEntities(title: string | null, sentences: readonly string[], salientOnly: boolean) {
  const out: Record<Kind, Predicted[]> = { person: [], organization: [] };
  const lead = `${title ?? ''}\n${sentences[0] ?? ''}`;
  const doc = nlp([title ?? '', ...sentences].join('\n'));
  const leadDoc = nlp(lead);
  for (const kind of KINDS) {
    const found = (kind === 'person' ? doc.people() : doc.organizations()).out('array') as string[];
    const early = new Set(
      ((kind === 'person' ? leadDoc.people() : leadDoc.organizations()).out('array') as string[]).map(clean),
    );
    const counts = new Map<string, number>();
    for (const name of found.map(clean)) if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const [name, count] of counts) {
      if (!salientOnly || count >= 2 || early.has(name)) out[kind].push([name]);
    }
  }
  return out;
}

// compromise returns the matched text with its punctuation ("Putin," "Toyota's").
function clean(name: string): string {
  return name
    .replace(/['’]s$/u, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .trim();
}

function capitalisedPhrases(title: string | null, sentences: readonly string[]): Predicted[] {
  const phrases = new Set<string>();
  for (const text of [title ?? '', ...sentences])
    for (const phrase of findNamePhrases(text)) phrases.add(phrase);
  return [...phrases].map((phrase) => [phrase]);
}

function ledeEntities(tags: readonly Tag[], kind: Kind): Predicted[] {
  return tags.filter((tag) => tag.kind === kind).map((tag) => [tag.name, ...(tag.aliases ?? [])]);
}

/** Scores lede and the baselines on every story of `dir` (with its labels.json). */
export async function evaluateEntities(dir: string = ENTITY_FIXTURES): Promise<EntityReport> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as {
    stories: Record<string, StoryLabels>;
  };
  const systems = ['lede', 'compromise (salient)', 'compromise (all)', 'capitalised phrases'] as const;
  const counts = new Map<string, { predicted: number; expected: number; matched: number }>();
  const add = (system: string, kind: Kind, predicted: readonly Predicted[], gold: readonly GoldEntry[]) => {
    const key = `${system}\u0000${kind}`;
    const entry = counts.get(key) ?? { predicted: 0, expected: 0, matched: 0 };
    entry.predicted += predicted.length;
    entry.expected += gold.length;
    entry.matched += score(predicted, gold).matched;
    counts.set(key, entry);
  };
  const misses: string[] = [];
  const files = readdirSync(dir).filter(
    (file) => file.endsWith('.txt') && labels.stories[file] !== undefined,
  );
  for (const file of files.sort()) {
    const story = labels.stories[file];
    if (story === undefined) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const analysis = await analyzeFile(bytes, { filename: file });
    const doc = await readText(new TextDecoder().decode(bytes), { filename: file });
    const sentences = doc.sentences.map((sentence) => sentence.text);
    const salient = compromiseEntities(doc.title, sentences, true);
    const all = compromiseEntities(doc.title, sentences, false);
    const phrases = capitalisedPhrases(doc.title, sentences);
    for (const kind of KINDS) {
      const gold = kind === 'person' ? story.people : story.organizations;
      const ours = ledeEntities(analysis.tags, kind);
      add('lede', kind, ours, gold);
      add('compromise (salient)', kind, salient[kind], gold);
      add('compromise (all)', kind, all[kind], gold);
      add('capitalised phrases', kind, phrases, gold);
      for (const entry of gold) {
        const names = goldNames(entry);
        if (!ours.some((p) => p.some((name) => names.has(normalise(name))))) {
          misses.push(`${file}: missed ${kind} ${typeof entry === 'string' ? entry : entry.name}`);
        }
      }
      for (const p of ours) {
        if (!gold.some((entry) => p.some((name) => goldNames(entry).has(normalise(name))))) {
          misses.push(`${file}: extra ${kind} ${p[0]}`);
        }
      }
    }
  }
  const result: Record<string, SystemScores> = {};
  for (const system of systems) {
    result[system] = {
      person: totals(counts.get(`${system}\u0000person`) ?? { predicted: 0, expected: 0, matched: 0 }),
      organization: totals(
        counts.get(`${system}\u0000organization`) ?? { predicted: 0, expected: 0, matched: 0 },
      ),
    };
  }
  return { stories: files.length, systems: result, misses };
}

const f = (value: number): string => value.toFixed(2);

/** A table of precision, recall and F1 per kind and system. */
export function formatEntityReport(report: EntityReport, verbose = false): string {
  const lines = [
    `People and organisations on ${report.stories} labelled stories (tests/fixtures/entities), micro-averaged`,
    `compromise ${COMPROMISE_VERSION}; "salient" keeps what it finds twice or in the title or lead`,
    '',
    'system                  kind          P     R     F1   (predicted/expected)',
  ];
  for (const [system, scores] of Object.entries(report.systems)) {
    for (const kind of KINDS) {
      const s = scores[kind];
      lines.push(
        `${system.padEnd(24)}${kind.padEnd(14)}${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}  (${s.predicted}/${s.expected})`,
      );
    }
  }
  if (verbose) lines.push('', ...report.misses);
  return lines.join('\n');
}

const COMPROMISE_VERSION = (
  JSON.parse(
    readFileSync(
      fileURLToPath(new URL('../../node_modules/compromise/package.json', import.meta.url)),
      'utf8',
    ),
  ) as { version: string }
).version;

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  evaluateEntities()
    .then((report) => console.log(formatEntityReport(report, process.argv.includes('--verbose'))))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
