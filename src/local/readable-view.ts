import { z } from 'zod';
import { focusDepth } from '../core/tags/tag.js';

/** How many topics, people, organisations and keywords the readable view lists. */
const SHOWN_PER_KIND = 3;
const SHOWN_KEYWORDS = 8;
const WIDTH = 96;

// Only what is printed; the full document is described by schema/analysis.schema.json.
export const ViewedOutput = z.object({
  title: z.string().nullish(),
  byline: z.string().nullish(),
  language: z.string().nullish(),
  summary: z.object({ text: z.string() }).nullish(),
  tags: z
    .array(
      z.object({
        name: z.string(),
        kind: z.string(),
        score: z.number(),
        focus: z.boolean().optional(),
        level: z.string().optional(),
      }),
    )
    .nullish(),
  keywords: z.array(z.object({ term: z.string() })).nullish(),
  error: z.object({ code: z.string(), message: z.string() }).nullish(),
});
export type ViewedOutput = z.infer<typeof ViewedOutput>;
type ViewedTag = NonNullable<ViewedOutput['tags']>[number];

/**
 * The places a story is about: its focus countries and regions (most specific region first), or,
 * when none is marked as focus, its top two countries.
 */
function places(tags: readonly ViewedTag[]): string[] {
  const countries = tags.filter((tag) => tag.kind === 'country');
  const focusCountries = countries.filter((tag) => tag.focus === true);
  const regions = tags
    .filter((tag) => tag.kind === 'region' && tag.focus === true)
    // A sub-region says more than its continent: "Central Asia" before "Asia".
    .sort((a, b) => focusDepth(b) - focusDepth(a));
  return [
    ...(focusCountries.length > 0 ? focusCountries : countries.slice(0, 2)),
    ...regions.slice(0, 2),
  ].map((tag) => tag.name);
}

/**
 * An analysis as a person reads it: indented lines, the main tags by kind (topics with their scores,
 * the places the story is about, its people and organisations), keywords, and the summary wrapped.
 * @example readableView({ title: 'Rates rise', summary: { text: 'The bank raised rates.' } })
 */
export function readableView(output: ViewedOutput): string {
  if (output.error) return `  refused: ${output.error.code}: ${output.error.message}`;
  const lines = [`  title:    ${output.title ?? '(none)'}`];
  if (output.byline) lines.push(`  byline:   ${output.byline}`);
  if (output.language) lines.push(`  language: ${output.language}`);
  const tags = output.tags ?? [];
  const ofKind = (kind: string) => tags.filter((tag) => tag.kind === kind).slice(0, SHOWN_PER_KIND);
  const rows: [string, string[]][] = [
    ['topics', ofKind('topic').map((tag) => `${tag.name} (${tag.score.toFixed(2)})`)],
    ['places', places(tags)],
    ['people', ofKind('person').map((tag) => tag.name)],
    ['orgs', ofKind('organization').map((tag) => tag.name)],
    ['keywords', (output.keywords ?? []).slice(0, SHOWN_KEYWORDS).map((keyword) => keyword.term)],
  ];
  for (const [label, values] of rows) {
    if (values.length > 0) lines.push(`  ${`${label}:`.padEnd(10)}${values.join(', ')}`);
  }
  lines.push('  summary:', ...wrap(output.summary?.text ?? '(none)', WIDTH).map((line) => `    ${line}`));
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
