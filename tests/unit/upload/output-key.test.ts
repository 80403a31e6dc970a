import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEventKey } from '../../../src/handlers/event-key.js';
import {
  MAX_KEY_BYTES,
  outputKeyForRequest,
  outputKeyForUpload,
  refusedKeyForUpload,
} from '../../../src/upload/output-key.js';

const LAYOUT = { inputPrefix: 'incoming/', outputPrefix: 'summaries/' };

describe('outputKeyForUpload', () => {
  it.each([
    ['incoming/a.txt', 'summaries/a.txt.json'],
    ['incoming/world/café owners + staff.txt', 'summaries/world/café owners + staff.txt.json'],
    ['incoming/..hidden/a..b.txt', 'summaries/..hidden/a..b.txt.json'],
    ['incoming/日本語/記事.md', 'summaries/日本語/記事.md.json'],
  ])('maps %s under the output prefix', (key, expected) => {
    expect(outputKeyForUpload(key, LAYOUT)).toBe(expected);
  });

  it.each([
    ['a dot-dot segment', 'incoming/../secret.txt'],
    ['a nested dot-dot segment', 'incoming/a/../../secret.txt'],
    ['a dot segment', 'incoming/./a.txt'],
    ['an absolute path after the prefix', 'incoming//etc/passwd'],
    ['an empty segment', 'incoming/a//b.txt'],
    ['a URL', 'incoming/http://127.0.0.1:8080/x'],
    ['a backslash', 'incoming/..\\secret.txt'],
    ['a NUL byte', 'incoming/a\u0000.txt'],
    ['a newline (log forging)', 'incoming/a\n{"level":"INFO"}.txt'],
    ['a C1 control', 'incoming/a\u0085b.txt'],
    ['a right-to-left override', 'incoming/invoice\u202Etxt.exe'],
    ['a bidi isolate', 'incoming/a\u2066b.txt'],
    ['fullwidth dots (NFKC "..")', 'incoming/\uFF0E\uFF0E/secret.txt'],
    ['a fullwidth solidus (NFKC "/")', 'incoming/a\uFF0F..\uFF0Fsecret.txt'],
    ['a one-dot leader pair (NFKC "..")', 'incoming/\u2024\u2024/secret.txt'],
    ['a two-dot leader (NFKC "..")', 'incoming/\u2025/secret.txt'],
    ['a lone surrogate', 'incoming/a\uD800.txt'],
    ['a key outside the input prefix', 'elsewhere/a.txt'],
    ['a folder placeholder', 'incoming/folder/'],
    ['the bare prefix', 'incoming/'],
  ])('refuses a key with %s', (_case, key) => {
    expect(outputKeyForUpload(key, LAYOUT)).toBeNull();
  });

  it('refuses a key whose output key would be longer than S3 allows', () => {
    const fits = `incoming/${'a'.repeat(MAX_KEY_BYTES - 'summaries/'.length - '.json'.length)}`;
    const tooLong = `incoming/${'a'.repeat(MAX_KEY_BYTES)}`;

    expect(outputKeyForUpload(fits, LAYOUT)).toHaveLength(MAX_KEY_BYTES);
    expect(outputKeyForUpload(tooLong, LAYOUT)).toBeNull();
  });

  it('never returns a key that leaves the output prefix, for any string, as given or NFKC-normalised', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', '\uFF0E\uFF0E', '\u2025', 'a', '\\', '\u202E'),
      fc.string({ maxLength: 6, unit: 'binary' }),
    );
    const relative = fc.array(segment, { maxLength: 6 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(relative, (rel) => {
        const output = outputKeyForUpload(`incoming/${rel}`, LAYOUT);
        if (output === null) return;
        for (const form of [output, output.normalize('NFKC')]) {
          expect(form.startsWith('summaries/')).toBe(true);
          expect(posix.normalize(form).startsWith('summaries/')).toBe(true);
          expect(form.split('/')).not.toContain('..');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('refusedKeyForUpload', () => {
  it.each([
    ['incoming/archive/../ferry.txt', 'summaries/_refused/archive%2F%2E%2E%2Fferry%2Etxt.json'],
    ['incoming/reports\\2026\\ferry.txt', 'summaries/_refused/reports%5C2026%5Cferry%2Etxt.json'],
    ['incoming/ferry\nstory.txt', 'summaries/_refused/ferry%0Astory%2Etxt.json'],
    ['incoming/\uFF0E\uFF0E/x', 'summaries/_refused/%EF%BC%8E%EF%BC%8E%2Fx.json'],
    ['incoming/a\uD800', 'summaries/_refused/a%EF%BF%BD.json'],
  ])('names the error document for %j as one plain segment', (key, expected) => {
    expect(refusedKeyForUpload(key, LAYOUT)).toBe(expected);
  });

  it('falls back to the hash of the key when the readable name is too long', () => {
    const key = `incoming/${'é'.repeat(400)}/../x`;

    const refused = refusedKeyForUpload(key, LAYOUT);

    expect(refused).toMatch(/^summaries\/_refused\/sha256-[0-9a-f]{64}\.json$/);
  });

  it('always gives a key under the output prefix that the output mapping itself accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (rel) => {
        const refused = refusedKeyForUpload(`incoming/${rel}`, LAYOUT);
        expect(refused.startsWith('summaries/_refused/')).toBe(true);
        expect(Buffer.byteLength(refused)).toBeLessThanOrEqual(MAX_KEY_BYTES);
        // Mapped back as if it were an upload, it is a safe key: one segment, no dots of its own.
        expect(outputKeyForUpload(`incoming/${refused.slice('summaries/'.length)}`, LAYOUT)).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('outputKeyForRequest', () => {
  it('maps the API path key under the output prefix', () => {
    expect(outputKeyForRequest('world/café.txt', LAYOUT)).toBe('summaries/world/café.txt.json');
  });

  it.each([
    '../incoming/secret.txt',
    '/etc/passwd',
    'a/../../incoming/secret.txt',
    '..\\incoming\\secret.txt',
    '\uFF0E\uFF0E/incoming/secret.txt',
    'a\u0000',
    '',
    'folder/',
  ])('answers NotFound for %j', (relative) => {
    expect(() => outputKeyForRequest(relative, LAYOUT)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('decodeEventKey', () => {
  it('refuses percent-encoding that is not UTF-8 (overlong dots, lone surrogates)', () => {
    expect(() => decodeEventKey('incoming/%C0%AE%C0%AE/secret.txt')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_INPUT' }),
    );
    expect(() => decodeEventKey('incoming/%ED%A0%80.txt')).toThrow(
      expect.objectContaining({ code: 'MALFORMED_INPUT' }),
    );
  });
});
