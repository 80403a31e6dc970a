import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/core/analyze.js';
import { LedeError } from '../../../src/errors.js';
import { BAD_INPUTS, BATTERY_MAX_BYTES, caseBytes, expectationFor } from '../../support/bad-inputs.js';
import {
  CASE_TIMEOUT_MS,
  expectOutcome,
  MEMORY_GROWTH_BOUND_BYTES,
  type Observed,
  withPeakMemory,
} from '../../support/battery-outcome.js';

/**
 * `analyzeFile` (what the handlers and the CLI call: every format, PDF and Word included) either
 * returns an analysis or throws a `LedeError`; anything else is a crash.
 */
async function analyze(bytes: Uint8Array, filename: string): Promise<Observed> {
  try {
    return {
      kind: 'analysis',
      analysis: await analyzeFile(bytes, { filename, maxBytes: BATTERY_MAX_BYTES }),
    };
  } catch (error) {
    if (!(error instanceof LedeError)) throw error;
    // A named subclass, never the INTERNAL wrapper: bad input is the caller's, and said so.
    expect(error.constructor).not.toBe(LedeError);
    return { kind: 'error', code: error.code, message: error.message };
  }
}

describe('bad-input battery: analyzeFile', () => {
  it('has unique case names and file names', () => {
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
    expect(new Set(BAD_INPUTS.map((c) => c.filename)).size).toBe(BAD_INPUTS.length);
  });

  for (const testCase of BAD_INPUTS) {
    const expectation = expectationFor(testCase, 'core');
    const outcome = 'error' in expectation ? `refuses with ${expectation.error}` : 'answers';
    it(
      `${outcome}: ${testCase.name}`,
      async () => {
        const bytes = caseBytes(testCase);

        const { result, grewBy } = await withPeakMemory(() => analyze(bytes, testCase.filename));

        expectOutcome(result, expectation);
        expect(grewBy).toBeLessThan(MEMORY_GROWTH_BOUND_BYTES);
      },
      testCase.large === true ? CASE_TIMEOUT_MS.large : CASE_TIMEOUT_MS.small,
    );
  }
});
