import { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas/api-gateway';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { loadConfig } from '../../../src/config.js';
import { createApiHandler } from '../../../src/handlers/api.js';
import { createOnUploadHandler } from '../../../src/handlers/on-upload.js';
import {
  getObject,
  lambdaContext,
  loadArticle,
  loadEvent,
  putObject,
  silentLogger,
  useLocalS3,
} from './support.js';

type ApiEvent = z.infer<typeof APIGatewayProxyEventSchema>;

const BUCKET = 'lede-test-api';
const local = useLocalS3([BUCKET]);

async function apiEvent(name: string, edit: (event: ApiEvent) => void = () => undefined): Promise<ApiEvent> {
  const event = structuredClone(APIGatewayProxyEventSchema.parse(await loadEvent(name)));
  edit(event);
  return event;
}

/** A JSON POST with `body` as its raw body text. */
function withJsonBody(body: string): (event: ApiEvent) => void {
  return (event) => {
    event.body = body;
    event.isBase64Encoded = false;
  };
}

async function call(event: ApiEvent, env: Record<string, string> = {}, s3: S3Client = local.client) {
  const handler = createApiHandler({
    s3,
    config: loadConfig({ LEDE_BUCKET: BUCKET, ...env }),
    logger: silentLogger(),
  });
  const response: APIGatewayProxyResult = await handler(event, lambdaContext('lede-dev-api'));
  const body: unknown = JSON.parse(response.body);
  return { status: response.statusCode, headers: response.headers ?? {}, body };
}

describe('api POST /summaries', () => {
  it('answers 200 with the analysis of a JSON body', async () => {
    const response = await call(await apiEvent('api-post-json.json'));

    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('application/json; charset=utf-8');
    expect(response.body).toMatchObject({ status: 'ok', title: 'Town hall clock restored', format: 'txt' });
    expect(response.body).toMatchObject({ summary: { sentences: expect.any(Array) } });
    const { summary } = summaryOf(response.body);
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.sentences.length).toBeLessThanOrEqual(2);
  });

  it('answers 200 for a raw text/html body', async () => {
    const response = await call(await apiEvent('api-post-html.json'));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', format: 'html' });
  });

  it('answers 200 for a base64-encoded text/plain body, with options from the query string', async () => {
    const response = await call(await apiEvent('api-post-base64.json'));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', format: 'txt' });
    expect(summaryOf(response.body).summary.text).toMatch(/ferry|Margaret Ellis|Carrick/);
  });

  const SIX_SENTENCES = JSON.stringify({
    title: 'Harbour wall repaired',
    text: [
      'Workers finished repairing the harbour wall at Kelby on Tuesday after storms broke it in March.',
      'The repair cost the council two million pounds and took five months of work at low tide.',
      'Fishing boats had moored in the next town while the harbour wall was closed.',
      'The harbour master said the boats would return to Kelby harbour this week.',
      'Engineers raised the wall by half a metre to meet higher storm surges.',
      'The council will inspect the harbour wall again after the winter storms.',
    ].join(' '),
  });
  const wordsOf = (body: unknown) => summaryOf(body).summary.text.split(/\s+/).length;

  it('keeps the summary within the word budget a JSON body asks for', async () => {
    const body = JSON.stringify({ ...JSON.parse(SIX_SENTENCES), words: 40 });
    const response = await call(await apiEvent('api-post-json.json', withJsonBody(body)));

    expect(response.status).toBe(200);
    expect(wordsOf(response.body)).toBeLessThanOrEqual(40);
    expect(summaryOf(response.body).summary.sentences.length).toBeGreaterThanOrEqual(2);
  });

  it('uses LEDE_SUMMARY_WORDS as the default length, and a requested sentence count instead of it', async () => {
    const byDefault = await call(await apiEvent('api-post-json.json', withJsonBody(SIX_SENTENCES)), {
      LEDE_SUMMARY_WORDS: '20',
    });
    const body = JSON.stringify({ ...JSON.parse(SIX_SENTENCES), sentences: 4 });
    const asked = await call(await apiEvent('api-post-json.json', withJsonBody(body)), {
      LEDE_SUMMARY_WORDS: '20',
    });

    expect(summaryOf(byDefault.body).summary.sentences).toHaveLength(1);
    expect(summaryOf(asked.body).summary.sentences).toHaveLength(4);
  });

  it('takes a word budget from the query string of a raw body', async () => {
    const response = await call(
      await apiEvent('api-post-base64.json', (event) => {
        event.queryStringParameters = { words: '25' };
        event.multiValueQueryStringParameters = { words: ['25'] };
      }),
    );

    expect(response.status).toBe(200);
    const { summary } = summaryOf(response.body);
    expect(wordsOf(response.body) <= 25 || summary.sentences.length === 1).toBe(true);
  });

  it.each([
    ['malformed JSON', '{"text": "The clock stopped.",'],
    ['an unknown field', '{"text": "The clock stopped.", "sentence": 2}'],
    ['two text fields', '{"text": "The clock stopped.", "html": "<p>The clock stopped.</p>"}'],
    ['sentences out of range', '{"text": "The clock stopped.", "sentences": 51}'],
    ['fractional sentences', '{"text": "The clock stopped.", "sentences": 2.5}'],
    ['a word budget out of range', '{"text": "The clock stopped.", "words": 0}'],
    ['a fractional word budget', '{"text": "The clock stopped.", "words": 40.5}'],
  ])('answers 400 for %s', async (_case, body) => {
    const response = await call(await apiEvent('api-post-json.json', withJsonBody(body)));

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'MALFORMED_INPUT', message: expect.any(String) } });
  });

  it('answers 413 for a body over the size limit', async () => {
    const response = await call(await apiEvent('api-post-html.json'), { LEDE_MAX_BYTES: '256' });

    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: { code: 'INPUT_TOO_LARGE' } });
  });

  it('answers 415 for a content type it does not read', async () => {
    const event = await apiEvent('api-post-base64.json', (e) => {
      e.headers = { ...e.headers, 'Content-Type': 'image/png' };
    });

    const response = await call(event);

    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA' } });
  });

  it('answers 422 when there is no text to summarise', async () => {
    const response = await call(await apiEvent('api-post-json.json', withJsonBody('{"text": "   \\n  "}')));

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: 'EMPTY_DOCUMENT' } });
  });

  it('answers 405 with an Allow header for a method the resource does not take', async () => {
    const event = await apiEvent('api-post-json.json', (e) => {
      e.httpMethod = 'PUT';
    });

    const response = await call(event);

    expect(response.status).toBe(405);
    expect(response.headers.Allow).toBe('POST');
    expect(response.body).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it('adds the configured CORS origin to successes and errors, and nothing when none is configured', async () => {
    const ok = await call(await apiEvent('api-post-json.json'), { LEDE_CORS_ORIGIN: 'https://news.example' });
    const refused = await call(await apiEvent('api-post-json.json', withJsonBody('{')), {
      LEDE_CORS_ORIGIN: 'https://news.example',
    });
    const none = await call(await apiEvent('api-post-json.json'));

    expect(ok.headers['Access-Control-Allow-Origin']).toBe('https://news.example');
    expect(refused.headers['Access-Control-Allow-Origin']).toBe('https://news.example');
    expect(none.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });
});

describe('api GET /summaries/{key+}', () => {
  it('returns the stored analysis of an uploaded article', async () => {
    const key = 'incoming/world/café owners + staff.txt';
    await putObject(local.client, BUCKET, key, await loadArticle('harbour-ferry.txt'), 'text/plain');
    const upload = structuredClone(S3Schema.parse(await loadEvent('s3-put.json')));
    for (const record of upload.Records) record.s3.bucket.name = BUCKET;
    const onUpload = createOnUploadHandler({
      s3: local.client,
      config: loadConfig({ LEDE_BUCKET: BUCKET }),
      logger: silentLogger(),
    });
    await onUpload(upload, lambdaContext('lede-dev-onUpload'));
    const stored = await getObject(local.client, BUCKET, 'summaries/world/café owners + staff.txt.json');

    const response = await call(await apiEvent('api-get.json'));

    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(stored.text));
    expect(response.body).toMatchObject({ status: 'ok', source: { key } });
  });

  it('answers 404 when no analysis is stored under the key', async () => {
    const event = await apiEvent('api-get.json', (e) => {
      e.pathParameters = { key: 'never/uploaded.txt' };
    });

    const response = await call(event);

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers 404 for keys that try to leave the output prefix', async () => {
    const event = await apiEvent('api-get.json', (e) => {
      e.pathParameters = { key: '../incoming/secret.txt' };
    });

    const response = await call(event);

    expect(response.status).toBe(404);
  });

  it('answers 405 for POST on a stored analysis', async () => {
    const event = await apiEvent('api-get.json', (e) => {
      e.httpMethod = 'POST';
    });

    const response = await call(event);

    expect(response.status).toBe(405);
    expect(response.headers.Allow).toBe('GET');
  });

  it('answers 5xx without revealing internals when S3 fails', async () => {
    const s3 = new S3Client({ region: 'us-east-1' });
    const mock = mockClient(s3);
    mock.on(GetObjectCommand).rejects(new Error('connect ECONNREFUSED 10.20.30.40:443'));

    const response = await call(await apiEvent('api-get.json'), {}, s3);

    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: { code: 'STORAGE_UNAVAILABLE', message: 'Internal error' } });
    mock.restore();
  });
});

/** Narrows a response body to the summary fields the assertions read. */
function summaryOf(body: unknown): { summary: { text: string; sentences: unknown[] } } {
  if (typeof body !== 'object' || body === null || !('summary' in body)) throw new Error('no summary');
  const { summary } = body;
  if (typeof summary !== 'object' || summary === null || !('text' in summary) || !('sentences' in summary)) {
    throw new Error('summary has no text or sentences');
  }
  const { text, sentences } = summary;
  if (typeof text !== 'string' || !Array.isArray(sentences))
    throw new Error('summary fields have the wrong types');
  return { summary: { text, sentences } };
}
