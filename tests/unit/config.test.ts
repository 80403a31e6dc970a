import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_MAX_BYTES } from '../../src/core/limits.js';
import { ConfigurationError } from '../../src/errors.js';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('loadConfig accepted an invalid environment');
}

describe('loadConfig', () => {
  it('fills every setting but the bucket with its default', () => {
    expect(loadConfig({ LEDE_BUCKET: 'articles' })).toEqual({
      bucket: 'articles',
      outputBucket: 'articles',
      inputPrefix: 'incoming/',
      outputPrefix: 'summaries/',
      maxBytes: DEFAULT_MAX_BYTES,
      corsOrigin: null,
      serviceName: 'lede',
      metricsNamespace: 'Lede',
      logLevel: 'INFO',
      s3Endpoint: null,
      s3ForcePathStyle: false,
      tagSourceObjects: true,
      taxonomyKey: null,
      taxonomyMode: 'extend',
      taxonomyCacheSeconds: 300,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      LEDE_BUCKET: 'articles',
      LEDE_OUTPUT_BUCKET: 'analyses',
      LEDE_INPUT_PREFIX: 'in/coming/',
      LEDE_OUTPUT_PREFIX: 'out/',
      LEDE_MAX_BYTES: '1048576',
      LEDE_CORS_ORIGIN: 'https://news.example',
      LEDE_SERVICE_NAME: 'lede-test',
      LEDE_METRICS_NAMESPACE: 'LedeTest',
      LEDE_LOG_LEVEL: 'SILENT',
      LEDE_S3_ENDPOINT: 'http://127.0.0.1:4569',
      LEDE_S3_FORCE_PATH_STYLE: 'true',
      LEDE_TAG_SOURCE_OBJECTS: 'false',
      LEDE_TAXONOMY_OBJECT: 'config/taxonomy.json',
      LEDE_TAXONOMY_MODE: 'replace',
      LEDE_TAXONOMY_CACHE_SECONDS: '0',
    });
    expect(config).toEqual({
      bucket: 'articles',
      outputBucket: 'analyses',
      inputPrefix: 'in/coming/',
      outputPrefix: 'out/',
      maxBytes: 1_048_576,
      corsOrigin: 'https://news.example',
      serviceName: 'lede-test',
      metricsNamespace: 'LedeTest',
      logLevel: 'SILENT',
      s3Endpoint: 'http://127.0.0.1:4569',
      s3ForcePathStyle: true,
      tagSourceObjects: false,
      taxonomyKey: 'config/taxonomy.json',
      taxonomyMode: 'replace',
      taxonomyCacheSeconds: 0,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ LEDE_BUCKET: 'articles', LEDE_OUTPUT_BUCKET: '', LEDE_MAX_BYTES: '' });
    expect(config.outputBucket).toBe('articles');
    expect(config.maxBytes).toBe(DEFAULT_MAX_BYTES);
  });

  it('refuses a missing bucket', () => {
    expect(refusal({})).toMatch(/LEDE_BUCKET: is required/);
  });

  it('names every bad variable in one error', () => {
    const message = refusal({
      LEDE_BUCKET: 'articles',
      LEDE_MAX_BYTES: '12.5',
      LEDE_LOG_LEVEL: 'LOUD',
      LEDE_S3_ENDPOINT: 'not a url',
      LEDE_S3_FORCE_PATH_STYLE: 'yes',
      LEDE_TAXONOMY_MODE: 'merge',
      LEDE_TAXONOMY_CACHE_SECONDS: '-1',
    });
    for (const name of [
      'LEDE_MAX_BYTES',
      'LEDE_LOG_LEVEL',
      'LEDE_S3_ENDPOINT',
      'LEDE_S3_FORCE_PATH_STYLE',
      'LEDE_TAXONOMY_MODE',
      'LEDE_TAXONOMY_CACHE_SECONDS',
    ]) {
      expect(message).toContain(`${name}:`);
    }
  });

  it.each(['0', '-5', 'lots', '1e400'])('refuses LEDE_MAX_BYTES=%s', (value) => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_MAX_BYTES: value })).toMatch(/LEDE_MAX_BYTES/);
  });

  it.each(['/incoming/', 'incoming', 'a/../b/'])('refuses the prefix %s', (prefix) => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_INPUT_PREFIX: prefix })).toMatch(/LEDE_INPUT_PREFIX/);
  });

  it('refuses prefixes that contain one another', () => {
    expect(refusal({ LEDE_BUCKET: 'b12', LEDE_INPUT_PREFIX: 'in/', LEDE_OUTPUT_PREFIX: 'in/out/' })).toMatch(
      /must not contain one another/,
    );
  });

  it('refuses a taxonomy key that is a path or lies under the input prefix', () => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_TAXONOMY_OBJECT: '/taxonomy.json' })).toMatch(
      /LEDE_TAXONOMY_OBJECT: must be a key/,
    );
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_TAXONOMY_OBJECT: 'incoming/taxonomy.json' })).toMatch(
      /LEDE_TAXONOMY_OBJECT: must not be under LEDE_INPUT_PREFIX/,
    );
  });

  it('accepts only http and https S3 endpoints', () => {
    expect(refusal({ LEDE_BUCKET: 'articles', LEDE_S3_ENDPOINT: 'file:///tmp/s3' })).toMatch(
      /LEDE_S3_ENDPOINT/,
    );
    expect(loadConfig({ LEDE_BUCKET: 'articles', LEDE_S3_ENDPOINT: 'https://s3.example' }).s3Endpoint).toBe(
      'https://s3.example',
    );
  });
});
