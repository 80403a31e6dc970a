import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localS3Client } from '../../../src/local/s3-client.js';
import { encodeEventKey } from '../../../src/local/s3-event.js';
import { readServiceConfig, type ServiceConfig } from '../../../src/local/service-config.js';
import { type LocalStack, startLocalStack } from '../../../src/local/stack.js';
import type { TriggerOutcome } from '../../../src/local/upload-trigger.js';
import { makeDocx } from '../../support/make-docx.js';
import { makePdf } from '../../support/make-pdf.js';
import { schemaErrors } from '../../support/schema.js';

const BUCKET = 'articles';
const API_KEY = 'e2e-test-key-0123456789abcdef';
const OUTPUT_DEADLINE_MS = 30_000;
// Space, non-ASCII, `+` and `%`: a raw (s3rver-style) key in the event would be decoded to another key.
const FERRY_KEY = 'incoming/Café news/ferry strike + 100% pay.txt';

const HTML_ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour market reopens after flood repairs | Coastal Times</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour market reopens after flood repairs</h1>
<p>The covered market on the harbour front reopened on Saturday, eleven weeks after a storm surge flooded its ground floor and ruined the stock of most of its forty traders.</p>
<p>The council spent 1.8 million pounds replacing the floor, the wiring and the cold stores, and raised the electrical sockets above the level the water reached in October.</p>
<p>Traders said takings on the first day were close to a normal summer Saturday. Several said they had survived the closure only because of the hardship grants the council paid in November.</p>
<p>The harbour board said a flood barrier at the market entrance would be installed before the winter tides.</p>
</article>
<footer>Subscribe to our newsletter. Cookie settings. Contact us.</footer>
</body></html>
`;

const FERRY_ARTICLE = `Ferry strike halts crossings for a second day

Crews on the island ferries stayed ashore on Tuesday for a second day of strikes over new rosters, leaving about three thousand passengers looking for other ways to travel.

The union says the rosters cut the rest time between shifts below what the crews' contract allows. The operator says the changes were agreed with the union's own representatives in the spring.

Shops on the islands said deliveries of fresh food had stopped, and the health board chartered a boat to carry patients to hospital appointments on the mainland.

