import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../../src/cli/run.js';
import { cliBundle } from '../../support/cli-bundle.js';
import { makeDocx } from '../../support/make-docx.js';
import { makePdf } from '../../support/make-pdf.js';

const ARTICLE = `Ferry strike halts island crossings

Ferry crews on the northern islands walked out on Tuesday, stranding hundreds of passengers at three ports.

The union said the strike would last until the operator restored night-shift pay that was cut in March. The operator, Northsound Ferries Ltd., called the walkout unlawful and said it would seek an injunction.

Island shops reported shortages of bread and milk by the afternoon. Dr. Aileen Ross, who runs the only clinic on Skarra, said patients with appointments on the mainland had been flown out by helicopter.

Talks between the two sides are due to resume on Thursday at 10 a.m. in the harbour offices.
`;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], stdinText = ''): Promise<RunResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli(argv, { stdin: Readable.from([Buffer.from(stdinText)]), stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

function lines(stdout: string): unknown[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
}

let dir: string;
let article: string;
let binary: string;
let empty: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lede-cli-'));
  article = join(dir, 'ferry strike.txt');
  binary = join(dir, 'photo.txt');
  empty = join(dir, 'empty.txt');
  writeFileSync(article, ARTICLE);
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(empty, '  \n\n \t\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lede CLI', () => {
  it('prints one analysis per input as a JSON line with its file name', async () => {
    const result = await run([article, article]);
    expect(result.code).toBe(0);
    const [first, second] = lines(result.stdout);
    expect(first).toMatchObject({
      file: article,
      status: 'ok',
      title: 'Ferry strike halts island crossings',
    });
    expect(second).toEqual(first);
  });

  it('summarises with the requested number of sentences', async () => {
    const [analysis] = lines((await run(['--sentences', '2', article])).stdout);
    expect(analysis).toMatchObject({ summary: { sentences: [{}, {}] } });
  });

  it('keeps the summary within --words, in whole sentences', async () => {
    const [analysis] = lines((await run(['--words', '25', article])).stdout);
    const { summary } = z
      .object({ summary: z.object({ text: z.string(), sentences: z.array(z.object({ text: z.string() })) }) })
      .parse(analysis);
    expect(summary.sentences.length).toBeGreaterThan(0);
    const words = summary.text.split(/\s+/).length;
    // Never a cut sentence: either it fits, or it is the one best sentence on its own.
    expect(words <= 25 || summary.sentences.length === 1).toBe(true);
  });

  it('prints the sentences with --split, without the title', async () => {
    const [sentences] = lines((await run(['--split', article])).stdout);
    expect(sentences).toEqual([
      'Ferry crews on the northern islands walked out on Tuesday, stranding hundreds of passengers at three ports.',
      'The union said the strike would last until the operator restored night-shift pay that was cut in March.',
      'The operator, Northsound Ferries Ltd., called the walkout unlawful and said it would seek an injunction.',
      'Island shops reported shortages of bread and milk by the afternoon.',
      'Dr. Aileen Ross, who runs the only clinic on Skarra, said patients with appointments on the mainland had been flown out by helicopter.',
      'Talks between the two sides are due to resume on Thursday at 10 a.m. in the harbour offices.',
    ]);
  });

  it('reads standard input for "-"', async () => {
    const result = await run(['--split', '-'], ARTICLE);
    expect(result.code).toBe(0);
    expect(lines(result.stdout)[0]).toHaveLength(6);
  });

  it('reports a failed input as an error line and still processes the others, exiting 1', async () => {
    const result = await run([binary, article, empty, join(dir, 'missing.txt')]);
    expect(result.code).toBe(1);
    const out = lines(result.stdout);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ file: binary, status: 'failed', error: { code: 'UNSUPPORTED_MEDIA' } });
    expect(out[1]).toMatchObject({ file: article, status: 'ok' });
    expect(out[2]).toMatchObject({ file: empty, error: { code: 'EMPTY_DOCUMENT' } });
    expect(out[3]).toMatchObject({ error: { code: 'UNREADABLE_FILE', message: 'no such file' } });
    expect(result.stderr).toContain(`lede: ${binary}:`);
  });

  it('reads Word and PDF files', async () => {
    const [headline, ...body] = ARTICLE.split('\n').filter((line) => line !== '');
    const docx = join(dir, 'ferry.docx');
    const pdf = join(dir, 'ferry.pdf');
    writeFileSync(
      docx,
      makeDocx([{ text: headline ?? '', style: 'Title' }, ...body.map((text) => ({ text }))]),
    );
    writeFileSync(pdf, makePdf([{ lines: [headline ?? '', '', ...body.flatMap((line) => [line, ''])] }]));
    const result = await run([docx, pdf]);
    expect(result.code).toBe(0);
    const [fromWord, fromPdf] = lines(result.stdout);
    expect(fromWord).toMatchObject({ file: docx, status: 'ok', format: 'docx', title: headline });
    expect(fromPdf).toMatchObject({ file: pdf, status: 'ok', format: 'pdf', title: headline });
  });

  it('refuses a file over --max-bytes before reading it', async () => {
    const [line] = lines((await run(['--max-bytes', '100', article])).stdout);
    expect(line).toMatchObject({ error: { code: 'INPUT_TOO_LARGE' } });
  });

  it('refuses text over --max-chars, and reads it once the cap is raised', async () => {
    const capped = lines((await run(['--max-chars', '200', article])).stdout);
    expect(capped[0]).toMatchObject({ status: 'failed', error: { code: 'INPUT_TOO_COMPLEX' } });
    expect(JSON.stringify(capped[0])).toContain('200');
    const raised = lines((await run(['--max-chars', String(ARTICLE.length), article])).stdout);
    expect(raised[0]).toMatchObject({ status: 'ok', title: 'Ferry strike halts island crossings' });
  });

  it('forces the format with --format', async () => {
    const html = join(dir, 'page.txt');
    writeFileSync(
      html,
      `<html><body><article><h1>Ferry strike</h1><p>${ARTICLE.split('\n')[2]}</p></article></body></html>`,
    );
    const [line] = lines((await run(['--format', 'html', html])).stdout);
    expect(line).toMatchObject({ status: 'ok', format: 'html' });
  });

  it('extends the bundled taxonomy with --taxonomy and refuses an invalid one', async () => {
    const custom = new URL('../../fixtures/taxonomy/custom-taxonomy.json', import.meta.url).pathname;
    const space = join(dir, 'launch.txt');
    writeFileSync(
      space,
      'Probe reaches orbit\n\nThe space agency said its lunar probe reached orbit after a rocket launch from the spaceport. Astronauts and mission controllers cheered as the spacecraft fired its engine. The satellite will map the moon for two years.\n',
    );
    const extended = await run(['--taxonomy', custom, space]);
    expect(extended.code).toBe(0);
    const [analysis] = lines(extended.stdout);
    expect(analysis).toMatchObject({
      tags: expect.arrayContaining([expect.objectContaining({ name: 'space', kind: 'topic' })]),
    });

    const bad = join(dir, 'bad-taxonomy.json');
    writeFileSync(bad, JSON.stringify({ topics: [{ name: 'x', terms: [{ term: 'y', weight: 'heavy' }] }] }));
    const refused = await run(['--taxonomy', bad, space]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Invalid taxonomy');
  });

  it('exits 2 with the usage on a bad command line', async () => {
    for (const argv of [
      [],
      ['--sentences', '0', article],
      ['--words', '0', article],
      ['--words', 'many', article],
      ['--format', 'rtf', article],
      ['--nope', article],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage: lede');
    }
  });

  it('keeps stdout pure JSON when run as a process', () => {
    const child = spawnSync(process.execPath, [cliBundle(), article], {
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    const outLines = child.stdout.trimEnd().split('\n');
    expect(outLines).toHaveLength(1);
    expect(JSON.parse(outLines[0] ?? '')).toMatchObject({ status: 'ok' });
  });
});
