/**
 * How every surface's answer to a bad-input case is judged: the surface turns what it produced (a
 * thrown error, a CLI line, an S3 document, an HTTP response) into an {@link Observed} and
 * {@link expectOutcome} compares it with the case's expectation, the same way for all of them.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import {
  EmptyDocumentError,
  type ErrorCode,
  InputTooComplexError,
  InputTooLargeError,
  InvalidOptionsError,
  MalformedInputError,
  UnsupportedFormatError,
  UnsupportedLanguageError,
  UnsupportedMediaError,
} from '../../src/errors.js';
import { type Expectation, isOk, MAX_SUMMARY_CHARS } from './bad-inputs.js';
import { schemaErrors } from './schema.js';

/** What a surface produced: an analysis (the JSON it printed, stored or returned) or a refusal. */
export type Observed =
  | { readonly kind: 'analysis'; readonly analysis: unknown }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

/** Generous: a runaway (the 4 GB an unbounded segmenter took on 2 MB) is far above it. */
export const MEMORY_GROWTH_BOUND_BYTES = 768 * 1024 * 1024;

/** Per-test time bounds: small cases answer in milliseconds, the megabyte ones in seconds. */
export const CASE_TIMEOUT_MS = { small: 15_000, large: 90_000 } as const;

const AnalysisFields = z.object({
  status: z.literal('ok'),
  title: z.string().nullable(),
  format: z.string(),
  encoding: z.string(),
  summary: z.object({ text: z.string(), sentences: z.array(z.object({ text: z.string() })) }),
  stats: z.object({ sentences: z.number() }),
});

/** Asserts that `observed` is what `expectation` asks for, with messages that say what came instead. */
export function expectOutcome(observed: Observed, expectation: Expectation): void {
  if (!isOk(expectation)) {
    expect(observed, 'expected a refusal').toMatchObject({ kind: 'error', code: expectation.error });
    if (observed.kind !== 'error') return;
    // A clear error: its own words, not the generic text internal failures are hidden behind.
    expect(observed.message).toMatch(/\S/);
    expect(observed.message).not.toBe('Internal error');
    return;
  }

  if (observed.kind === 'error') {
    expect.fail(`expected an analysis, got ${observed.code}: ${observed.message}`);
  }
  const { analysis } = observed;
  expect(schemaErrors(analysis)).toEqual([]);
  const fields = AnalysisFields.parse(analysis);
  const { summary, stats } = fields;
  // Never a silent empty result: some text, and every summary sentence is part of it.
  expect(summary.text).toMatch(/\S/);
  expect(summary.sentences.length).toBeGreaterThan(0);
  for (const sentence of summary.sentences) {
    expect(sentence.text).toMatch(/\S/);
    expect(summary.text).toContain(sentence.text);
  }
  expect(summary.text.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
  expect(stats.sentences).toBeGreaterThanOrEqual(Math.max(1, expectation.minSentences ?? 1));
  if (expectation.maxSentences !== undefined) {
    expect(stats.sentences).toBeLessThanOrEqual(expectation.maxSentences);
  }
  if (expectation.format !== undefined) expect(fields.format).toBe(expectation.format);
  if (expectation.encoding !== undefined) expect(fields.encoding).toBe(expectation.encoding);
  if (expectation.title !== undefined) expect(fields.title).toBe(expectation.title);
  for (const text of expectation.summaryIncludes ?? []) expect(summary.text).toContain(text);
  for (const text of expectation.summaryExcludes ?? []) expect(summary.text).not.toContain(text);
}

/** The HTTP status the API answers each refusal with, taken from the error classes themselves. */
export const STATUS_OF: Readonly<Partial<Record<ErrorCode, number>>> = Object.freeze({
  EMPTY_DOCUMENT: new EmptyDocumentError().status,
  UNSUPPORTED_MEDIA: new UnsupportedMediaError('').status,
  INPUT_TOO_LARGE: new InputTooLargeError(1, 0).status,
  INPUT_TOO_COMPLEX: new InputTooComplexError('maxNodes', 1, 'nodes').status,
  MALFORMED_INPUT: new MalformedInputError('').status,
  UNSUPPORTED_FORMAT: new UnsupportedFormatError('').status,
  UNSUPPORTED_LANGUAGE: new UnsupportedLanguageError({ code: 'xx', name: 'X' }, []).status,
  INVALID_OPTIONS: new InvalidOptionsError('').status,
});

/**
 * Runs `action` and reports how far the process's peak resident memory rose meanwhile. The peak
 * (`maxRSS`) only grows, so this bounds the case's own use from above even if garbage collection
 * has freed it by the time it returns.
 */
export async function withPeakMemory<T>(
  action: () => T | Promise<T>,
): Promise<{ result: T; grewBy: number }> {
  const before = process.resourceUsage().maxRSS * 1024;
  const result = await action();
  return { result, grewBy: process.resourceUsage().maxRSS * 1024 - before };
}
