import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, logSafeValue, MAX_LOGGED_STRING } from '../../../src/observability.js';

const ARTICLE = Array.from(
  { length: 400 },
  (_, i) => `Sentence ${i} of the harbour story says the ferry ran late again on a windy day.`,
).join(' ');

let lines: string[];

// Powertools writes log lines to stdout (errors to stderr); Lambda sends both to CloudWatch.
beforeEach(() => {
  lines = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf-8'));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function logger() {
  return createLogger({ serviceName: 'lede-test', logLevel: 'DEBUG' });
}

describe('log lines', () => {
  it('cut a long attribute and a long error message to a bounded length', () => {
    logger().error('Record failed', { body: ARTICLE, error: new Error(ARTICLE) });

    const output = lines.join('');
    expect(output).not.toContain(ARTICLE);
    expect(output).not.toContain('Sentence 399');
    expect(output).toContain(`[truncated: ${ARTICLE.length} chars]`);
    expect(output.length).toBeLessThan(6 * MAX_LOGGED_STRING);
  });

  it('redact values under secret-looking names, nested ones included', () => {
    const secret = 'EXAMPLEKEYexampleKEY0123456789abcdefABCD';
    logger().info('Request', {
      headers: { 'x-api-key': secret, Authorization: `Bearer ${secret}` },
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: secret },
      apiKey: secret,
      sessionToken: secret,
    });

    const output = lines.join('');
    expect(output).not.toContain(secret);
    expect(output).not.toContain('AKIAEXAMPLE');
    expect(JSON.parse(output)).toMatchObject({
      apiKey: '[redacted]',
      headers: { 'x-api-key': '[redacted]' },
    });
  });

  it('keep short values and ordinary names as they are', () => {
    logger().info('Article analysed', {
      key: 'incoming/a.txt',
      size: 1200,
      outputKey: 'summaries/a.txt.json',
    });

    expect(JSON.parse(lines.join(''))).toMatchObject({
      message: 'Article analysed',
      key: 'incoming/a.txt',
      size: 1200,
      outputKey: 'summaries/a.txt.json',
    });
  });
});

describe('logSafeValue', () => {
  it('keeps strings up to the limit whole', () => {
    const exact = 'x'.repeat(MAX_LOGGED_STRING);
    expect(logSafeValue('message', exact)).toBe(exact);
    expect(logSafeValue('message', `${exact}y`)).toBe(
      `${exact}... [truncated: ${MAX_LOGGED_STRING + 1} chars]`,
    );
  });
});
