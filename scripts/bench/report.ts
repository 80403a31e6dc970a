import type { BundleResult } from './bundles.js';
import type { OverEmptyNode } from './child.js';
import type { ColdInvocation, ColdResults } from './cold.js';
import type { BundleComposition } from './composition.js';
import type { Machine } from './machine.js';
import type { ScalingPoint } from './scaling.js';
import type { CliResult } from './startup.js';
import type { Spread } from './stats.js';
import type { ThroughputResult } from './throughput.js';

export interface BenchResults {
  readonly machine: Machine;
  readonly loadAverageAtEnd: number;
  readonly lede: ThroughputResult;
  readonly peer: ThroughputResult;
  /** How the peer was measured when it did not get the whole corpus. */
  readonly peerNote: string;
  readonly scaling: readonly ScalingPoint[];
  /** `null` when packaging was skipped (`--no-package`). */
  readonly bundles: readonly BundleResult[] | null;
  readonly cli: CliResult;
  /** Cold invocations against their floors, and the core's first analysis (issue 12). */
  readonly cold: ColdResults;
  /** What a cold start of each function compiles, by input package. */
  readonly composition: readonly BundleComposition[];
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

const KB = 1024;
const MiB = 1024 * 1024;

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const ms = (value: number) => `${fixed(value, 1)} ms`;
const mib = (bytes: number) => `${fixed(bytes / MiB, 0)} MiB`;
const kib = (bytes: number) => `${fixed(bytes / KB, 0)} KiB`;
/** A median with its interquartile range: `412.3 ms [380.1-450.2]`. */
const spreadMs = (s: Spread) => `${ms(s.median)} [${fixed(s.q1)}-${fixed(s.q3)}]`;

/** Issue 12's cold-invocation targets: lede at most this much over its floor (goal: the second). */
export const COLD_OVER_FLOOR_TARGET_MS = 40;
export const COLD_OVER_FLOOR_GOAL_MS = 20;
/** Issue 12: the first analysis in a fresh process of the core alone. */
export const CORE_FIRST_ANALYSIS_TARGET_MS = 15;
/** Dependencies at least this big in a cold start are listed, so the README can justify each. */
export const LISTED_DEPENDENCY_BYTES = 20 * KB;

function point(results: BenchResults, megabytes: number): ScalingPoint | undefined {
  return results.scaling.find((p) => p.megabytes === megabytes);
}

/** The 20 MB time over the time for a smaller document. */
export function scalingRatio(results: BenchResults, from: number, to = 20): number {
  const small = point(results, from);
  const large = point(results, to);
  return small === undefined || large === undefined ? Number.NaN : large.ms / small.ms;
}

/** Each target of issues 6 (bundle size) and 12 (speed, memory, cold start) beside what this run measured. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const peerRatio = results.lede.mbPerSecond / results.peer.mbPerSecond;
  const large = point(results, 20);
  const ratio = scalingRatio(results, 2);
  const checks: TargetCheck[] = [
    {
      target: 'analysis >= 10 MB/s (news-length)',
      measured: `${fixed(results.lede.mbPerSecond, 2)} MB/s`,
      pass: results.lede.mbPerSecond >= 10,
    },
    { target: 'analysis >= 5x node-summary', measured: `${fixed(peerRatio, 2)}x`, pass: peerRatio >= 5 },
    { target: '20 MB time <= 11x 2 MB time', measured: `${fixed(ratio, 2)}x`, pass: ratio <= 11 },
    {
      target: '20 MB document <= 3 s',
      measured: large === undefined ? 'not measured' : ms(large.ms),
      pass: large !== undefined && large.ms <= 3000,
    },
    {
      target: '20 MB peak memory <= 300 MiB',
      measured: large === undefined ? 'not measured' : mib(large.maxRssBytes),
      pass: large !== undefined && large.maxRssBytes <= 300 * MiB,
    },
  ];
  for (const bundle of results.bundles ?? []) {
    checks.push(
      {
        target: `${bundle.name}: zipped <= 300 KB`,
        measured: kib(bundle.zippedBytes),
        pass: bundle.zippedBytes <= 300 * KB,
      },
      {
        target: `${bundle.name}: cold load <= 40 ms over node -e 0`,
        measured: ms(bundle.coldLoad.overEmptyMs),
        pass: bundle.coldLoad.overEmptyMs <= 40,
      },
    );
  }
  for (const comparison of results.cold.comparisons) {
    const over = comparison.overFloor.median;
    checks.push({
      target: `${comparison.function}: cold invocation <= ${COLD_OVER_FLOOR_TARGET_MS} ms over the floor (goal ${COLD_OVER_FLOOR_GOAL_MS})`,
      measured: ms(over),
      pass: over <= COLD_OVER_FLOOR_TARGET_MS,
    });
  }
  const first = results.cold.core.first.median;
  checks.push({
    target: `core alone: first analysis <= ${CORE_FIRST_ANALYSIS_TARGET_MS} ms`,
    measured: ms(first),
    pass: first <= CORE_FIRST_ANALYSIS_TARGET_MS,
  });
  return checks;
}

/**
 * Rows of the bytes table: every package at or over `LISTED_DEPENDENCY_BYTES` in any function's cold
 * start, one column per function, then the rest summed and the total.
 */
export function compositionRows(
  compositions: readonly BundleComposition[],
  threshold = LISTED_DEPENDENCY_BYTES,
): string[][] {
  const listed = new Map<string, number>();
  for (const composition of compositions) {
    for (const share of composition.packages) {
      if (share.bytes >= threshold)
        listed.set(share.name, Math.max(listed.get(share.name) ?? 0, share.bytes));
    }
  }
  const names = [...listed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const bytesOf = (composition: BundleComposition, name: string) =>
    composition.packages.find((share) => share.name === name)?.bytes ?? 0;
  const rows = names.map((name) => [name, ...compositions.map((c) => kib(bytesOf(c, name)))]);
  rows.push([
    `everything under ${kib(threshold)}`,
    ...compositions.map((c) =>
      kib(
        c.packages
          .filter((share) => !names.includes(share.name))
          .reduce((sum, share) => sum + share.bytes, 0),
      ),
    ),
  ]);
  rows.push(['cold start total (esbuild output)', ...compositions.map((c) => kib(c.coldStartBytes))]);
  rows.push(['whole bundle, lazy chunks included', ...compositions.map((c) => kib(c.totalBytes))]);
  return rows;
}

function coldRow(fn: string, run: ColdInvocation): string[] {
  return [
    fn,
    run.system,
    kib(run.loadedBytes),
    spreadMs(run.spawnToResponse),
    spreadMs(run.import),
    spreadMs(run.invoke),
    run.s3Requests === null ? '-' : String(run.s3Requests),
  ];
}

function formatCold(results: BenchResults, out: string[]): void {
  const { cold } = results;
  out.push(
    `\nCold invocation: a fresh node per run imports the handler module and answers one event; ` +
      `${cold.rounds} rounds, lede and floor interleaved; median [q1-q3]; load average ` +
      `${fixed(cold.loadAverage.start, 2)} at the start, ${fixed(cold.loadAverage.end, 2)} at the end\n`,
  );
  if (cold.comparisons.length > 0) {
    out.push(
      table(
        ['function', 'system', 'loaded', 'spawn to response', 'import', 'invoke', 'S3 requests'],
        cold.comparisons.flatMap((c) => [coldRow(c.function, c.lede), coldRow(c.function, c.floor)]),
      ),
    );
    out.push(
      `\nEvent: ${cold.article} (${cold.articleBytes} bytes) as POST /summaries (text/plain, base64 body) ` +
        'and as one ObjectCreated:Put from s3rver. Floor: the same esbuild options, importing only ' +
        '@aws-sdk/client-s3, @middy/core and the Powertools logger and metrics.',
    );
    for (const c of cold.comparisons) {
      out.push(
        `${c.function}: lede - floor = ${spreadMs(c.overFloor)} (paired by round; target <= ` +
          `${COLD_OVER_FLOOR_TARGET_MS} ms, goal ${COLD_OVER_FLOOR_GOAL_MS} ms)`,
      );
    }
  }
  for (const note of cold.notes) out.push(note);
  out.push(`node -e 0 in the same rounds: ${spreadMs(cold.emptyNode)}`);

  const { core } = cold;
  out.push(
    `\nCore alone: a fresh node imports src/core/analyze.ts bundled with the Lambda options ` +
      `(${kib(core.loadedBytes)} loaded) and runs analyzeText twice; ${core.first.runs} runs, median [q1-q3]\n`,
  );
  out.push(
    table(
      ['step', 'time'],
      [
        ['import', spreadMs(core.import)],
        [`first analyzeText (${core.articles[0]})`, spreadMs(core.first)],
        [`second analyzeText (${core.articles[1]})`, spreadMs(core.second)],
      ],
    ),
  );
  out.push(`target: first analysis <= ${CORE_FIRST_ANALYSIS_TARGET_MS} ms`);

  if (results.composition.length > 0) {
    out.push(
      `\nBytes a cold start compiles (handler + static chunks), by input package; every one over ` +
        `${kib(LISTED_DEPENDENCY_BYTES)} listed\n`,
    );
    out.push(
      table(['package', ...results.composition.map((c) => c.function)], compositionRows(results.composition)),
    );
  }
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The human-readable report: Markdown tables, so it can be pasted into the README as is. */
export function formatReport(results: BenchResults): string {
  const { machine, lede, peer, cli } = results;
  const out: string[] = [];
  out.push(
    `lede bench: ${machine.date.slice(0, 10)}, ${machine.cpu}, ${machine.cores} cores, ` +
      `${mib(machine.memoryBytes)} RAM, Node ${machine.node} (${machine.platform})`,
  );
  const busiest = Math.max(machine.loadAverageAtStart, results.loadAverageAtEnd);
  out.push(
    `load average at start ${fixed(machine.loadAverageAtStart, 2)}, at end ${fixed(results.loadAverageAtEnd, 2)}` +
      (busiest > machine.cores
        ? ` - above ${machine.cores} cores: other work shared the CPU, absolute times are pessimistic (ratios hold better)`
        : ''),
  );

  out.push('\nThroughput on news-length articles (one process, after warm-up, median pass)\n');
  out.push(
    table(
      ['system', 'articles', 'MB', 'runs', 'median pass', 'MB/s', 'articles/s', 'ms per MB'],
      [lede, peer].map((r) => [
        r.system,
        String(r.articles),
        fixed(r.bytes / 1e6, 3),
        String(r.runs),
        ms(r.medianMs),
        fixed(r.mbPerSecond, 2),
        fixed(r.articlesPerSecond, 0),
        fixed(r.msPerMb, 1),
      ]),
    ),
  );
  out.push(
    `lede / node-summary: ${fixed(lede.mbPerSecond / peer.mbPerSecond, 2)}x (per MB). ${results.peerNote}`,
  );

  out.push('\nScaling: one long article per size, each in a fresh process\n');
  out.push(
    table(
      ['size', 'bytes', 'sentences', 'time', 'MB/s', 'peak RSS', 'RSS before input'],
      results.scaling.map((p) => [
        `${p.megabytes} MB`,
        String(p.bytes),
        String(p.sentences),
        ms(p.ms),
        fixed(p.bytes / 1e6 / (p.ms / 1000), 2),
        mib(p.maxRssBytes),
        mib(p.rssBeforeBytes),
      ]),
    ),
  );
  out.push(
    `time ratio 20 MB / 1 MB: ${fixed(scalingRatio(results, 1), 2)}x (linear: 20x); ` +
      `20 MB / 2 MB: ${fixed(scalingRatio(results, 2), 2)}x (linear: 10x)`,
  );

  out.push('\nPackaged functions (cold load = node handler.mjs minus node -e 0, median)\n');
  if (results.bundles === null) {
    out.push('skipped (--no-package): run without it to package with osls and measure the zips.');
  } else {
    out.push(
      table(
        ['function', 'zipped', 'loaded at cold start', 'load median', 'node -e 0', 'cold load over empty'],
        results.bundles.map((b) => [
          b.name,
          kib(b.zippedBytes),
          kib(b.loadedBytes),
          ms(b.coldLoad.medianMs),
          ms(b.coldLoad.emptyMedianMs),
          ms(b.coldLoad.overEmptyMs),
        ]),
      ),
    );
  }

  out.push('\nCLI (fresh process, median)\n');
  const cliRow = (label: string, t: OverEmptyNode) => [
    label,
    ms(t.medianMs),
    ms(t.emptyMedianMs),
    ms(t.overEmptyMs),
  ];
  out.push(
    table(
      ['command', 'median', 'node -e 0', 'over empty'],
      [cliRow('lede --version', cli.version), cliRow(`lede ${cli.article}`, cli.oneArticle)],
    ),
  );

  formatCold(results, out);

  out.push('\nTargets (issues 6 and 12)\n');
  out.push(
    table(
      ['target', 'measured', 'result'],
      checkTargets(results).map((c) => [c.target, c.measured, c.pass ? 'PASS' : 'MISS']),
    ),
  );
  return out.join('\n');
}
