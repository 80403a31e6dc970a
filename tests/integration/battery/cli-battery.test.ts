import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BAD_INPUTS,
  BATTERY_MAX_BYTES,
  type BadInputCase,
  caseBytes,
  expectationFor,
  isOk,
  STORY,
  STORY_TITLE,
} from '../../support/bad-inputs.js';
import { CASE_TIMEOUT_MS, expectOutcome } from '../../support/battery-outcome.js';
import { cliBundle } from '../../support/cli-bundle.js';
import { type CliProcessResult, mapLimited, runCliProcess } from '../../support/cli-process.js';

// The cases share three CLI processes, since the CLI answers every input with a line of its own and
// exits 1 when any fails: the large ones expected to succeed, the small ones expected to succeed, and
// all those expected to fail. A process per case spent most of its time starting (2 s each on this
// machine under load). Every process is bounded in heap, so no case can run away with memory, and in
// time (killed after twice the large-case timeout). Two at a time: this machine has two cores.
const LIMITS = { timeoutMs: 2 * CASE_TIMEOUT_MS.large, maxOldSpaceMb: 768 };
const IN_FLIGHT = 2;

const FailureLine = z.strictObject({
  file: z.string(),
  status: z.literal('failed'),
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

interface CaseRun {
  readonly file: string;
  /** The process this case ran in, and how many inputs it had. */
  readonly run: CliProcessResult;
  readonly inputs: number;
  /** Position of the case's line in stdout. */
  readonly line: number;
}

let dir: string;
const bundle = cliBundle();
const runs = new Map<string, CaseRun>();

function groups(): BadInputCase[][] {
  const ok = BAD_INPUTS.filter((c) => isOk(expectationFor(c, 'cli')));
  return [
    // The longest first, so the other two run beside it.
    ok.filter((c) => c.large === true),
    ok.filter((c) => c.large !== true),
    BAD_INPUTS.filter((c) => !isOk(expectationFor(c, 'cli'))),
  ].filter((group) => group.length > 0);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lede-cli-battery-'));
  await mapLimited(groups(), IN_FLIGHT, async (group) => {
    const files = group.map((testCase) => join(dir, testCase.filename));
    await Promise.all(group.map((testCase, i) => writeFile(files[i] ?? '', caseBytes(testCase))));
    const run = await runCliProcess(bundle, ['--max-bytes', String(BATTERY_MAX_BYTES), ...files], LIMITS);
    group.forEach((testCase, line) => {
      runs.set(testCase.name, { file: files[line] ?? '', run, inputs: group.length, line });
    });
  });
}, 300_000);

afterAll(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** The case's run and its stdout line, after checking the process printed one line per input. */
function outputOf(testCase: BadInputCase): { file: string; run: CliProcessResult; record: unknown } {
  const caseRun = runs.get(testCase.name);
  if (caseRun === undefined) throw new Error(`no CLI run for ${testCase.name}`);
  const { file, run, inputs, line } = caseRun;
  expect(run.signal, `killed: ${run.stderr}`).toBeNull();
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(inputs);
  return { file, run, record: JSON.parse(lines[line] ?? '') };
}

describe('bad-input battery: lede CLI inputs that are not regular files', () => {
  const args = (input: string): string[] => ['--max-bytes', '4096', input];
  const small = { ...LIMITS, timeoutMs: CASE_TIMEOUT_MS.small };

  it('reads a named pipe (as `lede <(curl ...)` passes) like a file', async () => {
    const fifo = join(dir, 'article.fifo');
    execFileSync('mkfifo', [fifo]);
    const running = runCliProcess(bundle, args(fifo), small);
    // Opening a FIFO for writing waits for the reader: the CLI.
    await writeFile(fifo, STORY);

    const run = await running;

    expect(run, run.stderr).toMatchObject({ code: 0, signal: null, stderr: '' });
    const analysis: unknown = JSON.parse(run.stdout);
    expectOutcome({ kind: 'analysis', analysis }, { ok: true, title: STORY_TITLE });
  });

  it('refuses an endless device (/dev/zero) at the size limit instead of reading forever', async () => {
    const run = await runCliProcess(bundle, args('/dev/zero'), small);

    expect(run, run.stderr).toMatchObject({ code: 1, signal: null });
    expect(run.stderr).toMatch(/^lede: \/dev\/zero: The input is more than the limit of 4096 bytes\n$/);
  });

  it('refuses a directory as unreadable, naming it', async () => {
    const run = await runCliProcess(bundle, args(dir), small);

    expect(run, run.stderr).toMatchObject({ code: 1, signal: null });
    expect(run.stderr).toBe(`lede: ${dir}: is a directory, not a file\n`);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'UNREADABLE_FILE' } });
  });

  it('refuses standard input over the limit', async () => {
    const run = await runCliProcess(bundle, args('-'), {
      ...small,
      stdin: new Uint8Array(64 * 1024).fill(65),
    });

    expect(run, run.stderr).toMatchObject({ code: 1, signal: null });
    expect(JSON.parse(run.stdout)).toMatchObject({ file: '-', error: { code: 'INPUT_TOO_LARGE' } });
  });
});

describe('bad-input battery: lede CLI in a child process', () => {
  for (const testCase of BAD_INPUTS) {
    const expectation = expectationFor(testCase, 'cli');

    if (isOk(expectation)) {
      it(`prints the analysis and exits 0: ${testCase.name}`, () => {
        const { file, run, record } = outputOf(testCase);

        expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
        expect(record).toMatchObject({ file });
        expectOutcome({ kind: 'analysis', analysis: record }, expectation);
      });
      continue;
    }

    it(`exits 1 with the reason on stderr: ${testCase.name}`, () => {
      const { file, run, record } = outputOf(testCase);

      expect(run.code).toBe(1);
      // One readable line naming the file: no stack trace, no "Internal error".
      const prefix = `lede: ${file}: `;
      const reasons = run.stderr.split('\n').filter((line) => line.startsWith(prefix));
      expect(reasons, run.stderr).toHaveLength(1);
      const reason = reasons[0]?.slice(prefix.length) ?? '';
      expect(run.stderr).not.toMatch(/^\s+at /m);
      // stdout keeps its one-line-per-input contract (see `lede --help`): the failure record, which
      // repeats the stderr reason, never an analysis.
      const failure = FailureLine.parse(record);
      expect(failure).toEqual({
        file,
        status: 'failed',
        error: { code: failure.error.code, message: reason },
      });
      expectOutcome({ kind: 'error', code: failure.error.code, message: reason }, expectation);
    });
  }
});
