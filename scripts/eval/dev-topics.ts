// Topic tags against a corpus whose stories carry their desk (labels.json with `category`, such as the
// BBC dev set): is the right desk among the tags, is another desk's tag there, per desk, with a confusion
// matrix. Stories are split in two halves by id (even / odd number) so that weights fitted on one half
// can be checked on the other; both halves are printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { analyzeText } from '../../src/core/analyze.js';
import type { Tag } from '../../src/core/tags/tag.js';

/**
 * How lede's topics map to the five BBC desks. A topic maps to the desk of the first name in its chain
 * of parents that is listed here; a topic that maps to no desk (crime, health, weather...) is neutral:
 * it neither earns nor costs a story anything.
 */
export const DESK_OF_TOPIC: Readonly<Record<string, string>> = Object.freeze({
  business: 'business',
  economy: 'business',
  'finance and markets': 'business',
  trade: 'business',
  commodities: 'business',
  shipping: 'business',
  entertainment: 'entertainment',
  politics: 'politics',
  sport: 'sport',
  technology: 'tech',
  'video games': 'tech',
});

/**
 * Overlaps an editor would accept: a story of the desk carrying that one topic of another desk. A games,
 * film or music-download story on the tech desk is also entertainment (and a digital-TV story on the
 * entertainment desk also technology); a budget or tax story on the politics desk is also economy, and
 * a business story about a government's economic policy also politics; a tech company's results are
 * also business, and a business story about a tech firm also technology. Only these exact topics are
 * allowed (a politics story tagged `business` or `trade` still counts against it). The strict figure,
 * with no overlap allowed, is printed beside.
 */
export const ALLOWED_OVERLAPS: readonly (readonly [desk: string, topic: string])[] = [
  ['tech', 'entertainment'],
  ['entertainment', 'technology'],
  ['entertainment', 'video games'],
  ['politics', 'economy'],
  ['business', 'politics'],
  ['tech', 'business'],
  ['business', 'technology'],
];

const labelSchema = z.array(
  z.object({ file: z.string(), id: z.string(), category: z.string(), title: z.string().optional() }),
);

export interface DeskStory {
  readonly id: string;
  readonly desk: string;
  readonly text: string;
  /** `fit` or `held-out`: the half this story belongs to. */
  readonly half: 'fit' | 'held-out';
}

/** The half a story id falls in: ids ending in an even number are the fitting half. */
export function halfOf(id: string): 'fit' | 'held-out' {
  const digits = /(\d+)\D*$/.exec(id)?.[1];
  return digits !== undefined && Number(digits) % 2 === 0 ? 'fit' : 'held-out';
}

/** Reads a desk-labelled corpus folder (labels.json with `file`, `id`, `category`). */
export function loadDeskCorpus(dir: string): DeskStory[] {
  const labels = labelSchema.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  return labels.map((label) => ({
    id: label.id,
    desk: label.category,
    text: readFileSync(join(dir, label.file), 'utf8'),
    half: halfOf(label.id),
  }));
}

export interface StoryResult {
  readonly id: string;
  readonly desk: string;
  readonly half: 'fit' | 'held-out';
  readonly topics: readonly Tag[];
  /** Desks the topic tags map to, in tag order, without repeats. */
  readonly desks: readonly string[];
  readonly language: string;
  readonly error?: string;
}

/** Desks a list of topic tags maps to, best tag first. */
export function desksOf(topics: readonly Tag[]): string[] {
  const desks: string[] = [];
  for (const tag of topics) {
    const desk = topicDesk(tag);
    if (desk !== undefined && !desks.includes(desk)) desks.push(desk);
  }
  return desks;
}

export async function tagDeskCorpus(stories: readonly DeskStory[]): Promise<StoryResult[]> {
  const results: StoryResult[] = [];
  for (const story of stories) {
    try {
      const analysis = await analyzeText(story.text, { filename: `${story.id}.txt` });
      const topics = analysis.tags.filter((tag) => tag.kind === 'topic');
      results.push({ ...story, topics, desks: desksOf(topics), language: analysis.language });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ ...story, topics: [], desks: [], language: 'refused', error: message });
    }
  }
  return results;
}

export interface DeskRow {
  readonly desk: string;
  readonly stories: number;
  /** Right desk among the tags. */
  readonly right: number;
  /** Right desk on the first desk-mapped tag. */
  readonly rightFirst: number;
  /** No other desk's tag at all. */
  readonly noOtherStrict: number;
  /** No other desk's tag except an allowed overlap. */
  readonly noOther: number;
}

