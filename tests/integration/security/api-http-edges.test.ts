import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The handler modules validate the process environment when imported (as at a cold start).
vi.hoisted(() => {
  process.env.LEDE_BUCKET ??= 'lede-import-default';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

import { loadConfig } from '../../../src/config.js';
import { createApiHandler } from '../../../src/handlers/api.js';
import { type LocalApi, startLocalApi } from '../../../src/local/api-gateway.js';
import { readServiceConfig } from '../../../src/local/service-config.js';
import { STORY } from '../../support/bad-inputs.js';
import { type LocalS3, silentLogger, startLocalS3 } from '../lambda/support.js';

// Issue 18: `Expect: 100-continue` through the local gateway, and JSON bodies that are not UTF-8, over
// real HTTP requests with the media types serverless.yml declares.
const BUCKET = 'lede-http-edges';
const API_KEY = 'http-edges-test-key-0123456789abcdef';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let local: LocalS3;
let api: LocalApi;
let binaryMediaTypes: readonly string[];

beforeAll(async () => {
  [local, { binaryMediaTypes }] = await Promise.all([startLocalS3([BUCKET]), readServiceConfig(ROOT)]);
  const handler = createApiHandler({
    s3: local.client,
    config: loadConfig({ LEDE_BUCKET: BUCKET }),
    logger: silentLogger(),
  });
  api = await startLocalApi({
    host: '127.0.0.1',
    port: 0,
    apiKey: API_KEY,
    binaryMediaTypes,
    stage: 'test',
    functionName: 'lede-http-edges',
    timeoutSeconds: 30,
    handler: (event, context) => handler(event, context),
  });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await local?.stop();
});

interface Exchange {
  readonly status: number;
  readonly body: string;
  /** Whether the server sent "100 Continue" before its answer. */
  readonly continued: boolean;
  /** Whether the body was sent at all (only after a 100 Continue). */
  readonly bodySent: boolean;
}

/** A POST that announces `Expect: 100-continue` and sends its body only once told to continue. */
function postExpectingContinue(headers: Record<string, string>, body: Uint8Array): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${api.url}/summaries`);
    let continued = false;
    let bodySent = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, expect: '100-continue', 'content-length': String(body.byteLength) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            continued,
            bodySent,
          }),
        );
      },
    );
    req.on('continue', () => {
      continued = true;
      bodySent = true;
      req.end(body);
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('local API gateway: Expect: 100-continue', () => {
  it('sends 100 Continue, reads the body and answers with the analysis', async () => {
    const exchange = await postExpectingContinue(
      { 'x-api-key': API_KEY, 'content-type': 'text/plain' },
      new TextEncoder().encode(STORY),
    );
    expect(exchange).toMatchObject({ status: 200, continued: true });
    expect(JSON.parse(exchange.body)).toMatchObject({
      status: 'ok',
      title: 'Night ferry returns to the outer islands',
    });
  });

  it('refuses a wrong key at once, without asking for the body', async () => {
    const exchange = await postExpectingContinue(
      { 'x-api-key': 'not-the-key', 'content-type': 'text/plain' },
      new TextEncoder().encode(STORY),
    );
    expect(exchange).toMatchObject({ status: 403, continued: false, bodySent: false });
  });

  it('refuses a declared body over the payload limit with 413 before it is sent', async () => {
    const exchange = await postExpectingContinue(
      { 'x-api-key': API_KEY, 'content-type': 'text/plain' },
      new Uint8Array(11 * 1024 * 1024).fill(0x61),
    );
    expect(exchange).toMatchObject({ status: 413, bodySent: false });
  });
});

describe('API: JSON bodies that are not UTF-8', () => {
  const post = (body: Uint8Array): Promise<Response> =>
    fetch(`${api.url}/summaries`, {
      method: 'POST',
      headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
      body,
    });

  it('declares application/json a binary media type, so the function sees the bytes sent', () => {
    expect(binaryMediaTypes).toContain('application/json');
  });

  it('refuses a JSON body with an invalid UTF-8 byte with 400', async () => {
    const head = new TextEncoder().encode('{"text": "The ferry sailed at dawn from the quay in Mal');
    const tail = new TextEncoder().encode(' and reached the island by noon."}');
    const response = await post(new Uint8Array([...head, 0xe9, ...tail]));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'MALFORMED_INPUT', message: /UTF-8/ } });
  });

  it('analyses the same body when it is valid UTF-8', async () => {
    const response = await post(
      new TextEncoder().encode(
        '{"text": "The ferry sailed at dawn from the quay in Malé and reached the island by noon."}',
      ),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('Malé');
  });
});
