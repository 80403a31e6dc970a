import { z } from 'zod';
import { MalformedInputError } from '../../../errors.js';
import { DEFAULT_WORK_LIMITS, type WorkLimits } from '../../limits.js';
import { normalizeText } from '../normalize.js';
import { cleanInline, type ParsedArticle } from './parsed.js';
import { parseText } from './text.js';

const TEXT_FIELDS = ['text', 'body', 'content'] as const;

/** An author given as a name, a `{ name }` object, or a list of either. */
const authorSchema = z.union([
  z.string(),
  z.object({ name: z.string() }).transform((author) => author.name),
  z
    .array(z.union([z.string(), z.object({ name: z.string() }).transform((author) => author.name)]))
    .transform((names) => names.join(', ')),
]);

/**
 * The article export shape. Unknown keys are ignored (exports carry ids, URLs, tags...), and
 * zod does not descend into them, so a deeply nested unrelated value costs nothing.
 */
const articleSchema = z.object({
  title: z.string().optional(),
  headline: z.string().optional(),
  byline: authorSchema.optional(),
  author: authorSchema.optional(),
  published: z.string().optional(),
  date: z.string().optional(),
  text: z.string().optional(),
  body: z.string().optional(),
  content: z.string().optional(),
  html: z.string().optional(),
});

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * Reads a JSON article export: an object with the body in `text`, `body` or `content` (plain
 * text) or `html`, and optional `title`/`headline`, `byline`/`author` and `published`/`date`.
 * Metadata given in the JSON wins over anything found in the body. Asynchronous because an `html`
 * body loads the HTML parser on first use.
 *
 * @example
 * await parseJson('{"title":"Vote delayed","text":"The vote was delayed."}')
 * // { title: 'Vote delayed', byline: null, published: null, paragraphs: ['The vote was delayed.'] }
 */
export async function parseJson(
  text: string,
  limits: WorkLimits = DEFAULT_WORK_LIMITS,
): Promise<ParsedArticle> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // SyntaxError for bad JSON; RangeError if an engine gives up on extreme nesting.
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    throw new MalformedInputError(`The JSON could not be parsed${detail}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedInputError(
      `Expected a JSON object with a "text", "body", "content" or "html" field, got ${describe(value)}`,
    );
  }

  const result = articleSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new MalformedInputError(
      `The JSON field "${field}" has the wrong type: ${issue?.message ?? 'invalid'}`,
    );
  }
  const article = result.data;

  // Escapes such as \u00a0 or \r\n only become characters now, so the fields are normalised here.
  const field = (value: string | undefined): string | null =>
    value === undefined ? null : cleanInline(normalizeText(value));
  const title = field(article.title ?? article.headline);
  const byline = field(article.byline ?? article.author);
  const published = field(article.published ?? article.date);
  const bodyText = TEXT_FIELDS.map((name) => article[name])
    .map((value) => (value === undefined ? '' : normalizeText(value)))
    .find((value) => value !== '');
  const html = article.html === undefined ? '' : normalizeText(article.html);

  let body: ParsedArticle;
  if (bodyText !== undefined) body = parseText(bodyText, { detectTitle: title === null });
  else if (html !== '') body = (await import('./html.js')).parseHtml(html, limits);
  else {
    throw new MalformedInputError(
      'The JSON object has no text: expected a non-empty "text", "body", "content" or "html" field',
    );
  }

  return {
    title: title ?? body.title,
    byline: byline ?? body.byline,
    published: published ?? body.published,
    paragraphs: body.paragraphs,
  };
}
