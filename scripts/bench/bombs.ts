// Issue 18's complexity bombs at full size, each analysed in a fresh process, printing its CPU time
// and peak memory: the numbers behind the README's Reliability section. Each process is killed after
// 60 s. Usage: npx tsx scripts/bench/bombs.ts [--only NAME]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeFile } from '../../src/core/analyze.js';
import { DEFAULT_MAX_BYTES } from '../../src/core/limits.js';
import { LedeError } from '../../src/errors.js';
import * as bombs from '../../tests/support/make-bombs.js';

const BOMBS: Readonly<Record<string, () => Uint8Array>> = {
  'attributes-1e6.html': () => bombs.htmlManyAttributes(1_000_000),
  'nested-list-2000.md': () => bombs.markdownNestedList(2_000),
  'flate-1gb.pdf': () => bombs.pdfFlateBomb(1024 ** 3),
  'lines-300k.pdf': () => bombs.pdfManyLines(300_000),
  'comments-1e5.html': () => bombs.htmlCommentsAndEntities(100_000),
  'empty-pages-10k.pdf': () => bombs.pdfEmptyPages(10_000),
  'text-at-limit.txt': () => bombs.plainTextOfSize(DEFAULT_MAX_BYTES - 64),
  'inflation-1gb.docx': () => bombs.docxInflationBomb(1024 ** 3),
  // Just under the default caps: the worst an accepted input costs.
  'text-under-chars.txt': () => bombs.plainTextOfSize(4 * 1024 * 1024 - 64),
  'comments-under-nodes.html': () => bombs.htmlCommentsAndEntities(49_000),
  'attributes-under-cap.html': () => bombs.htmlManyAttributes(999),
  'paragraphs-under-nodes.html': () => bombs.htmlParagraphs(49_000, 0),
  'attributes-spread-under-cap.html': () => bombs.htmlParagraphs(24_000, 4),
};

const HERE = fileURLToPath(import.meta.url);
const { values } = parseArgs({ options: { only: { type: 'string' }, child: { type: 'string' } } });

if (values.child !== undefined) {
  // Child: analyse one file and print what it cost.
  const bytes = readFileSync(values.child);
  const started = process.cpuUsage();
  let outcome: string;
  try {
    const analysis = await analyzeFile(bytes, { filename: values.child });
    outcome = `ok, ${analysis.stats.sentences} sentences`;
  } catch (error) {
    outcome = error instanceof LedeError ? `${error.code}: ${error.message}` : `crash: ${String(error)}`;
  }
  const cpu = process.cpuUsage(started);
  // VmHWM, not resourceUsage().maxRSS: Linux carries ru_maxrss over from the parent at fork, and the
  // parent held the bomb it generated.
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  console.log(
    JSON.stringify({
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: Math.round(Number(hwm ?? Number.NaN) / 1024),
      outcome,
    }),
  );
} else {
  const dir = mkdtempSync(join(tmpdir(), 'lede-bombs-'));
  try {
    console.log('| input | bytes | CPU (s) | peak RSS (MB) | outcome |\n|---|---|---|---|---|');
    for (const [name, make] of Object.entries(BOMBS)) {
      if (values.only !== undefined && values.only !== name) continue;
      const file = join(dir, name);
      const bytes = make();
      writeFileSync(file, bytes);
      const run = spawnSync(process.execPath, [...process.execArgv, HERE, '--child', file], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      const line = run.stdout.trim().split('\n').at(-1) ?? '';
      const result = run.signal === null && line.startsWith('{') ? JSON.parse(line) : undefined;
      const cells =
        result === undefined
          ? ['-', '-', `killed (${run.signal ?? run.status})`]
          : [result.cpuSeconds.toFixed(2), String(result.peakRssMb), String(result.outcome).slice(0, 90)];
      console.log(`| ${name} | ${bytes.byteLength} | ${cells.join(' | ')} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
