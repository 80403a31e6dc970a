import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { loadConfig } from '../../../src/config.js';
import type { ErrorCode } from '../../../src/errors.js';
import { createApiHandler } from '../../../src/handlers/api.js';
import { type LocalApi, startLocalApi } from '../../../src/local/api-gateway.js';
import {
  BAD_INPUTS,
  BATTERY_MAX_BYTES,
  caseBytes,
  type DeclaredFormat,
  expectationFor,
  STORY,
  STORY_TITLE,
} from '../../support/bad-inputs.js';
import {
  CASE_TIMEOUT_MS,
  expectOutcome,
  MEMORY_GROWTH_BOUND_BYTES,
  type Observed,
  STATUS_OF,
  withPeakMemory,
} from '../../support/battery-outcome.js';
import { type LocalS3, silentLogger, startLocalS3 } from '../lambda/support.js';

const BUCKET = 'lede-battery-api';
const API_KEY = 'battery-test-key-0123456789abcdef';
// As serverless.yml's provider.apiGateway.binaryMediaTypes: these bodies reach the function base64.
const BINARY_MEDIA_TYPES = ['application/json', 'text/plain', 'text/markdown', 'text/html'];
const CONTENT_TYPES: Readonly<Record<DeclaredFormat, string>> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
};

let local: LocalS3;
let api: LocalApi;

beforeAll(async () => {
  local = await startLocalS3([BUCKET]);
  const handler = createApiHandler({
    s3: local.client,
    config: loadConfig({ LEDE_BUCKET: BUCKET, LEDE_MAX_BYTES: String(BATTERY_MAX_BYTES) }),
    logger: silentLogger(),
  });
  api = await startLocalApi({
    host: '127.0.0.1',
    port: 0,
    apiKey: API_KEY,
    binaryMediaTypes: BINARY_MEDIA_TYPES,
    stage: 'test',
    functionName: 'lede-battery-api',
    timeoutSeconds: 30,
    handler: (event, context) => handler(event, context),
  });
});
afterAll(async () => {
  await api?.close();
  await local?.stop();
});

const ErrorBody = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) });

