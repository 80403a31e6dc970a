// Sanity pass of the place tagger over an unlabelled development corpus (a folder with labels.json and
// the articles it names, such as ../shared/dev/bbc): how many country tags and focus countries a story
// gets, how many datelines were read and resolved, and with --list one line per story to read for
// precision by eye. Nothing from the corpus is written anywhere.
// Usage: tsx scripts/eval/dev-places.ts DIR [--list]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../../src/core/analyze.js';
import { analysisObjectTags } from '../../src/upload/object-tags.js';

const { values, positionals } = parseArgs({
  options: { list: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0];
if (dir === undefined) {
  console.error('Usage: tsx scripts/eval/dev-places.ts DIR [--list]');
  process.exit(2);
}
const labels: readonly { file: string }[] = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
let countries = 0;
let focus = 0;
let datelines = 0;
let resolved = 0;
const started = performance.now();
for (const { file } of labels) {
  const analysis = await analyzeText(readFileSync(join(dir, file), 'utf8'), { filename: file });
  const tags = analysis.tags.filter((tag) => tag.kind === 'country');
  countries += tags.length;
  focus += tags.filter((tag) => tag.focus === true).length;
  if (analysis.dateline !== null) {
    datelines++;
    if (tags.some((tag) => tag.evidence.includes(analysis.dateline?.place ?? ''))) resolved++;
  }
  if (values.list) {
    const objectTags = new Map(analysisObjectTags(analysis.tags).map((tag) => [tag.Key, tag.Value]));
    const names = tags.map((tag) => `${tag.name}${tag.focus === true ? '*' : ''}`).join(', ');
    console.log(
      `${file}\t${names}\t${objectTags.get('lede:country') ?? '-'} / ${objectTags.get('lede:region') ?? '-'}`,
    );
  }
}
const n = labels.length;
console.log(
  `${n} stories: ${(countries / n).toFixed(2)} country tags and ${(focus / n).toFixed(2)} focus countries a story; ` +
    `${datelines} datelines, ${resolved} resolved to a country; ${Math.round(performance.now() - started)} ms`,
);
