/**
 * What every format parser produces: metadata found in the source, and the body as paragraphs of
 * plain text. A paragraph may hold `\n` between lines that must stay apart (list items), so the
 * sentence stage can treat each as its own unit.
 */
export interface ParsedArticle {
  readonly title: string | null;
  readonly byline: string | null;
  readonly published: string | null;
  readonly paragraphs: readonly string[];
}

/** Collapses whitespace runs (including newlines) to single spaces and trims; `null` when empty. */
export function cleanInline(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE, Reuters": a byline line on its own. */
// No `i` flag: under it `\p{Lu}` would match lower case too, and "By the way" would pass.
const BYLINE = /^(?:By|BY|by)\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:,? (?:and |& )?[\p{L}\p{M}.'’-]+){0,11})$/u;

/**
 * The byline a short line states, without the leading "By", or `null` when the line is not one.
 *
 * @example
 * bylineOf('By Ana Costa and Lee Park') // 'Ana Costa and Lee Park'
 */
export function bylineOf(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length > 120) return null;
  return cleanInline(BYLINE.exec(trimmed)?.[1]);
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A line that is only a date, optionally with a time and "Published"/"Updated" in front. */
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted)(?: on)?:?\s+)?(?:\p{L}+day,?\s+)?` +
    String.raw`(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` +
    String.raw`|(?:${MONTHS})\.? \d{1,2},? \d{4}|\d{1,2} (?:${MONTHS})\.? \d{4})` +
    String.raw`(?:,? (?:at )?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,5})?)?\.?$`,
  'iu',
);

/**
 * The date a short line states, as written (ISO 8601 kept as is), or `null` when the line is not
 * only a date.
 *
 * @example
 * publishedOf('Published March 3, 2031') // 'March 3, 2031'
 */
export function publishedOf(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length > 80) return null;
  return cleanInline(DATE_LINE.exec(trimmed)?.[1]);
}