Talks between the two sides are due to resume on Thursday under the conciliation service.
`;

// A PNG header and some binary noise: not an article.
const BINARY_FILE = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0xff,
  0xfe, 0x00, 0x01, 0x02, 0x9c, 0x00, 0xc3, 0x28, 0xa0, 0xa1,
]);

let stack: LocalStack;
let s3: S3Client;
let dataDir: string;
let ports: number[];
let service: ServiceConfig;
const invocations: TriggerOutcome[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lede-e2e-'));
  service = await readServiceConfig(fileURLToPath(new URL('../../../', import.meta.url)));
  stack = await startLocalStack(
    {
      host: '127.0.0.1',
      s3Port: 0,
      apiPort: 0,
      bucket: BUCKET,
      dataDir,
      apiKey: API_KEY,
      apiKeyFromEnv: true,
    },
    { service, env: { LEDE_LOG_LEVEL: 'SILENT' }, onInvoked: (outcome) => invocations.push(outcome) },
  );
  ports = [stack.s3Endpoint, stack.apiUrl].map((url) => Number(new URL(url).port));
  s3 = localS3Client(stack.s3Endpoint);
});

afterAll(async () => {
  s3?.destroy();
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: contentType }));
}

/** Polls for an object until it exists or the deadline passes. */
async function waitForJson(key: string): Promise<unknown> {
  const deadline = Date.now() + OUTPUT_DEADLINE_MS;
  for (;;) {
    try {
      const response = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return JSON.parse((await response.Body?.transformToString('utf-8')) ?? '');
    } catch (error) {
      // s3rver writes an object's file in place, so a GET racing the PUT can see part of it (S3 itself
      // never shows a partial object): unparsable JSON is "not there yet", like a missing key.
      const notYet = error instanceof NoSuchKey || error instanceof SyntaxError;
      if (!notYet || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('local stack: upload -> onUpload -> summaries/', () => {
  it('analyses text, HTML and a key with spaces and non-ASCII characters, and records a bad file as an error document', async () => {
    const fixture = await readFile(new URL('../../fixtures/articles/shipping-merger.txt', import.meta.url));
    await Promise.all([
      put('incoming/shipping-merger.txt', fixture, 'text/plain; charset=utf-8'),
      put(FERRY_KEY, FERRY_ARTICLE, 'text/plain; charset=utf-8'),
      put('incoming/html/harbour market.html', HTML_ARTICLE, 'text/html; charset=utf-8'),
      put('incoming/bad/photo.bin', BINARY_FILE, 'application/octet-stream'),
    ]);

    const [plain, ferry, html, bad] = await Promise.all([
      waitForJson('summaries/shipping-merger.txt.json'),
      waitForJson(`summaries/${FERRY_KEY.slice('incoming/'.length)}.json`),
      waitForJson('summaries/html/harbour market.html.json'),
      waitForJson('summaries/bad/photo.bin.json'),
    ]);

    for (const document of [plain, ferry, html, bad]) expect(schemaErrors(document)).toEqual([]);
    expect(plain).toMatchObject({
      status: 'ok',
      format: 'txt',
      source: { key: 'incoming/shipping-merger.txt' },
    });
    // The handler decoded the AWS-encoded key (`Caf%C3%A9+news/ferry+strike+%2B+100%25+pay.txt`) back.
    expect(ferry).toMatchObject({
      status: 'ok',
      title: 'Ferry strike halts crossings for a second day',
      source: { bucket: BUCKET, key: FERRY_KEY },
    });
    expect(html).toMatchObject({
      status: 'ok',
      format: 'html',
      title: 'Harbour market reopens after flood repairs',
    });
    expect(JSON.stringify(html)).not.toContain('Cookie settings');
    expect(bad).toMatchObject({
      status: 'failed',
      error: { code: expect.any(String), message: expect.any(String) },
      source: { key: 'incoming/bad/photo.bin' },
    });
  });

  it('analyses Word and PDF uploads, and records a scanned PDF as an error document', async () => {
    const [headline, ...body] = FERRY_ARTICLE.split('\n').filter((line) => line.trim() !== '');
    await Promise.all([
      put(
        'incoming/word/ferry.docx',
        makeDocx([{ text: headline ?? '', style: 'Title' }, ...body.map((text) => ({ text }))]),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
      put(
        'incoming/pdf/ferry.pdf',
        makePdf([{ lines: [headline ?? '', '', ...body.flatMap((line) => [line, ''])] }]),
        'application/pdf',
      ),
      put('incoming/pdf/scan.pdf', makePdf([{ imageOnly: true }]), 'application/pdf'),
    ]);
    const [word, pdf, scan] = await Promise.all([
      waitForJson('summaries/word/ferry.docx.json'),
      waitForJson('summaries/pdf/ferry.pdf.json'),
      waitForJson('summaries/pdf/scan.pdf.json'),
    ]);
    for (const document of [word, pdf, scan]) expect(schemaErrors(document)).toEqual([]);
    expect(word).toMatchObject({ status: 'ok', format: 'docx', title: headline });
    expect(pdf).toMatchObject({ status: 'ok', format: 'pdf', title: headline });
    expect(scan).toMatchObject({ status: 'failed', error: { code: 'NO_TEXT_LAYER' } });
  });

  it('runs the function only for objects created under the input prefix', async () => {
    await put('drafts/not-yet.txt', FERRY_ARTICLE, 'text/plain');
    await put('incoming/after-draft.txt', FERRY_ARTICLE, 'text/plain');
    await waitForJson('summaries/after-draft.txt.json');
    // The trigger reports an invocation once the handler has returned, a moment after its write.
    await vi.waitFor(
      () => expect(invocations.map((outcome) => outcome.key)).toContain('incoming/after-draft.txt'),
      { timeout: OUTPUT_DEADLINE_MS },
    );
    const invoked = invocations.map((outcome) => outcome.key);
    expect(invoked).not.toContain('drafts/not-yet.txt');
    // Its own outputs under summaries/ never trigger it either (the recursion guard's first line).
    expect(invoked.filter((key) => !key.startsWith('incoming/'))).toEqual([]);
    expect(invocations.filter((outcome) => !outcome.ok)).toEqual([]);
  });

  it('takes the trigger prefix, environment and API settings from serverless.yml', () => {
    expect(service.uploadPrefix).toBe('incoming/');
    expect(stack.config.inputPrefix).toBe(service.uploadPrefix);
    expect(stack.config.serviceName).toBe(service.environment.LEDE_SERVICE_NAME);
    expect(service.binaryMediaTypes).toEqual(expect.arrayContaining(['text/plain', 'text/html']));
    expect(service.apiTimeoutSeconds).toBeLessThanOrEqual(29);
  });

  it('encodes event keys as S3 does in real notifications (the sample event in events/)', async () => {
    const sample: unknown = JSON.parse(
      await readFile(new URL('../../../events/s3-put.json', import.meta.url), 'utf-8'),
    );
    expect(sample).toMatchObject({
      Records: [{ s3: { object: { key: 'incoming/world/caf%C3%A9+owners+%2B+staff.txt' } } }],
    });
    expect(encodeEventKey('incoming/world/café owners + staff.txt')).toBe(
      'incoming/world/caf%C3%A9+owners+%2B+staff.txt',
    );
  });
});

describe('local stack: API with an API key', () => {
  const withKey = { 'x-api-key': API_KEY };

  it('refuses requests without a key or with a wrong key (403), as API Gateway does', async () => {
    const missing = await fetch(`${stack.apiUrl}/summaries/shipping-merger.txt`);
    const wrong = await fetch(`${stack.apiUrl}/summaries/shipping-merger.txt`, {
      headers: { 'x-api-key': 'not-the-key-0000000000000' },
    });
    expect(missing.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect(await missing.json()).toEqual({ message: 'Forbidden' });
  });

  it('GETs a stored analysis by its percent-encoded key', async () => {
    await waitForJson(`summaries/${FERRY_KEY.slice('incoming/'.length)}.json`);
    const path = FERRY_KEY.slice('incoming/'.length).split('/').map(encodeURIComponent).join('/');
    expect(path).toBe('Caf%C3%A9%20news/ferry%20strike%20%2B%20100%25%20pay.txt');
    const response = await fetch(`${stack.apiUrl}/summaries/${path}`, {
      headers: withKey,
    });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(schemaErrors(body)).toEqual([]);
    expect(body).toMatchObject({ title: 'Ferry strike halts crossings for a second day' });
  });

  it('answers 404 for a key with no analysis', async () => {
    const response = await fetch(`${stack.apiUrl}/summaries/never-uploaded.txt`, { headers: withKey });
    expect(response.status).toBe(404);
  });

  it('POSTs raw text (sent base64 to the function) and JSON, and returns schema-valid analyses', async () => {
    const raw = await fetch(`${stack.apiUrl}/summaries?sentences=2`, {
      method: 'POST',
      headers: { ...withKey, 'content-type': 'text/plain; charset=utf-8' },
      body: FERRY_ARTICLE,
    });
    const json = await fetch(`${stack.apiUrl}/summaries`, {
      method: 'POST',
      headers: { ...withKey, 'content-type': 'application/json' },
      body: JSON.stringify({ html: HTML_ARTICLE }),
    });
    expect(raw.status).toBe(200);
    expect(json.status).toBe(200);
    const rawBody: unknown = await raw.json();
    const jsonBody: unknown = await json.json();
    expect(schemaErrors(rawBody)).toEqual([]);
    expect(schemaErrors(jsonBody)).toEqual([]);
    expect(rawBody).toMatchObject({ status: 'ok', summary: { sentences: [{}, {}] } });
    expect(jsonBody).toMatchObject({ status: 'ok', format: 'html' });
  });

  it('POSTs a PDF as a binary body and returns its analysis', async () => {
    const pdf = makePdf([{ lines: FERRY_ARTICLE.split('\n') }]);
    const response = await fetch(`${stack.apiUrl}/summaries`, {
      method: 'POST',
      headers: { ...withKey, 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(schemaErrors(body)).toEqual([]);
    expect(body).toMatchObject({
      status: 'ok',
      format: 'pdf',
      title: 'Ferry strike halts crossings for a second day',
    });
  });

  it('answers unknown paths with 403 "Missing Authentication Token", as API Gateway does', async () => {
    const response = await fetch(`${stack.apiUrl}/nothing-here`, { headers: withKey });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });
});

describe('local stack: shutdown', () => {
  it('frees both ports and keeps the data on disk', async () => {
    await stack.close();
    expect(await Promise.all(ports.map(portIsFree))).toEqual([true, true]);
    const stored = await readFile(
      join(dataDir, BUCKET, 'summaries', 'shipping-merger.txt.json._S3rver_object'),
    );
    expect(stored.byteLength).toBeGreaterThan(0);
  });
});
