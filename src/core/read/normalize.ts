/**
 * Invisible characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft
 * hyphen, bidi marks and embeddings, invisible math operators, interlinear annotation marks.
 * Pasted web text is full of them, and they split words and defeat matching downstream.
 */
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/gu;
/** C0 and C1 controls other than tab and line feed (line breaks are handled before this runs). */
const CONTROLS = /(?![\t\n])\p{Cc}/gu;
/** Surrogate halves without a partner: not text, and they make `normalize` output ill-formed. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every Unicode space separator (NBSP, narrow NBSP, figure space, em space...) and tab. */
const SPACES = /[\t\p{Zs}]/gu;
const LEADING = /^[\t\p{Zs}]*/u;

/**
 * Normalises decoded text: Unicode NFC, invisible characters and stray controls removed, every
 * kind of space made an ASCII space, line endings made LF, runs of spaces collapsed, trailing
 * spaces trimmed, and at most one blank line between paragraphs.
 *
 * Leading indentation is kept (as spaces) because Markdown gives it meaning: indented code blocks
 * and nested list items. The format parsers trim lines themselves.
 *
 * @example
 * normalizeText('Caf\u0065\u0301\u00A0 au lait\r\n') // 'Café au lait'
 */
export function normalizeText(text: string): string {
  const lines = text
    .replace(LONE_SURROGATES, '')
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\v/g, '\n')
    // A form feed or paragraph separator ends a page or paragraph: keep it as a blank line.
    .replace(/[\f\u2029]/g, '\n\n')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .split('\n');

  const out: string[] = [];
  for (const line of lines) {
    const lead = LEADING.exec(line)?.[0] ?? '';
    // A leading tab is four columns of indentation in Markdown; anywhere else it is one space.
    const indent = lead.replace(/\t/g, '    ').replace(SPACES, ' ').length;
    const collapsed = line.slice(lead.length).replace(SPACES, ' ').replace(/ {2,}/g, ' ').trimEnd();
    if (collapsed === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(' '.repeat(indent) + collapsed);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
