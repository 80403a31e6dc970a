import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client } from '../../../src/local/s3-client.js';
import { readServiceConfig } from '../../../src/local/service-config.js';
import { type LocalStack, startLocalStack } from '../../../src/local/stack.js';
import { type FaultProxy, startFaultProxy } from '../faults/fault-proxy.js';
import { type RecordingServer, startRecordingServer } from './recording-server.js';

const BUCKET = 'articles';
const API_KEY = 'security-test-key-0123456789abcdef';
const FUNCTION_MAX_BYTES = 64 * 1024;

let stack: LocalStack;
let proxy: FaultProxy;
let recorder: RecordingServer;
let s3: S3Client;
let dataDir: string;

// Real HTTP to the local API Gateway emulation; the functions reach s3rver through a proxy that
// records every key they ask for (and can inject S3 failures).
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lede-security-'));
  proxy = await startFaultProxy();
  recorder = await startRecordingServer();
  stack = await startLocalStack(
    {
      host: '127.0.0.1',
      s3Port: 0,
      apiPort: 0,
      bucket: BUCKET,
      dataDir,
      apiKey: API_KEY,
      apiKeyFromEnv: true,
      failedDir: `${dataDir}-failed`,
      retryDelayMs: 0,
    },
    {
      service: await readServiceConfig(fileURLToPath(new URL('../../../', import.meta.url))),
      env: { LEDE_LOG_LEVEL: 'SILENT', LEDE_MAX_BYTES: String(FUNCTION_MAX_BYTES) },
      functionS3Client: (endpoint) => {
        proxy.setTarget(endpoint);
        return localS3Client(proxy.url);
      },
    },
  );
  s3 = localS3Client(stack.s3Endpoint);
});

afterEach(() => {
  proxy.clearRules();
});