/** POSTs to /summaries over HTTP; a refusal must carry the status of its error code. */
async function post(
  body: Uint8Array | string | undefined,
  contentType: string | undefined,
  query = '',
): Promise<Observed> {
  const response = await fetch(`${api.url}/summaries${query}`, {
    method: 'POST',
    headers: { 'x-api-key': API_KEY, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
    ...(body === undefined ? {} : { body }),
  });
  const json: unknown = await response.json();
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  if (response.status === 200) return { kind: 'analysis', analysis: json };
  const { error } = ErrorBody.parse(json);
  expect(response.status, error.message).toBe(STATUS_OF[error.code as ErrorCode]);
  return { kind: 'error', code: error.code, message: error.message };
}

describe('bad-input battery: POST /summaries over HTTP', () => {
  for (const testCase of BAD_INPUTS) {
    const expectation = expectationFor(testCase, 'api');
    const outcome = 'error' in expectation ? `refuses with ${expectation.error}` : 'answers 200';
    it(
      `${outcome}: ${testCase.name} (${CONTENT_TYPES[testCase.format]})`,
      async () => {
        const bytes = caseBytes(testCase);

        const { result, grewBy } = await withPeakMemory(() => post(bytes, CONTENT_TYPES[testCase.format]));

        expectOutcome(result, expectation);
        expect(grewBy).toBeLessThan(MEMORY_GROWTH_BOUND_BYTES);
      },
      testCase.large === true ? CASE_TIMEOUT_MS.large : CASE_TIMEOUT_MS.small,
    );
  }
});

const ARTICLE_BODY = STORY.slice(STORY.indexOf('\n\n') + 2);
const json = (value: unknown): string => JSON.stringify(value);

describe('bad-input battery: API requests', () => {
  it.each([
    ['image/png', 'UNSUPPORTED_MEDIA'],
    ['video/mp4', 'UNSUPPORTED_MEDIA'],
    ['application/zip', 'UNSUPPORTED_MEDIA'],
    ['application/x-www-form-urlencoded', 'UNSUPPORTED_MEDIA'],
    ['multipart/form-data; boundary=x', 'UNSUPPORTED_MEDIA'],
    [undefined, 'UNSUPPORTED_MEDIA'],
  ] as const)('refuses Content-Type %s with %s', async (contentType, code) => {
    // Bytes, not a string: fetch would add text/plain to a string body that has no Content-Type.
    expectOutcome(await post(new TextEncoder().encode(STORY), contentType), { error: code });
  });

  it.each([
    ['no body, text/plain', undefined, 'text/plain', 'EMPTY_DOCUMENT'],
    ['an empty body, text/html', '', 'text/html', 'EMPTY_DOCUMENT'],
    ['no body, application/json', undefined, 'application/json', 'MALFORMED_INPUT'],
    ['an empty JSON object', '{}', 'application/json', 'MALFORMED_INPUT'],
    ['an empty text field', json({ text: '' }), 'application/json', 'EMPTY_DOCUMENT'],
    ['a whitespace-only html field', json({ html: ' \n\t ' }), 'application/json', 'EMPTY_DOCUMENT'],
  ] as const)('refuses %s', async (_name, body, contentType, code) => {
    expectOutcome(await post(body, contentType), { error: code });
  });

  it('reads a raw text body that reaches the function base64-encoded, options from the query', async () => {
    const result = await post(STORY, 'text/plain; charset=utf-8', '?sentences=1&title=Given%20title');

    expectOutcome(result, { ok: true, title: 'Given title', summaryIncludes: ['ferry'] });
    expect(result).toMatchObject({ analysis: { summary: { sentences: [{}] } } });
  });

  it('reads a body whose text is itself base64 as text, not as decoded bytes', async () => {
    const encoded = Buffer.from(STORY).toString('base64');

    expectOutcome(await post(json({ text: encoded }), 'application/json'), { ok: true, maxSentences: 1 });
  });

  it.each([
    ['JSON', 'application/json', () => json({ text: 'x'.repeat(BATTERY_MAX_BYTES) })],
    ['Markdown', 'text/markdown', () => '# Title\n\n'.padEnd(BATTERY_MAX_BYTES + 1, 'word ')],
  ])('refuses a %s body over the size limit with 413', async (_name, contentType, body) => {
    expectOutcome(await post(body(), contentType), { error: 'INPUT_TOO_LARGE' });
  });

  it.each([
    ['a truncated object', '{"text": "The ferry sailed."'],
    ['a trailing comma', '{"text": "The ferry sailed.",}'],
    ['single quotes', "{'text': 'The ferry sailed.'}"],
    ['a bare string', '"The ferry sailed."'],
    ['an array', '[{"text": "The ferry sailed."}]'],
    ['null', 'null'],
    ['NaN as a value', '{"text": "The ferry sailed.", "sentences": NaN}'],
    ['a number where text goes', '{"text": 42}'],
  ])('refuses malformed JSON: %s', async (_name, body) => {
    expectOutcome(await post(body, 'application/json'), { error: 'MALFORMED_INPUT' });
  });

  it.each([
    ['a misspelt option', { text: ARTICLE_BODY, sentence: 2 }],
    ['an unknown field', { text: ARTICLE_BODY, url: 'http://169.254.169.254/latest/meta-data/' }],
    ['a prototype key', JSON.parse(`{"text": ${json(ARTICLE_BODY)}, "__proto__": {"sentences": 2}}`)],
  ])('refuses %s', async (_name, body) => {
    expectOutcome(await post(json(body), 'application/json'), { error: 'MALFORMED_INPUT' });
  });

  it.each([
    ['1e9', '{"sentences": 1e9}'],
    ['2^53 + 1', '{"sentences": 9007199254740993}'],
    ['1e400 (Infinity once parsed)', '{"sentences": 1e400}'],
    ['-1', '{"sentences": -1}'],
    ['0', '{"sentences": 0}'],
    ['2.5', '{"sentences": 2.5}'],
    ['"3" (a string)', '{"sentences": "3"}'],
  ])('refuses sentences = %s in a JSON body', async (_name, fragment) => {
    const body = `{"text": ${json(ARTICLE_BODY)}, ${fragment.slice(1, -1)}}`;

    expectOutcome(await post(body, 'application/json'), { error: 'MALFORMED_INPUT' });
  });

  it.each(['99999999999999999999', '1e3', '-2', '0', '3.0', ''])(
    'refuses ?sentences=%s on a raw body',
    async (value) => {
      expectOutcome(await post(STORY, 'text/plain', `?sentences=${value}`), { error: 'MALFORMED_INPUT' });
    },
  );

  it('answers the largest allowed sentences value with every sentence, no more', async () => {
    const result = await post(
      json({ title: STORY_TITLE, text: ARTICLE_BODY, sentences: 50 }),
      'application/json',
    );

    expectOutcome(result, { ok: true, title: STORY_TITLE, minSentences: 4, maxSentences: 4 });
    expect(result).toMatchObject({ analysis: { summary: { sentences: [{}, {}, {}, {}] } } });
  });
});
