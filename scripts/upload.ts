/**
 * `npm run upload -- [--json] <file>...`: puts each file under the input prefix of the local bucket
 * (as `incoming/<file name>`), then waits for its analysis under the output prefix and prints where it
 * is and a readable view of it (title, byline, language, topics, places, people, organisations,
 * keywords, summary), or the error
 * the function recorded. `--json` prints each stored document instead, one per line. Needs `npm start`.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { readableView, ViewedOutput } from '../src/local/readable-view.js';
import { localS3Client } from '../src/local/s3-client.js';
import { loadLocalSettings } from '../src/local/settings.js';

// The defaults of config.ts; `npm start` uses the same unless LEDE_INPUT_PREFIX / LEDE_OUTPUT_PREFIX are set.
const inputPrefix = process.env.LEDE_INPUT_PREFIX || 'incoming/';
const outputPrefix = process.env.LEDE_OUTPUT_PREFIX || 'summaries/';
const TIMEOUT_MS = 60_000;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

const OutputSchema = ViewedOutput.extend({ processedAt: z.string() });
type Output = z.infer<typeof OutputSchema>;

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const files = args.filter((arg) => arg !== '--json');
if (files.length === 0 || files.some((file) => file.startsWith('--'))) {
  console.error('usage: npm run upload -- [--json] <file>...');
  process.exit(2);
}
const settings = loadLocalSettings(process.env, process.cwd());
const endpoint = `http://${settings.host}:${settings.s3Port}`;
const s3 = localS3Client(endpoint);

let failed = 0;
for (const file of files) {
  const key = `${inputPrefix}${basename(file)}`;
  const outputKey = `${outputPrefix}${basename(file)}.json`;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const startedAt = new Date();
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: settings.bucket,
        Key: key,
        Body: await readFile(file),
        ContentType: contentType,
      }),
    );
    const { output, text } = await waitForOutput(outputKey, startedAt);
    if (output.error) failed += 1;
    if (asJson) console.log(JSON.stringify(JSON.parse(text)));
    else {
      console.log(`s3://${settings.bucket}/${key} -> s3://${settings.bucket}/${outputKey}`);
      console.log(readableView(output));
    }
  } catch (error) {
    failed += 1;
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `${file}: ${reason}${reason.includes('ECONNREFUSED') ? ` (is \`npm start\` running on ${endpoint}?)` : ''}`,
    );
  }
}
s3.destroy();
process.exitCode = failed === 0 ? 0 : 1;

/** Polls for an analysis written after `since`: an older analysis of the same key does not count. */
async function waitForOutput(outputKey: string, since: Date): Promise<{ output: Output; text: string }> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const text = await readIfExists(outputKey);
    if (text !== null) {
      const output = OutputSchema.parse(JSON.parse(text));
      if (Date.parse(output.processedAt) >= since.getTime()) return { output, text };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no analysis at ${outputKey} after ${TIMEOUT_MS / 1000} s`);
}

async function readIfExists(key: string): Promise<string | null> {
  try {
    const response = await s3.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }));
    return (await response.Body?.transformToString('utf-8')) ?? null;
  } catch (error) {
    if (error instanceof NoSuchKey) return null;
    throw error;
  }
}