afterAll(async () => {
  s3?.destroy();
  await stack?.close();
  await proxy?.close();
  await recorder?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}-failed`, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly text: string;
}

/** One HTTP request with node:http (fetch refuses some of the raw paths tried here). */
function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer | undefined } = {},
): Promise<Answer> {
  const url = new URL(stack.apiUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      // A fresh connection each time: the gateway may close one after refusing a request unread.
      { host: url.hostname, port: url.port, method, path, headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    // The gateway may answer 413 and close before a huge body is sent; the answer is what counts.
    req.on('error', reject);
    req.end(options.body);
  });
}

const withKey = (headers: Record<string, string> = {}) => ({ 'x-api-key': API_KEY, ...headers });

describe('API key', () => {
  const wrongKeys: [string, Record<string, string>][] = [
    ['no key', {}],
    ['an empty key', { 'x-api-key': '' }],
    ['a wrong key of the same length', { 'x-api-key': API_KEY.replace(/.$/, 'X') }],
    ['a prefix of the key', { 'x-api-key': API_KEY.slice(0, -1) }],
    ['the key plus a character', { 'x-api-key': `${API_KEY}0` }],
    ['the key as a bearer token', { authorization: `Bearer ${API_KEY}` }],
  ];

  it.each(wrongKeys)('refuses %s with 403 on every route and method', async (_case, headers) => {
    for (const path of ['/summaries', '/summaries/a.txt', `/summaries?x-api-key=${API_KEY}`]) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const answer = await call(method, path, {
          headers: { ...headers, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : '{"text":"The ferry ran late."}',
        });
        expect([method, path, answer.status]).toEqual([method, path, 403]);
        expect(JSON.parse(answer.text)).toEqual({ message: 'Forbidden' });
      }
    }
  });

  it('accepts the key', async () => {
    const answer = await call('POST', '/summaries', {
      headers: withKey({ 'content-type': 'application/json' }),
      body: JSON.stringify({ text: 'The ferry ran late on Tuesday. Crews blamed the wind.' }),
    });

    expect(answer.status).toBe(200);
  });
});

describe('request size', () => {
  it("answers 413 for a body over the function's limit", async () => {
    const answer = await call('POST', '/summaries', {
      headers: withKey({ 'content-type': 'text/plain' }),
      body: 'The ferry ran late. '.repeat(FUNCTION_MAX_BYTES / 10),
    });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'INPUT_TOO_LARGE' } });
  });

  it("answers 413 for a body over API Gateway's 10 MB, before the function runs", async () => {
    const answer = await call('POST', '/summaries', {
      headers: withKey({ 'content-type': 'text/plain' }),
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
    });

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ message: 'Request Too Long' });
  });
});

describe('error responses', () => {
  // What must never reach a client: stack frames, file paths, hosts, S3 error codes, bucket names.
  const INTERNALS =
    /\bat \S+ \(|node_modules|\/work\/|file:\/\/|\.[cm]?[jt]s:\d|127\.0\.0\.1|localhost|AccessDenied|SlowDown|S3RVER|s3rver|articles|Injected by the test proxy|\$metadata|stack/i;

  it('carry only a code and a message, for refusals and for S3 failures alike', async () => {
    proxy.addRule({
      method: 'GET',
      key: 'summaries/denied.txt.json',
      fault: { kind: 'error', status: 403, code: 'AccessDenied' },
    });
    proxy.addRule({
      method: 'GET',
      key: 'summaries/throttled.txt.json',
      fault: { kind: 'error', status: 503, code: 'SlowDown' },
    });
    const answers = [
      await call('GET', '/summaries/denied.txt', { headers: withKey() }),
      await call('GET', '/summaries/throttled.txt', { headers: withKey() }),
      await call('GET', '/summaries/never-uploaded.txt', { headers: withKey() }),
      await call('PUT', '/summaries', { headers: withKey() }),
      await call('POST', '/summaries', {
        headers: withKey({ 'content-type': 'application/json' }),
        body: '{"text": "The ferry', // truncated JSON: the parser's message quotes the input
      }),
      await call('POST', '/summaries', {
        headers: withKey({ 'content-type': 'video/mp4' }),
        body: 'not a film',
      }),
    ];

    expect(answers.map((a) => a.status)).toEqual([500, 503, 404, 405, 400, 415]);
    for (const answer of answers) {
      const body: unknown = JSON.parse(answer.text);
      expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(answer.text).not.toMatch(INTERNALS);
    }
    expect(answers.slice(0, 2).map((a) => JSON.parse(a.text))).toEqual([
      { error: { code: 'STORAGE_FAILED', message: 'Internal error' } },
      { error: { code: 'STORAGE_UNAVAILABLE', message: 'Internal error' } },
    ]);
  });
});

describe('GET /summaries/{key+}', () => {
  it('reads only under the output prefix, whatever the path says', async () => {
    const secret = 'not for the API';
    for (const key of ['private/secret.txt', 'private/secret.txt.json', 'secret.txt.json']) {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: secret }));
    }
    const attempts = [
      '/summaries/..%2Fprivate%2Fsecret.txt',
      '/summaries/../private/secret.txt',
      '/summaries/a/..%2F..%2Fprivate%2Fsecret.txt',
      '/summaries/%2e%2e%2Fprivate%2Fsecret.txt',
      '/summaries/%2Fprivate%2Fsecret.txt',
      '/summaries/..%5Cprivate%5Csecret.txt',
      '/summaries/%EF%BC%8E%EF%BC%8E/private/secret.txt',
      '/summaries/%E2%80%A5/private/secret.txt',
      '/summaries/..%C0%AFprivate%C0%AFsecret.txt',
      '/summaries/secret.txt%00',
      '/summaries/%E2%80%AEtxt.terces',
    ];
    const before = proxy.hits.length;

    const answers = [];
    for (const path of attempts)
      answers.push([path, (await call('GET', path, { headers: withKey() })).status]);

    for (const [path, status] of answers)
      expect([path, status]).toEqual([path, expect.toBeOneOf([403, 404])]);
    const asked = proxy.hits.slice(before);
    for (const hit of asked) expect(hit.key.startsWith('summaries/')).toBe(true);
    expect(asked.map((hit) => hit.method).every((method) => method === 'GET')).toBe(true);
  });
});

describe('no fetching of caller-supplied URLs', () => {
  it('never requests a URL found in a posted body, a JSON field or a path', async () => {
    const target = `${recorder.url}/from-caller`;
    const bodies: [string, string][] = [
      [
        'application/json',
        JSON.stringify({ text: `Read the report at ${target} before Tuesday. ${target}` }),
      ],
      ['application/json', JSON.stringify({ url: target })],
      ['application/json', JSON.stringify({ text: 'See below.', source: target })],
      ['text/plain', target],
      ['text/markdown', `# Harbour\n\n![map](${target}/img.png) The [report](${target}/md) came out.`],
      ['text/html', `<p>The <a href="${target}/a">report</a> came out.</p><img src="${target}/img">`],
    ];

    const statuses = [];
    for (const [type, body] of bodies) {
      statuses.push(
        (await call('POST', '/summaries', { headers: withKey({ 'content-type': type }), body })).status,
      );
    }
    statuses.push(
      (await call('GET', `/summaries/${encodeURIComponent(target)}`, { headers: withKey() })).status,
    );

    expect(statuses).toEqual([200, 400, 400, 200, 200, 200, 404]);
    expect(await recorder.flush()).toEqual([]);
  });
});
