// Character tests on UTF-16 code units with an ASCII fast path, for the code that reads every
// character (the atom scan in atoms.ts, the furniture checks) or every word (name shapes): a
// Unicode-property regex per character or per word cost more than the rest of their work. Non-ASCII
// characters fall back to the regex, surrogate pairs included.

// Tested on one character (a one- or two-unit string), so no anchors are needed.
const LETTER_MARK_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const LETTER_DIGIT = /[\p{L}\p{N}]/u;
const NUMBER = /\p{N}/u;

/** True for what JavaScript's `\s` matches. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Code units (1, or 2 for a surrogate pair) of the character at `at`. */
export function charLengthAt(text: string, at: number): 1 | 2 {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * `length` or one less, so that cutting `text` there does not leave half a surrogate pair at the end.
 * @example cutLength('a😀', 2) // 1
 */
export function cutLength(text: string, length: number): number {
  if (length <= 0 || length >= text.length) return Math.max(0, Math.min(length, text.length));
  const last = text.charCodeAt(length - 1);
  return last >= 0xd800 && last <= 0xdbff ? length - 1 : length;
}

/** A–Z. */
export function isAsciiUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** a–z. */
export function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** 0–9. */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A–Z or a–z. */
export function isAsciiLetter(code: number): boolean {
  return isAsciiLower(code | 0x20);
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiDigit(code) || isAsciiLetter(code);
}

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

/** True for an upper-case letter (one character: one code unit or a surrogate pair). */
export function isUpperChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x80 ? isAsciiUpper(code) : UPPER.test(char);
}

/** True for a lower-case letter (one character: one code unit or a surrogate pair). */
export function isLowerChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x80 ? isAsciiLower(code) : LOWER.test(char);
}

function nonAsciiLength(text: string, at: number, pattern: RegExp): 0 | 1 | 2 {
  const length = charLengthAt(text, at);
  return pattern.test(length === 1 ? text.charAt(at) : text.slice(at, at + 2)) ? length : 0;
}

/** Code units of the letter, combining mark or digit at `at`, or 0 when it is something else. */
export function letterMarkDigitAt(text: string, at: number): 0 | 1 | 2 {
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiLetterOrDigit(code) ? 1 : 0;
  return nonAsciiLength(text, at, LETTER_MARK_DIGIT);
}

/**
 * Length in code units of the run of letters, marks and digits starting at `at` (0 when none): the
 * word characters every tokeniser in the core is built from.
 */
export function wordRun(text: string, at: number): number {
  let end = at;
  for (let step = letterMarkDigitAt(text, end); step > 0; step = letterMarkDigitAt(text, end)) end += step;
  return end - at;
}

/** Code units of the digit or other number character at `at` ("7", "٣", "½"), or 0 when it is something else. */
export function numberAt(text: string, at: number): 0 | 1 | 2 {
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiDigit(code) ? 1 : 0;
  return nonAsciiLength(text, at, NUMBER);
}

/** Code units of the letter or digit at `at`, or 0 when it is something else. */
export function letterDigitAt(text: string, at: number): 0 | 1 | 2 {
  const code = text.charCodeAt(at);
  if (code < 0x80) return isAsciiLetterOrDigit(code) ? 1 : 0;
  return nonAsciiLength(text, at, LETTER_DIGIT);
}
