import type { Analysis } from '../../src/core/analysis.js';
import type { ArticleResult, EvalResults, SystemResult } from './evaluate.js';
import { SYSTEMS } from './evaluate.js';
import type { RougeScores } from './rouge.js';

const fmt = (value: number): string => value.toFixed(3);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = line(header.map((_, i) => (i === 0 ? '---' : '---:')));
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function rougeCells(scores: RougeScores): string[] {
  const { rouge1, rouge2, rougeL } = scores;
  return [
    fmt(rouge1.precision),
    fmt(rouge1.recall),
    fmt(rouge1.f1),
    fmt(rouge2.precision),
    fmt(rouge2.recall),
    fmt(rouge2.f1),
    fmt(rougeL.f1),
  ];
}

const ROUGE_HEADER = ['R-1 P', 'R-1 R', 'R-1 F1', 'R-2 P', 'R-2 R', 'R-2 F1', 'R-L F1'] as const;

function summaryTable(systems: readonly SystemResult[], reference: 'abstractive' | 'extractive'): string {
  const withPicks = reference === 'extractive';
  const header = ['System', 'Sent.', ...ROUGE_HEADER, ...(withPicks ? ['Picks P', 'Picks R'] : [])];
  const rows = systems.map((s) => [
    s.system,
    s.meanSentences.toFixed(2),
    ...rougeCells(s[reference]),
    ...(withPicks ? [fmt(s.picks.precision), fmt(s.picks.recall)] : []),
  ]);
  return table(header, rows);
}

/**
 * The evaluation as Markdown: one ROUGE table per reference kind, the tag table and the must-not list.
 * @example console.log(formatReport(results))
 */
export function formatReport(results: EvalResults): string {
  const { corpus } = results;
  const tagRows = results.tags.map(({ kind, metrics, expectedCount, predictedCount }) => [
    kind,
    String(expectedCount),
    String(predictedCount),
    fmt(metrics.micro.precision),
    fmt(metrics.micro.recall),
    fmt(metrics.micro.f1),
    fmt(metrics.macro.precision),
    fmt(metrics.macro.recall),
    fmt(metrics.macro.f1),
  ]);
  const violations =
    results.mustNotViolations.length === 0
      ? 'none'
      : results.mustNotViolations.map((v) => `${v.slug}: ${v.topic}`).join(', ');
  return [
    `# lede evaluation: ${corpus.articles} articles, ${corpus.words} words`,
    '',
    `ROUGE on lower-cased${results.stemmed ? ', Porter-stemmed' : ''} tokens, mean over articles. ` +
      `Baselines take as many sentences as lede chose for each article; their sentences come from ${corpus.sentenceSource}.`,
    '',
    '## Summaries against the abstractive references',
    '',
    summaryTable(results.systems, 'abstractive'),
    '',
    '## Summaries against the extractive references (editor-picked sentences)',
    '',
    summaryTable(results.systems, 'extractive'),
    '',
    'Picks P / R: share of chosen sentences that the editor picked / share of editor picks chosen.',
    '',
    '## Tags',
    '',
    table(
      ['Kind', 'Expected', 'Predicted', 'Micro P', 'Micro R', 'Micro F1', 'Macro P', 'Macro R', 'Macro F1'],
      tagRows,
    ),
    '',
    `mustNotTopics violations: ${results.mustNotViolations.length} (${violations})`,
  ].join('\n');
}

function tagLine(label: string, tags: { expected: readonly string[]; predicted: readonly string[] }): string {
  const list = (names: readonly string[]): string => (names.length === 0 ? '-' : names.join(', '));
  return `- ${label}: got ${list(tags.predicted)}; expected ${list(tags.expected)}`;
}

/** Per-article summaries of every system and tags against the references, for `--verbose`. */
export function formatArticleDetails(article: ArticleResult): string {
  const lines = [`### ${article.slug} (${article.words} words, ${article.bodySentences} body sentences)`, ''];
  for (const system of SYSTEMS) {
    lines.push(`**${system}** (R-1 F1 ${fmt(article.abstractiveRouge1F1[system])} vs abstractive)`);
    for (const sentence of article.summaries[system]) lines.push(`> ${sentence}`);
    lines.push('');
  }
  lines.push(tagLine('topics', article.tags.topic));
  lines.push(tagLine('countries', article.tags.country));
  lines.push(tagLine('regions', article.tags.region));
  if (article.mustNotViolations.length > 0)
    lines.push(`- must-not topics: ${article.mustNotViolations.join(', ')}`);
  return lines.join('\n');
}

/** lede's summary, tags and keywords for one file, for `--file`. */
export function formatAnalysis(path: string, analysis: Analysis): string {
  const lines = [`# ${path}`, '', `Title: ${analysis.title ?? '(none)'}`, '', '## Summary', ''];
  for (const s of analysis.summary.sentences) lines.push(`${s.index}. (${fmt(s.score)}) ${s.text}`);
  lines.push('', '## Tags', '');
  if (analysis.tags.length === 0) lines.push('(none)');
  for (const tag of analysis.tags) {
    lines.push(`- ${tag.kind}: ${tag.name} (${fmt(tag.score)}) from ${tag.evidence.join(', ') || '-'}`);
  }
  lines.push('', '## Keywords', '');
  lines.push(analysis.keywords.length === 0 ? '(none)' : analysis.keywords.map((k) => k.term).join(', '));
  return lines.join('\n');
}
