import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../src/cli/args.js';

function usageMessage(argv: readonly string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('parseCliArgs on an unknown option', () => {
  it.each([
    ['--sentence', 'sentences'],
    ['--keyword', 'keywords'],
    ['--prety', 'pretty'],
    ['--max-byte', 'max-bytes'],
    ['--replace-taxonomies', 'replace-taxonomy'],
    ['--sent', 'sentences'],
  ])('suggests the nearest option for %s', (typed, suggested) => {
    expect(usageMessage([typed, 'story.txt'])).toBe(`unknown option ${typed} (did you mean --${suggested}?)`);
  });

  it('names the option without a guess when nothing is close', () => {
    expect(usageMessage(['--colour', 'story.txt'])).toBe('unknown option --colour');
  });

  it('keeps the message of other command-line errors', () => {
    expect(usageMessage(['--sentences', '0', 'story.txt'])).toMatch(/--sentences must be a whole number/);
  });
});
