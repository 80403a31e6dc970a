import type { APIGatewayProxyEventSchema } from '@aws-lambda-powertools/parser/schemas/api-gateway';
import { z } from 'zod';
import type { Format } from '../core/document.js';
import { MAX_SUMMARY_WORDS } from '../core/summary/summarize.js';
import {
  EmptyDocumentError,
  InputTooLargeError,
  MalformedInputError,
  MethodNotAllowedError,
  NotFoundError,
  UnsupportedMediaError,
} from '../errors.js';

/** An article posted to `POST /summaries`, decoded to bytes with its format known. */
export interface ArticleRequest {
  readonly bytes: Uint8Array;
  readonly format: Format;
  readonly contentType: string;
  readonly title?: string;
  readonly sentences?: number;
  /** Word budget of the summary (whole sentences, at most this many words). */
  readonly words?: number;
}

/** What the API handler receives in place of the raw API Gateway event. */
export type ApiRequest =
  | { readonly route: 'createSummary'; readonly article: ArticleRequest }
  | { readonly route: 'getSummary'; readonly key: string };

export type ProxyEvent = z.infer<typeof APIGatewayProxyEventSchema>;

export class RouteMethodNotAllowedError extends MethodNotAllowedError {
  readonly allow: readonly string[];
  constructor(method: string, allow: readonly string[]) {
    super(`Method ${method} is not allowed here; use ${allow.join(', ')}`);
    this.allow = allow;
  }
}

const sentences = z.int().min(1).max(50);
const words = z.int().min(1).max(MAX_SUMMARY_WORDS);
const title = z.string().trim().min(1).max(1000);

// Unknown fields are rejected, not ignored: a typo such as `sentence` would otherwise silently give
// the default summary length. Exactly one of text/html/markdown names the body and its format.
const JsonBodySchema = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    markdown: z.string().optional(),
    title: title.optional(),
    sentences: sentences.optional(),
    words: words.optional(),
  })
  .refine((body) => [body.text, body.html, body.markdown].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of "text", "html" or "markdown"',
  });

// Raw bodies take their options from the query string: `POST /summaries?sentences=5&title=...`.
const QuerySchema = z.object({
  title: title.optional(),
  sentences: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(sentences).optional(),
  words: z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(words).optional(),
});

const RAW_FORMATS: Readonly<Record<string, Format>> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const ROUTES: Readonly<
  Record<string, Readonly<Record<string, (event: ProxyEvent, maxBytes: number) => ApiRequest>>>
> = {
  '/summaries': {
    POST: (event, maxBytes) => ({ route: 'createSummary', article: parseArticle(event, maxBytes) }),
  },
  '/summaries/{key+}': {
    GET: (event) => ({ route: 'getSummary', key: decodePathKey(event.pathParameters?.key) }),
  },
};

/**
 * Routes a validated API Gateway (REST, v1) event and decodes its body, so the handler sees only an
 * `ApiRequest`. Header names are looked up in lower case (`@middy/http-header-normalizer` runs first).
 * Throws `NotFoundError`, `RouteMethodNotAllowedError` or the body errors (400, 413, 415, 422).
 *
 * @example
 * const request = routeApiRequest(event, { maxBytes: 1_048_576 }); // { route: 'getSummary', key: 'a.txt' }
 */
export function routeApiRequest(event: ProxyEvent, options: { maxBytes: number }): ApiRequest {
  const methods = ROUTES[event.resource];
  if (methods === undefined) throw new NotFoundError(`No route for ${event.resource}`);
  const route = methods[event.httpMethod];
  if (route === undefined) throw new RouteMethodNotAllowedError(event.httpMethod, Object.keys(methods));
  return route(event, options.maxBytes);
}

function parseArticle(event: ProxyEvent, maxBytes: number): ArticleRequest {
  const contentType = event.headers?.['content-type'] ?? '';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const bytes = bodyBytes(event);
  if (bytes.byteLength > maxBytes) throw new InputTooLargeError(bytes.byteLength, maxBytes);
  if (mediaType === 'application/json') return parseJsonArticle(bytes);
  const format = RAW_FORMATS[mediaType];
  if (format === undefined) {
    throw new UnsupportedMediaError(
      `Content-Type "${mediaType || '(none)'}" is not supported; send application/json, ${Object.keys(RAW_FORMATS).join(', ')}`,
    );
  }
  if (bytes.byteLength === 0) throw new EmptyDocumentError('The request body is empty');
  const query = QuerySchema.safeParse(event.queryStringParameters ?? {});
  if (!query.success) throw new MalformedInputError(`Invalid query string: ${describe(query.error)}`);
  return { bytes, format, contentType, ...defined(query.data) };
}

function parseJsonArticle(bytes: Uint8Array): ArticleRequest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new MalformedInputError('The request body is not valid UTF-8 JSON', { cause: error });
  }
  const body = JsonBodySchema.safeParse(json);
  if (!body.success) throw new MalformedInputError(`Invalid request body: ${describe(body.error)}`);
  const { text, html, markdown, ...options } = body.data;
  const [content, format] =
    html !== undefined
      ? [html, 'html' as const]
      : markdown !== undefined
        ? [markdown, 'md' as const]
        : [text ?? '', 'txt' as const];
  if (content.trim() === '') throw new EmptyDocumentError();
  return {
    bytes: new TextEncoder().encode(content),
    format,
    contentType: `${format === 'html' ? 'text/html' : format === 'md' ? 'text/markdown' : 'text/plain'}; charset=utf-8`,
    ...defined(options),
  };
}

function bodyBytes(event: ProxyEvent): Uint8Array {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return new TextEncoder().encode(body);
  const compact = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new MalformedInputError('The request body is marked base64 but is not valid base64');
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

// REST APIs pass `{key+}` through still percent-encoded (serverless/serverless#5037), while some local
// emulators decode it: decode when the value is valid percent-encoding, else take it as it is.
// `+` stays a plus: it only means a space in query strings and in S3 event keys.
function decodePathKey(raw: string | undefined): string {
  if (raw === undefined) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}

// exactOptionalPropertyTypes: drop undefined options instead of passing `title: undefined` along.
function defined(options: {
  title?: string | undefined;
  sentences?: number | undefined;
  words?: number | undefined;
}): { title?: string; sentences?: number; words?: number } {
  return {
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.sentences === undefined ? {} : { sentences: options.sentences }),
    ...(options.words === undefined ? {} : { words: options.words }),
  };
}
