import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATOR } from '../../src/core/analysis.js';
import { schemaErrors } from '../support/schema.js';

describe('analysis JSON Schema', () => {
  it('rejects a document missing its summary', () => {
    expect(schemaErrors({ schemaVersion: '1.0.0', status: 'ok' })).not.toEqual([]);
  });

  it('accepts an error document and rejects one without a code', () => {
    expect(schemaErrors({ status: 'failed', error: { code: 'EMPTY_DOCUMENT', message: 'empty' } })).toEqual(
      [],
    );
    expect(schemaErrors({ status: 'failed', error: { message: 'empty' } })).not.toEqual([]);
  });

  it('names the same generator version as package.json', () => {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg).toMatchObject({ name: GENERATOR.name, version: GENERATOR.version });
  });
});