export interface DeskReport {
  readonly rows: readonly DeskRow[];
  readonly total: DeskRow;
  /** confusion[desk][tagDesk]: stories of `desk` with a tag mapped to `tagDesk` (`none`: no desk tag). */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly desks: readonly string[];
}

function topicDesk(tag: Tag): string | undefined {
  return DESK_OF_TOPIC[tag.name] ?? (tag.parent === undefined ? undefined : DESK_OF_TOPIC[tag.parent]);
}

/** Whether a story of `desk` carries no other desk's topic, except the allowed overlaps when `allow`. */
function noOtherDesk(result: StoryResult, allow: boolean): boolean {
  return result.topics.every((tag) => {
    const desk = topicDesk(tag);
    if (desk === undefined || desk === result.desk) return true;
    return allow && ALLOWED_OVERLAPS.some(([d, topic]) => d === result.desk && topic === tag.name);
  });
}

export function scoreDesks(results: readonly StoryResult[]): DeskReport {
  const desks = [...new Set(results.map((r) => r.desk))].sort();
  const confusion: Record<string, Record<string, number>> = {};
  const rows: DeskRow[] = desks.map((desk) => {
    const mine = results.filter((r) => r.desk === desk);
    const counts: Record<string, number> = {};
    for (const column of [...desks, 'none']) counts[column] = 0;
    for (const r of mine) {
      if (r.desks.length === 0) counts.none = (counts.none ?? 0) + 1;
      for (const d of r.desks) counts[d] = (counts[d] ?? 0) + 1;
    }
    confusion[desk] = counts;
    return {
      desk,
      stories: mine.length,
      right: mine.filter((r) => r.desks.includes(desk)).length,
      rightFirst: mine.filter((r) => r.desks[0] === desk).length,
      noOtherStrict: mine.filter((r) => noOtherDesk(r, false)).length,
      noOther: mine.filter((r) => noOtherDesk(r, true)).length,
    };
  });
  const sum = (key: keyof Omit<DeskRow, 'desk'>) => rows.reduce((total, row) => total + row[key], 0);
  const total: DeskRow = {
    desk: 'all',
    stories: sum('stories'),
    right: sum('right'),
    rightFirst: sum('rightFirst'),
    noOtherStrict: sum('noOtherStrict'),
    noOther: sum('noOther'),
  };
  return { rows, total, confusion, desks };
}

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

export function formatDeskReport(title: string, report: DeskReport): string {
  const lines = [
    title,
    `  ${'desk'.padEnd(14)} ${'stories'.padStart(7)}  right-in-tags  right-first  no-other  no-other-strict`,
  ];
  for (const row of [...report.rows, report.total]) {
    lines.push(
      `  ${row.desk.padEnd(14)} ${String(row.stories).padStart(7)}  ${pct(row.right, row.stories).padStart(13)}  ${pct(row.rightFirst, row.stories).padStart(11)}  ${pct(row.noOther, row.stories).padStart(8)}  ${pct(row.noOtherStrict, row.stories).padStart(15)}`,
    );
  }
  const columns = [...report.desks, 'none'];
  lines.push('  confusion (rows: desk; columns: stories with a tag of that desk)');
  lines.push(`  ${''.padEnd(14)} ${columns.map((c) => c.padStart(14)).join('')}`);
  for (const desk of report.desks) {
    const row = report.confusion[desk] ?? {};
    lines.push(`  ${desk.padEnd(14)} ${columns.map((c) => String(row[c] ?? 0).padStart(14)).join('')}`);
  }
  return lines.join('\n');
}

/** Runs the desk evaluation on a corpus folder and returns the printed report and the numbers. */
export async function evaluateDesks(dir: string): Promise<{ text: string; results: StoryResult[] }> {
  const results = await tagDeskCorpus(loadDeskCorpus(dir));
  const sections = [
    formatDeskReport(`Topic tags by desk: ${dir} (all ${results.length} stories)`, scoreDesks(results)),
    formatDeskReport('  fitting half (even ids)', scoreDesks(results.filter((r) => r.half === 'fit'))),
    formatDeskReport('  held-out half (odd ids)', scoreDesks(results.filter((r) => r.half === 'held-out'))),
  ];
  const languages = new Map<string, number>();
  for (const r of results) languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
  sections.push(
    `  languages: ${[...languages].map(([code, n]) => `${code} ${n}`).join(', ')}  ` +
      `(no-other allows: ${ALLOWED_OVERLAPS.map(([d, t]) => `${d}+${t}`).join(', ')})`,
  );
  return { text: sections.join('\n'), results };
}
